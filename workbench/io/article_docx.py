"""Word documents (``.docx``): the paragraphs of the body, read with the standard library.

A ``.docx`` is a zip of XML parts; the text is in ``word/document.xml`` and the
title and author in ``docProps/core.xml``. Reading them with ``zipfile`` and
``xml.etree`` needs no dependency (python-docx would add lxml for this alone).
Deleted text of tracked changes (``w:delText``) and field codes are left out;
table cells are read as paragraphs in reading order. The XML is streamed through
expat (no tree is built), with the inflated bytes counted, so a small zip holding
gigabytes of XML is refused at the limit instead of filling memory.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.parsers import expat

from workbench.core.errors import ArticleError
from workbench.core.models import Article
from workbench.io.article_text import MAX_BYTES, canonical_text, guess_title, read_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DC = "http://purl.org/dc/elements/1.1/"
# XML is verbose: a 20 MB article is about 60 MB of document.xml. Counted on the bytes
# actually inflated (a zip's declared sizes can lie), so a zip bomb stops here.
MAX_XML = 64_000_000
MAX_CORE = 1_000_000
CHUNK = 256 * 1024


class _TooLarge(Exception):
    pass


class _Refused(Exception):
    pass


class _Body:
    """Collects paragraphs from ``word/document.xml`` as expat reports them (no tree kept).

    A paragraph inside another (a text box) is its own paragraph, in reading order.
    """

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.heading = ""
        self.size = 0
        self._open: list[tuple[int, list[str], list[str]]] = []  # (slot, parts, style)
        self._in_text = False
        self._in_body = False

    def start(self, tag: str, attrs: dict) -> None:
        if tag == f"{W} body":
            self._in_body = True
        elif not self._in_body:
            return
        elif tag == f"{W} p":
            self.paragraphs.append("")
            self._open.append((len(self.paragraphs) - 1, [], []))
        elif not self._open:
            return
        elif tag == f"{W} t":
            self._in_text = True
        elif tag == f"{W} tab":
            self._open[-1][1].append("\t")
        elif tag in (f"{W} br", f"{W} cr"):
            self._open[-1][1].append("\n")
        elif tag == f"{W} pStyle":
            self._open[-1][2].append(attrs.get(f"{W} val", ""))

    def end(self, tag: str) -> None:
        if tag == f"{W} t":
            self._in_text = False
        elif tag == f"{W} p" and self._open:
            slot, parts, style = self._open.pop()
            text = "".join(parts).strip()
            self.paragraphs[slot] = text
            if text and not self.heading and style and style[0].lower() in ("title", "heading1"):
                self.heading = text
            self.size += len(text) + 2
            if self.size > MAX_BYTES:
                raise _TooLarge
        elif tag == f"{W} body":
            self._in_body = False

    def data(self, text: str) -> None:
        if self._in_text and self._open:
            self._open[-1][1].append(text)


class _Core:
    """Title and author from ``docProps/core.xml``."""

    def __init__(self) -> None:
        self.values: dict[str, list[str]] = {"title": [], "creator": []}
        self._current: list[str] | None = None

    def start(self, tag: str, attrs: dict) -> None:
        name = tag[len(DC) + 1 :] if tag.startswith(DC + " ") else ""
        self._current = self.values.get(name)

    def end(self, tag: str) -> None:
        self._current = None

    def data(self, text: str) -> None:
        if self._current is not None:
            self._current.append(text)


def _refuse_dtd(*args) -> None:
    raise _Refused


def _parse(
    archive: zipfile.ZipFile, name: str, handler, limit: int, label: str, *, required: bool
) -> bool:
    """Stream one part through expat, counting inflated bytes; False if it is absent."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        if required:
            raise ArticleError(f"{label}: not a Word document (no {name})") from None
        return False
    if info.file_size > limit:
        raise ArticleError(
            f"{label}: the document is too large ({info.file_size / 1e6:.0f} MB "
            f"of XML; the limit is {limit / 1e6:.0f} MB)"
        )
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.data
    parser.buffer_text = True
    # Word never writes a DTD; entities are how "billion laughs" bombs grow.
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    read = 0
    try:
        with archive.open(info) as part:
            while True:
                chunk = part.read(CHUNK)
                read += len(chunk)
                if read > limit:
                    raise _TooLarge
                parser.Parse(chunk, not chunk)
                if not chunk:
                    return True
    except _TooLarge:
        raise ArticleError(
            f"{label}: the document is too large (more than {limit / 1e6:.0f} MB "
            "of XML, or more text than an article may have)"
        ) from None
    except _Refused:
        raise ArticleError(
            f"{label}: refused: {name} declares a DTD, which Word never writes"
        ) from None
    except expat.ExpatError as exc:
        raise ArticleError(f"{label}: damaged .docx (bad XML: {exc})") from None
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, NotImplementedError) as exc:
        raise ArticleError(f"{label}: damaged .docx ({exc})") from None


def read_docx_article(path: str | Path) -> Article:
    """Import a ``.docx`` file: its paragraphs (a blank line between them) and core properties."""
    path = Path(path)
    data = read_bytes(path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ArticleError(f"{path.name}: not a Word .docx file (not a zip archive)") from None
    body, core = _Body(), _Core()
    with archive:
        _parse(archive, "word/document.xml", body, MAX_XML, path.name, required=True)
        _parse(archive, "docProps/core.xml", core, MAX_CORE, path.name, required=False)
    text = canonical_text("\n\n".join(p for p in body.paragraphs if p))
    if not text.strip():
        raise ArticleError(f"{path.name}: the document has no text")
    meta = {key: "".join(parts).strip() for key, parts in core.values.items()}
    return Article(
        title=meta["title"] or body.heading or guess_title(text),
        text=text,
        # docProps' "created" is when the file was made, not when the article was
        # published, so the publication date is left for the checker to fill in.
        author=meta["creator"],
        imported_from=str(path.resolve()),
    )
