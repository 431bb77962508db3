"""Who makes a claim, where the sentence says so (``references.py`` resolves "she",
"the minister", "the report" across the article).

The attribution forms of news copy, found on the sentence's words (``claimant_from_text``):

- "according to X"; "X quotes Y as saying" (Y); "... was revealed by X" (X);
- "X said/says/told Reuters/announced/revealed/warned/observed/found/showed ...";
  "X, a former minister, stated"; "X on Thursday posted ... and said";
- "..., X said." and "..., X told AFP on Sunday." after the claim;
- "..., said X", "..., says Employment Minister X", "observed the union's general
  secretary" (the verb before the speaker);
- "a study published in ... found that" (the study);
- "Matt Walsh: “...”" (a name, a colon, a quotation).

The speaker is read as a noun phrase: titles stay with names ("Finance Minister
Máirtín Ó Muilleoir"), organisations ("the Office for National Statistics"),
groups ("three residents of the village", "security sources and an eyewitness"),
or a reference ("she", "the minister", "the report") left for ``references.py``.
With the English pipeline the parse is asked too (``claimant_from_doc``) when the
patterns find nobody, and it tells a reported statement from "has not declared
war" for the attribution reason (``attribution_from_doc``).
"""

from __future__ import annotations

import re

from workbench.nlp.claimant_parse import attribution_from_doc, claimant_from_doc  # noqa: F401
from workbench.nlp.claimant_words import (
    _AMBIGUOUS,
    _BETWEEN,
    _CLAUSE_VERBS,
    _FINDING_VERBS,
    _LEADING,
    _LINK_WORDS,
    _OBJECT_VERBS,
    _OBJECTS,
    _PREPOSITIONS,
    _STOP,
    _TIME_WORDS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    INVERTED,
    ORGANISATION_WORDS,
    PRONOUNS,
    RESEARCH_VERBS,
    RESEARCHERS,
    SAY,
    SPEAKER_NOUNS,
    VERBS,  # noqa: F401
)
from workbench.nlp.claimant_words import clean as _clean

_TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Hon|St|Jr|Sr|Cr|Cllr|Coun|Insp|"
    r"Supt|Det|Cpl|Maj|Adm|Cmdr|Fr|Mt|No)\.(?=\s)|[A-Z]\.(?=\s[A-Z])"  # titles, initials
    r"|[\w][\w'’.&-]*[\w]|[\w]|[“”\"‘’,:;()—–]|\S"
)
_PREFIX = re.compile(
    r"^(?:\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?\s*[:–—-]\s*"  # live-blog time stamp
    r"|[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][a-z]{2,9}\.? \d{1,2})?\s*(?:\([A-Za-z ]{2,25}\))?\s*(?::|--|–|—|-)\s+"
    r"|[A-Z][a-z]+ \d{1,2} \([A-Za-z]+\)\s*(?:--|–|—|-)\s+|\([A-Za-z]+\)\s*(?:--|–|—|-)\s+"
    r"|(?:Q|A)\s*:\s*|\d{1,3}\.\s+)"
)
_NAME_COLON_QUOTE = re.compile(
    r"^(?:\d{1,3}\.\s+)?((?:[A-Z][\w'’.-]+\s){0,4}[A-Z][\w'’.-]+)\s*:\s*[“\"‘']"
)
_QUOTES = "“”\"‘’"
# A headline that ends with its source: "Funds ready for disbursement – Minister",
# "Smoking top cancer risk: Lancet study", "Economy will recover -Ofori-Atta".
_HEADLINE_SOURCE = re.compile(
    r"(?:\s[-–—]\s?|\s?[–—]\s?|:\s)((?:[A-Z][\w'’.-]*|the|of|for)(?:\s(?:[A-Z][\w'’.-]*|[a-z]+)){0,3})\s*$"
)


def _is_cap(token: str) -> bool:
    return token[:1].isupper()


def _np_word(token: str, lower: str) -> bool:
    """A word that can be part of a speaker's noun phrase."""
    if _is_cap(token) or lower in SPEAKER_NOUNS or lower in DETERMINERS or lower in _LINK_WORDS:
        return True
    if lower.endswith(("'s", "’s")):
        return True
    return token.replace("-", "").isalpha() and lower not in _STOP and lower not in SAY


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
    if not (_is_cap(head) or lower_head in SPEAKER_NOUNS or lower_head in PRONOUNS or _is_cap(last)):
        return False
    lower_first = first.lower()
    return _is_cap(first) or lower_first in DETERMINERS or lower_first in SPEAKER_NOUNS or \
        lower_first in PRONOUNS or first[:1].isdigit() or first.lower().endswith(("'s", "’s"))


