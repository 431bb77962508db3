"""Scoring a labelled file as the app scores sentences: precision, recall, F1, speed."""

from __future__ import annotations

import time
from pathlib import Path

from workbench.nlp import detector, model
from workbench.nlp.data import f1_report, read_tsv


def evaluate(path: str | Path, threshold: float | None = None) -> dict:
    data = read_tsv(path)
    limit = detector.default_threshold() if threshold is None else threshold
    model.load()  # loading is not part of the measured speed
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
