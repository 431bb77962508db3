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
from workbench.nlp.claimant_phrase import (
    _QUOTES,
    _document_of,  # noqa: F401
    _head_ok,
    _is_cap,
    _participle,  # noqa: F401
    _phrase_after,
    _phrase_before,
    _text_of,
    _tokenise,
    _verb_positions,
)
from workbench.nlp.claimant_words import (
    _AMBIGUOUS,
    _BETWEEN,
    _CLAUSE_VERBS,
    _FINDING_VERBS,
    _LINK_WORDS,
    _OBJECT_VERBS,
    _OBJECTS,
    CLAUSE_ONLY,
    DETERMINERS,
    DOCUMENT_NOUNS,
    INVERTED,
    ORGANISATION_WORDS,
    PRONOUNS,
    RESEARCH_VERBS,
    RESEARCHERS,
    SAY,
    SPEAKER_NOUNS,
)
from workbench.nlp.claimant_words import clean as _clean

_PREFIX = re.compile(
    r"^(?:\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?\s*[:–—-]\s*"  # live-blog time stamp
    r"|[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][a-z]{2,9}\.?(?: \d{1,2})?)?\s*(?:\([A-Za-z"
    r" ]{2,25}\))?\s*(?::|--|–|—|-)\s+"
    r"|[A-Z][a-z]+ \d{1,2} \([A-Za-z]+\)\s*(?:--|–|—|-)\s+|\([A-Za-z]+\)\s*(?:--|–|—|-)\s+"
    r"|(?:Q|A)\s*:\s*|\d{1,3}\.\s+)"
)
_NAME_COLON_QUOTE = re.compile(
    r"^(?:\d{1,3}\.\s+)?((?:[A-Z][\w'’.-]+\s){0,4}[A-Z][\w'’.-]+)\s*:\s*[“\"‘']"
)
# "Smoking top cancer risk: Lancet study", "Economy will recover -Ofori-Atta".
_HEADLINE_SOURCE = re.compile(
    r"(?:\s[-–—]\s?|\s?[–—]\s?|:\s)((?:[A-Z][\w'’.-]*|the|of|for)(?:\s(?:[A-Z][\w'’.-]*"
    r"|[a-z]+)){0,3})\s*$"
)


# Headlines that name their source first ("Philippine Officials: Death Toll Up"), or last in
# lower case ("...: trade minister").
_HEADLINE_SOURCE_FIRST = re.compile(r"^((?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’.-]*):\s+[A-Z]")
_HEADLINE_SOURCE_LOWER = re.compile(
    r"(?::\s|\s[-–—]\s?)((?:[a-z][\w'’-]*\s){0,3}[a-z][\w'’-]*)\s*$"
)
_DOCUMENT_WHICH = re.compile(
    r"\b((?:the|a|an|its|their|this|his|her)\s(?:[\w'’-]+\s){0,5}?"
    r"(?:study|survey|report|analysis|poll|data|figures|statistics|review|assessment|research|"
    r"investigation|audit|census|paper)(?:\s(?:of|on|by|from)\s(?:[\w'’-]+\s?){1,4}?)?),?\s"
    r"(?:which|that)\s(?:has\s|had\s)?(?:showed|shows|shown|found|finds|revealed|reveals|"
    r"suggested|suggests|said|says|concluded|concludes|estimated|estimates)\b",
    re.IGNORECASE,
)


def _with_saying(tokens: list[str], lower: list[str]) -> tuple[int, int] | None:
    """ "..., with the GMB union claiming nearly 7,000 job losses": the union."""
    for k, word in enumerate(lower):
        if word in _SAYING and k >= 2:
            span = _phrase_before(tokens, k)
            if span and span[0] >= 1 and lower[span[0] - 1] == "with":
                return span
    return None


# fmt: off
_SAYING = {"claiming", "saying", "warning", "estimating", "reporting", "insisting", "arguing",
           "suggesting", "noting", "stating", "predicting", "showing", "revealing"}
