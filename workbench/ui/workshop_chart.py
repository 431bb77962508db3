"""The room's verdicts as a chart, painted with QPainter (no chart library to install).

One horizontal bar per claim, most contested first, split by verdict in the
scale's colours, unrated verdicts as a dashed gap, and the key's verdict outlined
in black. Everything is sized from the widget's font, so the window's text-size
control makes the chart readable from the back of a room.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from workbench.ui.workshop_models import claim_tag
from workbench.workshop.compare import ClaimResult, Comparison


def ink_on(colour: QColor) -> QColor:
    """Black or white, whichever reads better on ``colour``."""
    return QColor("white") if colour.lightness() < 140 else QColor("black")


class VerdictSpreadChart(QWidget):
    """Stacked bars of the verdicts each claim received; the key's verdict outlined."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.claims: list[ClaimResult] = []
        self.colours: dict[str, str] = {}
        self.labels: list[str] = []
        self.setAccessibleName("Verdicts per claim")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.claims = list(comparison.claims) if comparison else []
        self.colours = dict(comparison.colours) if comparison else {}
        used = {label for c in self.claims for label in c.spread}
        used |= {c.key_verdict for c in self.claims if c.key_verdict}
        self.labels = [label for label in (comparison.labels if comparison else []) if label in used]
        self.updateGeometry()
        self.adjustSize()
        self.update()

    # -- geometry, all from the font ------------------------------------------------------
    def _row(self) -> int:
        return int(QFontMetrics(self.font()).height() * 1.9)

    def _legend_height(self) -> int:
        return int(QFontMetrics(self.font()).height() * 2.2)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(900, self._legend_height() + self._row() * max(len(self.claims), 1) + 12)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, self.sizeHint().height())

    def bar_rect(self, row: int) -> QRectF:
        """Where the bar of the ``row``-th claim is drawn (tests and tooltips use it)."""
        metrics = QFontMetrics(self.font())
        left = metrics.horizontalAdvance("#0000") + 16
        top = self._legend_height() + row * self._row() + 4
        return QRectF(left, top, max(self.width() - left - 12, 50), self._row() - 10)

    def colour_of(self, label: str) -> QColor:
        return QColor(self.colours.get(label, "#9e9e9e"))

    # -- painting -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette_text = self.palette().windowText().color()
        if not self.claims:
            painter.setPen(palette_text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             "Add the participants' files and press Compare.")
            return
        self._paint_legend(painter, palette_text)
        metrics = QFontMetrics(self.font())
        for row, claim in enumerate(self.claims):
            bar = self.bar_rect(row)
            painter.setPen(palette_text)
            painter.drawText(QRectF(4, bar.top(), bar.left() - 10, bar.height()),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             claim_tag(claim))
            total = sum(claim.spread.values()) + claim.unrated
            if not total:
                continue
            x = bar.left()
            for label, count in [*claim.spread.items(), ("", claim.unrated)]:
                if not count:
                    continue
                width = bar.width() * count / total
                segment = QRectF(x, bar.top(), width, bar.height())
                if label:
                    colour = self.colour_of(label)
                    painter.fillRect(segment, colour)
                    if label == claim.key_verdict:
                        painter.setPen(QPen(QColor("black"), 4))
                        painter.drawRect(segment.adjusted(2, 2, -2, -2))
                    painter.setPen(ink_on(colour))
                else:
                    painter.setPen(QPen(palette_text, 1, Qt.PenStyle.DashLine))
                    painter.drawRect(segment.adjusted(1, 1, -1, -1))
                if width > metrics.horizontalAdvance("00") + 6:
                    painter.drawText(segment, Qt.AlignmentFlag.AlignCenter, str(count))
                x += width
        painter.end()

    def _paint_legend(self, painter: QPainter, text: QColor) -> None:
        metrics = QFontMetrics(self.font())
        size = metrics.height()
        x, y = 8, 6
        for label in [*self.labels, "not rated", "key's verdict"]:
            box = QRectF(x, y, size, size)
            if label == "not rated":
                painter.setPen(QPen(text, 1, Qt.PenStyle.DashLine))
                painter.drawRect(box)
            elif label == "key's verdict":
                painter.setPen(QPen(QColor("black"), 4))
                painter.drawRect(box.adjusted(2, 2, -2, -2))
            else:
                painter.fillRect(box, self.colour_of(label))
            painter.setPen(text)
            painter.drawText(int(x + size + 6), int(y + metrics.ascent()), label)
            x += size + 24 + metrics.horizontalAdvance(label)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        # The window's text-size control changes the inherited font: re-measure the rows.
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()
        super().changeEvent(event)
