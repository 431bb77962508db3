"""The linguistic signals: what the patterns find, and what they must not read into a sentence."""

from __future__ import annotations

import pytest

from workbench.nlp import signals
from workbench.nlp.signals import figures_in, find_signals, names_in, quick_signals, reasons_from


def test_figures_money_percentages_years_and_words():
    text = "The U.S. spent $115 million, 3.5 percent more than in the 1950s, on two million rounds."
    assert figures_in(text) == ["$115 million", "3.5 percent", "1950s", "two million"]


def test_names_skip_the_sentence_opening():
    assert names_in("The Pentagon said Ilya Ponomarev met Kim Jong-Un in Moscow.") == [
        "Pentagon",
        "Ilya Ponomarev",
        "Kim Jong-Un",
        "Moscow",
    ]
    assert names_in("However, nothing happened.") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Kim Jong-Un has declared that he will send troops.", "declared"),
        ("A spokesperson for the Pentagon said the troops will be used.", "said"),
        ("According to the ministry, 300 people died.", "according to"),
        ("They are allegedly sending troops.", "allegedly"),
        ("“We will win,” he added.", "added"),
        ("Prices rose by 5 percent, officials confirmed.", "confirmed"),
        ("She claimed that prices rose.", "claimed"),
    ],
)
def test_attribution_is_found(text, word):
    assert quick_signals(text).attribution == word


@pytest.mark.parametrize(
    "text",
    [
        "Now, North Korea has not declared war on Ukraine.",  # a verb with an object, not speech
        "The United States spent $5 billion on the program.",  # "States" is not "states"
        "The economy added 200,000 jobs last month.",
        "The war claimed the lives of 300 people.",
        "This claim is false and everybody knows it.",
    ],
)
def test_no_attribution_where_nobody_speaks(text):
    assert quick_signals(text).attribution == ""
    assert not any(r.startswith("attribution") for r in reasons_from(find_signals(text)))


def test_since_is_time_not_comparison():
    found = find_signals("North Korea has not fought in a war since the 1950s.")
    assert found.comparison == ""
    assert "1950s" in found.figures
    assert find_signals("Exports were higher than ever before in 2023.").comparison in {
        "higher",
        "than",
    }


def test_questions_short_and_boilerplate_are_passed_over():
    assert quick_signals("Is war ever legal?").passed_over == "question"
    long_question = (
        "And is it not true that you took $2 million from a foreign government last year?"
    )
    assert quick_signals(long_question).passed_over == ""  # a long question can carry a claim
    assert quick_signals("Thank you.").passed_over == "too short"
    assert quick_signals("(Photo: Jane Doe via AP)").passed_over == "boilerplate"
    assert quick_signals("Read more about the war").passed_over == "boilerplate"


def test_opinion_and_hedges():
    assert (
        quick_signals("Kim Jong-Un will undoubtedly use the families as leverage.").opinion
        == "undoubtedly"
    )
    assert quick_signals("In my view the policy failed badly.").opinion == "in my view"
    assert quick_signals("Unemployment fell to 3.5 percent in 2019.").opinion == ""


def test_features_and_adjustment_follow_the_weights():
    found = quick_signals("The minister said unemployment fell to 3.5 percent.")
    vector = signals.feature_vector(found)
    assert len(vector) == len(signals.FEATURES)
    on = {name for name, value in zip(signals.FEATURES, vector) if value}
    assert {"figures", "attribution", "comparison"} <= on and "question" not in on
    weights = {name: 1.0 for name in signals.FEATURES}
    assert signals.adjustment(found, weights) == pytest.approx(sum(vector))
    assert signals.adjustment(found, {}) == 0.0


def test_reasons_name_what_is_there():
    reasons = reasons_from(
        find_signals(
            "The Pentagon said “the troops will be used as cannon fodder” "
            "because of the $115 million deal."
        )
    )
    assert "figures: $115 million" in reasons
    assert "names: Pentagon" in reasons
    assert "attribution: “said”" in reasons
    assert "direct quote" in reasons
    assert "causal: “because”" in reasons
