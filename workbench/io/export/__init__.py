"""Export formats. Each format registers a function ``(store, out, progress) -> ExportResult``.

Formats are looked up by name (``workbench export --format NAME``, File > Export).
Every exporter writes through ``atomic_write``, so a failed export leaves no
half-written file.
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


def _load_builtin() -> None:
    # Importing the modules registers their formats.
    from workbench.io.export import json_export  # noqa: F401


def formats() -> dict[str, ExportFormat]:
    _load_builtin()
    return FORMATS


def export(store: "ProjectStore", fmt: str, out: str | Path, progress: Progress | None = None) -> ExportResult:
    available = formats()
    if fmt not in available:
        raise ValidationError(f"unknown format {fmt!r}; formats: {', '.join(sorted(available))}")
    return available[fmt].run(store, Path(out), progress)
