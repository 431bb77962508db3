"""The speaker's noun phrase in a sentence's words (``claimant.py`` finds where it is):
the tokens, where a reporting verb may stand, the phrase before or after a verb, and a
document that is "of" something ("a survey of 2,000 adults found")."""

from __future__ import annotations

import re

from workbench.nlp.claimant_words import (
    _AMBIGUOUS,
    _BETWEEN,
    _LEADING,
    _LINK_WORDS,
    _PREPOSITIONS,
    _STOP,
    _TIME_WORDS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    PRONOUNS,
    SAY,
    SPEAKER_NOUNS,
)
from workbench.nlp.claimant_words import clean as _clean

_TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Hon|St|Jr|Sr|Cr|Cllr|Coun|Insp|"
    r"Supt|Det|Cpl|Maj|Adm|Cmdr|Fr|Mt|No)\.(?=\s)|[A-Z]\.(?=\s[A-Z])"  # titles, initials
    r"|\([A-Z][A-Za-z0-9&.-]{1,11}\)(?=[\s,.;:])"  # "(NBS)": a bracketed acronym, part of the name
    r"|[\w][\w'’.&-]*[\w]|[\w]|[“”\"‘’,:;()—–]|\S"
)
_QUOTES = '“”"‘’'


def _is_cap(token: str) -> bool:
    return token[:1].isupper() or token[:1] == "(" and token[1:2].isupper()


def _participle(token: str) -> bool:
    """ "Speaking at the conference, ...", "Addressing reporters, ...": an opening clause."""
    return (
        token[:1].isupper()
        and token.lower().endswith("ing")
        and token.lower() not in {"king", "beijing", "ring"}
    )


def _speaker_noun(word: str) -> bool:
    """A noun that can head a speaker's phrase: the list, or a profession by its ending
    ("neuroscientists", "statisticians", "epidemiologists")."""
    return (
        word in SPEAKER_NOUNS
        or len(word) > 7
        and word.endswith(("ists", "ologist", "ians", "ician"))
    )


def _closes_straight(tokens: list[str], first: int) -> bool:
    """Whether the sentence's first mark, a straight one, closes a quotation opened in an
    earlier sentence ("Some of them we have found, and they are dead," Zelensky stated):
    it follows a word and a comma or stop, an odd number of straight marks stand in the
    sentence, and the word before the comma is no reporting verb (X said, "Our results
    ...": an opening mark)."""
    return (
        tokens[first] == '"'
        and first >= 2
        and tokens[first - 1] in {",", ".", "?", "!"}
        and tokens[first - 2].lower() not in SAY
        and tokens.count('"') % 2 == 1
    )


def _verb_positions(tokens: list[str]) -> list[bool]:
    """Where a reporting verb may stand: outside quotation marks (a verb inside a quote is
    the quoted speaker's words: "“Members of the public reported ...,” Kent Police said"),
    written in lower case, or capitalised in a headline written in title case ("Prime
    Minister Says ...")."""
    words = [t for t in tokens if t[:1].isalpha()]
    title_case = len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)
    inside = [False] * len(tokens)
    state = False
    first = next((k for k, t in enumerate(tokens) if t in {"“", "”", '"'}), -1)
    if first >= 0 and (tokens[first] == "”" or _closes_straight(tokens, first)):
        state = True  # the sentence goes on with a quotation opened before it
    for k, token in enumerate(tokens):
        if token == "“" or token == '"' and not state:
            state = True
        elif token == "”" or token == '"' and state:
            state = False
        else:
            inside[k] = state
    return [
        not inside[k] and (t[:1].islower() or title_case and k > 0 and t[:1].isupper())
        for k, t in enumerate(tokens)
    ]


def _np_word(token: str, lower: str) -> bool:
    """A word that can be part of a speaker's noun phrase."""
    if _is_cap(token) or lower in SPEAKER_NOUNS or lower in DETERMINERS or lower in _LINK_WORDS:
        return True
    if lower.endswith(("'s", "’s")):
        return True
    return (
        token.replace("-", "").isalpha()
        and lower not in _STOP
        and (lower not in SAY or lower in _AMBIGUOUS)
    )


def _head_ok(tokens: list[str], start: int, end: int) -> bool:
    """The phrase ``tokens[start:end]`` can be a speaker: its head (its last word, or the
    word before "of"/"in"/"by" ...: "residents" in "three residents of the village") is a
    name or a speaker noun, and its first word a determiner, a name, a number or a speaker
    word."""
    if end <= start:
        return False
    last, first = tokens[end - 1], tokens[start]
    if last.lower().rstrip(".") in _LINK_WORDS or last.lower() in DETERMINERS:
        return False
    head = last
    for k in range(start + 1, end):
        if tokens[k].lower() in _PREPOSITIONS:
            head = tokens[k - 1]
            break
    lower_head = head.lower().rstrip(".")
    if not (_is_cap(head) or _speaker_noun(lower_head) or lower_head in PRONOUNS or _is_cap(last)):
        return False
    lower_first = first.lower()
    return (
        _is_cap(first)
        or lower_first in DETERMINERS
        or _speaker_noun(lower_first)
        or lower_first in PRONOUNS
        or first[:1].isdigit()
        or first.lower().endswith(("'s", "’s"))
    )


