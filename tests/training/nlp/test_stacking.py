"""The combiner's fitting: logistic regression, folds by debate, average precision."""

from __future__ import annotations

import math
import random

import pytest

from training.nlp.claimbuster import ClaimBusterRow
from training.nlp.stacking import average_precision, debate_folds, fit_logistic


def test_logistic_regression_recovers_known_weights():
    rng = random.Random(1)
    true = [-1.0, 2.0, -0.5]
    x, y = [], []
    for _ in range(20000):
        row = [rng.gauss(0, 1), float(rng.random() < 0.5)]
        z = true[0] + true[1] * row[0] + true[2] * row[1]
        x.append(row)
        y.append(rng.random() < 1 / (1 + math.exp(-z)))
    weights = fit_logistic(x, y, l2=0.0)
    assert weights == pytest.approx(true, abs=0.1)
    # A strong penalty pulls the weights (not the bias) towards zero.
    shrunk = fit_logistic(x, y, l2=1e5)
    assert abs(shrunk[1]) < 0.2 and abs(shrunk[2]) < 0.2


def test_folds_keep_a_debate_year_together():
    rows = [
        ClaimBusterRow(str(i), "text", 0, f"{year}-10-0{i % 3}.txt")
        for i, year in enumerate([1960] * 5 + [1976] * 4 + [1980] * 3 + [1984] * 2 + [1988] * 6)
    ]
    folds = debate_folds(rows, 3)
    by_year: dict[str, set[int]] = {}
    for row, fold in zip(rows, folds, strict=False):
        by_year.setdefault(row.debate[:4], set()).add(fold)
    assert all(len(f) == 1 for f in by_year.values())
    assert set(folds) == {0, 1, 2}
    assert debate_folds(rows, 3) == folds  # deterministic


def test_average_precision_by_hand():
    assert average_precision([0.9, 0.8, 0.7, 0.1], [True, False, True, False]) == pytest.approx(
        (1 + 2 / 3) / 2
    )
    assert average_precision([0.9, 0.8], [True, True]) == 1.0
    assert average_precision([0.9, 0.8], [False, False]) == 0.0
