"""Web pages: the main text of an ``.html`` file (or a fetched page), without the page around it.

Extraction is trafilatura's (see README, "Importing articles"): it scores the
page's blocks and drops navigation, headers, footers, sidebars, scripts, styles,
share bars and reader comments, and reads the title, author, publication date and
canonical URL from the page's metadata (OpenGraph, ``<meta>``, JSON-LD).

Decoding is ours, because the text must never be guessed: a byte-order mark, then
the charset the server sent, then the ``<meta>`` charset, then UTF-8; anything
that does not decode is refused with the offending byte named.
"""

from __future__ import annotations

import re
from pathlib import Path

from workbench.core.charsets import bom_codec, user_codec, web_codec
from workbench.core.errors import ArticleError
from workbench.core.models import Article
from workbench.io.article_text import canonical_text, guess_title, read_bytes

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_HTML_LANG = re.compile(r"""<html[^>]*\slang\s*=\s*["']?([A-Za-z]{2,3})""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag within its first 4 KB, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _codec(label: str, name: str, source: str) -> str:
    """A declared charset must be one browsers know (ISO-8859-1 read as windows-1252, as
    they do); one the user gives must be a text encoding. Never base64, idna or utf-7."""
    codec = user_codec(label) if source == "given" else web_codec(label)
    if codec:
        return codec
    shown = repr(label[:40])
    if source == "given":
        raise ArticleError(f"{name}: unknown encoding {shown}; give a text encoding such as "
                           "utf-8 or cp1252")
    raise ArticleError(
        f"{name}: unknown charset {shown} {source} (not a text encoding browsers know); give "
        "the page's encoding with --encoding (e.g. utf-8 or cp1252)"
    )


def decode_html(
    data: bytes, name: str, *, encoding: str | None = None, http_charset: str | None = None
) -> str:
    """A page's bytes as text, by its declared encoding; refused rather than guessed."""
    bom = bom_codec(data)
    if bom == "utf-8-sig":
        data, label, source = data[3:], "utf-8", "marked by its byte-order mark"
    elif bom:
        label, source = bom, "marked by its byte-order mark"
    elif encoding:
        label, source = encoding, "given"
    elif http_charset:
        label, source = http_charset, "sent by the server"
    else:
        label, source = declared_charset(data), "declared in the page"
    if bom and bom != "utf-8-sig":
        codec = bom  # the byte-order mark names the encoding itself
    else:
        codec = _codec(label, name, source) if label else "utf-8"
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        byte = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
        if label:
            raise ArticleError(
                f"{name}: is not valid {label} as {source} ({byte}); give the right one "
                "with --encoding"
            ) from None
        raise ArticleError(
            f"{name}: declares no charset and is not UTF-8 ({byte}); give its encoding "
            "with --encoding (e.g. cp1252)"
        ) from None


def article_from_html(html: str, *, name: str, source: str, url: str = "") -> Article:
    """The article in a page: main text (paragraphs separated by a blank line) and metadata."""
    import trafilatura  # imported here: it takes 0.15 s, and only HTML imports need it

    doc = trafilatura.bare_extraction(
        html,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = (doc.text if doc is not None else "") or ""
    if not body.strip():
        # Pages too small for the scorer (a bare test page, a stub): keep every text
        # node outside scripts and styles rather than refuse a readable page.
        body = trafilatura.html2txt(html) or ""
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    text = canonical_text("\n\n".join(paragraphs))
    if not text.strip():
        raise ArticleError(f"{name}: no article text found in the page")
    title = ((doc.title if doc is not None else "") or "").strip()
    language = _HTML_LANG.search(html[:4096])
    return Article(
        title=title or guess_title(text),
        text=text,
        source_url=((doc.url if doc is not None else "") or url or "").strip(),
        author=((doc.author if doc is not None else "") or "").strip(),
        published=((doc.date if doc is not None else "") or "").strip(),
        language=language.group(1).lower() if language else "en",
        imported_from=source,
    )


# A news page has a few thousand tags; the extractor spends ~0.2 ms on each, so a page of
# a million "<p>x" would take minutes. Past this it is refused (not an article page).
MAX_TAGS = 200_000


def check_size(data: bytes, name: str) -> None:
    tags = data.count(b"<")
    if tags > MAX_TAGS:
        raise ArticleError(f"{name}: too much markup for an article page ({tags:,} tags; the "
                           f"limit is {MAX_TAGS:,}); save the article's text and import that")


def read_html_article(path: str | Path, *, encoding: str | None = None) -> Article:
    """Import an ``.html`` file saved from the web."""
    path = Path(path)
    data = read_bytes(path)
    check_size(data, path.name)
    html = decode_html(data, path.name, encoding=encoding)
    return article_from_html(html, name=path.name, source=str(path.resolve()))