# fmt: on


def _what_found(tokens: list[str], lower: list[str]) -> tuple[int, int] | None:
    """ "What they found overall was that ...", "What the study showed is ...": the finder."""
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


# Figures a body publishes: what they show is the publisher's ("INMO figures showed ...").
_FIGURES = {"data", "figures", "statistics", "results", "polls", "numbers", "estimate", "estimates"}
_OF = {"of", "from", "by", "on"}


def _has_name(tokens: list[str], span: tuple[int, int]) -> bool:
    """A capitalised word in the phrase, other than the sentence's first word."""
    return any(_is_cap(tokens[k]) for k in range(max(span[0], 1), span[1]))


def _research_subject(tokens: list[str], lower: list[str]) -> tuple[int, int] | None:
    """ "Researchers studied 253 women ...", "The Public Health Agency of Canada has identified
    romaine lettuce as the source": a study, its researchers or an organisation doing research
    or publishing figures is the source of what the sentence reports."""
    for i, word in enumerate(lower[:24]):
        finding = word in _FINDING_VERBS or word in {"suggested", "suggests", "revealed", "reveals"}
        if word not in RESEARCH_VERBS and not finding or not tokens[i][:1].islower():
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
        if finding and word not in RESEARCH_VERBS:
            # "A five-year investigation found ...", "HSE data showed 523 people ...",
            # "figures from the nurses' union showed ..."
            heads = {head} | {words[j - 1] for j in range(1, len(words)) if words[j] in _OF}
            if heads & DOCUMENT_NOUNS:
                return span
            # figures need their publisher, or a determiner that points back to it ("the
            # results", resolved later); bare "Data shows ..." names nobody
            named = len(words) > 1 and (words[0] in DETERMINERS or _has_name(tokens, span))
            return span if heads & _FIGURES and named else None
        if (
            head in {"they", "it"}
            and len(words) == 1
            or head in DOCUMENT_NOUNS
            or head in RESEARCHERS
            or any(w in ORGANISATION_WORDS for w in words)
            and any(_is_cap(t) for t in tokens[span[0] : span[1]])
        ):
            return span
        return None
    return None


# A fact-check's field labels ("VERDICT: FALSE", "SOURCE: Dubawa", "CLAIM: ..."): a
# label, not somebody speaking.
_FIELD_LABEL = re.compile(
    r"^\s*(?:verdict|rating|our rating|claim|the claim|source|sources|fact|the facts|context|"
    r"conclusion|ruling|our ruling|update|note|editor's note|editor’s note|background)\s*:",
    re.IGNORECASE,
)


def _without_field_label(text: str) -> str:
    """``text`` after a fact-check's field label, read as a sentence of its own."""
    label = _FIELD_LABEL.match(text)
    return text[label.end() :] if label else text


def in_dateline(text: str, name: str) -> bool:
    """Whether ``name`` is the dateline or stamp run into the front of ``text`` ("LAGOS – ",
    "(Xinhua) -- "): the parse may take it for the sentence's subject."""
    prefix = _PREFIX.match(_without_field_label(text))
    return bool(prefix and name and name in prefix.group())


