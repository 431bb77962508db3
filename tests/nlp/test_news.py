"""News-aware scoring: procedural text, predictions by people and hypotheticals are passed
over with a reason; the headline is scored for its content; the news scorer is the one
the shipped files describe (``tests/training/nlp/test_train_news.py``: rebuilt
deterministically)."""

from __future__ import annotations

import pytest

from workbench import nlp
from workbench.nlp import chrome, english, model, news

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
    from training.nlp.train_news import DEFAULT_FOLDERS

    # Every labelled set it is trained from (each has train pages), the first one first.
    assert [d["folder"] for d in meta["data"]] == [folder.name for folder in DEFAULT_FOLDERS]
    assert meta["data"][0]["folder"] == "set-2026-11" and len(meta["data"]) >= 12
    assert set(meta["chrome"]["weights"]) == {"bias", *chrome.FEATURES}
    assert "news-claims" in meta["credit"]
    assert {d["folder"] for d in meta["data"]} >= {"set-2026-11"}
    assert all(d["train_articles"] > 0 for d in meta["data"])
    # The sentence scorer (eval-claims, the debates) is a different, unchanged threshold.
    assert model.threshold() == model.meta()["threshold"]


@pytest.mark.parametrize(
    "text, reported",
    [
        ("Kim Jong-Un has declared that he will send troops to Ukraine.", True),
        ("The ministry announced on Monday that fares will rise by 5% in May.", True),
        ("The Prime Minister told reporters that the bill would pass.", True),
        ("The government will raise fares next year.", False),
        ("“We will win,” he said.", False),  # the future inside the quote, not reported that
        ("Fares rose by 5% in May, the ministry said.", False),
    ],
)
def test_the_future_in_a_reported_declaration_is_its_own_signal(text, reported):
    found = news.news_signals(text)
    assert found.reported_future is reported
    if reported:
        assert not found.future  # weighed as the report it is, not as the article's "will"
    assert news.news_signals("The government will raise fares next year.").future == "will"


def test_a_page_cut_off_mid_sentence_marks_its_last_sentence(pipeline):
    """A page copied or stored only in part ends mid-sentence: that last sentence, and only
    it, carries ``cut_end`` (a whole last sentence does not)."""
    from workbench.nlp import page_score
    from workbench.nlp.sentences import split_sentences

    def last_signals(text: str) -> list[bool]:
        found = page_score.page_signals(text, split_sentences(text)).found
        return [f.cut_end for f in found]

    cut = f"{HEADLINE}\n\n{FACT}\n\nPolice said 88 of th"
    whole = f"{HEADLINE}\n\n{FACT}\n\nPolice said 88 of them were released on Friday."
    assert last_signals(cut) == [False, False, True]
    assert last_signals(whole) == [False, False, False]
    assert "cut_end" in news.FEATURES


@pytest.mark.parametrize(
    ("text", "prediction"),
    [
        ("Nike reported a higher-than-expected quarterly profit of $866 million.", False),
        ("That was ahead of a 38-cent forecast by analysts polled by Refinitiv.", False),
        ("Sales beat estimates of $1.2 billion for the third quarter running.", False),
        ("Unemployment fell unexpectedly to 3.9% in March.", False),
        ("Analysts expect profit to rise to 40 cents a share next quarter.", True),
        ("Profit rose 5%, as expected, but the firm expects a slowdown in 2025.", True),
        ("Inflation is expected to average 4.5% this year.", True),
    ],
)
def test_a_result_set_against_a_forecast_is_not_a_prediction(text, prediction):
    """ "Higher than expected", "ahead of a forecast", "beat estimates": a past result
    compared with a prediction is a fact to check, not a forecast."""
    found = news.news_signals(text)
    assert bool(found.prediction) is prediction, found.prediction
    assert found.forecast is prediction


@pytest.mark.parametrize(
    ("text", "mixed"),
    [
        (
            "North Korea has not fought in a war since the 1950s, and sadly, these troops may "
            "very well be sent to the front.",
            True,
        ),
        ("Prices rose 3% last year, but I think they will fall.", True),
        ("I think the budget is a disaster.", False),
        ("It seems the minister may very well resign.", False),
    ],
)
def test_a_hedge_beside_a_checkable_clause_does_not_weigh_the_sentence_down(text, mixed):
    """LABELLING.md: a sentence that mixes opinion with a checkable fact is a claim. The
    hedge in a clause of its own is not counted against the fact in the other clause."""
    from workbench.nlp import news_score, signals

    debate = signals.quick_signals(text)
    assert debate.opinion
    found = news.news_signals(text, opinion=debate.opinion)
    assert found.mixed is mixed
    hedge = len(model.combiner()["classifiers"]) + signals.FEATURES.index("opinion")
    assert news_score.feature_vector(None, debate, found)[hedge] == (0.0 if mixed else 1.0)