def _opening_subject(tokens: list[str], end: int, limit: int) -> tuple[int, int] | None:
    """ "X, a former member of parliament, stated", "The study, which was conducted by ...,
    suggests": the subject before the first comma, when it opens the sentence."""
    commas = [j for j in range(1, end - 1) if tokens[j] == "," and end - j <= 30]
    # The sentence may open with "Furthermore," or "On Friday,": the subject follows.
    opening = 2 if len(tokens) > 2 and tokens[1] == "," else 0
    for j in commas:
        span = _phrase_before(tokens, j, limit) if j != end - 1 else None
        if (
            span
            and span[0] <= max(1, opening)
            and not (span[1] - span[0] == 1 and _LEADING.match(tokens[span[0]] + " "))
            and not _participle(tokens[span[0]])
        ):
            return span
    return None


def _end_at_comma(tokens: list[str], end: int) -> int:
    """Where the phrase ends when a comma stands before the verb: at the comma that opens
    the inserted clause, if there is one within reach."""
    j = end - 2
    while j >= 0 and tokens[j] not in {",", "“", "”", '"'} and end - j <= 16:
        j -= 1
    return j if j >= 1 and tokens[j] == "," else end


def _phrase_start(tokens: list[str], end: int, limit: int) -> int:
    """The first word of the noun phrase that ends at ``end`` (at most ``limit`` words)."""
    start = end
    while start > 0 and end - start < limit:
        token = tokens[start - 1]
        if token in {",", ";", ":", "(", ")"} or token in _QUOTES:
            break
        if not _np_word(token, token.lower()):
            break
        if token.lower() in _PREPOSITIONS and not (
            _is_cap(tokens[start])
            and tokens[start].lower() not in _TIME_WORDS
            or tokens[start].lower() in DETERMINERS
        ):
            break  # "by" or "of" must lead into a name or "the ..."
        if token.lower() == "and" and start >= 2:
            # "security sources and an eyewitness": both sides speakers, else "and" ends it.
            left = tokens[start - 2]
            if not (_is_cap(left) or left.lower() in SPEAKER_NOUNS):
                break
        start -= 1
    return start


def _phrase_before(tokens: list[str], verb: int, limit: int = 9) -> tuple[int, int] | None:
    """The speaker's phrase that ends just before the verb at ``verb`` (skipping "has",
    "on Thursday" and the like), or None."""
    end = verb
    while end > 0 and tokens[end - 1].lower() in _BETWEEN:
        end -= 1
    if end > 0 and tokens[end - 1] == "," and end >= 2:
        span = _opening_subject(tokens, end, limit)
        if span:
            return span
        end = _end_at_comma(tokens, end)
    start = _phrase_start(tokens, end, limit)
    # Trim words that begin the clause rather than the phrase ("Then the minister").
    while start < end and (
        tokens[start].lower() in _LINK_WORDS or tokens[start].lower() in {"then", "and"}
    ):
        start += 1
    # A lower-case run longer than the head's own modifiers is a clause, not a phrase;
    # a short one after a comma or at the start is the head's modifiers ("local authorities").
    lenient = (
        (start == 0 or tokens[start - 1] in {",", ";", ":"} or tokens[start - 1] in _QUOTES)
        and end - start <= 6
        and _speaker_noun(tokens[end - 1].lower())
        and all(t.isalpha() and t.lower() not in _STOP for t in tokens[start:end])
    )
    while start < end and not lenient and not _head_ok(tokens, start, end):
        start += 1
    document = _document_of(tokens, start if start < end else end)
    if document is not None:
        return document
    if start >= end:
        return None
    return start, end


def _document_of(tokens: list[str], start: int) -> tuple[int, int] | None:
    """ "A survey of 2,000 adults found", "a new study of population-level data shows": when
    the words before the verb are what a document is of, the speaker is the document."""
    for j in range(start - 1, max(start - 8, 0), -1):
        word = tokens[j].lower()
        if word == "," and tokens[j - 1][-1:].isdigit() and tokens[j + 1][:1].isdigit():
            continue  # "2,000"
        if word in {",", ";", ":", "that", "which", "who"} or tokens[j] in _QUOTES:
            return None
        if word == "of" and tokens[j - 1].lower() in DOCUMENT_NOUNS:
            return _phrase_before(tokens, j)
    return None


def _phrase_after(tokens: list[str], verb: int, limit: int = 12) -> tuple[int, int] | None:
    """The speaker's phrase that starts just after the verb ("said the unnamed official")."""
    start = verb + 1
    end = start
    while end < len(tokens) and end - start < limit:
        token = tokens[end]
        lower = token.lower()
        if token in {",", ".", ";", ":", "(", ")", "—", "–"} or token in _QUOTES:
            break
        links = _LINK_WORDS | {"by"}
        if lower in links and not (
            end + 1 < len(tokens)
            and (_is_cap(tokens[end + 1]) or tokens[end + 1].lower() in DETERMINERS)
        ):
            break
        if lower not in links and not _np_word(token, lower):
            break
        if end == start and lower in _TIME_WORDS:
            break
        if end > start and (lower in _TIME_WORDS or lower in _DAY_PARTS):
            break  # "confirmed the figure early Friday": the time is not the speaker's
        end += 1
    while end > start and not _head_ok(tokens, start, end):
        end -= 1
    return (start, end) if end > start else None


# fmt: off
_DAY_PARTS = {"early", "late", "overnight", "morning", "afternoon", "evening", "night",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# fmt: on


def _text_of(
    tokens: list[str], spans: list[tuple[int, int]], text: str, span: tuple[int, int]
) -> str:
    return _clean(text[spans[span[0]][0] : spans[span[1] - 1][1]])


def _tokenise(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    matches = list(_TOKEN.finditer(text))
    return [m.group() for m in matches], [m.span() for m in matches]
