"""Claimants across an article: each sentence's claimant with references resolved.

``detector.extract`` gives each sentence's claimant as written (patterns, then the
parse) and the names it mentions; here the paragraphs, quotations and openings of the
article are read so that ``references.resolve_article`` can carry attribution along,
and defined acronyms are spelled out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workbench.nlp import references, signals

if TYPE_CHECKING:
    from workbench.nlp.detector import Candidate

_PERSON_TITLES = re.compile(
    r"^(?:Mr|Mrs|Ms|Miss|Dr|Doctor|Prof|Professor|Sir|Dame|Lord|Lady|Judge|Justice|Senator|Sen|Rep|"
    r"Governor|Mayor|President|Minister|Councillor|Cr|Detective|Inspector|Sergeant|Officer|"
    r"Chief|Secretary|Ambassador|General|Colonel|Captain|Magistrate)\.? "
)


def mentions_in(text: str) -> list[str]:
    """The names of two words or more that a sentence mentions (by patterns), each marked
    as a person when a title comes with it, in the name or just before it ("escort Dr.
    Kumar Gaurav": the name patterns leave the abbreviated title apart)."""
    out = []
    for name in signals.names_in(text):
        name = re.sub(r"['’]s$", "", name)  # "HDFC Bank's stock": the bank
        if len(name.split()) < 2:
            continue
        titled = _PERSON_TITLES.match(name) or re.search(
            _PERSON_TITLES.pattern.removeprefix("^") + re.escape(name), text
        )
        out.append(references.PERSON_MARK + name if titled else name)
    return out


def resolve_claimants(
    text: str, candidates: list[Candidate], raws: list[str], mentions: list[list[str]]
) -> None:
    """Each sentence's claimant with references resolved and attribution carried along
    (``references.py``); the listed claims get a "claimant:" reason."""
    paragraphs, quoted, opens, groups = [], [], [], []
    paragraph = 0
    depth = 0
    group = -1
    previous_end = 0
    for i, candidate in enumerate(candidates):
        if "\n" in text[previous_end : candidate.start]:
            paragraph += 1
            depth = 0
        inside = depth > 0
        if not inside:
            group = -1
        depth = max(depth + sentence_quotes(candidate.text), 0)
        if not inside and depth > 0:
            group = i  # a quotation opens here and goes on into the next sentence
        groups.append(group)
        paragraphs.append(paragraph)
        quoted.append(inside or any(q in candidate.text for q in '“”"'))
        opens.append(starts_with_quote(candidate.text))
        previous_end = candidate.end
    proper = proper_words(text)
    lower = {w for w in re.findall(r"\b[a-z][\w'’-]*", text)}
    named = [_opens_with_name(c.text, proper, lower) for c in candidates]
    spoke_in = [documents_spoken_in(c.text) for c in candidates]
    resolved = references.resolve_article(
        raws, paragraphs, quoted, opens, mentions, groups, named, spoke_in, proper
    )
    defined = acronyms(text) if "(" in text else {}
    for candidate, claimant in zip(candidates, resolved):
        bare = claimant.removeprefix("the ").removeprefix("The ")
        claimant = defined.get(bare, claimant)  # "DOH": "Department of Health (DOH)"
        candidate.claimant = claimant
        if claimant and candidate.checkworthy and f"claimant: {claimant}" not in candidate.reasons:
            candidate.reasons.append(f"claimant: {claimant}")


_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'’-]*")


def proper_words(text: str) -> set[str]:
    """Words the article writes with a capital inside a sentence: names ("Russia")."""
    out = set()
    for match in re.finditer(r"(?<=[a-z,;] )([A-Z][\w'’-]*)", text):
        out.add(match.group(1).rstrip("'’s").rstrip("'’"))
    return out


def _opens_with_name(sentence: str, proper: set[str], lower: set[str]) -> bool:
    """The sentence's first word (after an opening "On Friday," of up to four words) is a
    name: the article writes it with a capital inside a sentence, or never in lower case
    and it is not a common opening word ("The", "It", "However")."""
    body = sentence.lstrip("“\"‘'( ")
    head, comma, rest = body.partition(",")
    if comma and len(head.split()) <= 4:
        body = rest.lstrip()
    if references.SHARE_OPENING.match(body):
        return False  # "Eighty-five percent said ...": a survey's answers, not a name
    match = _WORD.match(body)
    if not match:
        return False
    word = match.group().rstrip("'’s").rstrip("'’")
    if word in proper:
        return True
    return (
        word.lower() not in lower
        and word not in signals.SENTENCE_START_WORDS
        and word[:1].isupper()
    )


def sentence_quotes(text: str) -> int:
    """How many quotations ``text`` opens and leaves open."""
    depth = text.count("“") - text.count("”")
    if text.count('"') % 2:
        depth += 1 if text.lstrip().startswith('"') else -1
    return depth


def starts_with_quote(text: str) -> bool:
    return text.lstrip().startswith(("“", '"'))


_SPOKE_IN = re.compile(
    r"\b(?:in|via|through) (?:a|an|its|their|his|her|the) (?:[\w-]+ ){0,2}?"
    r"(statement|report|filing|tweet|post|letter|release|notice|update|bulletin|briefing"
    r"|interview)\b",
    re.IGNORECASE,
)


def documents_spoken_in(text: str) -> frozenset[str]:
    """What a sentence's claimant spoke in ("said in a statement", "in its monthly report"):
    a later "the statement said" is theirs."""
    return frozenset(m.group(1).lower() for m in _SPOKE_IN.finditer(text))


_ACRONYM = re.compile(
    r"((?:[A-Z][\w'’-]*\s(?:(?:of|and|for|the|on|in)\s)*){1,7})\(([A-Z][A-Za-z]{1,7})\)"
)


def acronyms(text: str) -> dict[str, str]:
    """The acronyms an article defines: "Department of Health (DOH)" gives DOH -> the name
    with its acronym, when the capitals of the name spell it."""
    out: dict[str, str] = {}
    for match in _ACRONYM.finditer(text):
        words = match.group(1).split()
        short = match.group(2)
        for k in range(len(words)):
            capitals = "".join(w[0] for w in words[k:] if w[:1].isupper())
            every = "".join(w[0] for w in words[k:])  # "Department of Health (DOH)"
            if words[k][:1].isupper() and short.upper().replace("&", "") in {
                capitals.upper(),
                every.upper(),
            }:
                out.setdefault(short, f"{' '.join(words[k:])} ({short})")
                break
    return out
