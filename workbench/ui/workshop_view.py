"""The trainer's "Compare workshop files" window: agreement, contested claims, each participant.

A window of its own, so it can be dragged to the projector's screen while the main
window stays on the laptop. Files are read in a worker (each file through its own
read-only connection); the window only lays out the plain ``Comparison`` it gets
back. Text size is one control for everything, tables and chart alike, and names
can be hidden before the room sees them.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QEvent, QSortFilterProxyModel, QStringListModel, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import WorkbenchError
from workbench.ui.shortcuts import command
from workbench.ui.theme import settings
from workbench.ui.workers import JobRunner, Worker
from workbench.ui.workshop_chart import VerdictSpreadChart
from workbench.ui.workshop_models import (
    CLAIM_COLUMNS,
    PAIR_COLUMNS,
    PARTICIPANT_COLUMNS,
    SORT_ROLE,
    WRAPPED_CLAIM_COLUMNS,
    ConfusionModel,
    RowsModel,
    number,
    percent,
)
from workbench.workshop.compare import Comparison

PROJECT_FILTER = "Fact-Check Workbench projects (*.fcw)"
DEFAULT_TEXT_SIZE = 14


class CompareWorker(Worker):
    """Reads and compares participants' files off the UI thread."""

    title = "Comparing workshop files"

    def __init__(self, paths: list[Path], key: Path | None) -> None:
        super().__init__()
        self.paths, self.key = list(paths), key

    def work(self) -> Comparison:
        from workbench.workshop.compare import compare_files

        return compare_files(self.paths, self.key, progress=self.report)


class MergeWorker(Worker):
    """Merges participants' evidence and rationales into a curation project."""

    title = "Merging participants' work"

    def __init__(self, paths: list[Path], into: Path, key: Path | None) -> None:
        super().__init__()
        self.paths, self.into, self.key = list(paths), into, key

    def work(self) -> str:
        from workbench.workshop.merge import merge

        result = merge(self.paths, self.into, key=self.key, progress=self.report)
        return "\n".join([result.message(), *result.warnings])


def _table(model, name: str) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setModel(proxy)
    view.setAccessibleName(name)
    # No sort column at first: rows stay in the comparison's order (most contested first).
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(False)
    return view, proxy


