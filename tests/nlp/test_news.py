"""News-aware scoring: procedural text, predictions by people and hypotheticals are passed
over with a reason; the headline is scored for its content; the news scorer is the one
the shipped files describe (``tests/training/nlp/test_train_news.py``: rebuilt
deterministically)."""

from __future__ import annotations

import pytest

from workbench import nlp
from workbench.nlp import english, model, news

HEADLINE = "Council approves $12m road budget"
FACT = (
    "The council approved a $12 million budget for road repairs on Tuesday, by seven votes to two."
)


@pytest.fixture(params=["", "none"], ids=["english-pipeline", "patterns-only"])
def pipeline(request, monkeypatch):
    monkeypatch.setenv(english.ENV_SWITCH, request.param)
    return request.param


def verdict(sentence: str, headline: str = HEADLINE):
    text = f"{headline}\n\n{FACT}\n\n{sentence}\n"
    everything = nlp.extract(text, include_passed=True)
    (found,) = [c for c in everything if c.text == sentence]
    fact = next(c for c in everything if c.text == FACT)
    assert fact.checkworthy, fact.reasons
    return found


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        (
            "Anyone with information is asked to contact police on 101, quoting reference 1234 of"
            " 12 May.",
            "procedural text (an appeal or contact instructions)",
        ),
        (
            "Police are appealing for witnesses to the crash on the A1 at 3.30pm on Wednesday 8"
            " February.",
            "procedural text (an appeal or contact instructions)",
        ),
        (
            "Information can also be provided anonymously via Crime Stoppers on 0800 555 111.",
            "procedural text (an appeal or contact instructions)",
        ),
        (
            "The motion was seconded by Councillor Smith and carried by 7 votes to 2.",
            "procedural text",
        ),
        (
            "More information to follow for details of the next meeting of the council in May.",
            "procedural text",
        ),
        (
            "If no candidate receives more than 50 percent of the votes, the last one is"
            " eliminated.",
            "hypothetical",
        ),
        (
            "Even if the rest of the 2 million uncounted votes went to Roxas, he would not win.",
            "hypothetical",
        ),
        ("Commenting on the allocations, the Minister continued:", "a lead-in to a quote"),
        ("The mayor expects the new bridge to open next year.", "prediction or intention"),
        (
            "The council plans to spend the money on the worst roads first.",
            "prediction or intention",
        ),
    ],
)
def test_news_text_that_is_not_a_claim_is_passed_over_with_its_reason(sentence, reason, pipeline):
    found = verdict(sentence)
    assert not found.checkworthy
    assert found.reasons[0].startswith(f"passed over: {reason}"), found.reasons


def test_a_report_finding_is_still_a_claim_despite_a_future_tense(pipeline):
    found = verdict("The report found that sea levels rose by 20cm between 1901 and 2018.")
    assert found.checkworthy


def test_the_headline_is_scored_for_its_content(pipeline):
    claim = nlp.extract(f"{HEADLINE}\n\n{FACT}\n", include_passed=True)[0]
    assert claim.text == HEADLINE and claim.checkworthy and claim.reasons[0] == "headline"
    label = nlp.extract(f"Live updates\n\n{FACT}\n", include_passed=True)[0]
    assert label.text == "Live updates" and not label.checkworthy


def test_news_signals_find_what_they_name():
    found = news.news_signals("If the bill passes, taxes would rise by 5%.")
    assert found.hypothetical and found.passed_over().startswith("hypothetical")
    found = news.news_signals("Final results are expected on Friday.")
    assert found.prediction and not found.passed_over()  # a day named: weighed, not ruled out
    found = news.news_signals("A result is expected later today.")
    assert found.passed_over().startswith("prediction or intention")
    found = news.news_signals("Please contact detectives on 101.")
    assert found.contact
    assert news.news_signals("The Minister said:").lead_in
    headline = news.news_signals("On the agenda: Council approves 2009 budget", headline=True)
    assert headline.procedural and not headline.passed_over()  # a headline is scored


def test_a_persons_forecast_in_figures_is_told_from_a_reports_projection():
    found = news.news_signals("Economists expect growth to slow to 2.3% next year.")
    assert found.forecast and found.prediction and not found.passed_over()  # weighed
    assert not news.news_signals("The report projects that growth will slow to 2.3%.").forecast
    assert not news.news_signals("The mayor expects the bridge to open soon.").forecast
    assert not news.news_signals("Growth slowed to 2.3% last year.").forecast


@pytest.mark.parametrize(
    "headline",
    [
        "Police appeal for witnesses after shooting in Luton",
        "Appeal for information after planks stolen from a carpark",
    ],
)
def test_an_appeal_in_the_headline_is_passed_over_as_procedural_text(headline, pipeline):
    """LABELLING.md: the headline is labelled by its content, and a police appeal is
    procedural text, in the headline as anywhere."""
    first = nlp.extract(f"{headline}\n\n{FACT}\n", include_passed=True)[0]
    assert first.text == headline and not first.checkworthy
    assert first.reasons[0].startswith("passed over: procedural text (an appeal"), first.reasons
    # A headline with a phone-like figure or "call" in it is still scored for its content.
    assert not news.news_signals("Council call for $12m road budget", headline=True).contact


def test_shipped_news_scorer_and_its_credit():
    meta = model.news_meta()
    assert 0 < meta["threshold"] < 1 and nlp.default_threshold() == meta["threshold"]
    assert set(meta["combiner"]["news"]) == set(news.FEATURES)
    assert {d["folder"] for d in meta["data"]} == {
        "set-2026-11",
        "set-2026-11-wb",
        "set-2026-11-wb2",
        "set-2026-11-wb3",
    }
    assert "news-claims" in meta["credit"]
    assert {d["folder"] for d in meta["data"]} >= {"set-2026-11"}
    assert all(d["train_articles"] > 0 for d in meta["data"])
    # The sentence scorer (eval-claims, the debates) is a different, unchanged threshold.
    assert model.threshold() == model.meta()["threshold"]