def _phrase_before(tokens: list[str], verb: int, limit: int = 9) -> tuple[int, int] | None:
    """The speaker's phrase that ends just before the verb at ``verb`` (skipping "has",
    "on Thursday" and the like), or None."""
    end = verb
    while end > 0 and tokens[end - 1].lower() in _BETWEEN:
        end -= 1
    if end > 0 and tokens[end - 1] == "," and end >= 2:
        # "X, a former member of parliament, stated", "The study, which was conducted by
        # ..., suggests": the subject before the first comma, when it opens the sentence.
        commas = [j for j in range(1, end - 1) if tokens[j] == "," and end - j <= 30]
        # The sentence may open with "Furthermore," or "On Friday,": the subject follows.
        opening = 2 if len(tokens) > 2 and tokens[1] == "," else 0
        for j in commas:
            span = _phrase_before(tokens, j, limit) if j != end - 1 else None
            if span and span[0] <= max(1, opening) and not (
                span[1] - span[0] == 1 and _LEADING.match(tokens[span[0]] + " ")
            ):
                return span
        j = end - 2
        while j >= 0 and tokens[j] not in {",", "“", "”", '"'} and end - j <= 16:
            j -= 1
        if j >= 1 and tokens[j] == ",":
            end = j
    start = end
    while start > 0 and end - start < limit:
        token = tokens[start - 1]
        if token in {",", ";", ":", "(", ")"} or token in _QUOTES:
            break
        if not _np_word(token, token.lower()):
            break
        if token.lower() in _PREPOSITIONS and not (
            _is_cap(tokens[start]) and tokens[start].lower() not in _TIME_WORDS
            or tokens[start].lower() in DETERMINERS
        ):
            break  # "by" or "of" must lead into a name or "the ..."
        if token.lower() == "and" and start >= 2:
            # "security sources and an eyewitness": both sides speakers, else "and" ends it.
            left = tokens[start - 2]
            if not (_is_cap(left) or left.lower() in SPEAKER_NOUNS):
                break
        start -= 1
    # Trim words that begin the clause rather than the phrase ("Then the minister").
    while start < end and (tokens[start].lower() in _LINK_WORDS or tokens[start].lower() in {"then", "and"}):
        start += 1
    # A lower-case run longer than the head's own modifiers is a clause, not a phrase;
    # a short one after a comma or at the start is the head's modifiers ("local authorities").
    lenient = (start == 0 or tokens[start - 1] in {",", ";", ":"} or tokens[start - 1] in _QUOTES) \
        and end - start <= 6 and tokens[end - 1].lower() in SPEAKER_NOUNS \
        and all(t.isalpha() and t.lower() not in _STOP for t in tokens[start:end])
    while start < end and not lenient and not _head_ok(tokens, start, end):
        start += 1
    document = _document_of(tokens, start if start < end else end)
    if document is not None:
        return document
    if start >= end:
        return None
    return start, end