def claimant_from_text(text: str) -> str:
    """The claimant a sentence names, found by patterns (the forms in the module
    docstring), or "". A reference ("she", "the minister") is returned as written."""
    text = _without_field_label(text)
    colon = _NAME_COLON_QUOTE.match(text)
    if colon:
        return _clean(colon.group(1))
    stripped = text.strip()
    document = _DOCUMENT_WHICH.search(stripped)
    if document:  # "the Chamber of SMEs study, which showed that ...": the study
        return _clean(document.group(1))
    if stripped and stripped[-1] not in '.!?”"’)':
        first = _HEADLINE_SOURCE_FIRST.match(stripped)
        if first and first.group(1).split()[-1].lower() in SPEAKER_NOUNS:
            return _clean(first.group(1))  # "Minister: Exports record six-month high"
        lowered = _HEADLINE_SOURCE_LOWER.search(stripped)
        if lowered and lowered.group(1).split()[-1] in SPEAKER_NOUNS:
            return _clean(lowered.group(1))  # "Egypt exports down 6 percent: trade minister"
        source = _HEADLINE_SOURCE.search(stripped)
        if source:
            words = source.group(1).split()
            last = words[-1].lower().strip(".")
            label = len(words) == 1 and last in {"live", "update", "updates", "video", "photos"}
            if (words[-1][:1].isupper() or last in SPEAKER_NOUNS) and not label:
                return _clean(source.group(1))
    body = text
    prefix = _PREFIX.match(text)
    if prefix:
        body = text[prefix.end() :]
    tokens, spans = _tokenise(body)
    # "pointed out that ...", "..., pointed out the Minister": one verb.
    keep = [
        k
        for k, t in enumerate(tokens)
        if not (t == "out" and k and tokens[k - 1].lower() in {"pointed", "points", "point"})
    ]
    if len(keep) < len(tokens):
        tokens, spans = [tokens[k] for k in keep], [spans[k] for k in keep]
    lower = [t.lower() for t in tokens]
    found = (
        _according_to(tokens, lower)
        or _quotes_as_saying(tokens, lower)
        or _passive_by(tokens, lower)
    )
    if found is None:
        found = (
            _inverted(tokens, lower)
            or _what_found(tokens, lower)
            or _before_verb(tokens, lower)
            or _saying_on(tokens, lower)
        )
    if found is None:
        found = _research_subject(tokens, lower) or _with_saying(tokens, lower)
    if found is None:
        return ""
    name = _text_of(tokens, spans, body, found)
    first_word = name.split()[0].lower() if name else ""
    if not name or first_word in _NOT_SPEAKERS and len(name.split()) == 1:
        return ""
    return name


# Words that can stand before a reporting verb without being anyone: "..., which could be
# explained by", "there is", "what remains".
# fmt: off
_NOT_SPEAKERS = {"there", "this", "that", "which", "who", "whom", "whose", "what", "whatever",
                 "where", "when", "here", "these", "those"}
# fmt: on


# fmt: off
# Words that open an adverbial before the subject ("Through advanced signal processing, ...").
_OPENERS = {"through", "with", "after", "before", "during", "despite", "in", "on", "at", "by",
            "for", "from", "under", "over", "since", "following", "amid", "as", "while", "when"}
_SAYING_ON = {"saying", "adding", "noting", "insisting", "stressing", "explaining", "arguing",
              "warning", "claiming", "stating", "telling", "revealing", "confirming",
              "announcing", "emphasising", "emphasizing", "reporting", "alleging"}
# fmt: on


def _saying_on(tokens: list[str], lower: list[str]) -> tuple[int, int] | None:
    """ "Eskom is warning that ...": the speaker before "is"; "Police did not disclose
    ..., telling Knews he was ...", "X hoped ..., adding that ...": the sentence's subject."""
    ok = _verb_positions(tokens)
    for k, word in enumerate(lower):
        if word not in _SAYING_ON or not ok[k] or k < 2 or k + 1 >= len(tokens):
            continue
        nxt = lower[k + 1]
        clause = nxt in {"that", ":", "“", '"'}
        told = word == "telling" and (nxt in _OBJECTS or _is_cap(tokens[k + 1]))
        if not (clause or told):
            continue
        if lower[k - 1] in {"is", "are", "was", "were"}:
            return _phrase_before(tokens, k - 1)
        if tokens[k - 1] != ",":
            continue
        if k >= 3 and lower[k - 2] in SAY:  # "..., it said, adding that": its speaker's
            return _phrase_before(tokens, k - 2)
        if tokens[0] in _QUOTES:
            continue  # the subject is inside the quotation
        span = _phrase_before(tokens, _first_verbish(tokens, lower))
        if span and span[0] <= 2 and lower[span[0]] not in _OPENERS:
            return span
    return None


