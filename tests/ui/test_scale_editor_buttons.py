"""Item 2: every button of the verdict scale editor works, clicked as a user clicks it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog

from workbench.ui.scale_editor import ScaleEditorDialog


@pytest.fixture
def editor(window, qtbot):
    dialog = ScaleEditorDialog(window.store, window.undo_stack, window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click(qtbot, editor, key):
    qtbot.mouseClick(editor.buttons[key], Qt.MouseButton.LeftButton)


def select(editor, name):
    row = next(r for r in range(editor.model.rowCount()) if editor.model.label(r).name == name)
    editor.table.selectRow(row)


def test_add_opens_a_dialog_with_a_colour_picker(qtbot, window, editor):
    click(qtbot, editor, "add")
    dialog = editor.dialog
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "Add a label"
    assert not dialog.ok.isEnabled()  # a label needs a name
    qtbot.keyClicks(dialog.name, "Satire")
    qtbot.keyClicks(dialog.description, "A joke taken seriously")
    qtbot.mouseClick(dialog.colour_button, Qt.MouseButton.LeftButton)
    picker = dialog.picker
    assert isinstance(picker, QColorDialog) and picker.isVisible()
    picker.setCurrentColor(QColor("#5c6bc0"))
    picker.accept()
    assert dialog.colour == "#5c6bc0"
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    label = window.store.scale.get().find("Satire")
    assert (label.colour, label.description) == ("#5c6bc0", "A joke taken seriously")
    assert editor.message.text() == ""


def test_rename_and_colour_buttons_open_their_dialogs(qtbot, window, editor):
    select(editor, "Mixture")
    click(qtbot, editor, "rename")
    rename = editor.dialog
    assert isinstance(rename, QInputDialog) and rename.isVisible()
    assert rename.textValue() == "Mixture"
    rename.setTextValue("Half true")
    rename.accept()
    assert "Half true" in window.store.scale.get().names()
    select(editor, "Half true")
    click(qtbot, editor, "colour")
    picker = editor.dialog
    assert isinstance(picker, QColorDialog) and picker.isVisible()
    assert picker.currentColor() == QColor("#fbc02d")  # starts from the label's colour
    picker.setCurrentColor(QColor("#ffb300"))
    picker.accept()
    assert window.store.scale.get().find("Half true").colour == "#ffb300"
    window.undo_stack.undo()
    assert window.store.scale.get().find("Half true").colour == "#fbc02d"


def test_move_buttons_reorder(qtbot, window, editor):
    select(editor, "False")
    click(qtbot, editor, "up")
    assert window.store.scale.get().names().index("False") == 3
    click(qtbot, editor, "down")
    assert window.store.scale.get().names().index("False") == 4


def test_deleting_a_label_in_use_asks_where_its_claims_go(qtbot, window, editor, on_disk):
    window.claim_list.table.setFocus()
    window.claim_list.table.selectRow(0)
    claim_id = window.claim_list.current_claim_id()
    qtbot.keyClick(window.claim_list.table, Qt.Key.Key_7)  # Unproven
    select(editor, "Unproven")
    click(qtbot, editor, "delete")
    question = editor.dialog
    assert isinstance(question, QInputDialog) and question.isVisible()
    assert "1 claim is rated “Unproven”" in question.labelText()
    assert "Unproven" not in question.comboBoxItems() and "Misleading" in question.comboBoxItems()
    question.setTextValue("Misleading")
    question.accept()
    assert "Unproven" not in window.store.scale.get().names()
    assert on_disk(claim_id).verdict == "Misleading"
    # An unused label goes at once.
    select(editor, "Mixture")
    click(qtbot, editor, "delete")
    assert "Mixture" not in window.store.scale.get().names()


def test_use_preset_opens_the_list_of_presets(qtbot, window, editor):
    click(qtbot, editor, "preset")
    question = editor.dialog
    assert isinstance(question, QInputDialog) and question.isVisible()
    assert "politifact" in question.comboBoxItems()
    question.setTextValue("politifact")
    question.accept()
    assert "Pants on Fire" in window.store.scale.get().names()
    assert "Pants on Fire" in [
        window.detail.verdict.itemData(i) for i in range(window.detail.verdict.count())
    ]


def test_a_button_without_a_selection_says_so(qtbot, editor):
    editor.table.clearSelection()
    editor.table.setCurrentIndex(editor.model.index(-1, -1))
    click(qtbot, editor, "rename")
    assert "Select a label" in editor.message.text()
