"""Claim detection is bounded: odd sentences are passed over or read in linear time.

The patterns that could backtrack run in a child process with a generous time bound:
before, some of these took minutes (or for ever), so a hang fails the test instead of
stalling the suite.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from workbench.nlp import detector


def test_a_sentence_longer_than_spacy_accepts_is_passed_over():
    """Over 1,000,000 characters spaCy raises (exit 70 before); it is not a sentence."""
    text = "A headline\n\n" + "the minister said troops rose " * 40_000  # 1.2 MB, no full stop
    candidates = detector.extract(text, include_passed=True)
    long = [c for c in candidates if len(c.text) > detector.MAX_SENTENCE_CHARS]
    assert len(long) == 1 and not long[0].checkworthy
    assert long[0].reasons == [
        f"passed over: too long to be one sentence ({len(long[0].text):,} characters)"
    ]


def test_the_english_pipeline_has_a_budget_and_later_claims_still_get_reasons(monkeypatch):
    from workbench.nlp import english

    monkeypatch.setattr(detector, "ENGLISH_MAX_CLAIMS", 2)
    parsed = []
    pipeline = english.load()
    if pipeline is None:
        pytest.skip("no English pipeline installed")

    class Counting:
        def pipe(self, texts):
            texts = list(texts)
            parsed.extend(texts)
            return pipeline.pipe(texts)

    monkeypatch.setattr(english, "load", lambda: Counting())
    sentence = "The minister said on Tuesday that 4,000 troops crossed the border in 2023."
    text = " ".join(sentence.replace("4,000", f"{n},000") for n in range(1, 6))
    claims = detector.extract(text)
    assert len(claims) == 5 and len(parsed) == 2
    assert all(any(r.startswith(("figure", "money", "date")) for r in c.reasons) for c in claims)


@pytest.mark.parametrize(
    "call",
    [
        "claimant.claimant_from_text('A' * 5000)",
        "claimant.claimant_from_text('Aaa ' * 1250)",
        "claimant.claimant_from_text('Aa.' * 1600)",
        "signals.find_signals('1,' * 2500)",
        "signals.find_signals('$1,' * 1600)",
        "signals.find_signals('1 ' * 2500)",
        "signals.quick_signals('“aaa ' * 1000)",
        "[signals.find_signals(x) for x in ['1 per ' * 800, 'January ' * 600]]",
    ],
)
def test_patterns_take_linear_time_on_a_long_odd_sentence(call):
    code = f"from workbench.nlp import claimant, signals\nfor _ in range(200):\n    {call}\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
