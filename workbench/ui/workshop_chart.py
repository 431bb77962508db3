"""The room's verdicts as a chart, painted with QPainter (no chart library to install).

One row per claim, most contested first: the claim's number and its text
(shortened to the width) on a line, and under it a bar split by verdict in the
scale's colours, unrated verdicts as a dashed gap, the key's verdict outlined.
The legend wraps onto as many lines as the width needs. Everything is sized from
the widget's font, so the window's text-size control makes the chart readable
from the back of a room, and the chart's height follows its width
(``heightForWidth``) so nothing is cut.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from workbench.core.colours import ink_on as _ink_on
from workbench.ui.workshop_models import claim_tag
from workbench.workshop.compare import ClaimResult, Comparison

NOT_RATED, KEY = "not rated", "key's verdict"


def ink_on(colour: QColor) -> QColor:
    """Black or white, whichever has the higher contrast on ``colour``."""
    return QColor(_ink_on(colour.name()))


def claim_label(claim: ClaimResult) -> str:
    """What a bar is called: its number and its text, on one line."""
    return f"{claim_tag(claim)}  {' '.join(claim.text.split())}"


class VerdictSpreadChart(QWidget):
    """Stacked bars of the verdicts each claim received; the key's verdict outlined."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.claims: list[ClaimResult] = []
        self.colours: dict[str, str] = {}
        self.labels: list[str] = []
        self.setAccessibleName("Verdicts per claim")
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.claims = list(comparison.claims) if comparison else []
        self.colours = dict(comparison.colours) if comparison else {}
        used = {label for c in self.claims for label in c.spread}
        used |= {c.key_verdict for c in self.claims if c.key_verdict}
        self.labels = [
            label for label in (comparison.labels if comparison else []) if label in used
        ]
        self.updateGeometry()
        self.adjustSize()
        self.update()

    # -- geometry, all from the font ------------------------------------------------------
    def _metrics(self) -> QFontMetrics:
        return QFontMetrics(self.font())

    def _bar_height(self) -> int:
        return int(self._metrics().height() * 1.5)

    def _row(self) -> int:
        """A claim's row: its label line, the bar, and a gap."""
        m = self._metrics()
        return m.lineSpacing() + self._bar_height() + int(m.height() * 0.7)

    def legend_items(self, width: int | None = None) -> list[tuple[str, QRectF]]:
        """Each legend entry and where it is drawn, wrapped to ``width``."""
        m = self._metrics()
        width = self.width() if width is None else width
        size = m.height()
        x, y = 8.0, 6.0
        items = []
        for label in [*self.labels, NOT_RATED, KEY]:
            item_width = size + 6 + m.horizontalAdvance(label)
            if x > 8 and x + item_width > width - 8:
                x, y = 8.0, y + m.lineSpacing() + 6
            items.append((label, QRectF(x, y, item_width, size)))
            x += item_width + m.horizontalAdvance("M") * 1.5
        return items

    def _legend_height(self, width: int | None = None) -> int:
        items = self.legend_items(width)
        return int(items[-1][1].bottom() + self._metrics().height() * 0.8) if items else 0

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._legend_height(width) + self._row() * max(len(self.claims), 1) + 12

    def sizeHint(self) -> QSize:  # noqa: N802
        width = max(self.width(), 600)
        return QSize(900, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, self.heightForWidth(max(self.width(), 200)))

    def label_rect(self, row: int) -> QRectF:
        """Where the ``row``-th claim's number and text are written."""
        top = self._legend_height() + row * self._row()
        return QRectF(8, top, max(self.width() - 20, 50), self._metrics().lineSpacing())

    def bar_rect(self, row: int) -> QRectF:
        """Where the bar of the ``row``-th claim is drawn (tests and tooltips use it)."""
        label = self.label_rect(row)
        return QRectF(8, label.bottom() + 2, max(self.width() - 20, 50), self._bar_height())

    def shown_label(self, row: int) -> str:
        """The label as drawn: shortened with "…" to the width."""
        return self._metrics().elidedText(
            claim_label(self.claims[row]),
            Qt.TextElideMode.ElideRight,
            int(self.label_rect(row).width()),
        )

    def colour_of(self, label: str) -> QColor:
        return QColor(self.colours.get(label, "#9e9e9e"))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        wanted = self.heightForWidth(self.width())
        if self.minimumHeight() != wanted:
            self.setMinimumHeight(wanted)  # the scroll area then shows all of it

    # -- painting -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette_text = self.palette().windowText().color()
        if not self.claims:
            painter.setPen(palette_text)
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                "Add the participants' files and press Compare.",
            )
            return
        self._paint_legend(painter, palette_text)
        metrics = self._metrics()
        for row, claim in enumerate(self.claims):
            painter.setPen(palette_text)
            painter.drawText(
                self.label_rect(row),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                self.shown_label(row),
            )
            bar = self.bar_rect(row)
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
                        painter.setPen(QPen(palette_text, 4))
                        painter.drawRect(segment.adjusted(2, 2, -2, -2))
                    painter.setPen(ink_on(colour))
                else:
                    painter.setPen(QPen(palette_text, 1, Qt.PenStyle.DashLine))
                    painter.drawRect(segment.adjusted(1, 1, -1, -1))
                    painter.setPen(palette_text)
                if width > metrics.horizontalAdvance("00") + 6:
                    painter.drawText(segment, Qt.AlignmentFlag.AlignCenter, str(count))
                x += width
        painter.end()

    def _paint_legend(self, painter: QPainter, text: QColor) -> None:
        metrics = self._metrics()
        for label, rect in self.legend_items():
            size = rect.height()
            box = QRectF(rect.left(), rect.top(), size, size)
            if label == NOT_RATED:
                painter.setPen(QPen(text, 1, Qt.PenStyle.DashLine))
                painter.drawRect(box)
            elif label == KEY:
                painter.setPen(QPen(text, 4))
                painter.drawRect(box.adjusted(2, 2, -2, -2))
            else:
                painter.fillRect(box, self.colour_of(label))
            painter.setPen(text)
            painter.drawText(int(rect.left() + size + 6), int(rect.top() + metrics.ascent()), label)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        # The window's text-size control changes the inherited font: re-measure the rows.
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()
            self.setMinimumHeight(self.heightForWidth(max(self.width(), 200)))
        super().changeEvent(event)
