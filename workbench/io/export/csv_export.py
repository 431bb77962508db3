"""``csv``: one row per claim, for editors' spreadsheets.

Evidence is three cells with one line per item, in the same order: the URLs, their
stances and their notes (a note's own line breaks become spaces, so the lines stay
aligned). ``claim_id`` is the claim's number, the same as in the window and reports.

UTF-8 with a byte-order mark, so spreadsheet programs that would otherwise
assume a legacy encoding show accents and curly quotes right (Python reads it
with ``encoding="utf-8-sig"``). A cell that a spreadsheet would run as a formula
(starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) gets a leading
apostrophe, the usual guard against formula injection from article text.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.io.export import ExportResult, Progress, register
from workbench.io.export.report import gather
from workbench.io.files import atomic_write

if TYPE_CHECKING:
    from workbench.store import ProjectStore

# fmt: off
COLUMNS = [
    "article",
    "article_url",
    "claim_id",
    "claim",
    "quote",
    "claimant",
    "score",
    "status",
    "verdict",
    "rationale",
    "evidence_urls",
    "evidence_stances",
    "evidence_notes",
    "anchor_note",
]
# fmt: on
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


@register("csv", ".csv", "one row per claim (spreadsheet)")
def export_csv(store: ProjectStore, out: Path, progress: Progress | None = None) -> ExportResult:
    report = gather(store, progress)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for entry in report.articles:
        article = entry.article
        for item in entry.claims:
            claim = item.claim
            writer.writerow(
                [
                    cell(v)
                    for v in (
                        article.title,
                        article.source_url,
                        claim.id,
                        claim.text,
                        claim.quote,
                        claim.claimant,
                        "" if claim.score is None else f"{claim.score:.3f}",
                        claim.status.value,
                        report.verdict_of(item),
                        claim.rationale,
                        "\n".join(e.url for e in item.evidence),
                        # One line per evidence item, in the order of evidence_urls.
                        "\n".join(e.stance.value for e in item.evidence),
                        "\n".join(" ".join(e.note.split()) for e in item.evidence),
                        claim.anchor_note,
                    )
                ]
            )
    atomic_write(out, buffer.getvalue(), encoding="utf-8-sig")
    return ExportResult(out, f"wrote {out}: {report.claim_count} rows (one per claim)")
