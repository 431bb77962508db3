"""The claim list: readable two-line rows, sortable, filterable, driven from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.core.models import ClaimStatus
from workbench.core.scale import VerdictScale
from workbench.ui.models import CLAIM_ID_ROLE, ClaimFilterProxy, ClaimTableModel

ROW_LINES = 2  # each row shows two lines of its claim; the whole text is in the tooltip

# The widest word each narrow column usually shows (its text wraps onto two lines), to
# size it from the font: the sizes follow the zoom. The claim column takes the rest.
COLUMN_SAMPLES = {
    ClaimTableModel.ORDER: "99999",
    ClaimTableModel.CLAIMANT: "Ponomarev, MP",
    ClaimTableModel.SCORE: "Score",
    ClaimTableModel.STATUS: "progress",
    ClaimTableModel.VERDICT: "Attribution",
    ClaimTableModel.EVIDENCE: "Ev.",
}


class ClaimTable(QTableView):
    """Digits rate the current claim, 0 clears the verdict, Delete drops it, Enter opens it.

    Tab leaves the table (it does not walk its cells), so the keyboard goes on to the
    claim's details as the eye does.
    """

    verdict_key_pressed = Signal(int)
    delete_pressed = Signal()
    open_pressed = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if (
            Qt.Key.Key_0 <= key <= Qt.Key.Key_9
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.verdict_key_pressed.emit(key - Qt.Key.Key_0)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_pressed.emit()
            return
        super().keyPressEvent(event)

    def row_height(self) -> int:
        return self.fontMetrics().lineSpacing() * ROW_LINES + 10

    def rows_fully_visible(self) -> int:
        """How many rows the viewport shows whole (for tests and the layout)."""
        return max(0, self.viewport().height() // max(self.row_height(), 1))


class ClaimList(QWidget):
    """Search box and filters over the claim table. Emits ``claim_selected(id)``."""

    claim_selected = Signal(object)
    search_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ClaimTableModel(self)
        self.proxy = ClaimFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search claims, rationales, evidence…  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search")
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Filter by status")
        self.status_filter.addItem("All statuses", None)
        for status in ClaimStatus:
            self.status_filter.addItem(status.label.capitalize(), status.value)
        self.verdict_filter = QComboBox()
        self.verdict_filter.setAccessibleName("Filter by verdict")
        self.needs_evidence = QCheckBox("Needs evidence")
        self.needs_evidence.setAccessibleName("Show only claims without evidence")

        self._build_table()

        for combo in (self.status_filter, self.verdict_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.verdict_filter)
        filters.addWidget(self.needs_evidence)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(lambda: self.search_changed.emit(self.search.text()))
        self.search.textChanged.connect(self._search_timer.start)
        self.status_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_status(
                ClaimStatus(self.status_filter.currentData())
                if self.status_filter.currentData()
                else None
            )
        )
        self.verdict_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_verdict(self.verdict_filter.currentData())
        )
        self.needs_evidence.toggled.connect(self.proxy.set_needs_evidence)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

    def _build_table(self) -> None:
        """The claims' table: two-line rows, unsorted at first, widths from the font."""
        self.table = ClaimTable()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Claims")
        # Unsorted until the user clicks a column: the model already lists claims in
        # reading order, and sorting 10,000 rows through the proxy costs most of a second.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Qt wraps each cell's text at word boundaries and ends the last line that fits
        # with "…" (all in C++, so 10,000 rows scroll and filter as fast as one-line rows).
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Widths from the font, not ResizeToContents: that reads every row of a
        # 10,000-claim list on each reset. The user can still drag the columns.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ClaimTableModel.TEXT, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self._size_to_font()

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_to_font()  # zoom: rows and narrow columns follow the text size

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_columns()

    def _size_to_font(self) -> None:
        self.table.verticalHeader().setDefaultSectionSize(self.table.row_height())
        header = self.table.horizontalHeader()
        width = self.table.fontMetrics().horizontalAdvance
        for column, sample in COLUMN_SAMPLES.items():
            extra = (
                self.table.fontMetrics().height() + 8 if column == ClaimTableModel.VERDICT else 0
            )
            header.resizeSection(
                column, max(width(sample), width(ClaimTableModel.HEADERS[column])) + 18 + extra
            )
        self._fit_columns()

    def _fit_columns(self) -> None:
        """The claim keeps at least 40 % of the width: when the list is narrow for its text
        size (a zoomed window), the claimant and then the score columns make way (both
        are in the claim's details)."""
        table, header = self.table, self.table.horizontalHeader()
        available = table.viewport().width() or self.width()
        for column in (ClaimTableModel.CLAIMANT, ClaimTableModel.SCORE):
            table.setColumnHidden(column, False)
        for column in (ClaimTableModel.CLAIMANT, ClaimTableModel.SCORE):
            narrow = sum(
                header.sectionSize(c) for c in COLUMN_SAMPLES if not table.isColumnHidden(c)
            )
            if available - narrow >= 0.4 * available:
                break
            table.setColumnHidden(column, True)

    def set_scale(self, scale: VerdictScale) -> None:
        current = self.verdict_filter.currentData()
        self.verdict_filter.blockSignals(True)
        self.verdict_filter.clear()
        self.verdict_filter.addItem("All verdicts", None)
        self.verdict_filter.addItem("Not rated", ClaimFilterProxy.UNRATED)
        for label in scale.labels:
            self.verdict_filter.addItem(label.name, label.name)
        self.verdict_filter.setCurrentIndex(max(0, self.verdict_filter.findData(current)))
        self.verdict_filter.blockSignals(False)

    def _current_changed(self, current, _previous) -> None:
        self.claim_selected.emit(current.data(CLAIM_ID_ROLE) if current.isValid() else None)

    def current_claim_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(CLAIM_ID_ROLE) if index.isValid() else None

    def select_claim(self, claim_id: int | None) -> None:
        if claim_id is None:
            return
        row = self.model.row_of(claim_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return
        if index.row() != self.table.currentIndex().row():
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.table.scrollTo(index)

    def visible_claim_ids(self) -> list[int]:
        return [self.proxy.index(r, 0).data(CLAIM_ID_ROLE) for r in range(self.proxy.rowCount())]
