"""Reading an article from any supported source: a file by its extension, or a URL."""

from __future__ import annotations

from pathlib import Path

from workbench.core.models import Article

FILE_KINDS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
}


def is_url(source: str | Path) -> bool:
    return isinstance(source, str) and source.strip().lower().startswith(("http://", "https://"))


def read_article(source: str | Path, *, encoding: str | None = None) -> Article:
    """An article from a ``.txt``, ``.md``, ``.html`` or ``.docx`` file, or an http(s) URL.

    Other extensions are read as plain text (which refuses binary files).
    """
    if is_url(source):
        from workbench.io.article_url import fetch_article

        return fetch_article(str(source).strip(), encoding=encoding)
    path = Path(source)
    kind = FILE_KINDS.get(path.suffix.lower(), "text")
    if kind == "html":
        from workbench.io.article_html import read_html_article

        return read_html_article(path, encoding=encoding)
    if kind == "docx":
        from workbench.io.article_docx import read_docx_article

        return read_docx_article(path)
    if kind == "markdown":
        from workbench.io.article_markdown import read_markdown_article

        return read_markdown_article(path, encoding=encoding)
    from workbench.io.article_text import read_text_article

    return read_text_article(path, encoding=encoding)
