"""``pdf``: the report drawn by Qt's own PDF writer (QTextDocument + QPdfWriter).

It lives under ``workbench/ui`` because it is Qt code; the export registry
imports it only when a PDF is asked for (see ``workbench.io.export``). It runs
in the window's export worker thread (QTextDocument and QPainter on a QPdfWriter
are safe off the UI thread) and on the command line, where it starts an
offscreen QGuiApplication of its own.

The document is written with a QTextCursor (no HTML for Qt to parse): one block
per paragraph, claim marks as background colours, each claim in two blocks; the
glyphs shaped at layout are kept for drawing; pages are drawn one by one with a
footer, which also gives the export's progress bar something to follow. Together
these halve the time of Qt's own ``print_()`` on an HTML version of the report.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QApplication

from workbench.core.colours import readable_text
from workbench.core.errors import WorkbenchError
from workbench.io.export import ExportResult
from workbench.io.export.report import (
    Report,
    ReportClaim,
    gather,
    paragraphs,
    shown_date,
    verdict_counts,
)
from workbench.io.files import atomic_write

RESOLUTION = 300
MARGIN_MM = 18
_app: QGuiApplication | None = None


def _ensure_app() -> None:
    """Fonts need an application object; the command line has none, so make an offscreen
    one. A QApplication (not the lighter QGuiApplication): a window made later in the same
    process (a test run, a script) needs one, and Qt aborts the process without it."""
    global _app
    if QGuiApplication.instance() is None:
        _app = QApplication(["workbench", "-platform", "offscreen"])


def _serif_family() -> str:
    """The first installed of a few serif families, resolved once: a list of families
    that are not installed makes Qt search substitutes for every run of text."""
    installed = set(QFontDatabase.families())
    for family in ("DejaVu Serif", "Liberation Serif", "Noto Serif", "Georgia", "Times New Roman"):
        if family in installed:
            return family
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()


def tint(colour: str, amount: float = 0.25) -> str:
    """``colour`` mixed with white: a background light enough to read text on."""
    try:
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    except (ValueError, IndexError):
        r = g = b = 158
    mix = [round(255 - (255 - c) * amount) for c in (r, g, b)]
    return "#" + "".join(f"{c:02x}" for c in mix)


class _Formats:
    """The few text formats of the report, made once (one format object per look)."""

    def __init__(self, body: QFont) -> None:
        self.plain = QTextCharFormat()
        self.muted = self._char(colour="#555555")
        self.small = self._char(size=8)
        self.small_muted = self._char(size=8, colour="#555555")
        self.title = self._char(size=20, bold=True)
        self.h2 = self._char(size=15, bold=True)
        self.h3 = self._char(size=11, bold=True, colour="#555555")
        self.claim = self._char(size=11, bold=True)
        self.quote = self._char(colour="#555555", italic=True)
        self.note = self._char(background="#fff8e1")
        self.stance = self._char(bold=True)
        self.note_text = self._char(italic=True)
        self.number = self._char(bold=True)
        self.number.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
        self._marks: dict[str, QTextCharFormat] = {}
        self._verdicts: dict[str, QTextCharFormat] = {}
        self.block = QTextBlockFormat()
        self.block.setBottomMargin(6)
        self.heading = QTextBlockFormat()
        self.heading.setTopMargin(12)
        self.heading.setBottomMargin(2)
        self.evidence = QTextBlockFormat()
        self.evidence.setLeftMargin(14)
        self.evidence.setTopMargin(3)
        self.evidence.setBottomMargin(3)
        self.page_heading = QTextBlockFormat(self.heading)
        self.page_heading.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)

    @staticmethod
    def _char(size=None, bold=False, italic=False, colour=None, background=None):
        fmt = QTextCharFormat()
        if size:
            fmt.setFontPointSize(size)
        if bold:
            fmt.setFontWeight(QFont.Weight.Bold)
        if italic:
            fmt.setFontItalic(True)
        if colour:
            fmt.setForeground(QColor(colour))
        if background:
            fmt.setBackground(QColor(background))
        return fmt

    def mark(self, colour: str) -> QTextCharFormat:
        if colour not in self._marks:
            self._marks[colour] = self._char(background=tint(colour))
        return self._marks[colour]

    def verdict(self, colour: str) -> QTextCharFormat:
        if colour not in self._verdicts:
            # The label's hue, dark enough to read on white paper (4.5:1).
            self._verdicts[colour] = self._char(
                bold=True, colour=readable_text(colour, ["#ffffff"])
            )
        return self._verdicts[colour]


LINE = "\u2028"  # a line break inside a paragraph (one block draws faster than several)


def _block(cursor: QTextCursor, block: QTextBlockFormat, char: QTextCharFormat) -> None:
    """A new paragraph whose shaped glyphs are kept after layout: by default Qt drops
    them and shapes every line a second time while drawing (a quarter of the time)."""
    cursor.insertBlock(block, char)
    cursor.block().layout().setCacheEnabled(True)


def _claim(cursor: QTextCursor, f: _Formats, report: Report, item: ReportClaim) -> None:
    """One claim in two blocks: its heading, then verdict, rationale and evidence."""
    claim = item.claim
    _block(cursor, f.heading, f.claim)
    cursor.insertText(f"{item.number}. {claim.text}", f.claim)
    _block(cursor, f.block, f.plain)
    colour = item.label.colour if item.label else "#616161"
    cursor.insertText(report.verdict_of(item) or "Not rated", f.verdict(colour))
    status = f" · {claim.status.label}"
    if claim.claimant:
        status += f" · claimant: {claim.claimant}"
    cursor.insertText(status, f.plain)
    if claim.text != claim.quote:
        cursor.insertText(LINE + f"“{claim.quote}”", f.quote)
    if claim.anchor_note:
        cursor.insertText(LINE, f.plain)
        cursor.insertText(claim.anchor_note, f.note)
    if claim.rationale.strip():
        cursor.insertText(LINE + claim.rationale.strip().replace("\n", LINE), f.plain)
    if not item.evidence:
        cursor.insertText(LINE + "No evidence attached.", f.small_muted)
        return
    # One indented paragraph for the sources (one block, not one per source: blocks are
    # what Qt lays out and draws one by one), two lines each: the stance, the page's
    # title and the checker's note; then, small, the address, capture time and SHA-256.
    _block(cursor, f.evidence, f.plain)
    for number, e in enumerate(item.evidence):
        if number:
            cursor.insertText(LINE, f.plain)
        cursor.insertText(e.stance.value, f.stance)
        if e.title:
            cursor.insertText(f" · {e.title}", f.plain)
        if e.note:
            cursor.insertText(" — " + " ".join(e.note.split()), f.note_text)
        facts = [e.url]
        if e.retrieved_at:
            facts.append(f"retrieved {e.retrieved_at}")
        if e.sha256:
            facts.append(f"SHA-256 {e.sha256}")
        elif e.error:
            facts.append(f"not captured: {e.error}")
        cursor.insertText(LINE + " · ".join(facts), f.small_muted)


def build_document(doc: QTextDocument, report: Report, body: QFont) -> None:
    """Write the report into ``doc`` with a text cursor (plain text in, no HTML to parse)."""
    f = _Formats(body)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    cursor.setBlockFormat(f.block)
    cursor.block().layout().setCacheEnabled(True)
    cursor.insertText(report.title, f.title)
    organisation = report.organisation.get("name", "")
    _block(cursor, f.block, f.muted)
    cursor.insertText(
        (f"{organisation} · " if organisation else "")
        + f"{report.claim_count} claims · scale: {report.scale.name} · "
        f"generated {report.generated_at}",
        f.muted,
    )
    _block(cursor, f.block, f.plain)
    cursor.insertText(" · ".join(f"{n}: {c}" for n, c in verdict_counts(report)), f.plain)
    for index, entry in enumerate(report.articles):
        a = entry.article
        _block(cursor, f.page_heading if index else f.heading, f.h2)
        cursor.insertText(a.title, f.h2)
        meta = [x for x in (a.author, shown_date(a.published), a.source_url) if x]
        meta.append(f"text SHA-256 {a.sha256}")
        _block(cursor, f.block, f.small_muted)
        cursor.insertText(" · ".join(meta), f.small_muted)
        for paragraph in paragraphs(a.text, entry.claims):
            _block(cursor, f.block, f.plain)
            for piece, item in paragraph:
                text = piece.replace("\n", LINE)
                if item is None:
                    cursor.insertText(text, f.plain)
                else:
                    colour = item.label.colour if item.label else "#9e9e9e"
                    cursor.insertText(text, f.mark(colour))
                    cursor.insertText(str(item.number), f.number)
        if entry.claims:
            _block(cursor, f.heading, f.h3)
            cursor.insertText("CLAIMS", f.h3)
            for item in entry.claims:
                _claim(cursor, f, report, item)
    cursor.endEditBlock()


def a4_writer(buffer: QBuffer, margin_mm: float, title: str, creator: str) -> QPdfWriter:
    """A PDF writer into ``buffer``: A4 portrait, ``margin_mm`` all round, at RESOLUTION."""
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(title)
    writer.setCreator(creator)
    return writer


def render_pdf(report: Report, progress=None) -> bytes:
    """The report as PDF bytes. ``progress(done, total)`` follows the pages drawn."""
    _ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = a4_writer(buffer, MARGIN_MM, report.title, report.generator)

    body = QFont()
    body.setFamily(_serif_family())
    body.setPointSizeF(10)
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    doc.setDefaultFont(body)
    doc.setDocumentMargin(0)
    doc.setUseDesignMetrics(True)  # print metrics, not the screen's hinted ones
    doc.documentLayout().setPaintDevice(writer)
    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer_height = RESOLUTION * 0.25  # a quarter inch for the page footer
    width, height = float(page.width()), float(page.height()) - footer_height
    doc.setPageSize(QSizeF(width, height))  # before the text: it is laid out once
    build_document(doc, report, body)
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
