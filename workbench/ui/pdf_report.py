"""``pdf``: the report drawn by Qt's own PDF writer (QTextDocument + QPdfWriter).

It lives under ``workbench/ui`` because it is Qt code; the export registry
imports it only when a PDF is asked for (see ``workbench.io.export``). It runs
in the window's export worker thread (QTextDocument and QPainter on a QPdfWriter
are safe off the UI thread) and on the command line, where it starts an
offscreen QGuiApplication of its own.

Qt's rich text understands a subset of HTML, so the report is written for it:
one block per paragraph (layout is much faster than with line breaks in one
huge block), claim marks as background colours, pages drawn one by one with a
footer, which also gives the export's progress bar something to follow.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from workbench.core.errors import WorkbenchError
from workbench.io.export import ExportResult
from workbench.io.export.report import Report, ReportClaim, gather, paragraphs, verdict_counts
from workbench.io.files import atomic_write

RESOLUTION = 300
MARGIN_MM = 18
_app: QGuiApplication | None = None


def _ensure_app() -> None:
    """Fonts need a QGuiApplication; the command line has none, so make an offscreen one."""
    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication(["workbench", "-platform", "offscreen"])


def tint(colour: str, amount: float = 0.25) -> str:
    """``colour`` mixed with white: a background light enough to read text on."""
    try:
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    except (ValueError, IndexError):
        r = g = b = 158
    mix = [round(255 - (255 - c) * amount) for c in (r, g, b)]
    return "#" + "".join(f"{c:02x}" for c in mix)


def _claim_html(report: Report, item: ReportClaim) -> str:
    """One claim in two blocks (heading, body): fewer blocks lay out and draw faster."""
    claim, n = item.claim, item.number
    colour = item.label.colour if item.label else "#616161"
    verdict = escape(report.verdict_of(item) or "Not rated")
    lines = [
        f'<b style="color:{colour}">{verdict}</b> · {escape(claim.status.label)}'
        + (f" · claimant: {escape(claim.claimant)}" if claim.claimant else "")
    ]
    if claim.text != claim.quote:
        lines.append(f'<i style="color:#555">“{escape(claim.quote)}”</i>')
    if claim.anchor_note:
        lines.append(f'<span style="background-color:#fff8e1">{escape(claim.anchor_note)}</span>')
    if claim.rationale.strip():
        lines.append(escape(claim.rationale.strip()).replace("\n", "<br>"))
    evidence = []
    for e in item.evidence:
        bits = [escape(e.url)]
        if e.title:
            bits.append(f"“{escape(e.title)}”")
        bits.append(e.stance.value)
        if e.retrieved_at:
            bits.append(f"retrieved {escape(e.retrieved_at)}")
        if e.sha256:
            bits.append(f"SHA-256 {e.sha256}")
        elif e.error:
            bits.append(f"not captured: {escape(e.error)}")
        evidence.append(" · ".join(bits))
    lines.append(
        '<span style="font-size:8pt">'
        + ("<br>".join(evidence) if evidence else "No evidence attached.")
        + "</span>"
    )
    return (
        f'<h4 style="margin-top:12px; margin-bottom:2px">{n}. {escape(claim.text)}</h4>'
        f"<p>{'<br>'.join(lines)}</p>"
    )


def report_html(report: Report, progress=None) -> str:
    """The report in the HTML subset QTextDocument lays out."""
    organisation = report.organisation.get("name", "")
    out = [
        f"<h1>{escape(report.title)}</h1>",
        f'<p style="color:#555">{escape(organisation) + " · " if organisation else ""}'
        f"{report.claim_count} claims · scale: {escape(report.scale.name)} · "
        f"generated {escape(report.generated_at)}</p>",
        "<p>" + " · ".join(f"{escape(n)}: {c}" for n, c in verdict_counts(report)) + "</p>",
    ]
    for index, entry in enumerate(report.articles):
        a = entry.article
        brk = ' style="page-break-before:always"' if index else ""
        out.append(f"<h2{brk}>{escape(a.title)}</h2>")
        meta = [escape(x) for x in (a.author, a.published[:10], a.source_url) if x]
        meta.append(f"text SHA-256 {a.sha256}")
        out.append(f'<p style="color:#555; font-size:8pt">{" · ".join(meta)}</p>')
        for paragraph in paragraphs(a.text, entry.claims):
            parts = []
            for piece, item in paragraph:
                text = escape(piece).replace("\n", "<br>")
                if item is None:
                    parts.append(text)
                else:
                    colour = item.label.colour if item.label else "#9e9e9e"
                    parts.append(
                        f'<span style="background-color:{tint(colour)}">{text}</span>'
                        f"<sup><b>{item.number}</b></sup>"
                    )
            out.append(f"<p>{''.join(parts)}</p>")
        if entry.claims:
            out.append("<h3>Claims</h3>")
            out.extend(_claim_html(report, item) for item in entry.claims)
        if progress:
            progress(index + 1, len(report.articles))
    return "".join(out)


def render_pdf(report: Report, progress=None) -> bytes:
    """The report as PDF bytes. ``progress(done, total)`` follows the pages drawn."""
    _ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(report.title)
    writer.setCreator(report.generator)

    body = QFont()
    body.setFamilies(["DejaVu Serif", "Georgia", "Times New Roman", "serif"])
    body.setPointSizeF(10)
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    doc.setDefaultFont(body)
    doc.setDocumentMargin(0)
    doc.setUseDesignMetrics(True)  # print metrics, not the screen's hinted ones
    doc.documentLayout().setPaintDevice(writer)
    doc.setHtml(report_html(report))

    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer_height = RESOLUTION * 0.25  # a quarter inch for the page footer
    width, height = float(page.width()), float(page.height()) - footer_height
    doc.setPageSize(QSizeF(width, height))
    pages = doc.pageCount()
    small = QFont(body)
    small.setPointSizeF(7.5)

    painter = QPainter()
    if not painter.begin(writer):
        raise WorkbenchError("the PDF writer could not start")
    try:
        for number in range(pages):
            if number:
                writer.newPage()
            painter.save()
            painter.translate(0, -number * height)
            doc.drawContents(painter, QRectF(0, number * height, width, height))
            painter.restore()
            painter.setFont(small)
            painter.drawText(
                QRectF(0, height, width, footer_height),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                f"{report.title} · page {number + 1} of {pages}",
            )
            if progress and (number % 10 == 0 or number == pages - 1):
                progress(number + 1, pages)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def export_pdf(store, out: Path, progress=None) -> ExportResult:
    report = gather(store)
    pdf = render_pdf(report, progress)
    atomic_write(out, pdf)
    return ExportResult(
        out, f"wrote {out}: {len(report.articles)} article(s), {report.claim_count} claims"
    )
