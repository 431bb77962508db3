"""What a captured page says: its bytes decoded, its title and its readable text.

The page is read as text by a small linear-time tokenizer (``html_tokens.py``),
never rendered: its scripts never run and nothing it links to is loaded.
"""

from __future__ import annotations

import re

from workbench.core.charsets import bom_codec, web_codec
from workbench.evidence.html_tokens import tokens

# Content types whose bodies are text we can read and keep.
TEXT_TYPES = {
    "text/html", "application/xhtml+xml", "text/plain", "text/xml", "application/xml",
    "application/json", "application/ld+json", "application/rss+xml", "application/atom+xml",
    "text/csv", "text/markdown", "application/javascript", "text/javascript", "text/css",
}
HTML_TYPES = {"text/html", "application/xhtml+xml"}

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)

# Elements whose content is not readable text.
_SKIP = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object",
         "select", "canvas"}
# Elements that start a new line in the readable text.
_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "aside", "nav", "main", "blockquote", "pre",
    "figure", "figcaption", "dd", "dt", "dl", "hr", "form", "address", "details", "summary",
    "caption", "title",
}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source",
         "track", "wbr", "param"}


def mime_type(content_type: str) -> str:
    """``text/html; charset=utf-8`` -> ``text/html``."""
    return content_type.split(";", 1)[0].strip().lower()


def is_text_type(content_type: str) -> bool:
    mime = mime_type(content_type)
    return mime in TEXT_TYPES or mime.startswith("text/") or mime.endswith(("+xml", "+json"))


def header_charset(content_type: str) -> str:
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.I)
    return match.group(1) if match else ""


def looks_binary(body: bytes) -> bool:
    """True when the first bytes hold NULs (and no UTF-16/32 byte-order mark explains them)."""
    head = body[:1024]
    if bom_codec(head):
        return False
    return b"\x00" in head


def detect_encoding(body: bytes, content_type: str) -> str:
    """The page's encoding, the way browsers find it.

    A byte-order mark wins, then the HTTP header's charset, then a ``<meta>``
    charset or an XML declaration in the first 4 KB (each only if it names an
    encoding of the WHATWG Encoding Standard); failing those, UTF-8 if
    the bytes are valid UTF-8, else windows-1252 (the web's historical default).
    """
    web = mime_type(content_type) in HTML_TYPES or not content_type
    name = bom_codec(body)
    if name:
        return name
    # Only encodings browsers know: never a codec such as base64, idna or utf-7.
    name = web_codec(header_charset(content_type), html=web)
    if name:
        return name
    head = body[:4096]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        match = pattern.search(head)
        if match:
            name = web_codec(match.group(1).decode("ascii", "replace"), html=web)
            if name:
                return name
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by the size cap is still UTF-8.
        if exc.start < len(body) - 4:
            return "cp1252"
    return "utf-8"


def decode(body: bytes, content_type: str) -> str:
    try:
        return body.decode(detect_encoding(body, content_type), errors="replace")
    except (LookupError, UnicodeError):  # a codec that refuses "replace": read it as UTF-8
        return body.decode("utf-8", errors="replace")


_BREAK = "\x00"  # a line break between blocks while the text is collected (not whitespace)


class _Reader:
    """Collects the title and the visible text of an HTML page, never the markup."""

    def __init__(self) -> None:
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.parts: list[str] = []
        self._skip = 0
        self._in_head = False
        self._in_title = False
        self._in_h1 = False
        self._in_pre = 0

    def feed(self, html: str) -> None:
        # A title is text in HTML ("<b>" in it is shown as is): the tokenizer gives it whole.
        for token in tokens(html):
            kind = token[0]
            if kind == "text":
                self.handle_data(token[1])
            elif kind == "end":
                self.handle_endtag(token[1])
            elif token[3]:
                self.handle_startendtag(token[1], token[2])
            else:
                self.handle_starttag(token[1], token[2])

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            # Only the page's own title: not an SVG's, and not a second one.
            self._in_title = not self._skip and not self.title_parts
            return
        if tag == "head":
            self._in_head = True
            return
        if tag == "body":  # a page that never closes its <head> still has a body
            self._in_head = False
        if tag in _SKIP and tag not in _VOID:
            self._skip += 1
            return
        if tag == "h1":
            self._in_h1 = True
        if tag == "pre":
            self._in_pre += 1
        if tag in _BLOCKS:
            self.parts.append(_BREAK)
        if tag == "img" and not self._skip:
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(f" {alt} ")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCKS:
            self.parts.append(_BREAK)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "head":
            self._in_head = False
        elif tag in _SKIP and tag not in _VOID:
            self._skip = max(0, self._skip - 1)
        else:
            if tag == "h1":
                self._in_h1 = False
            if tag == "pre":
                self._in_pre = max(0, self._in_pre - 1)
            if tag in _BLOCKS:
                self.parts.append(_BREAK)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
            return
        if self._skip or self._in_head:
            return
        if self._in_h1:
            self.h1_parts.append(data)
        if _BREAK in data:
            data = data.replace(_BREAK, "")
        # Whitespace is collapsed once for the whole page (see ``read_html``); only a
        # <pre> block's line breaks are kept.
        self.parts.append(data.replace("\n", _BREAK) if self._in_pre else data)


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _lines(text: str) -> str:
    """Collapse whitespace, then one line per block, at most one empty line in a row."""
    # str.split() collapses whitespace in C, several times faster than a regular expression.
    lines = [line.strip() for line in " ".join(text.split()).split(_BREAK)]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def read_html(text: str) -> tuple[str, str]:
    """(title, readable text) of an HTML page given as text."""
    reader = _Reader()
    reader.feed(text)  # linear in the page's length, whatever the page holds
    title = _squeeze("".join(reader.title_parts)) or _squeeze("".join(reader.h1_parts))
    return title[:500], _lines("".join(reader.parts))


def read_page(body: bytes, content_type: str) -> tuple[str, str]:
    """(title, readable text) of a text body; plain text's title is its first line."""
    text = decode(body, content_type)
    mime = mime_type(content_type)
    if mime in HTML_TYPES or (not mime and re.search(r"<(html|title|body)\b", text[:2048], re.I)):
        return read_html(text)
    text = text.replace("\r\n", "\n").strip()
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return first[:200], text
