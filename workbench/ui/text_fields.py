"""The claim detail's text fields and labels.

``SavingPlainText`` and ``SavingLine`` tell the detail when focus comes and goes
(a typing session starts and is saved), and send Esc, undo and redo to it instead
of handling them themselves; ``QuoteLabel`` shows the claim's exact words.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QLabel, QLineEdit, QMenu, QPlainTextEdit, QWidget


class ProjectUndoKeys:
    """Text fields whose Ctrl+Z / Ctrl+Shift+Z (and context menu) use the project's undo.

    A field's own undo history would disagree with the project's: it forgets text
    saved earlier and would autosave what it "undid". So the keys and the menu
    entries go to the window, which saves the typing session first and undoes it
    as one step. Mixed into a Qt text field that declares the five signals used;
    the field tells when focus comes and goes (a typing session starts, is saved).
    """

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self._special_key(event):
            super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = self._standard_menu(event)
        self._reroute_menu(menu)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.focus_gained.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.focus_lost.emit()

    def _special_key(self, event: QKeyEvent) -> bool:
        """Esc, undo and redo: handled by the detail and the window, not by the field."""
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.escape_pressed.emit()
            return True
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
            return True
        if event.matches(QKeySequence.StandardKey.Redo):
            self.redo_requested.emit()
            return True
        return False

    def _reroute_menu(self, menu: QMenu) -> None:
        for action in menu.actions():
            name = action.objectName()
            if name in ("edit-undo", "edit-redo"):
                with contextlib.suppress(RuntimeError, TypeError):
                    action.triggered.disconnect()
                signal = self.undo_requested if name == "edit-undo" else self.redo_requested
                action.triggered.connect(signal.emit)
                action.setEnabled(True)


class SavingPlainText(ProjectUndoKeys, QPlainTextEdit):
    focus_lost = Signal()
    focus_gained = Signal()
    escape_pressed = Signal()
    undo_requested = Signal()
    redo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)

    def _standard_menu(self, event: QContextMenuEvent) -> QMenu:
        return self.createStandardContextMenu(event.pos())


class SavingLine(ProjectUndoKeys, QLineEdit):
    focus_lost = Signal()
    focus_gained = Signal()
    escape_pressed = Signal()
    undo_requested = Signal()
    redo_requested = Signal()

    def _standard_menu(self, _event: QContextMenuEvent) -> QMenu:
        return self.createStandardContextMenu()


def quoted(words: str) -> str:
    """The claim's words between quotation marks, unless they open with a quotation of
    their own ("“So, there is no problem ...”"): never two marks in a row."""
    return words if words[:1] in "“\"‘'«" else f"“{words}”"


class QuoteLabel(QLabel):
    """The claim's exact words, with a bar on the left in the theme's mid colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # the words as they are, "&" and "'" too
        self.setWordWrap(True)
        self.setContentsMargins(10, 2, 2, 2)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        painter = QPainter(self)
        painter.fillRect(
            QRect(0, 2, 3, self.height() - 4), self.palette().color(QPalette.ColorRole.Mid)
        )
        painter.end()


def escaped_label(text: str = "") -> QLabel:
    """A label for text passed through ``html.escape`` (with markup of ours around it):
    always read as rich text, so an escaped apostrophe shows as "'", never as "&#x27;"
    (Qt's guess takes a line without tags for plain text)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def bold(widget: QWidget) -> None:
    """Bold, keeping the inherited size (so zoom still reaches it)."""
    font = QFont()
    font.setBold(True)
    widget.setFont(font)


def field_value(widget: QWidget) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
