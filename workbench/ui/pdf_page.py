"""A short HTML page as an A4 PDF, drawn by Qt (the workshop kit's instructions).

Qt code, so it lives here; the command line imports it only when a kit is made,
and it starts the same offscreen QGuiApplication as the PDF report.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSizeF
from PySide6.QtGui import QPageLayout, QTextDocument

from workbench.ui.pdf_report import _ensure_app, a4_writer

MARGIN_MM = 15


def html_to_pdf(html: str, title: str) -> bytes:
    """``html`` laid out on A4 pages by Qt's rich-text engine, as PDF bytes."""
    _ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = a4_writer(buffer, MARGIN_MM, title, "Fact-Check Workbench")
    doc = QTextDocument()
    doc.setDocumentMargin(0)  # the page layout's margins are the margins
    doc.setHtml(html)
    # A page size in points: print_ scales it to the writer's resolution, and adds
    # no page numbers to a one-page sheet.
    doc.setPageSize(QSizeF(writer.pageLayout().paintRect(QPageLayout.Unit.Point).size()))
    doc.print_(writer)
    buffer.close()
    return bytes(data.data())
