"""Web pages: the main text of an ``.html`` file (or a fetched page), without the page around it.

Extraction is trafilatura's (see README, "Importing articles"): it scores the
page's blocks and drops navigation, headers, footers, sidebars, scripts, styles,
share bars and reader comments, and reads the title, author, publication date and
canonical URL from the page's metadata (OpenGraph, ``<meta>``, JSON-LD).

Decoding is ``workbench.web.decode`` (the one charset rule; see README, "Importing
articles"), and only an exact reading is accepted, because claims quote the text:
a page whose bytes are not valid in its encoding, or that declares no charset and
is not UTF-8, or that names a codec that is not a charset, is refused with the
reason, and the user can give the encoding with ``--encoding``.
"""

from __future__ import annotations

import re
from pathlib import Path

from workbench.core.errors import ArticleError
from workbench.core.models import Article
from workbench.io.article_text import canonical_text, guess_title, read_bytes
from workbench.web.decode import EncodingError, decode_page
from workbench.web.page import visible_text

_HTML_LANG = re.compile(r"""<html[^>]*\slang\s*=\s*["']?([A-Za-z]{2,3})""", re.IGNORECASE)


def decode_html(
    data: bytes, name: str, *, encoding: str | None = None, http_charset: str | None = None
) -> str:
    """A page's bytes as text by the one charset rule; refused rather than guessed."""
    try:
        decoded = decode_page(data, http_charset=http_charset or "", given=encoding)
    except EncodingError as exc:
        raise ArticleError(f"{name}: {exc}") from None
    if not decoded.exact:
        advice = (
            "give the right one with --encoding"
            if decoded.label
            else "give its encoding with --encoding (e.g. utf-8 or cp1252)"
        )
        raise ArticleError(f"{name}: {decoded.note}; {advice}")
    return decoded.text


def _field(doc: object, name: str) -> str:
    """A field of trafilatura's document ("" when there is no document or no value)."""
    value = getattr(doc, name, None)
    return value if isinstance(value, str) else ""


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
    body = _field(doc, "text")
    if not body.strip():
        # Pages too small for the scorer (a bare test page, a stub): keep every line a
        # reader sees (the one page reader's text) rather than refuse a readable page.
        body = visible_text(html)
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    text = canonical_text("\n\n".join(paragraphs))
    if not text.strip():
        raise ArticleError(f"{name}: no article text found in the page")
    title = _field(doc, "title").strip()
    language = _HTML_LANG.search(html[:4096])
    return Article(
        title=title or guess_title(text),
        text=text,
        source_url=(_field(doc, "url") or url).strip(),
        author=_field(doc, "author").strip(),
        published=_field(doc, "date").strip(),
        language=language.group(1).lower() if language else "en",
        imported_from=source,
    )


# A news page has a few thousand tags; the extractor spends ~0.2 ms on each, so a page of
# a million "<p>x" would take minutes. Past this it is refused (not an article page).
MAX_TAGS = 200_000


def check_size(data: bytes, name: str) -> None:
    tags = data.count(b"<")
    if tags > MAX_TAGS:
        raise ArticleError(
            f"{name}: too much markup for an article page ({tags:,} tags; the "
            f"limit is {MAX_TAGS:,}); save the article's text and import that"
        )


def read_html_article(path: str | Path, *, encoding: str | None = None) -> Article:
    """Import an ``.html`` file saved from the web."""
    path = Path(path)
    data = read_bytes(path)
    check_size(data, path.name)
    html = decode_html(data, path.name, encoding=encoding)
    return article_from_html(html, name=path.name, source=str(path.resolve()))
