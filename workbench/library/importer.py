"""Importing a collection file (or a project's rated claims) into the library."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.errors import WorkbenchError
from workbench.io.article_text import decode
from workbench.library.formats import Parsed, parse_html, parse_json, parse_table

if TYPE_CHECKING:
    from workbench.store.library import ImportCounts, LibraryStore

MAX_FILE_BYTES = 1024 * 1024 * 1024
FORMATS = ("auto", "claimreview", "factcheck-api", "html", "csv", "tsv", "clef", "project")


@dataclass
class ImportReport:
    """What an import did, for one line of output."""

    source: str
    format: str
    found: int
    counts: ImportCounts
    problems: list[str] = field(default_factory=list)

    def describe(self) -> str:
        text = (
            f"{self.source}: {self.found} review{'s' if self.found != 1 else ''} read "
            f"({self.format}); {self.counts.describe()}"
        )
        if self.problems:
            text += f"; {len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}"
        return text


def _read(path: Path) -> bytes:
    name = path.name
    if not path.exists():
        raise WorkbenchError(f"{name}: no such file")
    if path.is_dir():
        raise WorkbenchError(f"{name}: is a folder, not a file")
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise WorkbenchError(f"{name}: larger than 1 GB; split it")
        return path.read_bytes()
    except PermissionError:
        raise WorkbenchError(f"{name}: permission denied") from None
    except OSError as exc:
        raise WorkbenchError(f"{name}: cannot be read ({exc.strerror})") from None


def parse_file(
    path: Path,
    *,
    fmt: str = "auto",
    encoding: str | None = None,
    mapping: dict[str, str] | None = None,
) -> Parsed:
    """Read and parse a collection file; raises WorkbenchError if it cannot be read at all."""
    if fmt not in FORMATS:
        raise WorkbenchError(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    data = _read(path)
    text = decode(data, path.name, encoding)
    suffix = path.suffix.lower()
    if fmt == "auto":
        start = text.lstrip()[:1]
        if start in ("{", "["):
            fmt = "claimreview"
        elif start == "<" or suffix in (".html", ".htm"):
            fmt = "html"
        elif suffix == ".tsv":
            fmt = "tsv"
        else:
            fmt = "csv"
    if fmt in ("claimreview", "factcheck-api"):
        parsed = parse_json(text, path.name)
    elif fmt == "html":
        parsed = parse_html(text, path.name)
    else:
        delimiter = "\t" if fmt in ("tsv", "clef") else None
        parsed = parse_table(text, path.name, delimiter=delimiter, mapping=mapping)
    if not parsed.reviews and not parsed.problems:
        parsed.problems.append("no ClaimReview found")
    return parsed


def import_file(
    library: LibraryStore,
    path: str | Path,
    *,
    source: str | None = None,
    fmt: str = "auto",
    encoding: str | None = None,
    mapping: dict[str, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import one file into ``library`` (a LibraryStore): a collection, or a project (.fcw)."""
    path = Path(path)
    if fmt == "project" or (fmt == "auto" and path.suffix.lower() == ".fcw"):
        from workbench.library.sync import contribute_project

        return contribute_project(library, path, progress=progress)
    parsed = parse_file(path, fmt=fmt, encoding=encoding, mapping=mapping)
    name = source or path.stem
    total = len(parsed.reviews)
    counts = library.add_reviews(
        parsed.reviews,
        name,
        location=str(path.resolve()),
        progress=(lambda done: progress(done, total)) if progress else None,
    )
    return ImportReport(name, parsed.format, total, counts, parsed.problems)
