"""Linguistic signals of check-worthiness, found with patterns alone (no model needed).

Each signal is a named feature with a reason a person can read. They are used in
two ways: as features that adjust the trained model's score (``adjust``), and as
the reasons shown beside a claim. The English spaCy pipeline, when installed,
adds better reasons (entity types, the claimant): see ``english.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

NUMBER_WORDS = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundreds|thousands|millions|billions|dozens|twice)"
)
SCALE_WORDS = r"(?:hundred|thousand|million|billion|trillion|bn|m|k)"

# A figure starts where a run of digits, commas and points starts (".5" too), and takes the
# run whole (possessive): "1,1,1,..." is then one attempt, not one per digit to its end.
_RUN = r"(?:(?<![\d,.])|(?<=(?<![\d,.])[,.]))\b\d[\d,.]*+"
_MONEY = re.compile(
    r"(?:[$€£¥₹]\s?\d[\d,.]*(?:\s?" + SCALE_WORDS + r")?\b"
    r"|"
    + _RUN
    + r"\s?(?:"
    + SCALE_WORDS
    + r"\s)?(?:dollars|euros|pounds|yen|rubles|roubles|USD|EUR|GBP)\b)",
    re.IGNORECASE,
)
_PERCENT = re.compile(_RUN + r"\s?(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)s?\b")
_DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?:\s\d{1,2})?"
    r"|\b(?:last|next|this) (?:week|month|year|decade)\b|\b(?:a|one|two|three) (?:week|month"
    r"|year)s? (?:ago|after|before)\b",
)
_NUMBER = re.compile(
    r"\b\d[\d,.]*(?:\s?"
    + SCALE_WORDS
    + r")?\b|\b"
    + NUMBER_WORDS
    + r"(?:[\s-]"
    + SCALE_WORDS
    + r")?\b",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"[“\"]([^”\"]{3,})[”\"]")


class Lexicon:
    """Words and phrases looked up in a sentence's lower-cased tokens (much faster than a
    regular expression with a long alternation)."""

    def __init__(self, entries: str) -> None:
        items = [e.strip() for e in entries.split("|") if e.strip()]
        self.words = frozenset(e for e in items if " " not in e)
        self.phrases = [(f" {e} ", e) for e in items if " " in e]

    def find(self, tokens: list[str], joined: str) -> str:
        """The first phrase found in ``joined`` (space-padded), else the first token
        that is one of the words, else ""."""
        for padded, phrase in self.phrases:
            if padded in joined:
                return phrase
        if self.words.isdisjoint(tokens):
            return ""
        return next(token for token in tokens if token in self.words)


# Verbs and adverbs that report what someone said: nearly always an attribution.
ATTRIBUTION = Lexicon(
    "said|says|say|stated|told|tells|explained|insisted|argued|wrote|warned|alleged|"
    "acknowledged|testified|tweeted|according to|allegedly|reportedly"
)
# Verbs that report speech only with a clause or a quote after them: "declared that ..."
# is an attribution, "has not declared war" is not; "claimed the lives of", "added
# 200,000 jobs", "the United States" (matched case-sensitively below) neither.
REPORTING = (
    "declared|announced|reported|reports|claimed|claims|added|noted|confirmed|denied|"
    "admitted|estimated|posted|states|stressed|suggested|revealed"
)
_REPORTING = re.compile(rf"\b({REPORTING})\b(?=\s*(?:that\b|[:“\"”,.;]|$))")
COMPARISON = Lexicon(
    "more|less|fewer|most|least|higher|lower|larger|smaller|bigger|greater|better|worse|best|"
    "worst|largest|smallest|biggest|highest|lowest|fastest|first|only|record|doubled|tripled|"
    "halved|increased|decreased|rose|fell|dropped|grew|declined|surged|plunged|compared|than|"
    "strongest|weakest|richest|poorest|oldest|youngest|deadliest|cheapest|greatest"
)
CAUSAL = Lexicon(
    "because|cause|caused|causes|causing|therefore|blamed|consequently|due to|as a result|"
    "lead to|leads to|led to|result in|results in|resulted in|thanks to|responsible for|"
    "in exchange for|so that"
)
# Opinion, speculation and hedging: the author's voice rather than a checkable fact.
OPINION = Lexicon(
    "undoubtedly|certainly|surely|sadly|unfortunately|hopefully|clearly|obviously|arguably|"
    "perhaps|probably|should|imagine|one must|must wonder|must question|must ask|in my view|"
    "in my opinion|i think|i believe|i feel|we believe|it seems|seems to|is likely to|"
    "are likely to|may very well|might well|could well|chess pieces|simply waiting|"
    "opens the door|ought to|let's|let us|of course"
)
_REPORTING_WORDS = set(REPORTING.split("|"))
NUMBER_TOKENS = set(NUMBER_WORDS.strip("(?:)").split("|"))
# Word lists: laid out by hand, not by the formatter.
# fmt: off
DATE_TOKENS = {
    "January", "February", "March", "April", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday",
}
# fmt: on
_TOKEN = re.compile(r"[\w'’]+")
_DIGIT_OR_CURRENCY = re.compile(r"[\d$€£¥₹]")
_NAME = re.compile(
    r"\b(?:[A-Z][a-z]+(?:[-'][A-Z][a-z]+)*|[A-Z]{2,})(?:\s(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*"
    r"|[A-Z]{2,}))*\b"
)
# fmt: off
_SENTENCE_START_WORDS = {
    "A", "An", "The", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I",
    "You", "Now", "So", "But", "And", "Or", "If", "In", "On", "At", "As", "For", "From",
    "Furthermore", "However", "Moreover", "Meanwhile", "Yes", "No", "Well", "All", "One",
    "Is", "Are", "Was", "Were", "Do", "Does", "Did", "What", "Why", "How", "When", "Where",
    "Who", "There", "Here", "Our", "My", "His", "Her", "Their", "Its", "After", "Before",
}
SENTENCE_START_WORDS = _SENTENCE_START_WORDS | {
    "Some", "Many", "Most", "Few", "Several", "Both", "Each", "Every", "No", "None", "Other",
    "Such", "Since", "While", "Although", "Though", "Despite", "During", "Under", "Over", "Until",
    "Unlike", "Like", "With", "Without", "Because", "Later", "Earlier", "Still", "Yet", "Also",
    "Then", "Today", "Yesterday", "Last", "Next", "First", "Second", "Third", "Finally", "Instead",
    "Officials", "Police", "Researchers", "Scientists", "Experts", "Analysts", "Residents",
}
# fmt: on
_BOILERPLATE = re.compile(
    r"^(?:\(.*\)|photo:.*|image:.*|credit:.*|©.*|copyright.*|https?://\S+|www\.\S+|"
    r"read more.*|related:.*|advertisement|share this.*|follow us.*|sign up.*|subscribe.*)$",
    re.IGNORECASE,
)

MIN_WORDS = 5
# A short question is rhetorical or asks; a long one often carries a claim ("... and you
# took money from China?"), so it is only scored down.
QUESTION_WORDS = 12


@dataclass
class Signals:
    """What the patterns found in one sentence."""

    figures: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    quote: bool = False
    attribution: str = ""
    comparison: str = ""
    causal: str = ""
    opinion: str = ""
    question: bool = False
    short: bool = False
    boilerplate: bool = False
    words: int = 0

    @property
    def passed_over(self) -> str:
        """Why the sentence is not a claim whatever its score, or "" when it may be one."""
        if self.boilerplate:
            return "boilerplate"
        if self.question and self.words < QUESTION_WORDS:
            return "question"
        if self.short:
            return "too short"
        return ""


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    lowered: set[str] = set()
    for item in items:
        item = item.strip(" ,.;:")
        if item and item.lower() not in lowered:
            seen[item] = None
            lowered.add(item.lower())
    return list(seen)


def figures_in(text: str) -> list[str]:
    """Money, percentages, years, dates and other numbers, longest first per place."""
    found: list[tuple[int, int, str]] = []
    taken = bytearray(len(text))  # characters already part of a figure (linear, not pairwise)
    for pattern in (_MONEY, _PERCENT, _DATE, _YEAR, _NUMBER):
        for match in pattern.finditer(text):
            a, b = match.span()
            if not any(taken[a:b]):
                found.append((a, b, match.group()))
                taken[a:b] = b"\x01" * (b - a)
    return _unique([value for _, _, value in sorted(found)])


def names_in(text: str) -> list[str]:
    """Capitalised word runs that are not just the first word of the sentence."""
    names = []
    for match in _NAME.finditer(text):
        words = match.group().split()
        while words and words[0] in _SENTENCE_START_WORDS:
            words = words[1:]
        if words:
            names.append(" ".join(words))
    return _unique(names)


def _has_name(text: str) -> bool:
    words = _SENTENCE_START_WORDS
    return any(not words.issuperset(match.group().split()) for match in _NAME.finditer(text))


def _tokens(text: str) -> tuple[list[str], list[str], str]:
    original = _TOKEN.findall(text)
    lower = [t.lower().replace("’", "'") for t in original]
    return original, lower, " " + " ".join(lower) + " "


def token_views(text: str) -> tuple[list[str], list[str], str]:
    """The words of ``text`` as written, in lower case, and joined with spaces (padded), as
    ``Lexicon.find`` wants them."""
    return _tokens(text)


def _has_figure(text: str, original: list[str], lower: list[str]) -> bool:
    if _DIGIT_OR_CURRENCY.search(text):
        return True
    return not NUMBER_TOKENS.isdisjoint(lower) or not DATE_TOKENS.isdisjoint(original)


def _attribution(text: str, original: list[str], joined: str, quoted: bool) -> str:
    """The words that attribute the sentence to someone, or "".

    Verbs are matched as written (lower case), so "States" in "the United States" is
    not "states"; a verb that also takes a plain object counts only before "that", a
    colon, a quote or the end of a clause, or anywhere in a sentence with a quote.
    """
    found = ATTRIBUTION.find(original, joined)  # the words are lower case: "States" is not one
    if found:
        return found
    if quoted:
        for token in original:
            if token in _REPORTING_WORDS:
                return token
    match = _REPORTING.search(text)
    return match.group(1) if match else ""


def quick_signals(text: str) -> Signals:
    """The signals needed to score a sentence, found with look-ups only (fast).

    The figure and name lists hold at most one item: enough for ``adjustment`` and
    ``passed_over``; ``find_signals`` gives the full lists for reasons.
    """
    stripped = text.strip()
    original, lower, joined = _tokens(stripped)
    # A quote ends at a closing mark: searching only up to the last one keeps an opening
    # mark that is never closed from rescanning the rest of the sentence (quadratic).
    closing = max(stripped.rfind("”"), stripped.rfind('"'))
    quote_match = _QUOTE.search(stripped, 0, closing + 1) if closing > 0 else None
    unquoted = (
        (_QUOTE.sub("", stripped[: closing + 1]) + stripped[closing + 1 :]).strip()
        if quote_match
        else stripped
    )
    return Signals(
        figures=["figure"] if _has_figure(stripped, original, lower) else [],
        names=["name"] if _has_name(stripped) else [],
        quote=bool(quote_match),
        attribution=_attribution(stripped, original, joined, bool(quote_match)),
        comparison=COMPARISON.find(lower, joined),
        causal=CAUSAL.find(lower, joined),
        opinion=OPINION.find(lower, joined),
        question=stripped.endswith("?") or (unquoted.endswith("?") and not quote_match),
        short=len(original) < MIN_WORDS,
        boilerplate=bool(_BOILERPLATE.match(stripped)),
        words=len(original),
    )


def find_signals(text: str, quick: Signals | None = None) -> Signals:
    """All the signals of a sentence, with the full lists of figures and names (for reasons).

    ``quick``: the sentence's ``quick_signals`` if already known (not found again).
    """
    found = replace(quick) if quick is not None else quick_signals(text)
    stripped = text.strip()
    if found.figures:
        found.figures = figures_in(stripped) or found.figures
    if found.names:
        found.names = names_in(stripped)
    return found


# The signals that move the classifier's log-odds, in a fixed order. The weights come
# from the trained model (fitted by logistic regression, see ``train.py``); these
# hand-set ones are used only when no trained model is present.
FEATURES = (
    "figures",
    "names",
    "attribution",
    "quote",
    "comparison",
    "causal",
    "opinion",
    "question",
)
WEIGHTS = {
    "figures": 0.6,
    "names": 0.25,
    "attribution": 0.6,
    "quote": 0.2,
    "comparison": 0.15,
    "causal": 0.1,
    "opinion": -1.2,
    "question": -1.5,
}


def feature_vector(signals: Signals) -> list[float]:
    """1.0 for each signal of ``FEATURES`` the sentence has, else 0.0."""
    return [1.0 if getattr(signals, name) else 0.0 for name in FEATURES]


def adjustment(signals: Signals, weights: dict[str, float] | None = None) -> float:
    """How much the signals move the model's log-odds."""
    weights = WEIGHTS if weights is None else weights
    return sum(weights.get(name, 0.0) for name in FEATURES if getattr(signals, name))


def reasons_from(signals: Signals) -> list[str]:
    """Readable reasons from the patterns alone (the fallback without the English pipeline)."""
    reasons: list[str] = []
    if signals.figures:
        reasons.append("figures: " + ", ".join(signals.figures[:5]))
    if signals.names:
        reasons.append("names: " + ", ".join(signals.names[:5]))
    if signals.attribution:
        reasons.append(f"attribution: “{signals.attribution}”")
    if signals.quote:
        reasons.append("direct quote")
    if signals.comparison:
        reasons.append(f"comparison: “{signals.comparison}”")
    if signals.causal:
        reasons.append(f"causal: “{signals.causal}”")
    if signals.opinion:
        reasons.append(f"opinion or hedge: “{signals.opinion}”")
    return reasons
