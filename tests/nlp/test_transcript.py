"""Transcripts: a pasted debate is recognised by its speakers' labels and scored by the
sentence (debate) scorer; the label is not part of a claim and the speaker is its
claimant; news copy with one-off labels is not a transcript. With and without the
English pipeline."""

from __future__ import annotations

import pytest

from workbench import nlp
from workbench.nlp import detector, english, page_score, transcript
from workbench.nlp.sentences import split_sentences

DEBATE = (
    "Presidential debate, second half\n\n"
    "LEHRER: Governor, your response.\n\n"
    "ROMNEY: Well, we have 23 million people out of work. The unemployment rate has been above "
    "8 percent for 43 months.\n\n"
    "OBAMA: I think the governor is wrong. We created 5 million jobs in the private sector.\n\n"
    "LEHRER: Let us move on to the deficit.\n\n"
    "ROMNEY: Gasoline prices have doubled since the president took office.\n\n"
    "OBAMA: I will cut taxes for 95 percent of working families.\n"
)


@pytest.fixture(params=["", "none"], ids=["english-pipeline", "patterns-only"])
def pipeline(request, monkeypatch):
    monkeypatch.setenv(english.ENV_SWITCH, request.param)
    return request.param


def test_a_debate_is_a_transcript_with_its_speakers():
    turns = transcript.turns(DEBATE)
    assert turns is not None
    assert [t.speaker for t in turns] == ["LEHRER", "ROMNEY", "OBAMA", "LEHRER", "ROMNEY", "OBAMA"]
    assert DEBATE[turns[1].body_start :].startswith("Well, we have")


@pytest.mark.parametrize(
    ("label", "speaker"),
    [
        ("Mr. Lehrer", "Mr. Lehrer"),
        ("Jim Lehrer (00:03:12)", "Jim Lehrer"),
        ("SEN. OBAMA", "SEN. OBAMA"),
    ],
)
def test_the_label_forms_of_transcripts(label, speaker):
    text = "\n\n".join(
        f"{label if k % 2 == 0 else 'ROMNEY'}: We have {k} million people out of work."
        for k in range(6)
    )
    turns = transcript.turns(text)
    assert turns is not None and turns[0].speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        # one-off labels of news copy
        "NASA intern finds a planet\n\nWhy it matters: It is the first planet found orbiting two "
        "stars by TESS.\n\nBackground: TESS launched in April 2018 aboard a Falcon 9 rocket.\n\n"
        "Go deeper: Watch the video of the discovery now.\n\nPhoto: NASA",
        # a press conference's questions and answers name no speaker
        "Q: How many people attended the talks?\n\nA: About 200 diplomats attended.\n\n"
        "Q: Will China take part?\n\nA: We will release information in due course.",
        # a news page with one quoted speaker
        "Unemployment falls\n\nUnemployment fell to 3.9% in March.\n\nDAVIES: It is good news.\n\n"
        "The number of people out of work dropped by 65,000 to 1.3 million.",
    ],
)
def test_news_copy_is_not_a_transcript(text):
    assert transcript.turns(text) is None


def test_a_transcript_is_scored_by_the_sentence_scorer(pipeline):
    """The pledge is weighed as the debates weigh it (a news page would pass it over as a
    prediction with nothing to check), the label is left out of the claim, and the speaker
    is the claimant."""
    everything = nlp.extract(DEBATE, include_passed=True)
    by_text = {c.text: c for c in everything}
    pledge = by_text["I will cut taxes for 95 percent of working families."]
    assert not any("prediction" in r for r in pledge.reasons), pledge.reasons
    figures = by_text["The unemployment rate has been above 8 percent for 43 months."]
    assert figures.checkworthy and figures.claimant == "ROMNEY"
    first = next(c for c in everything if "23 million" in c.text)
    assert first.text == "Well, we have 23 million people out of work."
    assert DEBATE[first.start : first.end] == first.text
    jobs = next(c for c in everything if "5 million jobs" in c.text)
    assert jobs.checkworthy and jobs.claimant == "OBAMA"
    assert not by_text["I think the governor is wrong."].checkworthy


def test_transcript_scores_are_the_sentence_scorers_on_the_article_scale():
    sentences = split_sentences(DEBATE)
    scored = page_score.score_page(DEBATE, sentences)
    (spoken,) = [
        s
        for s, sentence in zip(scored, sentences)
        if DEBATE[sentence.start : sentence.end].startswith("We created 5 million")
    ]
    assert spoken.spoken
    (alone,) = detector.score_texts(["We created 5 million jobs in the private sector."])
    # Same decision: at or above the sentence scorer's threshold is at or above the article's.
    from workbench.nlp import model, news_score

    assert (alone[0] >= model.threshold()) == (spoken.score >= news_score.threshold())
