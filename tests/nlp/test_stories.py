"""Other stories run on under the article (``stories.py``): the next story of a blog page
or a feed of teasers written as whole sentences is page chrome, found by what it is about;
the article's own sections and a live blog's entries on its subject are not. Without the
encoder no line is called another story, and the page is read by its line patterns."""

from __future__ import annotations

import numpy as np
import pytest

from workbench import nlp
from workbench.nlp import chrome, english, stories
from workbench.nlp.chrome_lines import lines_of

HEADLINE = "Council approves $12m budget to repair the town's roads"
ARTICLE = [
    "The town council approved a $12 million budget for road repairs on Tuesday, by seven"
    " votes to two.",
    "The money will resurface 40 miles of roads and fix more than 3,000 potholes reported by"
    " residents last winter.",
    "Council leader Mary Evans said the roads had been neglected for a decade and that"
    " repairs would begin in May.",
    "Opposition councillors said the budget should have included money for cycle lanes.",
]
SECTION = [
    "How the repairs will be paid for",
    "About $8 million of the road budget comes from a government grant, and the rest from"
    " the council's reserves, according to the council's finance report.",
    "The council said road repairs would not raise council tax this year.",
]
OTHER = [
    "Striker scores twice as United beat City in derby",
    "March 3, 2024",
    "United's striker scored twice in the second half as his side beat City 3-1 in"
    " Saturday's derby in front of 70,000 fans.",
    "The win lifts United to third in the league table, two points behind the leaders"
    " with eight matches left.",
]
LIVE = [
    "Polls close in the mayoral election",
    "10:05 GMT",
    "Polls have closed in the mayoral election and counting of the 240,000 ballots cast"
    " has begun in the city hall.",
    "Turnout in the mayoral election was 41%, up from 33% at the last election, the"
    " returning officer said.",
    "First results of the mayoral election",
    "11:20 GMT",
    "The first results of the mayoral election give the Labour candidate 48% of the votes"
    " counted so far in the city.",
    "The Conservative candidate has 37% of the votes counted in the mayoral election,"
    " according to the returning officer.",
]


def flagged(text: str) -> set[str]:
    lines = lines_of(text)
    _head, found = chrome.features_of(lines, stories.encoder_vectors)
    return {line.text for line, f in zip(lines, found) if f["other_story"]}


def test_a_story_about_something_else_under_the_article_is_another_story(encoder_on):
    text = "\n\n".join([HEADLINE, *ARTICLE, *SECTION, *OTHER])
    found = flagged(text)
    assert found == set(OTHER)


def test_the_articles_sections_and_a_live_blogs_entries_stay_the_page(encoder_on):
    assert flagged("\n\n".join([HEADLINE, *ARTICLE, *SECTION])) == set()
    live = "\n\n".join(["Mayoral election: live results", *LIVE])
    assert flagged(live) == set()


def test_without_the_encoder_no_line_is_another_story(encoder_off):
    text = "\n\n".join([HEADLINE, *ARTICLE, *OTHER])
    assert stories.encoder_vectors(["a sentence"]) is None
    assert flagged(text) == set()
    kinds = chrome.layout(text, embed=stories.encoder_vectors).chrome
    assert all(kind != "another story under the article" for _a, _b, kind in kinds)


def _topic_vectors(texts: list[str]) -> np.ndarray:
    """Unit vectors that say only whether a text is about roads (a stand-in for the
    model's topic, so the story boundaries below are exact)."""
    rows = [
        [1.0, 0.0] if "road" in t.lower() or "council" in t.lower() else [0.0, 1.0] for t in texts
    ]
    return np.array(rows, dtype=np.float32)


def test_a_title_above_a_date_opens_the_story_under_it_and_a_page_without_body_has_none():
    texts = [HEADLINE, *ARTICLE, "Derby day", "Striker scores twice", "March 3, 2024", *OTHER[2:]]
    titles = [len(t.split()) <= 16 and not t.endswith(".") for t in texts]
    titles[texts.index("March 3, 2024")] = False  # a date is chrome of its own, never a title
    bodies = [len(t.split()) >= 12 and t.endswith(".") for t in texts]
    found = stories.other_stories(texts, titles, bodies, 0, _topic_vectors)
    assert found == set(range(texts.index("Derby day"), len(texts)))
    # fewer body paragraphs than the lead needs: nothing to compare with
    short = [HEADLINE, ARTICLE[0], "Derby day", OTHER[2]]
    assert (
        stories.other_stories(
            short, [True, False, True, False], [False, True, False, True], 0, _topic_vectors
        )
        == set()
    )
    # no encoder: nothing
    assert stories.other_stories(texts, titles, bodies, 0, lambda _texts: None) == set()


@pytest.mark.parametrize("switch", ["", "none"], ids=["english-pipeline", "patterns-only"])
def test_the_claim_list_passes_over_the_other_story_and_keeps_the_article(
    encoder_on, monkeypatch, switch
):
    monkeypatch.setenv(english.ENV_SWITCH, switch)
    text = "\n\n".join([HEADLINE, *ARTICLE, *SECTION, *OTHER])
    everything = nlp.extract(text, include_passed=True)
    for line in OTHER[2:]:
        start = text.index(line)
        inside = [c for c in everything if start <= c.start < start + len(line)]
        assert inside and all(not c.checkworthy for c in inside), line
        assert inside[0].reasons[0] == "passed over: page chrome (another story under the article)"
    listed = " ".join(c.text for c in everything if c.checkworthy)
    for fragment in ("$12 million", "40 miles", "$8 million"):
        assert fragment in listed, (fragment, listed)
