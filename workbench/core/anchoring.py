"""Finding a claim again in a changed version of its article.

A claim keeps its quote with the text just before and after it (the W3C Web
Annotation TextQuoteSelector: ``prefix``, ``exact``, ``suffix``). In a new
version of the article the quote is looked for, in order:

1. exactly: every occurrence, the one whose surroundings match the prefix and
   suffix best (then the one nearest where it used to be) wins;
2. between its old prefix and suffix, if both are still there close together:
   the words between them are the claim, rewritten;
3. near the rarest words of the quote, taking the span that matches best, if it
   is similar enough (difflib's ratio >= ``MIN_SIMILARITY``).

Otherwise the claim has vanished. Pure functions: no store, no Qt.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from workbench.core.curation import trim_span

MIN_SIMILARITY = 0.6
MAX_OCCURRENCES = 200
_WORD = re.compile(r"\w{4,}", re.UNICODE)


@dataclass(frozen=True)
class Placement:
    """Where a quote landed: ``status`` is same, moved, changed or vanished."""

    status: str
    start: int = 0
    end: int = 0
    similarity: float = 1.0

    @property
    def found(self) -> bool:
        return self.status != "vanished"


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _exact(quote: str, prefix: str, suffix: str, expected: int, text: str) -> int | None:
    best: tuple[int, int] | None = None
    best_at = None
    at = text.find(quote)
    seen = 0
    while at != -1 and seen < MAX_OCCURRENCES:
        context = _common_suffix(prefix, text[max(0, at - len(prefix)) : at]) + _common_prefix(
            suffix, text[at + len(quote) : at + len(quote) + len(suffix)]
        )
        key = (context, -abs(at - expected))
        if best is None or key > best:
            best, best_at = key, at
        seen += 1
        at = text.find(quote, at + 1)
    return best_at


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _between_context(quote: str, prefix: str, suffix: str, text: str) -> Placement | None:
    if len(prefix.strip()) < 8 or len(suffix.strip()) < 8:
        return None
    limit = 3 * len(quote) + 80
    at = text.find(prefix)
    seen = 0
    while at != -1 and seen < MAX_OCCURRENCES:
        start = at + len(prefix)
        stop = text.find(suffix, start)
        if stop != -1 and 0 < stop - start <= limit:
            s, e = trim_span(text, start, stop)
            if s < e:
                return Placement("changed", s, e, round(_ratio(quote, text[s:e]), 3))
        seen += 1
        at = text.find(prefix, at + 1)
    return None


def _near_rare_words(quote: str, text: str, expected: int) -> Placement | None:
    words = sorted(set(_WORD.findall(quote)), key=lambda w: (text.count(w), -len(w)))
    words = [w for w in words if w in text][:3]
    best: Placement | None = None
    for word in words:
        at = text.find(word)
        seen = 0
        while at != -1 and seen < 20:
            lo = max(0, at - len(quote))
            hi = min(len(text), at + 2 * len(quote))
            window = text[lo:hi]
            matcher = difflib.SequenceMatcher(None, quote, window, autojunk=False)
            blocks = [b for b in matcher.get_matching_blocks() if b.size >= 3]
            if blocks:
                s, e = lo + blocks[0].b, lo + blocks[-1].b + blocks[-1].size
                # Widen to whole words, so a quote never starts or ends mid-word.
                while s > 0 and text[s - 1].isalnum():
                    s -= 1
                while e < len(text) and text[e].isalnum():
                    e += 1
                s, e = trim_span(text, s, e)
                ratio = _ratio(quote, text[s:e])
                if ratio >= MIN_SIMILARITY and (
                    best is None
                    or (ratio, -abs(s - expected)) > (best.similarity, -abs(best.start - expected))
                ):
                    best = Placement("changed", s, e, round(ratio, 3))
            seen += 1
            at = text.find(word, at + 1)
    return best


def reanchor(
    quote: str, prefix: str, suffix: str, old_start: int, old_length: int, text: str
) -> Placement:
    """Where the claim quoting ``quote`` is in ``text``, the article's new version."""
    if not quote.strip():
        return Placement("vanished", similarity=0.0)
    expected = round(old_start * len(text) / old_length) if old_length else old_start
    at = _exact(quote, prefix, suffix, expected, text)
    if at is not None:
        same = at == old_start and text[max(0, at - len(prefix)) : at] == prefix
        return Placement("same" if same else "moved", at, at + len(quote))
    placement = _between_context(quote, prefix, suffix, text)
    if placement is None or placement.similarity < 0.3:
        placement = _near_rare_words(quote, text, expected) or placement
    if placement is None:
        return Placement("vanished", similarity=0.0)
    return placement


@dataclass
class ReanchorReport:
    """What re-importing a changed article did to its claims (lists of claim ids)."""

    article_id: int
    previous_id: int
    same: list[int]
    changed: list[int]
    vanished: list[int]

    def summary(self) -> str:
        parts = [f"{len(self.same)} claims you worked on found again"]
        if self.changed:
            parts.append(f"{len(self.changed)} changed ({', '.join(map(str, self.changed))})")
        if self.vanished:
            parts.append(
                f"{len(self.vanished)} vanished ({', '.join(map(str, self.vanished))}), "
                f"kept on the earlier version"
            )
        return "; ".join(parts)
