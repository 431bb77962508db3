"""Word documents (``.docx``): the paragraphs of the body, read with the standard library.

A ``.docx`` is a zip of XML parts; the text is in ``word/document.xml`` and the
title and author in ``docProps/core.xml``. Reading them with ``zipfile`` and
``xml.etree`` needs no dependency (python-docx would add lxml for this alone).
Deleted text of tracked changes (``w:delText``) and field codes are left out;
table cells are read as paragraphs in reading order.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from workbench.core.errors import ArticleError
from workbench.core.models import Article
from workbench.io.article_text import MAX_BYTES, canonical_text, guess_title, read_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CORE_NAMES = {
    "title": "{http://purl.org/dc/elements/1.1/}title",
    "creator": "{http://purl.org/dc/elements/1.1/}creator",
}
MAX_PART = 4 * MAX_BYTES  # XML is verbose; anything larger is a zip bomb, not an article


def _part(archive: zipfile.ZipFile, name: str, label: str, *, required: bool) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        if required:
            raise ArticleError(f"{label}: not a Word document (no {name})") from None
        return None
    if info.file_size > MAX_PART:
        raise ArticleError(
            f"{label}: the document is too large ({info.file_size / 1e6:.0f} MB of XML)"
        )
    data = archive.read(info)
    if b"<!DOCTYPE" in data[:2048] or b"<!ENTITY" in data[:2048]:
        raise ArticleError(f"{label}: refused: {name} declares a DTD, which Word never writes")
    return data


def _paragraph_text(paragraph: ElementTree.Element) -> str:
    parts: list[str] = []
    for node in paragraph.iter():
        if node.tag == f"{W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{W}tab":
            parts.append("\t")
        elif node.tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
    return "".join(parts)


def _style(paragraph: ElementTree.Element) -> str:
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    return (style.get(f"{W}val") or "") if style is not None else ""


def read_docx_article(path: str | Path) -> Article:
    """Import a ``.docx`` file: its paragraphs (a blank line between them) and core properties."""
    path = Path(path)
    data = read_bytes(path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ArticleError(f"{path.name}: not a Word .docx file (not a zip archive)") from None
    with archive:
        try:
            body_xml = _part(archive, "word/document.xml", path.name, required=True)
            core_xml = _part(archive, "docProps/core.xml", path.name, required=False)
        except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
            raise ArticleError(f"{path.name}: damaged .docx ({exc})") from None
    try:
        root = ElementTree.fromstring(body_xml)
        core = ElementTree.fromstring(core_xml) if core_xml else None
    except ElementTree.ParseError as exc:
        raise ArticleError(f"{path.name}: damaged .docx (bad XML: {exc})") from None
    body = root.find(f"{W}body")
    paragraphs: list[str] = []
    heading = ""
    for paragraph in body.iter(f"{W}p") if body is not None else []:
        text = _paragraph_text(paragraph).strip()
        if not text:
            continue
        if not heading and _style(paragraph).lower() in ("title", "heading1"):
            heading = text
        paragraphs.append(text)
    text = canonical_text("\n\n".join(paragraphs))
    if not text.strip():
        raise ArticleError(f"{path.name}: the document has no text")
    meta = {
        key: (core.findtext(tag) or "").strip() if core is not None else ""
        for key, tag in CORE_NAMES.items()
    }
    return Article(
        title=meta["title"] or heading or guess_title(text),
        text=text,
        # docProps' "created" is when the file was made, not when the article was
        # published, so the publication date is left for the checker to fill in.
        author=meta["creator"],
        imported_from=str(path.resolve()),
    )
