"""The one charset rule for web pages: fetched evidence, pages imported by URL or from a file.

The encoding is the first of these that applies (the order browsers use):

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. the encoding the user gave (``--encoding``), which must be a text encoding;
3. the charset the server sent in its ``Content-Type`` header;
4. a ``<meta>`` charset or an XML declaration in the page's first 4 KB;
5. UTF-8, if the bytes are valid UTF-8;
6. windows-1252, the web's historical default, with a note saying it was assumed.

A charset a page or a server declares is used only if it is an encoding of the
WHATWG Encoding Standard (``workbench.core.charsets``): a label such as
``base64``, ``idna`` or ``utf-7`` is never used; it is skipped, as browsers skip
it, with a note.
Bytes that are not valid in the chosen encoding are shown as U+FFFD, as browsers
show them, with a note. ``Decoded.exact`` says whether the text is the page's
exact reading: evidence keeps any reading (a capture shows what a browser
shows), article import accepts only an exact one, because claims quote the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.core.charsets import bom_codec, user_codec, web_codec

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
FALLBACK = "cp1252"


class EncodingError(ValueError):
    """The encoding the user gave is not a text encoding."""


@dataclass(frozen=True)
class Decoded:
    """A page's text, the codec that read it, where that came from, and what to know."""

    text: str
    codec: str
    source: str  # "byte-order mark", "given", "sent by the server", "declared in the page", ...
    label: str = ""  # the label as declared or given ("" for a BOM or a default)
    note: str = ""  # why the reading is not exact, e.g. "is not valid utf-8 as ..." ("" if it is)
    bad_byte: int = -1  # offset of the first byte the codec could not read

    @property
    def exact(self) -> bool:
        return not self.note


def header_charset(content_type: str) -> str:
    """``text/html; charset=utf-8`` -> ``utf-8`` ("" if none)."""
    match = _HEADER_CHARSET.search(content_type or "")
    return match.group(1) if match else ""


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares (``<meta>`` or XML declaration) in its first 4 KB, if any."""
    head = data[:4096]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        match = pattern.search(head)
        if match:
            return match.group(1).decode("ascii").lower()
    return None


def _valid_utf8(data: bytes) -> int:
    """-1 if ``data`` is UTF-8 (a character cut at the very end counts), else the bad offset."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by a size cap is still UTF-8.
        return (
            -1
            if exc.start >= len(data) - 4 and exc.reason == "unexpected end of data"
            else exc.start
        )
    return -1


def _choose(
    data: bytes, http_charset: str, given: str | None, html: bool, skipped: list[str]
) -> tuple[str, str, str]:
    """(codec, source, label) by the module's rule; labels that are not charsets go to
    ``skipped``."""
    bom = bom_codec(data)
    if bom:
        return bom, "byte-order mark", ""
    if given:
        codec = user_codec(given)
        if not codec:
            raise EncodingError(
                f"unknown encoding {given[:40]!r}; give a text encoding such as utf-8 or cp1252"
            )
        return codec, "given", given
    declared = (
        (http_charset, "sent by the server"),
        (declared_charset(data) or "", "declared in the page"),
    )
    for label, source in declared:
        if not label:
            continue
        codec = web_codec(label, html=html)
        if codec:
            return codec, source, label
        skipped.append(
            f"unknown charset {label[:40]!r} {source} (not a text encoding browsers know)"
        )
    if _valid_utf8(data) < 0:
        return "utf-8", "default", ""
    return FALLBACK, "fallback", ""


def decode_page(
    data: bytes,
    *,
    content_type: str = "",
    http_charset: str | None = None,
    given: str | None = None,
) -> Decoded:
    """``data`` as text by the module's rule. ``http_charset`` defaults to the charset of
    ``content_type``; pages served as HTML (or with no type) read ISO-8859-1 and ASCII
    labels as windows-1252, as browsers do. Raises ``EncodingError`` only for a
    ``given`` encoding that is not a text encoding."""
    if http_charset is None:
        http_charset = header_charset(content_type)
    mime = content_type.split(";", 1)[0].strip().lower()
    html = not mime or mime in ("text/html", "application/xhtml+xml")
    skipped: list[str] = []
    codec, source, label = _choose(data, http_charset, given, html, skipped)
    body = data[3:] if codec == "utf-8-sig" else data
    codec = "utf-8" if codec == "utf-8-sig" else codec
    notes = list(skipped)
    bad = -1
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        bad = exc.start
        text = body.decode(codec, errors="replace")
        if source != "fallback" and not (codec == "utf-8" and _valid_utf8(body) < 0):
            notes.append(
                f"is not valid {label or codec} as {source} "
                f"(byte 0x{body[bad]:02x} at offset {bad})"
            )
    except LookupError:  # a codec that refuses "replace": read it as UTF-8
        codec, source, text = "utf-8", "default", body.decode("utf-8", errors="replace")
    if source == "fallback":
        bad = _valid_utf8(body)
        notes.append(
            f"declares no charset and is not UTF-8 (byte 0x{body[bad]:02x} at "
            f"offset {bad}): read as windows-1252"
        )
    return Decoded(text, codec, source, label, "; ".join(notes), bad)
