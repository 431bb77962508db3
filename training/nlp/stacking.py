"""How the classifiers' scores and the linguistic signals are combined, and fitted.

The final log-odds of a sentence are a weighted sum: a bias, each classifier's
log-odds, and one weight per signal (``signals.FEATURES``). The weights are fitted
by logistic regression on out-of-fold predictions: the training debates are split
into folds by year, each fold is scored by classifiers trained on the other
folds, so the weights learn how far a classifier's score can be trusted on a
debate it has not seen, and what the signals add to it (stacking). Used by
``train.py``; numpy is needed only there.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from training.nlp.claimbuster import ClaimBusterRow


def debate_folds(rows: Sequence[ClaimBusterRow], folds: int) -> list[int]:
    """The fold of each row: whole debate years per fold, the biggest years first, so
    that a fold's sentences come from debates the other folds never saw."""
    sizes = Counter(row.debate[:4] for row in rows)
    load = [0] * folds
    fold_of: dict[str, int] = {}
    for year, size in sorted(sizes.items(), key=lambda item: (-item[1], item[0])):
        fold = load.index(min(load))
        fold_of[year] = fold
        load[fold] += size
    return [fold_of[row.debate[:4]] for row in rows]


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def fit_logistic(
    features: list[list[float]],
    labels: list[bool],
    l2: float = 1.0,
    prior: list[float] | None = None,
    weights: list[float] | None = None,
) -> list[float]:
    """Weights ``[bias, w1, w2, ...]`` of an L2-regularised logistic regression (the
    bias is not penalised), by Newton's method: exact, deterministic and fast for a
    dozen features. ``prior`` (one value per feature) is what the weights are pulled
    towards instead of zero: rules written down beforehand, which the data may move
    where it has evidence. ``weights`` gives each example a weight (default 1)."""
    import numpy as np

    x = np.hstack([np.ones((len(features), 1)), np.asarray(features, dtype=float)])
    y = np.asarray(labels, dtype=float)
    c = np.ones(len(y)) if weights is None else np.asarray(weights, dtype=float)
    penalty = l2 * np.eye(x.shape[1])
    penalty[0, 0] = 0.0
    centre = np.zeros(x.shape[1])
    if prior is not None:
        centre[1:] = prior
    w = centre.copy()

    def loss(v: np.ndarray) -> float:
        z = np.clip(x @ v, -30, 30)
        d = v - centre
        return float(np.sum(c * (np.logaddexp(0, z) - y * z)) + 0.5 * d @ penalty @ d)

    current = loss(w)
    for _ in range(100):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (c * (p - y)) + penalty @ (w - centre)
        hessian = (x * (c * p * (1 - p))[:, None]).T @ x + penalty
        hessian[0, 0] += 1e-9  # the bias is not penalised: keep the system solvable
        step = np.linalg.solve(hessian, gradient)
        # Damped Newton: halve the step until the loss goes down (it always converges).
        scale = 1.0
        while scale > 1e-6 and loss(w - scale * step) > current + 1e-12:
            scale /= 2
        w = w - scale * step
        current = loss(w)
        if np.abs(scale * step).max() < 1e-10:
            break
    return [float(v) for v in w]


def average_precision(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Average precision of the positive class: how well the scores rank, at every threshold."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits = 0
    total = 0.0
    for rank, i in enumerate(order, 1):
        if labels[i]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0
