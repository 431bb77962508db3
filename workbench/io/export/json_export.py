"""``json``: the whole project, articles → claims → evidence."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.io.export import ExportResult, Progress, register
from workbench.io.export.document import project_document
from workbench.io.files import atomic_write

if TYPE_CHECKING:
    from workbench.store import ProjectStore


@register("json", ".json", "the whole project as JSON (articles, claims, evidence)")
def export_json(store: ProjectStore, out: Path, progress: Progress | None = None) -> ExportResult:
    document = project_document(store, progress)
    atomic_write(out, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    n = sum(len(a["claims"]) for a in document["articles"])
    return ExportResult(out, f"wrote {out}: {len(document['articles'])} article(s), {n} claims")
