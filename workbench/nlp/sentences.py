"""Sentence splitting with exact character offsets into the canonical text.

A rule-based splitter, fast and predictable: a sentence ends at ``.``, ``!``,
``?`` or ``…`` (with any closing quotes or brackets) followed by white space and
something that can start a sentence, unless the word before the full stop is a
known abbreviation ("U.S.", "Dr.") or an initial. Paragraph breaks always end a
sentence. A quotation that runs over several sentences is kept whole when it
closes within its paragraph, so the claim quotes all of it. Every span is trimmed
of surrounding white space, so ``text[start:end]`` is exactly the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from workbench.core.curation import trim_span

# Words that end with a full stop without ending the sentence (compared lower-case, no dot).
# fmt: off
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "lt", "col", "sgt",
    "capt", "cmdr", "adm", "gov", "sen", "rep", "pres", "rev", "hon", "messrs", "mme", "mlle",
    "no", "nos", "vs", "v", "etc", "e.g", "i.e", "cf", "al", "approx", "est", "dept", "inc",
    "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "ph.d", "fig", "vol", "pp", "p",
    # Military and police ranks before a name: "Maj. Reynaldo Balido", "Det. Insp. Smith".
    "maj", "brig", "cpl", "pte", "pvt", "supt", "insp", "det", "cllr", "cdr", "comdr", "atty",
}
# fmt: on
CLOSING = "\"”’»)]'"
MAX_QUOTE_SPAN = 600  # characters: longer unclosed quotes are split as ordinary sentences

_END = re.compile(r"(?:[.!?]+|…)[" + re.escape(CLOSING) + r"]*(?=\s)|[。！？]+[」』”]*")
# A sentence may open with a figure in money ("$5bn was ...", a wire story's "($1 = 0.85
# euros)").
_STARTER = re.compile(
    r"\s+[\"“‘«„(\[]*[A-Z0-9$£€¥À-ÖØ-Þ\u0370-\u03ff\u0400-\u04ff]|\s+[^\x00-\x7f]"
)


@dataclass(frozen=True)
class Sentence:
    """A sentence's span; ``kind`` is "sentence", "heading" or "caption"."""

    start: int
    end: int
    kind: str = "sentence"


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in re.finditer(r"\n", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` ends an abbreviation or an initial."""
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    # A single capital letter ("J. K. Rowling") or dotted initials ("U.S.A").
    if len(word) == 1 and text[word_start].isupper():
        return True
    return bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _END.finditer(text, start, end):
        stop = match.end()
        group = match.group()
        if (
            group.startswith(".")
            and not group.startswith("..")
            and _is_abbreviation(text, match.start())
        ):
            continue
        if group[0] not in "。！？" and not _STARTER.match(text, stop, end):
            continue
        spans.append((cursor, stop))
        cursor = stop
    spans.append((cursor, end))
    return [s for s in (trim_span(text, a, b) for a, b in spans) if s[1] > s[0]]


def _open_quotes(fragment: str) -> int:
    """How many quotations ``fragment`` opens and leaves open (curly and straight quotes)."""
    depth = fragment.count("“") - fragment.count("”")
    if fragment.count('"') % 2:
        depth += 1
    return depth


def _join_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep a quotation that runs over several sentences in one span, when it closes."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        start, end = spans[i]
        if _open_quotes(text[start:end]) > 0:
            j = i
            depth = _open_quotes(text[start:end])
            while depth > 0 and j + 1 < len(spans) and spans[j + 1][1] - start <= MAX_QUOTE_SPAN:
                j += 1
                depth += _open_quotes(text[spans[j][0] : spans[j][1]])
            if depth <= 0 and j > i:
                out.append((start, spans[j][1]))
                i = j + 1
                continue
        out.append((start, end))
        i += 1
    return out


def _kind(text: str, start: int, end: int, paragraph: tuple[int, int], alone: bool) -> str:
    fragment = text[start:end]
    if alone and fragment.startswith("(") and fragment.endswith(")"):
        return "caption"
    if (
        alone
        and not fragment.endswith((".", "!", "?", "…", "”", '"', ":", ";", ","))
        and len(fragment) <= 200
    ):
        return "heading"
    return "sentence"


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` with exact offsets, in reading order."""
    sentences: list[Sentence] = []
    for p_start, p_end in _paragraphs(text):
        p_start, p_end = trim_span(text, p_start, p_end)
        if p_end <= p_start:
            continue
        spans = _join_quotes(text, _split_paragraph(text, p_start, p_end))
        alone = len(spans) == 1
        for start, end in spans:
            sentences.append(Sentence(start, end, _kind(text, start, end, (p_start, p_end), alone)))
    return sentences
