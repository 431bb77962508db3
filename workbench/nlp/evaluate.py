"""Scoring a labelled file as the app scores sentences: precision, recall, F1, speed."""

from __future__ import annotations

import csv
import time
from pathlib import Path

from workbench.nlp import detector, model, page_score
from workbench.nlp.data import Labelled, f1_report, read_tsv


def evaluate(path: str | Path, threshold: float | None = None, layout: str = "") -> dict:
    """The sentence scorer's figures on a CheckThat! file. With ``layout="article"``, the
    article scorer's instead (news scorer, page chrome, rules), the file's sentences laid
    out as one article, a sentence a line, in their order; with ``layout="transcript"``,
    the same lines each opening with a speaker's label, as a pasted transcript (the
    speakers of ClaimBuster's ``groundtruth.csv`` when the file's ids are its sentences, as
    CT24 dev's are; else "SPEAKER")."""
    data = read_tsv(path)
    model.load()  # loading is not part of the measured speed
    if layout:
        return _evaluate_as_page(path, data, threshold, layout)
    limit = model.threshold() if threshold is None else threshold
    started = time.perf_counter()
    scored = detector.score_texts(data.texts)
    elapsed = time.perf_counter() - started
    predicted = [score >= limit and not found.passed_over for score, found in scored]
    report = f1_report(predicted, data.labels)
    report["threshold"] = limit
    report["sentences_per_second"] = round(len(data.texts) / elapsed, 1) if elapsed else None
    report["skipped_rows"] = data.skipped
    report["file"] = str(path)
    return report


def _speakers(ids: list[str]) -> list[str]:
    """Each sentence's speaker from ClaimBuster's groundtruth.csv (CT24 dev), else "SPEAKER"."""
    from workbench.nlp.data import CLAIMBUSTER_TRAIN

    path = CLAIMBUSTER_TRAIN.parent / "groundtruth.csv"
    known: dict[str, str] = {}
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as handle:
            known = {row["Sentence_id"]: row["Speaker"] for row in csv.DictReader(handle)}
    return [" ".join(known.get(i, "Speaker").split()).upper() or "SPEAKER" for i in ids]


def _evaluate_as_page(
    path: str | Path, data: Labelled, threshold: float | None, layout: str
) -> dict:
    from workbench.nlp.sentences import Sentence

    limit = detector.default_threshold() if threshold is None else threshold
    lines = [" ".join(t.split()) or "." for t in data.texts]
    if layout == "transcript":
        ids = [row[0] for row in data.rows]
        lines = [f"{speaker}: {line}" for speaker, line in zip(_speakers(ids), lines)]
    text = "\n".join(lines)
    sentences, start = [], 0
    for line in lines:
        sentences.append(Sentence(start, start + len(line)))
        start += len(line) + 1
    started = time.perf_counter()
    scored = page_score.score_page(text, sentences)
    elapsed = time.perf_counter() - started
    predicted = [
        s.score >= limit and not page_score.why_passed(s, sentence)
        for s, sentence in zip(scored, sentences)
    ]
    report = f1_report(predicted, data.labels)
    report["threshold"] = limit
    report["sentences_per_second"] = round(len(data.texts) / elapsed, 1) if elapsed else None
    report["skipped_rows"] = data.skipped
    report["file"] = str(path)
    report["scorer"] = layout
    return report
