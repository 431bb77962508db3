"""Markdown articles: the text a reader sees, without the markup around it.

Claims quote the canonical text, so ``**bold**``, ``[link](url)`` and ``# `` must
not end up inside a quote. The Markdown is parsed by markdown-it-py (CommonMark)
and the text read from its tokens: headings, paragraphs, list items and block
quotes give their words (an ordered item keeps its number), links keep their
words, images and HTML comments give nothing, inline code keeps its text, and a
code block or fence is kept as it is written (its lines are not Markdown). A
YAML-style front matter block gives the title, author, date and URL.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.models import Article
from workbench.io.article_text import article_from_text, decode, read_bytes

if TYPE_CHECKING:
    from markdown_it.token import Token

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# Inline tokens whose content is text a reader sees.
_INLINE_TEXT = {"text", "code_inline"}
_BREAKS = {"softbreak", "hardbreak"}


def _strip_comments(text: str) -> str:
    """``text`` without its HTML comments (an unclosed one is left as it is)."""
    out, at = [], 0
    while True:
        start = text.find("<!--", at)
        end = text.find("-->", start + 4) if start >= 0 else -1
        if end < 0:  # no comment closes after here: nothing more to remove
            out.append(text[at:])
            return "".join(out)
        out.append(text[at:start])
        at = end + 3


def _inline(children: Sequence[Token]) -> str:
    """The words of an inline token's children: images and comments give nothing."""
    out: list[str] = []
    for child in children:  # an image's alt text is its own children: not reached here
        if child.type in _INLINE_TEXT:
            out.append(child.content)
        elif child.type in _BREAKS:
            out.append("\n")
        elif child.type == "html_inline" and not child.content.startswith("<!--"):
            out.append(child.content)
    return "".join(out)


def _blocks(tokens: Sequence[Token]) -> list[tuple[str, bool]]:
    """(text, tight) per block in order. ``tight`` marks a tight list's item after its first
    (its paragraph is hidden): one line break joins it to the item before, else a blank line."""
    blocks: list[tuple[str, bool]] = []
    number = ""  # the number of the ordered list item just opened
    tight = first = False
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            first = True  # a list's first item is apart from what comes before
        elif token.type == "list_item_open":
            number = f"{token.info}{token.markup} " if token.info else ""
        elif token.type in ("paragraph_open", "heading_open"):
            tight = token.hidden
        elif token.type == "inline":
            blocks.append((number + _inline(token.children or []), tight and not first))
            number, tight, first = "", False, False
        elif token.type in ("fence", "code_block"):
            blocks.append((token.content.rstrip("\n"), False))
        elif token.type == "html_block":
            blocks.append((_strip_comments(token.content).rstrip("\n"), False))
    return blocks


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
    """The text a reader sees (markdown-it-py's parse, linear in the text's length)."""
    from markdown_it import MarkdownIt  # imported here: only Markdown imports need it

    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    parser = MarkdownIt("commonmark")
    if "](" not in text and "]:" not in text:
        # No link or image can form without "](" (inline) or a "[label]:" definition, and
        # trying them is markdown-it's slowest path (~20 s for a megabyte of "![").
        parser.disable(["link", "image"])
    tokens = parser.parse(text)
    out: list[str] = []
    for block, tight in _blocks(tokens):
        if not block.strip():
            continue
        if out:
            out.append("\n" if tight else "\n\n")
        out.append(block)
    return "".join(out)


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