class CompareWindow(QMainWindow):
    """Pick the participants' files (and the key), compare, and show the room the result."""

    comparison_shown = Signal(object)
    comparison_failed = Signal(str)
    merge_finished = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare workshop files — Fact-Check Workbench")
        self.setAccessibleName("Compare workshop files")
        self.jobs = JobRunner(self)
        self.key: Path | None = None
        self.comparison: Comparison | None = None
        self.files = QStringListModel(self)
        self._build()
        size = int(settings().value("workshop/text_size", DEFAULT_TEXT_SIZE))
        self.text_size.setValue(size)
        self._apply_text_size(size)
        self.resize(1500, 950)

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(QLabel("<b>Participants' files</b>"))
        self.file_list = QListView()
        self.file_list.setModel(self.files)
        self.file_list.setAccessibleName("Participants' files")
        self.file_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.file_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        side_layout.addWidget(self.file_list, 1)
        self.hidden_note = QLabel()
        self.hidden_note.hide()
        side_layout.addWidget(self.hidden_note, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton("Add files…")
        self.remove_button = QPushButton("Remove")
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        side_layout.addLayout(row)
        side_layout.addWidget(QLabel("<b>Key</b> (the trainer's answers)"))
        self.key_label = QLabel("none: agreement only")
        self.key_label.setWordWrap(True)
        side_layout.addWidget(self.key_label)
        row = QHBoxLayout()
        self.key_button = QPushButton("Choose key…")
        self.clear_key_button = QPushButton("No key")
        row.addWidget(self.key_button)
        row.addWidget(self.clear_key_button)
        side_layout.addLayout(row)
        self.compare_button = QPushButton("Compare")
        self.compare_button.setDefault(True)
        side_layout.addWidget(self.compare_button)
        side_layout.addSpacing(12)
        self.hide_names = QCheckBox("Hide participants' names")
        side_layout.addWidget(self.hide_names)
        row = QHBoxLayout()
        row.addWidget(QLabel("Text size"))
        self.text_size = QSpinBox()
        self.text_size.setRange(8, 48)
        self.text_size.setAccessibleName("Text size")
        row.addWidget(self.text_size)
        side_layout.addLayout(row)
        self.fullscreen_button = QPushButton("Full screen (F11)")
        self.fullscreen_button.setToolTip("F11: full screen; F9 hides this panel (and F9 again "
                                          "shows it); Ctrl++ / Ctrl+- / Ctrl+0: text size")
        self.report_button = QPushButton("Save HTML report…")
        self.merge_button = QPushButton("Merge into curation project…")
        for button in (self.fullscreen_button, self.report_button, self.merge_button):
            side_layout.addWidget(button)

        results = QWidget()
        self.results = results
        layout = QVBoxLayout(results)
        self.title_label = QLabel("No comparison yet")
        self.title_label.setWordWrap(True)
        layout.addWidget(self.title_label)
        # The five figures, each a value over its caption; the grid re-flows into more
        # rows when the text is large (see ``_flow_figures``), so captions never overlap.
        self.figure_grid = QGridLayout()
        self.figure_grid.setHorizontalSpacing(24)
        self.figures: dict[str, QLabel] = {}
        self.figure_boxes: list[QWidget] = []
        self.captions: dict[str, QLabel] = {}
        for key, caption, full in [
            ("alpha_nominal", "α nominal", "Krippendorff's alpha over the labels as categories"),
            ("alpha_ordinal", "α ordinal", "Krippendorff's alpha over the true-to-false order"),
            ("fleiss", "Fleiss' κ", "Fleiss' kappa"),
            ("cohen", "Cohen's κ (mean)", "the mean of Cohen's kappa over every pair"),
            ("percent", "pairs agreeing", "the share of pairs of participants who agree, per claim"),
        ]:
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.setSpacing(0)
            box.setToolTip(full[:1].upper() + full[1:])
            value = QLabel("–")
            value.setAccessibleName(full)
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label = QLabel(caption)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            label.setWordWrap(True)
            box_layout.addWidget(value)
            box_layout.addWidget(label)
            self.figures[key] = value
            self.captions[key] = label
            self.figure_boxes.append(box)
        self._figure_columns = 0
        self._flow_figures()
        layout.addLayout(self.figure_grid)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Messages")
        layout.addWidget(self.message)

        self.claims_model = RowsModel(CLAIM_COLUMNS, self)
        self.people_model = RowsModel(PARTICIPANT_COLUMNS, self)
        self.pairs_model = RowsModel(PAIR_COLUMNS, self)
        self.confusion_model = ConfusionModel(self)
        self.claims_view, self.claims_proxy = _table(self.claims_model, "Claims, most contested first")
        self.people_view, self.people_proxy = _table(self.people_model, "Participants")
        self.pairs_view, self.pairs_proxy = _table(self.pairs_model, "Cohen's kappa for each pair")
        for view in (self.people_view, self.pairs_view):
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # The claim's text and the verdicts share what the short columns leave, and wrap:
        # at any text size the text stays on screen (rows grow instead).
        self.claims_view.setWordWrap(True)
        self.claims_view.setTextElideMode(Qt.TextElideMode.ElideNone)
        claims_header = self.claims_view.horizontalHeader()
        claims_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in WRAPPED_CLAIM_COLUMNS:
            claims_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.claims_view.viewport().installEventFilter(self)
        self.results.installEventFilter(self)
        self.claims_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.claims_view.setMinimumHeight(0)
        self.confusion_view = QTableView()
        self.confusion_view.setModel(self.confusion_model)
        self.confusion_view.setAccessibleName("Key against participants")
        self.chart = VerdictSpreadChart()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        scroll.setMinimumHeight(0)
        self.chart_scroll = scroll
        claims_split = QSplitter(Qt.Orientation.Vertical)
        claims_split.addWidget(scroll)
        claims_split.addWidget(self.claims_view)
        claims_split.setSizes([520, 320])
        self.tabs = QTabWidget()
        self.tabs.addTab(claims_split, "Claims")
        self.tabs.addTab(self.people_view, "Participants")
        self.tabs.addTab(self.confusion_view, "Key vs participants")
        self.tabs.addTab(self.pairs_view, "Pairs")
        layout.addWidget(self.tabs, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(side)
        splitter.addWidget(results)
        self.side = side
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 1250])
        self.setCentralWidget(splitter)
        self.statusBar()

        self.add_button.clicked.connect(self._choose_files)
        self.remove_button.clicked.connect(self._remove_selected)
        self.key_button.clicked.connect(self._choose_key)
        self.clear_key_button.clicked.connect(lambda: self.set_key(None))
        self.compare_button.clicked.connect(self.compare)
        self.hide_names.toggled.connect(lambda _on: self._show())
        self.text_size.valueChanged.connect(self._apply_text_size)
        self.fullscreen_button.clicked.connect(self.toggle_full_screen)
        self.report_button.clicked.connect(self._choose_report)
        self.merge_button.clicked.connect(self._choose_curation)
        # Keys from the window's command table (F1 in the main window lists them).
        size = self.text_size
        for name, slot in (
            ("compare_full_screen", self.toggle_full_screen),
            ("compare_side", lambda: self.side.setVisible(not self.side.isVisible())),
            ("compare_run", self.compare),
            ("compare_bigger", lambda: size.setValue(size.value() + 2)),
            ("compare_smaller", lambda: size.setValue(size.value() - 2)),
            ("compare_normal", lambda: size.setValue(DEFAULT_TEXT_SIZE)),
        ):
            for keys in command(name).keys:
                QShortcut(QKeySequence(keys), self, slot)

    # -- files ----------------------------------------------------------------------------
    def paths(self) -> list[Path]:
        return [Path(p) for p in self.files.stringList()]

    def add_files(self, paths: list[str | Path]) -> None:
        current = self.files.stringList()
        self.files.setStringList(current + [str(p) for p in paths if str(p) not in current])

    def set_key(self, path: str | Path | None) -> None:
        self.key = Path(path) if path else None
        self.key_label.setText(self.key.name if self.key else "none: agreement only")
        self.key_label.setToolTip(str(self.key) if self.key else "")

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Participants' files", "", PROJECT_FILTER)
        self.add_files(paths)

    def _remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.file_list.selectedIndexes()}, reverse=True)
        for row in rows:
            self.files.removeRows(row, 1)

    def _choose_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "The key (trainer's project)", "", PROJECT_FILTER)
        if path:
            self.set_key(path)

    # -- comparing --------------------------------------------------------------------------
    def compare(self) -> None:
        if not self.paths():
            self._fail("Add the participants' files first.")
            return
        self.compare_button.setEnabled(False)
        self.message.setText("Comparing…")
        self.jobs.start(CompareWorker(self.paths(), self.key), finished=self._shown,
                        failed=self._fail)

    def _shown(self, comparison: Comparison) -> None:
        self.compare_button.setEnabled(True)
        self.comparison = comparison
        self._show()
        self.comparison_shown.emit(comparison)

    def _fail(self, message: str) -> None:
        self.compare_button.setEnabled(True)
        self.message.setText(f"<span style='color:#c62828'><b>{escape(message)}</b></span>")
        self.comparison_failed.emit(message)

    def shown_comparison(self) -> Comparison | None:
        """What the room sees: the comparison, anonymised when names are hidden."""
        if self.comparison is None:
            return None
        return self.comparison.anonymised() if self.hide_names.isChecked() else self.comparison

    def _show(self) -> None:
        c = self.shown_comparison()
        if c is None:
            return
        key = "with the key" if c.key_file else "no key"
        self.title_label.setText(f"<b>{escape(c.exercise.title)}</b> — {len(c.participants)} participants, "
                                 f"{len(c.claims)} claims, {key}")
        values = {
            "alpha_nominal": number(c.alpha_nominal), "alpha_ordinal": number(c.alpha_ordinal),
            "fleiss": number(c.fleiss_kappa), "cohen": number(c.mean_cohen_kappa),
            "percent": percent(c.percent_agreement),
        }
        for key_name, text in values.items():
            self.figures[key_name].setText(text)
        self.message.setText("<br>".join(escape(w) for w in c.warnings))
        self.claims_model.set_rows(c.claims, c.colours)
        self._fit_claim_columns()
        self.people_model.set_rows(c.participants)
        self.pairs_model.set_rows(c.cohen)
        self.confusion_model.set_comparison(c)
        self.chart.set_comparison(c)
        self.confusion_view.resizeColumnsToContents()
        # Names on the side panel would undo "hide names" on a projector.
        hidden = self.hide_names.isChecked()
        self.file_list.setVisible(not hidden)
        self.hidden_note.setVisible(hidden)
        self.hidden_note.setText(f"{len(self.paths())} files (names hidden)")

    # -- presentation -----------------------------------------------------------------------
    def _apply_text_size(self, points: int) -> None:
        font = QFont(self.font())
        font.setPointSize(points)
        self.results.setFont(font)
        big = QFont(font)
        big.setPointSize(int(points * 1.6))
        big.setBold(True)
        for label in self.figures.values():
            label.setFont(big)
        for view in (self.claims_view, self.people_view, self.pairs_view, self.confusion_view):
            view.horizontalHeader().setFont(font)
            view.verticalHeader().setFont(font)
        self._figure_columns = 0
        self._flow_figures()
        self.statusBar().showMessage(f"Text size {points}", 3000)
        settings().setValue("workshop/text_size", points)
        if self.comparison is not None:
            self._show()

    def _flow_figures(self) -> None:
        """As many figures to a row as fit side by side; the rest on the next rows."""
        words = QFontMetrics(self.results.font())
        widest = max(max(label.sizeHint().width() for label in self.figures.values()),
                     max(words.horizontalAdvance(word) for label in self.captions.values()
                         for word in label.text().split()))
        room = max(self.results.width() - 24, widest)
        columns = max(1, min(len(self.figure_boxes), room // (widest + 24)))
        if columns == self._figure_columns:
            return
        self._figure_columns = columns
        for box in self.figure_boxes:
            self.figure_grid.removeWidget(box)
        for index, box in enumerate(self.figure_boxes):
            self.figure_grid.addWidget(box, index // columns, index % columns)
        for column in range(len(self.figure_boxes)):
            self.figure_grid.setColumnStretch(column, 1 if column < columns else 0)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            if watched is self.claims_view.viewport():
                self._fit_claim_columns()
            elif watched is self.results:
                self._flow_figures()
        return super().eventFilter(watched, event)

    def _fit_claim_columns(self) -> None:
        """The claim's text gets 60 % of what the short columns leave, the verdicts 40 %."""
        header = self.claims_view.horizontalHeader()
        text, verdicts = WRAPPED_CLAIM_COLUMNS
        short = sum(header.sectionSize(c) for c in range(header.count())
                    if c not in WRAPPED_CLAIM_COLUMNS)
        room = max(self.claims_view.viewport().width() - short, 0)
        word = QFontMetrics(self.claims_view.font()).horizontalAdvance("M") * 10
        # With little room (a large text size) the verdicts column goes: the chart above
        # shows the same spread, and each row's tooltip lists it.
        crowded = room < 3 * word
        self.claims_view.setColumnHidden(verdicts, crowded)
        if crowded:
            header.resizeSection(text, max(room, word))
        else:
            header.resizeSection(text, int(room * 0.6))
            header.resizeSection(verdicts, room - int(room * 0.6))
        self.claims_view.resizeRowsToContents()

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def save_report(self, path: str | Path) -> Path:
        from workbench.workshop.report import write_report

        if self.comparison is None:
            raise WorkbenchError("compare the files first")
        return write_report(self.comparison, path, anonymous=self.hide_names.isChecked())

    def _choose_report(self) -> None:
        if self.comparison is None:
            self._fail("Compare the files first.")
            return
        path, _ = QFileDialog.getSaveFileName(self, "Save the report", "workshop.html",
                                              "Web pages (*.html)")
        if not path:
            return
        try:
            self.save_report(path)
        except WorkbenchError as exc:
            self._fail(str(exc))
            return
        self.statusBar().showMessage(f"Report saved to {path}", 10000)

    def merge_into(self, into: str | Path) -> None:
        self.jobs.start(MergeWorker(self.paths(), Path(into), self.key),
                        finished=self._merged, failed=self._fail)

    def _merged(self, message: str) -> None:
        self.message.setText(escape(message).replace("\n", "<br>"))
        self.merge_finished.emit(message)

    def _choose_curation(self) -> None:
        if not self.paths():
            self._fail("Add the participants' files first.")
            return
        path, _ = QFileDialog.getSaveFileName(
            self, "Curation project (new or existing)", "curation.fcw", PROJECT_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.merge_into(path)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.jobs.wait_all()
        super().closeEvent(event)
