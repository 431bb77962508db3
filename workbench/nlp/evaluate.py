"""Scoring a labelled file as the app scores sentences: precision, recall, F1, speed."""

from __future__ import annotations

import time
from pathlib import Path

from workbench.nlp import detector, model
from workbench.nlp.data import f1_report, read_tsv


def evaluate(path: str | Path, threshold: float | None = None, as_article: bool = False) -> dict:
    """The sentence scorer's figures on a CheckThat! file; with ``as_article``, the article
    scorer's instead (news scorer, page chrome, rules), the file's sentences laid out as
    one article, a sentence a line, in their order."""
    data = read_tsv(path)
    model.load()  # loading is not part of the measured speed
    if as_article:
        return _evaluate_as_article(path, data, threshold)
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


def _evaluate_as_article(path, data, threshold: float | None) -> dict:
    from workbench.nlp.sentences import Sentence

    limit = detector.default_threshold() if threshold is None else threshold
    lines = [" ".join(t.split()) or "." for t in data.texts]
    text = "\n".join(lines)
    sentences, start = [], 0
    for line in lines:
        sentences.append(Sentence(start, start + len(line)))
        start += len(line) + 1
    started = time.perf_counter()
    scored = detector.score_page(text, sentences)
    elapsed = time.perf_counter() - started
    predicted = [s.score >= limit and not detector.why_passed(s, sentence)
                 for s, sentence in zip(scored, sentences)]
    report = f1_report(predicted, data.labels)
    report["threshold"] = limit
    report["sentences_per_second"] = round(len(data.texts) / elapsed, 1) if elapsed else None
    report["skipped_rows"] = data.skipped
    report["file"] = str(path)
    report["scorer"] = "article"
    return report
