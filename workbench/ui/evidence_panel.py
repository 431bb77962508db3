"""The selected claim's evidence: the list with capture status, adding a URL, and actions.

A passive view: it shows ``Evidence`` items and emits what the user asked for
(add, remove, open, re-fetch, view the captured text, archive); the
``EvidenceController`` turns requests into undo commands and fetches.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from workbench.core.models import Evidence, Stance
from workbench.ui.evidence_model import EvidenceTableModel
from workbench.ui.theme import set_tone, settings


class StanceDelegate(QStyledItemDelegate):
    """The Stance cell is edited with a list of the three stances."""

    def createEditor(self, parent, option, index):  # noqa: N802
        editor = QComboBox(parent)
        editor.setAccessibleName("Stance")
        for stance in Stance:
            editor.addItem(stance.value, stance.value)
        return editor

    def setEditorData(self, editor, index) -> None:  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index) -> None:  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


AUTO_FETCH_KEY = "evidence/fetch_automatically"


class EvidencePanel(QWidget):
    """The evidence table of one claim, the Add URL row and the actions on the selected item."""

    add_requested = Signal(str, str, str)  # url, stance, note
    edit_requested = Signal(int, dict)  # evidence id, {"stance": ...} or {"note": ...}
    remove_requested = Signal(int)  # evidence id
    refetch_requested = Signal(list)  # urls
    fetch_pending_requested = Signal()
    open_requested = Signal(str)  # a URL for the system browser
    text_requested = Signal(object)  # Evidence: show its captured text
    archive_save_requested = Signal(str)  # url: ask the Wayback Machine to save it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EvidenceTableModel(self)
        self._build_table()
        self._build_actions()
        self._build_add_row()
        self._connect()
        self._update_actions()

    def _build_table(self) -> None:
        """The evidence table: stance and note edited in place (F2 or a double click)."""
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Evidence")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Stance and note are edited in place: F2 (or the Claim > Evidence menu), or a
        # double click on those cells; each edit is an undo command.
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setItemDelegateForColumn(EvidenceTableModel.STANCE, StanceDelegate(self.table))
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the URL field
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EvidenceTableModel.SOURCE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EvidenceTableModel.NOTE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EvidenceTableModel.STANCE, QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(40)
        self._size_rows()

    def _build_actions(self) -> None:
        """The actions on the selected item, in a tool bar that folds what does not fit."""
        self.busy_label = QLabel()
        self.busy_label.setAccessibleName("Fetching")
        set_tone(self.busy_label, "muted")

        # The actions live in a tool bar (it folds what does not fit behind a » button,
        # so the panel stays narrow) and in the table's context menu.
        self.open_action = _action(self, "Open", "Open the page in your web browser")
        self.text_action = _action(
            self, "Text", "Read what the page said when captured (offline, read-only)"
        )
        self.refetch_action = _action(
            self, "Re-fetch", "Capture the page again; earlier captures are kept"
        )
        self.archive_action = _action(
            self, "Archive", "Open the Wayback Machine's copy nearest the capture time"
        )
        self.archive_save_action = _action(
            self,
            "Save to archive",
            "Ask the Internet Archive to save this page now: opens web.archive.org/save in "
            "your browser, which sends the URL to the Internet Archive",
        )
        self.remove_action = _action(
            self, "Remove", "Remove the evidence from the claim (undoable)"
        )
        self.fetch_pending_action = _action(
            self,
            "Fetch pending",
            "Capture every evidence URL of the project that is pending or failed",
        )
        self.auto_fetch = QCheckBox("Auto-fetch")
        self.auto_fetch.setToolTip(
            "Capture a URL as soon as it is added, and pending ones when the project opens.\n"
            "Untick to work offline: URLs stay pending until you fetch them."
        )
        self.auto_fetch.setChecked(_setting_on(settings().value(AUTO_FETCH_KEY, True)))
        self.toolbar = QToolBar("Evidence actions")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setAccessibleName("Evidence actions")
        self.toolbar.addWidget(self.busy_label)
        for action in self._item_actions():
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.fetch_pending_action)
        self.toolbar.addWidget(self.auto_fetch)

    def _build_add_row(self) -> None:
        """The Add URL row (address, stance, note, Add), the message under it; the layout."""
        self.url = QLineEdit()
        self.url.setAccessibleName("Evidence URL")
        self.url.setPlaceholderText("Add URL (https://...) and press Enter")
        self.stance = QComboBox()
        self.stance.setAccessibleName("Stance")
        for stance in Stance:
            self.stance.addItem(stance.value, stance.value)
        self.note = QLineEdit()
        self.note.setAccessibleName("Evidence note")
        self.note.setPlaceholderText("Note (optional)")
        self.add_button = QPushButton("Add")
        self.message = QLabel()
        self.message.setWordWrap(True)
        set_tone(self.message, "error")
        self.message.setAccessibleName("Evidence message")
        self.message.hide()

        add_row = QHBoxLayout()
        add_row.addWidget(self.url, 3)
        add_row.addWidget(self.stance)
        add_row.addWidget(self.note, 2)
        add_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.table, 1)
        layout.addLayout(add_row)
        layout.addWidget(self.message)
        self.setTabOrder(self.table, self.url)
        self.setTabOrder(self.url, self.stance)
        self.setTabOrder(self.stance, self.note)
        self.setTabOrder(self.note, self.add_button)

    def _connect(self) -> None:
        """Each control to the request it emits."""
        self.url.returnPressed.connect(self._add)
        self.note.returnPressed.connect(self._add)
        self.add_button.clicked.connect(self._add)
        self.remove_action.triggered.connect(self._remove)
        self.open_action.triggered.connect(
            lambda: self._with_current(lambda e: self.open_requested.emit(e.url))
        )
        self.text_action.triggered.connect(lambda: self._with_current(self.text_requested.emit))
        self.refetch_action.triggered.connect(
            lambda: self._with_current(lambda e: self.refetch_requested.emit([e.url]))
        )
        self.archive_action.triggered.connect(
            lambda: self._with_current(lambda e: self.open_requested.emit(e.archive_url))
        )
        self.archive_save_action.triggered.connect(
            lambda: self._with_current(lambda e: self.archive_save_requested.emit(e.url))
        )
        self.fetch_pending_action.triggered.connect(self.fetch_pending_requested)
        self.auto_fetch.toggled.connect(lambda on: settings().setValue(AUTO_FETCH_KEY, on))
        self.table.doubleClicked.connect(self._double_clicked)
        self.model.edit_requested.connect(self.edit_requested)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        # In the table: Delete removes, Enter shows the captured text (when there is one).
        for key, action in (
            (QKeySequence.StandardKey.Delete, self.remove_action),
            (Qt.Key.Key_Return, self.text_action),
        ):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(action.trigger)

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_rows()  # zoom: rows follow the text size

    def _size_rows(self) -> None:
        rows = self.table.fontMetrics().height() + 8
        self.table.verticalHeader().setDefaultSectionSize(rows)
        # Room for the stance list that edits it: the longest stance and the arrow.
        self.table.setColumnWidth(
            EvidenceTableModel.STANCE,
            self.table.fontMetrics().horizontalAdvance("supports") + rows + 16,
        )
        self.table.setMinimumHeight(int(rows * 3.2))  # the header and two rows

    def _double_clicked(self, index) -> None:
        if index.column() in (EvidenceTableModel.STANCE, EvidenceTableModel.NOTE):
            self.table.edit(index)
        else:
            self.text_action.trigger()

    def edit_current(self, column: int = EvidenceTableModel.STANCE) -> bool:
        """Start editing the selected evidence's stance (Tab goes on to its note)."""
        index = self.table.currentIndex()
        if not index.isValid():
            if not self.model.rowCount():
                return False
            index = self.model.index(0, column)
        elif index.column() not in (EvidenceTableModel.STANCE, EvidenceTableModel.NOTE):
            index = index.siblingAtColumn(column)
        self.table.setFocus()
        self.table.setCurrentIndex(index)
        self.table.edit(index)
        return True

    def _item_actions(self) -> list[QAction]:
        return [
            self.open_action,
            self.text_action,
            self.refetch_action,
            self.archive_action,
            self.archive_save_action,
            self.remove_action,
        ]

    # -- showing ---------------------------------------------------------------------
    def set_items(self, items: list[Evidence]) -> None:
        """Show ``items``, keeping the selected row when it is still there."""
        keep = self.current()
        self.model.set_items(items)
        if keep is not None:
            self.select(keep.id)
        self._update_actions()

    def set_busy(self, urls: set[str]) -> None:
        self.model.set_busy(urls)
        self.busy_label.setText(f"fetching {len(urls)}…" if urls else "")

    def select(self, evidence_id: int) -> None:
        row = self.model.row_of(evidence_id)
        if row is not None:
            self.table.selectRow(row)

    def current(self) -> Evidence | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.item(index.row())

    def evidence_added(self) -> None:
        self.url.clear()
        self.note.clear()
        self.show_message("")

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- requests --------------------------------------------------------------------
    def _add(self) -> None:
        url = self.url.text().strip()
        if not url:
            return
        self.show_message("")
        self.add_requested.emit(url, self.stance.currentData(), self.note.text().strip())

    def _remove(self) -> None:
        self._with_current(lambda e: self.remove_requested.emit(e.id))

    def _with_current(self, action) -> None:
        item = self.current()
        if item is not None:
            action(item)

    def refresh_actions(self) -> None:
        """Enable what applies to the selected item (after its row changed)."""
        self._update_actions()

    def _update_actions(self) -> None:
        item = self.current()
        for action in self._item_actions():
            action.setEnabled(item is not None)
        self.text_action.setEnabled(item is not None and bool(item.sha256))

    def _context_menu(self, pos) -> None:
        item = self.current()
        if item is None:
            return
        menu = QMenu(self)
        menu.addActions(self._item_actions()[:-1])
        menu.addSeparator()
        clipboard = QGuiApplication.clipboard()
        menu.addAction("Copy URL", lambda: clipboard.setText(item.url))
        copy_hash = menu.addAction("Copy SHA-256", lambda: clipboard.setText(item.sha256))
        copy_hash.setEnabled(bool(item.sha256))
        menu.addAction("Copy archive link", lambda: clipboard.setText(item.archive_url))
        menu.addSeparator()
        menu.addAction(self.remove_action)
        menu.exec(self.table.viewport().mapToGlobal(pos))


def _action(parent: QWidget, text: str, tip: str) -> QAction:
    action = QAction(text, parent)
    action.setToolTip(tip)
    action.setStatusTip(tip)
    return action


def _setting_on(value) -> bool:
    """QSettings' INI files give booleans back as strings."""
    return value if isinstance(value, bool) else str(value).lower() in ("true", "1", "yes")
