"""Markdown articles: the text a reader sees, without the markup around it.

Claims quote the canonical text, so ``**bold**``, ``[link](url)`` and ``# `` must
not end up inside a quote. The rules are deliberately few (headings, emphasis,
links, images, inline code, block quotes, list bullets, HTML comments) and fixed,
so the same file always gives the same text. A YAML-style front matter block gives
the title, author, date and URL.
"""

from __future__ import annotations

import re
from pathlib import Path

from workbench.core.models import Article
from workbench.io.article_text import article_from_text, decode, read_bytes

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_RULES = [
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images: their alt text is not article text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their words
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"^[ \t]{0,3}\[[^\]]+]:[ \t]+\S+.*$", re.MULTILINE), ""),  # link definitions
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE), r"\1"),
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),
    (re.compile(r"^[ \t]{0,3}(?:[-*+])[ \t]+", re.MULTILINE), ""),
    (re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # rules
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),
    (re.compile(r"^```.*$", re.MULTILINE), ""),
]


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
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


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