def _according_to(tokens: list[str], lower: list[str]) -> tuple[int, int] | None:
    for i in range(len(tokens) - 2):
        if lower[i] == "according" and lower[i + 1] == "to":
            return _phrase_after(tokens, i + 1, limit=16)
    return None


def _quotes_as_saying(tokens: list[str], lower: list[str]) -> tuple[int, int] | None:
    """ "PTI quotes the health department as saying" and "..., citing police sources"."""
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
    """ "This was revealed by the Minister ...", "a study published by X"."""
    for i in range(1, len(tokens) - 1):
        if lower[i] == "by" and lower[i - 1] in {
            "revealed",
            "announced",
            "reported",
            "confirmed",
            "stated",
            "said",
            "disclosed",
            "released",
            "published",
            "issued",
            "unveiled",
            "estimated",
        }:
            return _phrase_after(tokens, i, limit=14)
    return None


def _inverted(tokens: list[str], lower: list[str]) -> tuple[int, int] | None:
    """ "..., said the unnamed official", "“...,” observed the union's general secretary",
    and "..., X said." / "..., X told AFP on Sunday." after the claim."""
    ok = _verb_positions(tokens)
    for i in range(1, len(tokens)):
        if lower[i] not in SAY or not ok[i]:
            continue
        before = tokens[i - 1]
        if lower[i] in INVERTED and (before in {",", "”", '"', "’"} or before in {"—", "–"}):
            span = _phrase_after(tokens, i)
            following = lower[span[1]] if span and span[1] < len(lower) else "."
            # "..., said the official." but not "..., said the ICU was full" (a clause).
            if (
                span
                and lower[span[0]] not in {"that", "it"}
                and following not in _CLAUSE_VERBS
                and following not in SAY
            ):
                return span
        # ", X said." / "”, three residents of the village told AFP."; a verb that also takes
        # an object reports only where the clause ends with it: "..., the data showed."
        if lower[i] in _OBJECT_VERBS and not (
            i + 1 < len(lower) and lower[i + 1] in {".", ",", ";"}
        ):
            continue
        span = _phrase_before(tokens, i)
        if (
            span
            and span[0] >= 1
            and (tokens[span[0] - 1] in {",", "”", '"', "’"})
            and _clause_ends(tokens[i + 1 :])
        ):
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
        if (
            word not in _OBJECTS
            and word not in _BETWEEN
            and not word.isdigit()
            and word
            not in {
                "as",
                "saying",
                "that",
                "to",
                "of",
                "condition",
                "anonymity",
                "on",
                "in",
            }
            and not token[:1].isupper()
        ):
            return False
    return True


def _before_verb(tokens: list[str], lower: list[str]) -> tuple[int, int] | None:
    """ "X said ...", "X, a former MP, stated that ...", "X on Thursday posted ... and said"."""
    ok = _verb_positions(tokens)
    for i, word in enumerate(lower):
        if word not in SAY or not ok[i]:
            continue
        nxt = lower[i + 1] if i + 1 < len(lower) else ""
        quote_after = any(t in {"“", '"'} for t in tokens[i + 1 :])
        if word in _AMBIGUOUS and nxt not in {"that", ":", ",", "“", '"', "."}:
            continue
        if word in CLAUSE_ONLY and nxt not in {"that", ":", "“", '"'}:
            continue
        if (
            word in _OBJECT_VERBS
            and nxt not in {"that", ":", ",", "“", '"'} | _OBJECTS
            and not quote_after
        ):
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
        if (
            k
            and not _is_cap(token)
            and word not in DETERMINERS
            and word not in _LINK_WORDS
            and word not in SPEAKER_NOUNS
            and not word.endswith(("'s", "’s"))
            and word not in _BETWEEN
        ):
            return k
    return len(tokens)
