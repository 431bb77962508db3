"""Fixtures of the claim-detection tests: the sentence encoder switched on or off."""

from __future__ import annotations

import pytest

from workbench.nlp import encoder


@pytest.fixture
def encoder_on(monkeypatch):
    monkeypatch.delenv(encoder.ENV_SWITCH, raising=False)
    encoder.reset()
    yield
    encoder.reset()


@pytest.fixture
def encoder_off(monkeypatch):
    monkeypatch.setenv(encoder.ENV_SWITCH, "none")
    encoder.reset()
    yield
    encoder.reset()
