"""The one page reader: a web page's title and the text a reader sees, never its markup.

The page is parsed by lxml (libxml2's HTML parser, in C: linear time, an HTML5
tokenizer, and a bounded tree) and its text read from the tree; it is never
rendered, so its scripts never run and nothing it links to is loaded. libxml2
stops building the tree past 256 levels of nesting; for such a page (and for one
lxml cannot parse at all) the stated fallback is ``html_tokens``, a linear-time
tokenizer in Python, which reads every word. Both feed the same ``_TextWriter``, so
the rules (what is skipped, where lines break) are written once.

Article import takes the main text of a page with trafilatura
(``workbench.io.article_html``) and falls back to ``visible_text`` here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from workbench.core.charsets import bom_codec
from workbench.web.decode import decode_page
from workbench.web.html_tokens import tokens

if TYPE_CHECKING:  # lxml is imported when a page is read: the window starts without it
    from lxml import etree

# Content types whose bodies are text we can read and keep.
# fmt: off
TEXT_TYPES = {
    "text/html", "application/xhtml+xml", "text/plain", "text/xml", "application/xml",
    "application/json", "application/ld+json", "application/rss+xml", "application/atom+xml",
    "text/csv", "text/markdown", "application/javascript", "text/javascript", "text/css",
}
# fmt: on
HTML_TYPES = {"text/html", "application/xhtml+xml"}

# Elements whose content is not readable text.
# fmt: off
_SKIP = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object",
         "select", "canvas"}
# fmt: on
# Elements that start a new line in the readable text.
# fmt: off
_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "aside", "nav", "main", "blockquote", "pre",
    "figure", "figcaption", "dd", "dt", "dl", "hr", "form", "address", "details", "summary",
    "caption", "title",
}
# fmt: on
# fmt: off
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source",
         "track", "wbr", "param"}
# fmt: on
_BREAK = "\x00"  # a line break between blocks while the text is collected (not whitespace)


def mime_type(content_type: str) -> str:
    """``text/html; charset=utf-8`` -> ``text/html``."""
    return content_type.split(";", 1)[0].strip().lower()


def is_text_type(content_type: str) -> bool:
    mime = mime_type(content_type)
    return mime in TEXT_TYPES or mime.startswith("text/") or mime.endswith(("+xml", "+json"))


def looks_binary(body: bytes) -> bool:
    """True when the first bytes hold NULs (and no UTF-16/32 byte-order mark explains them)."""
    head = body[:1024]
    if bom_codec(head):
        return False
    return b"\x00" in head


class _TextWriter:
    """Collects the title and the visible text of an HTML page from start/end/text events."""

    def __init__(self) -> None:
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.parts: list[str] = []
        self._skip = 0
        self._in_head = False
        self._in_title = False
        self._in_h1 = False
        self._in_pre = 0

    def start(self, tag: str, attrs: Mapping[str, str | None]) -> None:
        if tag == "title":
            # Only the page's own title: not an SVG's, and not a second one.
            self._in_title = not self._skip and not self.title_parts
            return
        if tag == "head":
            self._in_head = True
            return
        if tag == "body":  # a page that never closes its <head> still has a body
            self._in_head = False
        if tag in _SKIP:
            self._skip += 1
            return
        if tag == "h1":
            self._in_h1 = True
        if tag == "pre":
            self._in_pre += 1
        if tag in _BLOCKS:
            self.parts.append(_BREAK)
        if tag == "img" and not self._skip and attrs.get("alt"):
            self.parts.append(f" {attrs.get('alt')} ")

    def end(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "head":
            self._in_head = False
        elif tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        else:
            if tag == "h1":
                self._in_h1 = False
            if tag == "pre":
                self._in_pre = max(0, self._in_pre - 1)
            if tag in _BLOCKS:
                self.parts.append(_BREAK)

    def text(self, data: str | None) -> None:
        if not data:
            return
        if self._in_title:
            self.title_parts.append(data)
            return
        if self._skip or self._in_head:
            return
        if self._in_h1:
            self.h1_parts.append(data)
        if _BREAK in data:
            data = data.replace(_BREAK, "")
        # Whitespace is collapsed once for the whole page (see ``_lines``); only a <pre>
        # block's line breaks are kept.
        self.parts.append(data.replace("\n", _BREAK) if self._in_pre else data)


def _parse(html: str) -> etree._Element | None:
    """The page's tree, or None when libxml2 could not build all of it."""
    from lxml import etree

    parser = etree.HTMLParser(
        recover=True, no_network=True, remove_comments=True, remove_pis=True, encoding="utf-8"
    )
    try:
        root = etree.fromstring(html.encode("utf-8", "replace"), parser)
    except (etree.LxmlError, ValueError):
        return None
    if root is None or any(error.level_name == "FATAL" for error in parser.error_log):
        return None  # e.g. nesting past 256 levels: the rest of the page would be lost
    return root


def _from_tree(root: etree._Element, writer: _TextWriter) -> None:
    from lxml import etree

    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            writer.start(tag, element.attrib)
            writer.text(element.text)
        else:
            if tag not in _VOID:  # a void element has no end tag: one line break, not two
                writer.end(tag)
            writer.text(element.tail)


def _from_tokens(html: str, writer: _TextWriter) -> None:
    for token in tokens(html):  # linear in the page's length, whatever the page holds
        kind = token[0]
        if kind == "text":
            writer.text(token[1])
        elif kind == "end":
            writer.end(token[1])
        elif token[3]:  # self-closing: <br/> and <p/> break the line, nothing else counts
            if token[1] in _BLOCKS:
                writer.parts.append(_BREAK)
        else:
            writer.start(token[1], dict(token[2]))


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _lines(parts: Iterable[str]) -> str:
    """Collapse whitespace, then one line per block, at most one empty line in a row."""
    # str.split() collapses whitespace in C, several times faster than a regular expression.
    lines = [line.strip() for line in " ".join("".join(parts).split()).split(_BREAK)]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def read_html(html: str) -> tuple[str, str]:
    """(title, readable text) of an HTML page given as text."""
    writer = _TextWriter()
    root = _parse(html)
    if root is not None:
        _from_tree(root, writer)
    else:
        _from_tokens(html, writer)
    title = _squeeze("".join(writer.title_parts)) or _squeeze("".join(writer.h1_parts))
    return title[:500], _lines(writer.parts)


def visible_text(html: str) -> str:
    """Every line of text a reader sees in the page (the article importer's fallback)."""
    return read_html(html)[1]


def read_page(body: bytes, content_type: str) -> tuple[str, str]:
    """(title, readable text) of a text body; plain text's title is its first line."""
    text = decode_page(body, content_type=content_type).text
    mime = mime_type(content_type)
    if mime in HTML_TYPES or (not mime and re.search(r"<(html|title|body)\b", text[:2048], re.I)):
        return read_html(text)
    text = text.replace("\r\n", "\n").strip()
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return first[:200], text
