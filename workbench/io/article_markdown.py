"""Markdown articles: the text a reader sees, without the markup around it.

Claims quote the canonical text, so ``**bold**``, ``[link](url)`` and ``# `` must
not end up inside a quote. The rules are deliberately few (headings, emphasis,
links, images, inline code, block quotes, list bullets, HTML comments) and fixed,
so the same file always gives the same text. A YAML-style front matter block gives
the title, author, date and URL.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from workbench.core.models import Article
from workbench.io.article_text import article_from_text, decode, read_bytes

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# Whole-line rules; each can only look at its own line, so they stay linear.
_LINE_RULES = [
    (re.compile(r"^[ \t]{0,3}\[[^\]\n]+]:[ \t]+\S+.*$", re.MULTILINE), ""),  # link definitions
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*)$", re.MULTILINE), None),  # headings (see _heading)
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),
    (re.compile(r"^[ \t]{0,3}(?:[-*+])[ \t]+", re.MULTILINE), ""),
    (re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # rules
]
_CODE = re.compile(r"`([^`\n]+)`")
_FENCE = re.compile(r"^```.*$", re.MULTILINE)
# Emphasis: where each delimiter may open and close (all positions, overlapping ones too).
# The rules are those the regular expressions ``(\*\*|__)(?=\S)(.+?)(?<=\S)\1``,
# ``(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])`` and the same for ``_`` would apply, but
# matched by a forward scan: those patterns rescan the rest of the line from every
# opener that never closes, which is quadratic (80 KB of "**a " took 35 s).
_EMPHASIS = [
    (re.compile(r"(?=(?:\*\*|__)\S)"),
     {"**": re.compile(r"(?<=\S)(?=\*\*)"), "__": re.compile(r"(?<=\S)(?=__)")}),
    (re.compile(r"(?<![\w*])(?=\*\S)"), {"*": re.compile(r"(?<=\S)(?=\*(?![\w*]))")}),
    (re.compile(r"(?<![\w_])(?=_\S)"), {"_": re.compile(r"(?<=\S)(?=_(?![\w_]))")}),
]


class _Finder:
    """``text.find(sub, start)`` for starts that only move forward: each byte is scanned
    at most once per ``sub``, however many searches fail."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._last: dict[str, tuple[int, int]] = {}  # sub -> (start searched from, result)

    def find(self, sub: str, start: int) -> int:
        searched = self._last.get(sub)
        if searched is not None and searched[0] <= start:
            found = searched[1]
            if found < 0 or found >= start:
                return found
        found = self.text.find(sub, start)
        self._last[sub] = (start, found)
        return found


def _strip_comments(text: str) -> str:
    out, at = [], 0
    while True:
        start = text.find("<!--", at)
        end = text.find("-->", start + 4) if start >= 0 else -1
        if end < 0:  # no comment closes after here: nothing more to remove
            out.append(text[at:])
            return "".join(out)
        out.append(text[at:start])
        at = end + 3


def _brackets(text: str, opener: str, then: str, close: str, keep: bool) -> str:
    r"""Replace ``opener`` + label + ``]`` + ``then`` + target + ``close`` by the label (or by
    nothing), as ``re.sub`` would with ``\[([^\]]+)\]\(([^)]*)\)``-like patterns."""
    find = _Finder(text).find
    out, at, pos = [], 0, 0
    while True:
        start = text.find(opener, pos)
        if start < 0:
            break
        label_start = start + len(opener)
        label_end = find("]", label_start)
        if label_end < 0:
            break  # no "]" after here: no later opener can match either
        empty_ok = opener == "!["
        if (label_end > label_start or empty_ok) and text.startswith(then, label_end + 1):
            target_end = find(close, label_end + 2)
            if target_end >= 0:
                out.append(text[at:start])
                if keep:
                    out.append(text[label_start:label_end])
                at = pos = target_end + 1
                continue
        pos = start + 1
    out.append(text[at:])
    return "".join(out)


def _emphasis(text: str, opens: re.Pattern, closes: dict[str, re.Pattern]) -> str:
    closers = {d: [m.start() for m in pattern.finditer(text)] for d, pattern in closes.items()}
    width = len(next(iter(closes)))
    find_newline = _Finder(text).find
    out, at = [], 0
    for match in opens.finditer(text):
        start = match.start()
        if start < at:
            continue
        positions = closers[text[start:start + width]]
        index = bisect.bisect_left(positions, start + width + 1)
        if index == len(positions):
            continue
        close = positions[index]
        line_end = find_newline("\n", start)
        if 0 <= line_end < close:
            continue
        out.append(text[at:start])
        out.append(text[start + width:close])
        at = close + width
    out.append(text[at:])
    return "".join(out)


def _heading(match: re.Match) -> str:
    # The closing run of "#" goes, with the blanks around it.
    return match.group(1).rstrip(" \t").rstrip("#").rstrip(" \t")


def front_matter(raw: str) -> tuple[dict[str, str], str]:
    """``key: value`` lines of a leading ``---`` block, and the text after it."""
    match = _FRONT.match(raw)
    if not match:
        return {}, raw
    meta: dict[str, str] = {}
    for line in match.group(1).split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip():
            meta[key.strip().lower()] = value.strip().strip("'\"")
    return meta, raw[match.end() :]


def markdown_to_text(raw: str) -> str:
    """The text a reader sees. Every step takes time proportional to the text's length."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _strip_comments(text)
    text = _brackets(text, "![", "(", ")", keep=False)  # images: alt text is not article text
    text = _brackets(text, "[", "(", ")", keep=True)  # links keep their words
    text = _brackets(text, "[", "[", "]", keep=True)
    for pattern, replacement in _LINE_RULES:
        text = pattern.sub(replacement if replacement is not None else _heading, text)
    for opens, closes in _EMPHASIS:
        text = _emphasis(text, opens, closes)
    text = _CODE.sub(r"\1", text)
    return _FENCE.sub("", text)


def read_markdown_article(path: str | Path, *, encoding: str | None = None) -> Article:
    """Import a ``.md`` file: front matter for the metadata, the rest as plain text."""
    path = Path(path)
    raw = decode(read_bytes(path), path.name, encoding)
    meta, body = front_matter(raw.lstrip("\ufeff"))
    article = article_from_text(
        markdown_to_text(body),
        name=path.name,
        source=str(path.resolve()),
        title=meta.get("title", ""),
    )
    article.author = meta.get("author", "")
    article.published = meta.get("date", "")
    article.source_url = meta.get("url", "") or meta.get("canonical_url", "")
    article.language = meta.get("lang", "") or meta.get("language", "") or article.language
    return article
