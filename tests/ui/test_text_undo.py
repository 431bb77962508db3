"""Text fields and the project's undo agree: one typing session is one step, nothing is wiped."""

from __future__ import annotations

from PySide6.QtCore import Qt

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def select_row(window, row):
    window.claim_list.table.setFocus()
    window.claim_list.table.selectRow(row)
    return window.claim_list.current_claim_id()


def type_session(window, qtbot, widget, text, *, replace=False):
    """Focus the field, type, and leave it (a whole typing session, saved on focus-out)."""
    widget.setFocus()
    if replace:
        widget.selectAll()
    qtbot.keyClicks(widget, text)
    window.claim_list.table.setFocus()


def test_ctrl_z_in_the_rationale_undoes_the_last_session_only(window, qtbot, on_disk):
    claim_id = select_row(window, 0)
    rationale = window.detail.rationale
    type_session(window, qtbot, rationale, "The ministry's own figures")
    assert on_disk(claim_id).rationale == "The ministry's own figures"
    rationale.setFocus()
    rationale.moveCursor(rationale.textCursor().MoveOperation.End)
    qtbot.keyClicks(rationale, " say otherwise.")
    qtbot.keyClick(rationale, Qt.Key.Key_Z, CTRL)  # in the field, before the autosave
    assert rationale.toPlainText() == "The ministry's own figures"
    assert on_disk(claim_id).rationale == "The ministry's own figures"
    qtbot.wait(800)  # past the autosave pause: nothing wipes it now
    assert on_disk(claim_id).rationale == "The ministry's own figures"
    # the step undone can be redone, from the field or from Edit > Redo
    qtbot.keyClick(rationale, Qt.Key.Key_Z, CTRL_SHIFT)
    assert on_disk(claim_id).rationale == "The ministry's own figures say otherwise."
    assert rationale.toPlainText() == "The ministry's own figures say otherwise."
    qtbot.keyClick(rationale, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(rationale, Qt.Key.Key_Z, CTRL)
    assert on_disk(claim_id).rationale == "" and rationale.toPlainText() == ""
    window.actions["redo"].trigger()
    window.actions["redo"].trigger()
    assert on_disk(claim_id).rationale == "The ministry's own figures say otherwise."
    assert rationale.toPlainText() == "The ministry's own figures say otherwise."


def test_one_typing_session_with_pauses_is_one_step(window, qtbot, on_disk):
    claim_id = select_row(window, 1)
    rationale = window.detail.rationale
    rationale.setFocus()
    qtbot.keyClicks(rationale, "Satellite images")
    qtbot.waitUntil(lambda: on_disk(claim_id).rationale == "Satellite images", timeout=3000)
    qtbot.keyClicks(rationale, " show no troops")
    qtbot.waitUntil(lambda: on_disk(claim_id).rationale.endswith("troops"), timeout=3000)
    assert window.undo_stack.count() == 1
    qtbot.keyClick(rationale, Qt.Key.Key_Z, CTRL)
    assert on_disk(claim_id).rationale == "" and rationale.toPlainText() == ""
    assert window.undo_stack.canRedo()


def test_edit_undo_while_typing_undoes_the_typing_and_keeps_what_was_saved(window, qtbot, on_disk):
    claim_id = select_row(window, 2)
    rationale = window.detail.rationale
    type_session(window, qtbot, rationale, "Saved first.")
    rationale.setFocus()
    rationale.selectAll()
    qtbot.keyClicks(rationale, "Replaced")  # not saved yet
    assert window.actions["undo"].isEnabled()
    window.actions["undo"].trigger()
    assert rationale.toPlainText() == "Saved first."
    assert on_disk(claim_id).rationale == "Saved first."
    window.actions["redo"].trigger()
    assert on_disk(claim_id).rationale == "Replaced"


def test_ctrl_z_in_the_claimant_field_goes_back_to_the_saved_claimant(window, qtbot, on_disk):
    claim_id = select_row(window, 1)
    original = on_disk(claim_id).claimant
    claimant = window.detail.claimant
    type_session(window, qtbot, claimant, "Defence ministry", replace=True)
    assert on_disk(claim_id).claimant == "Defence ministry"
    claimant.setFocus()
    claimant.selectAll()
    qtbot.keyClicks(claimant, "Army spokesman")
    qtbot.keyClick(claimant, Qt.Key.Key_Z, CTRL)
    assert claimant.text() == "Defence ministry"
    assert on_disk(claim_id).claimant == "Defence ministry"
    qtbot.keyClick(claimant, Qt.Key.Key_Z, CTRL)
    assert claimant.text() == original and on_disk(claim_id).claimant == original


def test_ctrl_z_in_the_wording_field_goes_back_to_the_saved_wording(window, qtbot, on_disk):
    claim_id = select_row(window, 0)
    quote = on_disk(claim_id).quote
    text = window.detail.text
    type_session(window, qtbot, text, "North Korea will send troops", replace=True)
    assert on_disk(claim_id).text == "North Korea will send troops"
    text.setFocus()
    text.moveCursor(text.textCursor().MoveOperation.End)
    qtbot.keyClicks(text, " to Ukraine")
    qtbot.keyClick(text, Qt.Key.Key_Z, CTRL)
    assert text.toPlainText() == "North Korea will send troops"
    assert on_disk(claim_id).text == "North Korea will send troops"
    window.undo()
    assert on_disk(claim_id).text == quote and text.toPlainText() == quote
