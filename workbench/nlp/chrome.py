"""Page chrome in plain text: the lines of a pasted news page that are not the article.

A web page copied as text brings its furniture along: datelines and "Updated:"
stamps, bylines, "1 Min Read", share and comment widgets, breadcrumbs, photo
captions and credits, the headline repeated, lists of other stories, an embedded
post's author line, time-zone notices, "ENDS.". Each line of the text gets a set
of features (patterns that follow ``news-claims/LABELLING.md``, and the line's
neighbourhood: a run of short title-like lines is a list of headlines, the line
before a photo credit is a caption), and a logistic regression fitted on the
labelled news pages (``training/nlp/train_news.py``, weights in ``news.json``) turns them into
P(chrome). The first line is the headline and is never chrome. Lines found to be
chrome are passed over with the reason "page chrome" before any scoring. When the
sentence encoder is there, one more feature reads what a line is about: the lines of
another story run on under the article (``stories.py``: the next story of a blog page,
a feed of whole-sentence teasers). A feed whose stories come with their pictures under
a header ("Go deeper", "More stories") is found by its form alone, whatever its subject
(``feed_story``, ``chrome_lines._feed_start``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from workbench.nlp import stories
from workbench.nlp.chrome_lines import (
    _STRONG,
    Line,
    _ends_sentence,
    _is_body,
    all_features,
    lines_of,
)

# fmt: off
FEATURES = (
    "date_only", "byline", "agency", "widget", "copyright", "list_header", "related_link",
    "caption_start", "caption", "duplicate", "all_caps", "ellipsis",
    "before_credit", "embed", "timezone", "end_mark", "urlish", "nav", "label_only", "bracketed",
    "headline_repeat", "short_title", "in_title_run", "after_list_header", "in_short_run",
    "before_body", "after_body", "no_sentence_end", "few_letters", "long", "one_word",
    "credit_end", "label_repeat", "long_no_end", "title_case", "byline_lead", "cut_short",
    "ticker", "site_notice", "post_text", "other_story", "other_story_text", "feed_story",
)
# fmt: on
# Used only when no fitted weights are shipped (``news.json``): the strong patterns.
FALLBACK_WEIGHTS = {
    "bias": -3.0,
    "date_only": 5.0,
    "byline": 4.0,
    "agency": 5.0,
    "widget": 2.5,
    "copyright": 4.0,
    "caption_start": 5.0,
    "bracketed": 4.0,
    "related_link": 5.0,
    "duplicate": 3.0,
    "all_caps": 1.5,
    "ellipsis": 2.0,
    "list_header": 4.0,
    "caption": 4.0,
    "before_credit": 3.0,
    "embed": 4.0,
    "timezone": 5.0,
    "end_mark": 5.0,
    "urlish": 3.0,
    "nav": 3.0,
    "label_only": 4.0,
    "headline_repeat": 6.0,
    "short_title": 0.5,
    "in_title_run": 1.5,
    "after_list_header": 1.5,
    "in_short_run": 0.5,
    "before_body": 0.5,
    "after_body": 0.5,
    "no_sentence_end": 0.5,
    "few_letters": 2.0,
    "long": -2.0,
    "one_word": 0.5,
    "credit_end": 6.0,
    "label_repeat": 5.0,
    "long_no_end": 0.0,
    "title_case": 1.0,
    "byline_lead": 4.0,
    "cut_short": 2.0,
    "ticker": 5.0,
    "site_notice": 4.0,
    "post_text": 0.0,
    "other_story": 4.0,
    "other_story_text": 2.0,
    "feed_story": 4.0,
}
THRESHOLD = 0.5


# Patterns of the line itself, its photo credit, or a list header above it ("Most read"):
# only these can make a reported fact chrome (a caption, a list of other stories, which
# LABELLING.md makes chrome even when they read like claims). Where a line stands (before
# or after the body, among short lines) never can, whatever weights are fitted.
EXPLICIT = (
    *_STRONG,
    "headline_repeat",
    "duplicate",
    "before_credit",
    "all_caps",
    "ellipsis",
    "after_list_header",
    "other_story",
    "other_story_text",
    "feed_story",
)


def reported_fact(text: str) -> bool:
    """A full sentence with a verb, a figure and an attribution ("Unemployment rose to 7.1
    percent in March, the minister said."): never page chrome for where it stands alone."""
    n = len(text.split())
    if (
        not 6 <= n <= 80
        or not _ends_sentence(text)
        or not text[:1].isupper()
        and text[:1] not in "“\"'‘"
    ):
        return False
    from workbench.nlp import signals

    found = signals.quick_signals(text)
    return bool(found.figures and found.attribution)


def probability(features: dict[str, float], weights: dict[str, float]) -> float:
    z = weights.get("bias", 0.0) + sum(weights.get(k, 0.0) * v for k, v in features.items())
    return 1 / (1 + math.exp(-max(min(z, 40.0), -40.0)))


def _weights() -> tuple[dict[str, float], float]:
    from workbench.nlp import model

    fitted = model.news_meta().get("chrome")
    if fitted:
        return fitted["weights"], float(fitted.get("threshold", THRESHOLD))
    return FALLBACK_WEIGHTS, THRESHOLD


def reason(features: dict[str, float]) -> str:
    """What kind of chrome a line is, for the reason shown to the user."""
    for name, label in (
        ("headline_repeat", "the headline repeated"),
        ("date_only", "a date or time stamp"),
        ("timezone", "a time-zone notice"),
        ("byline", "a byline"),
        ("agency", "an agency credit"),
        ("embed", "an embedded post's author line"),
        ("credit_end", "a caption or credit"),
        ("label_repeat", "a caption or credit"),
        ("caption_start", "a caption or credit"),
        ("caption", "a caption or credit"),
        ("bracketed", "a note in brackets"),
        ("before_credit", "a photo caption"),
        ("list_header", "a list of other stories"),
        ("related_link", "a link to another story"),
        ("duplicate", "a line repeated on the page"),
        ("feed_story", "another story under the article"),
        ("after_list_header", "a list of other stories"),
        ("other_story", "another story under the article"),  # other_story_text goes with it
        ("in_title_run", "a list of headlines or links"),
        ("byline_lead", "a list of other stories"),
        ("cut_short", "a list of other stories"),
        ("title_case", "a list of headlines or links"),
        ("ticker", "a ticker of other stories"),
        ("site_notice", "the site's notice to its readers"),
        ("widget", "a page widget"),
        ("nav", "navigation"),
        ("urlish", "a link or file name"),
        ("end_mark", "a separator"),
        ("label_only", "a label without text"),
    ):
        if features.get(name):
            return label
    return "page furniture"


@dataclass
class Layout:
    """Where a page's headline is, which of its lines are chrome (each with its kind), and
    every line's span with its chrome log-odds (the news scorer weighs lines that look
    like chrome without being called chrome)."""

    headline: tuple[int, int] | None
    chrome: list[tuple[int, int, str]]
    lines: list[tuple[int, int, float]]


def log_odds(features: dict[str, float], weights: dict[str, float]) -> float:
    z = weights.get("bias", 0.0) + sum(weights.get(k, 0.0) * v for k, v in features.items())
    return max(min(z, 8.0), -8.0)


def features_of(
    lines: list[Line], embed: stories.Embed | None = None
) -> tuple[int, list[dict[str, float]]]:
    """The headline's index and every line's features (``chrome_lines.all_features``),
    with ``other_story`` found by ``embed`` (``stories.py``; 0 for every line without it)."""
    head, found = all_features(lines)
    for f in found:
        f["other_story"] = f["other_story_text"] = 0.0
    if embed is not None and lines:
        titles = [
            bool(f["short_title"]) and not f["headline_repeat"] and not any(f[k] for k in _STRONG)
            for f in found
        ]
        bodies = [_is_body(line) for line in lines]
        texts = [line.text for line in lines]
        for i in stories.other_stories(texts, titles, bodies, head, embed):
            found[i]["other_story"] = 1.0
            # its running text needs more than its titles: a long line is rarely chrome
            found[i]["other_story_text"] = float(bodies[i])
    return head, found


def layout(
    text: str, weights: dict[str, float] | None = None, embed: stories.Embed | None = None
) -> Layout:
    """The headline's span and the spans of the lines of ``text`` that are page chrome
    (``embed``: the sentence vectors that find other stories, when the weights use them)."""
    lines = lines_of(text)
    if not lines:
        return Layout(None, [], [])
    if weights is None:
        weights, limit = _weights()
    else:
        limit = THRESHOLD
    head, features_of_lines = features_of(lines, embed if weights.get("other_story") else None)
    odds = [log_odds(f, weights) for f in features_of_lines]
    cut = math.log(limit / (1 - limit))
    chrome = [
        (lines[i].start, lines[i].end, reason(features))
        for i, features in enumerate(features_of_lines)
        if i != head
        and odds[i] >= cut
        and not (not any(features[k] for k in EXPLICIT) and reported_fact(lines[i].text))
    ]
    spans = [
        (line.start, line.end, -8.0 if i == head else z)
        for i, (line, z) in enumerate(zip(lines, odds))
    ]
    return Layout((lines[head].start, lines[head].end), chrome, spans)


def chrome_lines(text: str, weights: dict[str, float] | None = None) -> list[tuple[int, int, str]]:
    """The spans of the lines of ``text`` that are page chrome, each with its kind."""
    return layout(text, weights).chrome
