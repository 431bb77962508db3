"""The verdict scale editor: add, rename, recolour, reorder and delete labels.

Each edit is an undo command on the window's stack: ``redo()`` calls the store's
editing method, ``undo()`` puts back the scale and the verdicts of the claims the
edit touched (a rename or a delete that moved claims), in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from workbench.core.errors import WorkbenchError
from workbench.core.scale import VerdictLabel, VerdictScale
from workbench.presets import load_preset, preset_names
from workbench.store import ProjectStore
from workbench.ui.commands import StoreCommand
from workbench.ui.theme import set_tone

LABEL_ROLE = Qt.ItemDataRole.UserRole + 1


class ScaleEditCommand(StoreCommand):
    """One edit of the scale: ``edit(store)`` does it in one transaction; undo and redo
    replay the rows it changed (labels, and the claims a rename or a move rewrote)."""

    def __init__(
        self, store: ProjectStore, text: str, edit: Callable[[ProjectStore], object]
    ) -> None:
        super().__init__(store, text)
        self.edit = edit

    def action(self) -> None:
        self.edit(self.store)


class ScaleTableModel(QAbstractTableModel):
    """The labels of a scale, with how many claims use each (read from a cache)."""

    COLUMNS = ["Label", "Colour", "Rating", "In order", "Claims", "Description"]

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._labels: list[VerdictLabel] = []
        self._usage: dict[str, int] = {}

    def set_scale(self, scale: VerdictScale, usage: dict[str, int]) -> None:
        self.beginResetModel()
        self._labels = list(scale.labels)
        self._usage = dict(usage)
        self.endResetModel()

    def label(self, row: int) -> VerdictLabel:
        return self._labels[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._labels)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        label = self._labels[index.row()]
        column = index.column()
        if role == LABEL_ROLE:
            return label.name
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                label.name,
                label.colour,
                "" if label.rating is None else str(label.rating),
                "yes" if label.ordinal else "no",
                str(self._usage.get(label.name, 0)),
                label.description,
            ][column]
        if role == Qt.ItemDataRole.DecorationRole and column in (0, 1):
            return QColor(label.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return label.description or None
        return None


NEW_LABEL_COLOURS = ("#1e88e5", "#00897b", "#6d4c41", "#5e35b1", "#d81b60", "#3949ab", "#9e9e9e")


class LabelDialog(QDialog):
    """A new label: its name, its colour (picked in Qt's colour dialog) and a description."""

    def __init__(self, colour: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add a label")
        self.name = QLineEdit()
        self.name.setAccessibleName("Label name")
        self.name.setPlaceholderText("e.g. Satire")
        self.description = QLineEdit()
        self.description.setAccessibleName("Label description")
        self.colour_button = QPushButton()
        self.colour_button.setAccessibleName("Label colour")
        self.colour_button.clicked.connect(lambda _checked=False: self.pick_colour())
        self.picker: QColorDialog | None = None
        self.set_colour(colour)
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Colour", self.colour_button)
        form.addRow("&Description", self.description)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.name.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def set_colour(self, colour: str) -> None:
        self.colour = colour
        pixmap = QPixmap(16, 16)
        pixmap.fill(QColor(colour))
        self.colour_button.setIcon(QIcon(pixmap))
        self.colour_button.setText(f"{colour}…")

    def pick_colour(self) -> QColorDialog:
        self.picker = QColorDialog(QColor(self.colour), self)
        self.picker.setWindowTitle("Colour of the new label")
        self.picker.colorSelected.connect(lambda c: self.set_colour(c.name()))
        self.picker.open()
        return self.picker


class ScaleEditorDialog(QDialog):
    """Edit the open project's scale; every change is saved at once and can be undone.

    Each button opens its question as a dialog of its own (``self.dialog``, not a
    blocking static call); the edit happens when it is accepted. The methods also
    take the answer directly (``rename_label("Incorrect")``).
    """

    edited = Signal(str)  # what was done, for the window's status bar

    def __init__(self, store: ProjectStore, undo_stack: QUndoStack, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        self.dialog: QDialog | None = None
        self.setWindowTitle("Verdict scale")
        self.model = ScaleTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Verdict labels")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(
            lambda index: self.recolour_label() if index.column() == 1 else self.rename_label()
        )
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Scale editor message")
        set_tone(self.message, "error")

        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (
            ("add", "&Add…", self.add_label),
            ("rename", "&Rename…", self.rename_label),
            ("colour", "&Colour…", self.recolour_label),
            ("up", "Move &up", lambda: self.move(-1)),
            ("down", "Move &down", lambda: self.move(1)),
            ("delete", "&Delete…", self.delete_label),
            ("preset", "Use &preset…", self.use_preset),
        ):
            button = QPushButton(text)
            # clicked(bool) must not reach the slots' optional arguments.
            button.clicked.connect(lambda _checked=False, run=slot: run())
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("M") * 64, metrics.lineSpacing() * 26)
        self.refresh()

    # -- state -------------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        scale = self.store.scale.get()
        self.model.set_scale(scale, self.store.scale.usage())
        if scale.conclusion_only:
            self.title.setText(
                f"<b>{escape(scale.name)}</b>: no labels; the written conclusion "
                "(the rationale) is the verdict."
            )
        else:
            self.title.setText(f"<b>{escape(scale.name)}</b>: {escape(scale.description)}")
        for key, button in self.buttons.items():
            button.setEnabled(key in ("preset", "add") or not scale.conclusion_only)
        if select is not None:
            for row in range(self.model.rowCount()):
                if self.model.label(row).name == select:
                    self.table.selectRow(row)

    def selected(self) -> VerdictLabel | None:
        index = self.table.currentIndex()
        return self.model.label(index.row()) if index.isValid() else None

    def _need_selection(self) -> VerdictLabel | None:
        label = self.selected()
        if label is None:
            self.message.setText("Select a label in the list first.")
        return label

    def _run(self, text: str, action, select: str | None = None) -> bool:
        self.message.setText("")
        command = ScaleEditCommand(self.store, text, action)
        try:
            command.run()  # before the push: a refused edit never reaches the stack
        except WorkbenchError as exc:
            self.message.setText(str(exc))
            return False
        if command.changes:
            self.undo_stack.push(command)
        self.refresh(select)
        self.edited.emit(text)
        return True

    def _ask(self, dialog: QDialog, answered) -> QDialog:
        """Open ``dialog`` (window-modal, not blocking); ``answered(dialog)`` runs on OK."""
        self.dialog = dialog
        dialog.accepted.connect(lambda: answered(dialog))
        dialog.open()
        return dialog

    def _question(
        self, title: str, label: str, text: str = "", items: list[str] | None = None
    ) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        if items is not None:
            dialog.setComboBoxItems(items)
            dialog.setComboBoxEditable(False)
        else:
            dialog.setTextValue(text)
        return dialog

    # -- edits ---------------------------------------------------------------------------
    def add_label(
        self, name: str | None = None, colour: str | None = None, description: str = ""
    ) -> bool:
        if name is None:
            used = {label.colour for label in self.store.scale.get().labels}
            suggestion = next(
                (c for c in NEW_LABEL_COLOURS if c not in used), NEW_LABEL_COLOURS[-1]
            )
            self._ask(
                LabelDialog(suggestion, self),
                lambda d: self.add_label(d.name.text(), d.colour, d.description.text().strip()),
            )
            return False
        label = VerdictLabel(
            name=name, colour=colour or "#9e9e9e", description=description, ordinal=False
        )
        return self._run(
            f"Add label {name.strip()}", lambda s: s.scale.add_label(label), select=name.strip()
        )

    def rename_label(self, new: str | None = None) -> bool:
        label = self._need_selection()
        if label is None:
            return False
        if new is None:
            self._ask(
                self._question("Rename label", f"New name for “{label.name}”:", label.name),
                lambda d: self.rename_label(d.textValue()),
            )
            return False
        return self._run(
            f"Rename label {label.name} to {new.strip()}",
            lambda s: s.scale.rename_label(label.name, new),
            select=new.strip(),
        )

    def recolour_label(self, colour: str | None = None) -> bool:
        label = self._need_selection()
        if label is None:
            return False
        if colour is None:
            picker = QColorDialog(QColor(label.colour), self)
            picker.setWindowTitle(f"Colour of {label.name}")
            self._ask(picker, lambda d: self.recolour_label(d.selectedColor().name()))
            return False
        return self._run(
            f"Recolour label {label.name}",
            lambda s: s.scale.update_label(label.name, colour=colour),
            select=label.name,
        )

    def move(self, step: int) -> bool:
        label = self._need_selection()
        if label is None:
            return False
        position = self.store.scale.get().index_of(label.name) + step
        return self._run(
            f"Move label {label.name}",
            lambda s: s.scale.move_label(label.name, position),
            select=label.name,
        )

    def use_preset(self, name: str | None = None) -> bool:
        """Replace the scale by a shipped preset (refused while claims use a label it lacks)."""
        if name is None:
            self._ask(
                self._question(
                    "Use a preset scale", "Replace the scale by the preset:", items=preset_names()
                ),
                lambda d: self.use_preset(d.textValue()),
            )
            return False
        scale = load_preset(name)
        return self._run(f"Use the {scale.name} scale", lambda s: s.scale.set(scale))

    def delete_label(self, move_to: str | None = None) -> bool:
        """Delete the selected label; claims rated with it are moved where the user says."""
        label = self._need_selection()
        if label is None:
            return False
        used = self.store.scale.usage().get(label.name, 0)
        if used and move_to is None:
            others = [n for n in self.store.scale.get().names() if n != label.name]
            dialog = self._question(
                "Delete label",
                f"{used} claim{'s are' if used != 1 else ' is'} rated “{label.name}”. "
                "Move them to:",
                items=others,
            )
            dialog.rejected.connect(
                lambda: self.message.setText(
                    f"“{label.name}” is still used by {used} claim(s): not deleted."
                )
            )
            self._ask(dialog, lambda d: self.delete_label(move_to=d.textValue()))
            return False
        return self._run(
            f"Delete label {label.name}",
            lambda s: s.scale.delete_label(label.name, move_to=move_to),
        )
