"""Who makes a claim, where the text says so.

With the English pipeline: the subject of an attribution verb ("Ilya Ponomarev ...
stated", "said the unnamed official", "A spokesperson for the Pentagon said") or
the object of "according to". Without it: the same constructions found with
patterns. A pronoun ("he explained") and a quotation that continues the previous
one take the claimant of the sentence before.
"""

from __future__ import annotations

import re

VERBS = {
    "say", "said", "says", "state", "stated", "states", "tell", "told", "tells", "claim",
    "claimed", "claims", "declare", "declared", "announce", "announced", "explain", "explained",
    "add", "added", "insist", "insisted", "argue", "argued", "note", "noted", "write", "wrote",
    "warn", "warned", "confirm", "confirmed", "deny", "denied", "admit", "admitted", "allege",
    "alleged", "report", "reported", "estimate", "estimated", "tweet", "tweeted", "testified",
    "acknowledged", "stressed", "suggested", "revealed",
}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"}
_DROP_DEPS = {"appos", "punct", "relcl", "acl", "advcl", "cc", "conj"}
_SPEECH_DEPS = {"ccomp", "parataxis", "xcomp"}

_WORD_VERBS = "|".join(sorted(VERBS, key=len, reverse=True))
_TITLE = r"(?:spokesperson|spokesman|spokeswoman|official|officials|minister|president|senator|" \
         r"governor|mayor|ambassador|analyst|expert|source|sources|report|police|ministry|" \
         r"department|agency|government|statement)"
# Possessive words and at most ten more of them keep every search linear: "A" * 5000 or a
# paragraph of Capitalised Words without a full stop took minutes (backtracking).
_NAME = r"[A-Z][\w'’.-]++(?:\s+(?:[A-Z][\w'’.-]++|of|for|the)){0,10}[\w'’.-]*+"
_LONG_WORD = re.compile(r"[\w'’.-]{65,}")
_PATTERNS = [
    # ... said the unnamed official / said Ilya Ponomarev
    re.compile(rf"[”\"],?\s+(?:{_WORD_VERBS})\s+((?:the|a|an)\s+(?:[\w-]+\s+){{0,4}}?{_TITLE}\b(?:\s+(?:for|of)\s+(?:the\s+)?{_NAME})?|{_NAME})"),
    # according to X
    re.compile(rf"\baccording to\s+((?:the\s+)?{_NAME}|(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}?{_TITLE}\b)"),
    # A spokesperson for the Pentagon said / Ilya Ponomarev, a former ..., stated
    re.compile(rf"((?:(?:A|An|The)\s+(?:[\w-]+\s+){{0,3}}?{_TITLE}(?:\s+(?:for|of)\s+(?:the\s+)?{_NAME})?)|{_NAME})(?:,[^,]{{3,80}},)?\s+(?:{_WORD_VERBS})\b"),
    # ..., he explained
    re.compile(rf"[”\"],?\s+(he|she|they)\s+(?:{_WORD_VERBS})\b", re.IGNORECASE),
]
_LEADING = re.compile(r"^(?:Furthermore|However|Moreover|Meanwhile|Now|But|And|So|Also|Then),?\s+")


def _clean(name: str) -> str:
    name = _LEADING.sub("", name.strip(" ,.;:“”\"'"))
    return name


def claimant_from_text(text: str) -> str:
    """The claimant found by patterns, or ""."""
    # No name has a 65-letter word: shortening such runs bounds each attempt's work.
    text = _LONG_WORD.sub(lambda m: m.group()[:64], text)
    for pattern in _PATTERNS:
        match = pattern.search(text)
        if match:
            name = _clean(match.group(1))
            if name and name.split()[0].lower() not in {"this", "that", "it", "there"}:
                return name
    return ""


def _speech_verbs(doc):
    """The verbs of ``doc`` that report speech: a speech verb with a clause under it
    ("stated that ...") or in a sentence with a quote. "Has not declared war" is not one."""
    has_quote = any(t.text in {"“", '"'} for t in doc)
    for token in doc:
        if token.lower_ not in VERBS or token.pos_ not in {"VERB", "AUX"}:
            continue
        if has_quote or any(c.dep_ in _SPEECH_DEPS for c in token.children):
            yield token


def _according_to(doc):
    for token in doc:
        if token.lower_ == "according" and token.i < doc[-1].i and token.nbor().lower_ == "to":
            return token.nbor()
    return None


def claimant_from_doc(doc) -> str:
    """The claimant found in a parsed sentence (a spaCy Doc or Span), or ""."""
    to = _according_to(doc)
    if to is not None:
        for child in to.children:
            if child.dep_ == "pobj":
                return _clean(_phrase(child))
    for token in _speech_verbs(doc):
        for child in token.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return _clean(_phrase(child))
    return ""


def attribution_from_doc(doc) -> str:
    """The words that attribute a parsed sentence to someone ("according to", "stated",
    "allegedly"), or "": the parse tells a reported statement from "declared war"."""
    if _according_to(doc) is not None:
        return "according to"
    for token in _speech_verbs(doc):
        return token.text
    for token in doc:
        if token.lower_ in {"allegedly", "reportedly"}:
            return token.text
    return ""


def _phrase(head) -> str:
    """The noun phrase under ``head``, without appositions, clauses and punctuation."""
    tokens = [head]
    def keep(token) -> bool:
        # A hyphen inside a name ("Jong-Un") is punctuation to the parser but part of the name.
        return token.dep_ not in _DROP_DEPS or (token.text == "-" and not token.whitespace_)

    stack = [c for c in head.children if keep(c)]
    while stack:
        token = stack.pop()
        tokens.append(token)
        stack.extend(c for c in token.children if keep(c))
    tokens.sort(key=lambda t: t.i)
    # Keep the contiguous run that contains the head.
    run = [head]
    index = tokens.index(head)
    for token in reversed(tokens[:index]):
        if token.i == run[0].i - 1:
            run.insert(0, token)
        else:
            break
    for token in tokens[index + 1:]:
        if token.i == run[-1].i + 1:
            run.append(token)
        else:
            break
    return "".join(t.text_with_ws for t in run).strip()


def is_pronoun(name: str) -> bool:
    return name.strip().lower() in PRONOUNS


def starts_with_quote(text: str) -> bool:
    return text.lstrip().startswith(("“", '"'))
