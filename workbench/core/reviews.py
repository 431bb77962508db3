"""A fact-check in the library: a claim someone already checked, and what they found.

Plain data, no SQL and no Qt. The library store keeps these; importers make them
from ClaimReview JSON-LD, the Google Fact Check Tools API's JSON, CSV and the
workbench's own projects.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

# Colours for verdicts of other organisations' scales, by words in the label. The
# project's own claims keep their scale's colour.
_VERDICT_COLOURS = [  # the most specific first: "mostly false" before "false"
    (re.compile(r"mostly false|largely false|mainly false", re.I), "#f57c00"),
    (re.compile(r"mostly true|largely true|mainly true|mostly correct", re.I), "#7cb342"),
    (re.compile(r"half|mixture|mixed|partly|partially|needs context", re.I), "#fbc02d"),
    (
        re.compile(
            r"misleading|out of context|miscaptioned|misattributed|distort|"
            r"exaggerat|cherry|spin",
            re.I,
        ),
        "#8e24aa",
    ),
    (
        re.compile(
            r"unproven|unverified|unsupported|unfounded|no evidence|inconclusive|"
            r"satire|outdated",
            re.I,
        ),
        "#546e7a",
    ),
    (
        re.compile(
            r"pants on fire|\bfalse\b|\bfake\b|\bhoax\b|incorrect|\bwrong\b|"
            r"\bscam\b|fabricated|not true|\bno\b|debunked|\bfalso\b|\bfaux\b",
            re.I,
        ),
        "#c62828",
    ),
    (
        re.compile(
            r"\btrue\b|correct|accurate|\byes\b|verified|legit|\bvrai\b|\bverdadero\b", re.I
        ),
        "#2e7d32",
    ),
]
NEUTRAL_COLOUR = "#757575"


def verdict_colour(
    label: str, rating: float | None = None, best: float | None = None, worst: float | None = None
) -> str:
    """A colour for a verdict from another scale: from its words, else its rating."""
    text = (label or "").strip()
    for pattern, colour in _VERDICT_COLOURS:
        if text and pattern.search(text):
            return colour
    if rating is not None and best is not None and worst is not None and best != worst:
        share = (rating - worst) / (best - worst)
        if share >= 0.8:
            return "#2e7d32"
        if share >= 0.6:
            return "#7cb342"
        if share >= 0.4:
            return "#fbc02d"
        if share >= 0.2:
            return "#f57c00"
        return "#c62828"
    return NEUTRAL_COLOUR


def first_sentence(text: str, limit: int = 300) -> str:
    """The first sentence of a rationale (what the library keeps of it)."""
    text = " ".join((text or "").split())
    match = _SENTENCE_END.search(text)
    sentence = text[: match.start()] if match else text
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


@dataclass
class Review:
    """One checked claim. ``key`` identifies it in the library (its review URL if any).

    ``project`` and ``project_claim_id`` are set for claims from the user's own
    projects, so the window can open the project at that claim.
    """

    claim: str
    url: str = ""
    title: str = ""
    claimant: str = ""
    verdict: str = ""
    colour: str = ""
    rating: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    publisher: str = ""
    publisher_url: str = ""
    date: str = ""
    rationale: str = ""
    quote: str = ""
    appearance: str = ""
    article: str = ""
    evidence: list[str] = field(default_factory=list)
    language: str = ""
    project: str = ""
    project_claim_id: int | None = None
    source: str = ""
    imported_at: str = ""  # set by the library when the review is added
    key: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        self.claim = " ".join((self.claim or "").split())
        if not self.key:
            self.key = review_key(self)
        if not self.colour:
            self.colour = verdict_colour(
                self.verdict, self.rating, self.best_rating, self.worst_rating
            )

    @property
    def matched_text(self) -> str:
        return self.claim or self.title


_SCHEME = re.compile(r"^https?://(www\.)?", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"'(])")


def normalise_url(url: str) -> str:
    """A review URL as a dedup key: scheme, ``www.``, the host's case and a final slash do
    not count."""
    url = (url or "").strip()
    if not url:
        return ""
    lowered = _SCHEME.sub("", url)
    host, _, rest = lowered.partition("/")
    rest = rest.rstrip("/")
    return f"{host.lower()}/{rest}" if rest else host.lower()


def review_key(review: Review) -> str:
    """The identity of a review: its URL; a project's claim; else its text and publisher."""
    if review.project and review.project_claim_id is not None:
        return f"project:{review.project}#{review.project_claim_id}"
    if review.url:
        return "url:" + normalise_url(review.url)
    digest = hashlib.sha256(
        "\x1f".join(
            [review.claim.lower(), review.publisher.lower(), review.verdict.lower(), review.date]
        ).encode("utf-8")
    ).hexdigest()[:24]
    return f"text:{digest}"
