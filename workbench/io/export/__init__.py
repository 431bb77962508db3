"""Export formats. Each format registers a function ``(store, out, progress) -> ExportResult``.

Formats are looked up by name (``workbench export --format NAME``, File > Export).
Every exporter writes through ``atomic_write``, so a failed export leaves no
half-written file.

``pdf`` is drawn by Qt's own PDF writer, so its code lives with the rest of the Qt
code in ``workbench/ui/pdf_report.py``. The registry names it by module path
(``LAZY_FORMATS``) and imports it only when a PDF is asked for: listing formats,
``--help`` and every other export never load Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.errors import ValidationError

if TYPE_CHECKING:
    from workbench.store import ProjectStore

Progress = Callable[[int, int], None]


@dataclass
class ExportResult:
    """What an export wrote, and a one-line summary for the user."""

    path: Path
    message: str


Exporter = Callable[["ProjectStore", Path, "Progress | None"], ExportResult]


@dataclass
class ExportFormat:
    name: str
    suffix: str
    description: str
    run: Exporter


FORMATS: dict[str, ExportFormat] = {}


def register(name: str, suffix: str, description: str) -> Callable[[Exporter], Exporter]:
    def decorate(func: Exporter) -> Exporter:
        FORMATS[name] = ExportFormat(name, suffix, description, func)
        return func

    return decorate


# name -> (suffix, description, "module:function"), imported on first use.
LAZY_FORMATS = {
    "pdf": (
        ".pdf",
        "the HTML report as PDF (Qt's PDF writer)",
        "workbench.ui.pdf_report:export_pdf",
    ),
}


def _lazy(target: str) -> Exporter:
    def run(
        store: ProjectStore, out: Path, progress: Progress | None = None, **options: object
    ) -> ExportResult:
        import importlib

        module, _, function = target.partition(":")
        try:
            exporter = getattr(importlib.import_module(module), function)
        except ImportError as exc:
            raise ValidationError(
                f"this format needs Qt, which cannot be loaded here ({exc})"
            ) from None
        return exporter(store, out, progress, **options)

    return run


def _load_builtin() -> None:
    # Importing the modules registers their formats.
    from workbench.io.export import (  # noqa: F401
        claimreview,
        csv_export,
        html_report,
        json_export,
        markdown,
    )

    for name, (suffix, description, target) in LAZY_FORMATS.items():
        if name not in FORMATS:
            FORMATS[name] = ExportFormat(name, suffix, description, _lazy(target))


def formats() -> dict[str, ExportFormat]:
    _load_builtin()
    return FORMATS


# Options that only some formats take: name -> the formats that accept it.
FORMAT_OPTIONS = {"all_claims": ("claimreview",)}


def export(
    store: ProjectStore,
    fmt: str,
    out: str | Path,
    progress: Progress | None = None,
    **options: object,
) -> ExportResult:
    """Write ``store`` as ``fmt`` to ``out``. ``options`` (e.g. ``all_claims=True`` for
    ClaimReview) go to the formats that take them; others refuse them."""
    available = formats()
    if fmt not in available:
        raise ValidationError(f"unknown format {fmt!r}; formats: {', '.join(sorted(available))}")
    options = {name: value for name, value in options.items() if value}
    for name in options:
        if fmt not in FORMAT_OPTIONS.get(name, ()):
            flag = "--" + name.replace("_", "-")
            raise ValidationError(
                f"{flag} applies to {', '.join(FORMAT_OPTIONS.get(name, ()))} only"
            )
    out = Path(out)
    if out.exists() and out.resolve() == Path(store.path).resolve():
        raise ValidationError(f"{out.name}: that is the project file itself; choose another name")
    if out.is_dir():
        raise ValidationError(f"{out}: is a folder; give a file name")
    return available[fmt].run(store, out, progress, **options)
