"""Fitting the library's re-ranker (``training/library/train.py``): the logistic regression
the app's ``rank.LinearModel`` then applies."""

from __future__ import annotations

import numpy as np

from training.library.train import fit, strong_threshold
from workbench.library import rank


def test_fit_recovers_the_signal_and_the_app_applies_it():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(4000, 2)) * [1.0, 5.0] + [0.0, 10.0]
    z = 2.0 * x[:, 0] - 0.3 + 0.0 * x[:, 1]
    y = (rng.random(4000) < 1 / (1 + np.exp(-z))).astype(float)
    model = fit(x, y, ["useful", "noise"], l2=0.01)
    assert isinstance(model, rank.LinearModel)
    # Weights are on standardised features: the useful one's scale is 1, so its weight is ~2.
    assert abs(model.weights[0] - 2.0) < 0.2
    assert abs(model.weights[1]) < 0.15
    assert np.allclose([model.mean[1], model.scale[1]], [x[:, 1].mean(), x[:, 1].std()])
    p = model.probabilities({"useful": np.array([-2.0, 0.0, 2.0]), "noise": np.full(3, 10.0)})
    assert p[0] < 0.1 < p[1] < 0.9 < p[2]
    again = rank.LinearModel.from_json(model.to_json())
    assert again == model


def test_a_constant_feature_does_not_divide_by_zero():
    x = np.column_stack([np.linspace(-1, 1, 50), np.ones(50)])
    y = (x[:, 0] > 0).astype(float)
    model = fit(x, y, ["a", "constant"])
    assert model.scale[1] == 1.0 and np.isfinite(model.weights).all()


def test_strong_threshold_is_the_lowest_cut_that_is_right_often_enough():
    tops = [(0.95, True)] * 30 + [(0.85, True)] * 10 + [(0.85, False)] * 10
    assert strong_threshold(tops) == 0.86
    assert strong_threshold([(0.5, True)] * 5) == 0.99  # too few matches: the most cautious
