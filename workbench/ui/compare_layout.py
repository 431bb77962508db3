"""How the workshop compare window lays itself out: a mixin of ``CompareWindow``.

A side panel (the files, the key, the buttons) beside the results: the title, the
five agreement figures (which re-flow into more rows when the text is large), and
tabs for the claims (the verdict chart over the table), the participants, the key
against the participants, and each pair. One text size sets everything.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.shortcuts import command
from workbench.ui.theme import settings
from workbench.ui.workshop_chart import VerdictSpreadChart
from workbench.ui.workshop_models import (
    CLAIM_COLUMNS,
    PAIR_COLUMNS,
    PARTICIPANT_COLUMNS,
    SORT_ROLE,
    WRAPPED_CLAIM_COLUMNS,
    ConfusionModel,
    RowsModel,
)

DEFAULT_TEXT_SIZE = 14


def _table(model: QAbstractItemModel, name: str) -> tuple[QTableView, QSortFilterProxyModel]:
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


class CompareLayout:
    """Layout and presentation methods of ``CompareWindow`` (which does the comparing)."""

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        """The side panel (files, key, buttons) beside the results; then the connections."""
        side = self._build_side()
        results = self._build_results()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(side)
        splitter.addWidget(results)
        self.side = side
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 1250])
        self.setCentralWidget(splitter)
        self.statusBar()
        self._connect()

    def _build_side(self) -> QWidget:
        """Participants' files, the key, Compare, and the controls for the room."""
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
        self.fullscreen_button.setToolTip(
            "F11: full screen; F9 hides this panel (and F9 again "
            "shows it); Ctrl++ / Ctrl+- / Ctrl+0: text size"
        )
        self.report_button = QPushButton("Save HTML report…")
        self.merge_button = QPushButton("Merge into curation project…")
        for button in (self.fullscreen_button, self.report_button, self.merge_button):
            side_layout.addWidget(button)
        return side

    def _build_results(self) -> QWidget:
        """The title, the five figures (they re-flow into rows), messages and the tabs."""
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
            (
                "percent",
                "pairs agreeing",
                "the share of pairs of participants who agree, per claim",
            ),
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
        self._build_tabs()
        layout.addWidget(self.tabs, 1)
        return results

    def _build_tabs(self) -> None:
        """Claims (chart over table), participants, key against participants, pairs."""
        self.claims_model = RowsModel(CLAIM_COLUMNS, self)
        self.people_model = RowsModel(PARTICIPANT_COLUMNS, self)
        self.pairs_model = RowsModel(PAIR_COLUMNS, self)
        self.confusion_model = ConfusionModel(self)
        self.claims_view, self.claims_proxy = _table(
            self.claims_model, "Claims, most contested first"
        )
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

    def _connect(self) -> None:
        """Buttons and the keys from the window's command table."""
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
        widest = max(
            max(label.sizeHint().width() for label in self.figures.values()),
            max(
                words.horizontalAdvance(word)
                for label in self.captions.values()
                for word in label.text().split()
            ),
        )
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
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
        short = sum(
            header.sectionSize(c) for c in range(header.count()) if c not in WRAPPED_CLAIM_COLUMNS
        )
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
