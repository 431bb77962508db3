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


# A feed of other stories under a "Go deeper" header, each with its picture: about the
# same subject as the article (roads, money, the council), so the topic test cannot tell
# it from the article; its form does.
FEED = [
    "Go deeper",
    "County approves $30m bridge plan after years of delays",
    "The old river bridge in 2019. Photo: John Smith/Getty Images",
    "The county council approved a $30 million plan to replace the river bridge on"
    " Monday, after three years of delays and two failed tenders.",
    "Why it matters: The bridge carries 20,000 vehicles a day and was rated unsafe for"
    " lorries in a 2021 inspection, the county's engineers said.",
    "Go deeperArrowJan 21, 2024",
    "Road deaths fall to a ten-year low",
    "A speed camera on the ring road. Illustration: Jane Doe/Example",
    "Road deaths in the county fell to 14 last year, the lowest number in a decade,"
    " according to police figures published on Friday.",
]
RELATED = [
    "Related readings:",
    "Council votes on roads budget",
    "Potholes: what residents say",
    "The repairs will start on the town's main roads, where 1,200 of the potholes were"
    " reported, and reach the villages by September.",
]


def feed_lines(text: str) -> set[str]:
    lines = lines_of(text)
    _head, found = chrome.features_of(lines)
    return {line.text for line, f in zip(lines, found) if f["feed_story"]}


def test_a_feed_of_stories_with_their_pictures_under_a_header_is_chrome_from_its_first_title():
    text = "\n\n".join([HEADLINE, *ARTICLE, *FEED])
    assert feed_lines(text) == set(FEED[1:])  # the header is chrome by its own pattern
    # the same page without the header: a title and a caption inside the article are the
    # article's own picture, not a feed
    without = "\n\n".join([HEADLINE, *ARTICLE, *FEED[1:]])
    assert feed_lines(without) == set()
    # a list of related links without pictures, then the article going on: the article
    text = "\n\n".join([HEADLINE, *ARTICLE[:2], *RELATED, *ARTICLE[2:]])
    assert feed_lines(text) == set()
    # a header before the body has begun ("Related: ..." under the headline) opens no feed
    text = "\n\n".join([HEADLINE, "Go deeper", *FEED[1:3], *ARTICLE])
    assert feed_lines(text) == set()


@pytest.mark.parametrize("switch", ["", "none"], ids=["english-pipeline", "patterns-only"])
def test_the_claim_list_passes_over_a_same_subject_feed_with_or_without_the_encoder(
    encoder_off, monkeypatch, switch
):
    monkeypatch.setenv(english.ENV_SWITCH, switch)
    text = "\n\n".join([HEADLINE, *ARTICLE, *FEED])
    everything = nlp.extract(text, include_passed=True)
    for line in (FEED[3], FEED[4], FEED[8]):
        start = text.index(line)
        inside = [c for c in everything if start <= c.start < start + len(line)]
        assert inside and all(not c.checkworthy for c in inside), line
        assert inside[0].reasons[0] == "passed over: page chrome (another story under the article)"
    listed = " ".join(c.text for c in everything if c.checkworthy)
    for fragment in ("$12 million", "40 miles"):
        assert fragment in listed, (fragment, listed)
    # the article going on after a list of related links keeps its claim
    text = "\n\n".join([HEADLINE, *ARTICLE[:2], *RELATED, *ARTICLE[2:]])
    listed = " ".join(c.text for c in nlp.extract(text) if c.checkworthy)
    assert "1,200 of the potholes" in listed