def _document_of(tokens: list[str], start: int) -> tuple[int, int] | None:
    """"A survey of 2,000 adults found", "a new study of population-level data shows": when
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


def _what_found(tokens: list[str], lower: list[str]) -> tuple[int, int] | None:
    """"What they found overall was that ...", "What the study showed is ...": the finder."""
    first = 2 if len(tokens) > 2 and tokens[1] == "," else 0  # "Overall, what ..."
    first = next((k for k in range(len(tokens)) if lower[k] == "what"), -1) if first else 0
    if first < 0 or first > 4 or lower[first] != "what":
        return None
    for k in range(first + 1, min(first + 9, len(tokens) - 1)):
        if lower[k] in _FINDING_VERBS:
            rest = lower[k + 1 : k + 4]
            if any(w in {"was", "is", "were", "are"} for w in rest):
                span = (first + 1, k)
                return span if _head_ok(tokens, *span) else None
            return None
    return None


def _research_subject(tokens: list[str], lower: list[str]) -> tuple[int, int] | None:
    """"Researchers studied 253 women ...", "The Public Health Agency of Canada has identified
    romaine lettuce as the source": a study, its researchers or an organisation doing research
    or publishing figures is the source of what the sentence reports."""
    for i, word in enumerate(lower[:24]):
        if word not in RESEARCH_VERBS or not tokens[i][:1].islower():
            continue
        span = _phrase_before(tokens, i)
        if span is None:
            return None
        opener = next((k + 1 for k in range(min(span[0], 8)) if tokens[k] == ","), 0)
        if span[0] > opener:
            return None
        words = [w.lower().strip(".") for w in tokens[span[0] : span[1]]]
        head = words[-1]
        if any(w in PRONOUNS for w in words[1:]):
            return None  # "The risk factors they analysed": a relative clause, not a subject
        if head in {"they", "it"} and len(words) == 1 or head in DOCUMENT_NOUNS or head in RESEARCHERS \
                or any(w in ORGANISATION_WORDS for w in words) and any(_is_cap(t) for t in tokens[span[0] : span[1]]):
            return span
        return None
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
        if lower in links and not (end + 1 < len(tokens) and (
            _is_cap(tokens[end + 1]) or tokens[end + 1].lower() in DETERMINERS
        )):
            break
        if lower not in links and not _np_word(token, lower):
            break
        if end == start and lower in _TIME_WORDS:
            break
        end += 1
    while end > start and not _head_ok(tokens, start, end):
        end -= 1
    return (start, end) if end > start else None


def _text_of(tokens: list[str], spans: list[tuple[int, int]], text: str, span: tuple[int, int]) -> str:
    return _clean(text[spans[span[0]][0] : spans[span[1] - 1][1]])


def _tokenise(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    matches = list(_TOKEN.finditer(text))
    return [m.group() for m in matches], [m.span() for m in matches]


def claimant_from_text(text: str) -> str:
    """The claimant a sentence names, found by patterns (the forms in the module
    docstring), or "". A reference ("she", "the minister") is returned as written."""
    colon = _NAME_COLON_QUOTE.match(text)
    if colon:
        return _clean(colon.group(1))
    stripped = text.strip()
    if stripped and stripped[-1] not in ".!?”\"’)":
        source = _HEADLINE_SOURCE.search(stripped)
        if source:
            words = source.group(1).split()
            last = words[-1].lower().strip(".")
            if words[-1][:1].isupper() or last in SPEAKER_NOUNS:
                if not (len(words) == 1 and last in {"live", "update", "updates", "video", "photos"}):
                    return _clean(source.group(1))
    body = text
    prefix = _PREFIX.match(text)
    if prefix:
        body = text[prefix.end():]
    tokens, spans = _tokenise(body)
    lower = [t.lower() for t in tokens]
    found = _according_to(tokens, lower) or _quotes_as_saying(tokens, lower) or _passive_by(tokens, lower)
    if found is None:
        found = _inverted(tokens, lower) or _what_found(tokens, lower) or _before_verb(tokens, lower)
    if found is None:
        found = _research_subject(tokens, lower)
    if found is None:
        return ""
    name = _text_of(tokens, spans, body, found)
    first = name.split()[0].lower() if name else ""
    if not name or first in _NOT_SPEAKERS and len(name.split()) == 1:
        return ""
    return name


# Words that can stand before a reporting verb without being anyone: "..., which could be
# explained by", "there is", "what remains".
_NOT_SPEAKERS = {"there", "this", "that", "which", "who", "whom", "whose", "what", "whatever",
                 "where", "when", "here", "these", "those"}


def _according_to(tokens: list[str], lower: list[str]) -> tuple[int, int] | None:
    for i in range(len(tokens) - 2):
        if lower[i] == "according" and lower[i + 1] == "to":
            return _phrase_after(tokens, i + 1, limit=16)
    return None


def _quotes_as_saying(tokens: list[str], lower: list[str]) -> tuple[int, int] | None:
    """"PTI quotes the health department as saying" and "..., citing police sources"."""
    for i, word in enumerate(lower):
        if word in {"citing", "quoting"} and i >= 1 and tokens[i - 1] == ",":
            span = _phrase_after(tokens, i)
            if span:
                return span
        if word in {"quotes", "quoted", "cites", "cited"}:
            for j in range(i + 1, min(i + 12, len(tokens) - 1)):
                if lower[j] == "as" and lower[j + 1] in {"saying", "stating"}:
                    span = _phrase_after(tokens, i, limit=j - i - 1)
                    if span:
                        return span
    return None


def _passive_by(tokens: list[str], lower: list[str]) -> tuple[int, int] | None:
    """"This was revealed by the Minister ...", "a study published by X"."""
    for i in range(1, len(tokens) - 1):
        if lower[i] == "by" and lower[i - 1] in {
            "revealed", "announced", "reported", "confirmed", "stated", "said", "disclosed",
            "released", "published", "issued", "unveiled", "estimated",
        }:
            return _phrase_after(tokens, i, limit=14)
    return None


def _inverted(tokens: list[str], lower: list[str]) -> tuple[int, int] | None:
    """"..., said the unnamed official", "“...,” observed the union's general secretary",
    and "..., X said." / "..., X told AFP on Sunday." after the claim."""
    for i in range(1, len(tokens)):
        if lower[i] not in SAY or not tokens[i][:1].islower():
            continue
        before = tokens[i - 1]
        if lower[i] in INVERTED and (before in {",", "”", '"', "’"} or before in {"—", "–"}):
            span = _phrase_after(tokens, i)
            following = lower[span[1]] if span and span[1] < len(lower) else "."
            # "..., said the official." but not "..., said the ICU was full" (a clause).
            if span and lower[span[0]] not in {"that", "it"} and following not in _CLAUSE_VERBS \
                    and following not in SAY:
                return span
        # ", X said." / "”, three residents of the village told AFP."
        if lower[i] in _OBJECT_VERBS:
            continue
        span = _phrase_before(tokens, i)
        if span and span[0] >= 1 and (tokens[span[0] - 1] in {",", "”", '"', "’"}):
            if _clause_ends(tokens[i + 1 :]):
                return span
    return None


def _clause_ends(rest: list[str]) -> bool:
    """After a verb: only its object (AFP, reporters, a name), time words, then the sentence
    ends or a comma follows ("..., sources told AFP on Sunday, the latest attack ...")."""
    for k, token in enumerate(rest):
        word = token.lower()
        if word in {".", ",", ";", "!", "?"} or word in _QUOTES:
            return True
        if k > 8:
            return False
        if word not in _OBJECTS and word not in _BETWEEN and not word.isdigit() and word not in {
            "as", "saying", "that", "to", "of", "condition", "anonymity", "on", "in",
        } and not token[:1].isupper():
            return False
    return True


def _before_verb(tokens: list[str], lower: list[str]) -> tuple[int, int] | None:
    """"X said ...", "X, a former MP, stated that ...", "X on Thursday posted ... and said"."""
    for i, word in enumerate(lower):
        if word not in SAY or not tokens[i][:1].islower():
            continue
        nxt = lower[i + 1] if i + 1 < len(lower) else ""
        quote_after = any(t in {"“", '"'} for t in tokens[i + 1 :])
        if word in _AMBIGUOUS and nxt not in {"that", ":", ",", "“", '"', "."}:
            continue
        if word in _OBJECT_VERBS and nxt not in {"that", ":", ",", "“", '"'} | _OBJECTS and not quote_after:
            continue
        if i >= 1 and lower[i - 1] == "and":
            # "Nike Inc on Thursday posted ... and said": the subject of the sentence.
            span = _phrase_before(tokens, _first_verbish(tokens, lower))
            if span and span[0] <= 2:
                return span
            continue
        span = _phrase_before(tokens, i)
        if span:
            return span
        if nxt in {"that", ":"} and i >= 2 and i <= 4 and lower[0] in {"the", "a", "an"}:
            return (0, i)  # "The judges observed that ...": the sentence's subject
    return None


def _first_verbish(tokens: list[str], lower: list[str]) -> int:
    """Where the sentence's opening noun phrase ends: the first lower-case word that is
    neither a noun-phrase word of a speaker nor a link word (a rough verb finder)."""
    for k, (token, word) in enumerate(zip(tokens, lower)):
        if k and not _is_cap(token) and word not in DETERMINERS and word not in _LINK_WORDS and \
                word not in SPEAKER_NOUNS and not word.endswith(("'s", "’s")) and word not in _BETWEEN:
            return k
    return len(tokens)


def is_pronoun(name: str) -> bool:
    return name.strip().lower() in PRONOUNS


def starts_with_quote(text: str) -> bool:
    return text.lstrip().startswith(("“", '"'))
