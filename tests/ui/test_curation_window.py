"""Re-detect, merge and split in the window: asked first, said after, undone exactly."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from workbench.core.models import ClaimStatus
from workbench.ui.models import ClaimTableModel

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def rows(path):
    """Every row of claims and evidence, read by another connection."""
    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute("SELECT * FROM claims ORDER BY id").fetchall(),
            conn.execute("SELECT * FROM evidence ORDER BY id").fetchall(),
        )
    finally:
        conn.close()


def select(window, claim_id):
    window.claim_list.table.setFocus()
    window.claim_list.select_claim(claim_id)


def put_cursor(window, offset):
    view = window.article_view.text
    cursor = QTextCursor(view.document())
    cursor.setPosition(offset)
    view.setTextCursor(cursor)


def answer(window, qtbot, button_text):
    qtbot.waitUntil(lambda: window.curation.question is not None, timeout=60000)
    box = window.curation.question
    text = box.text()
    button = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.curation.question is None, timeout=5000)
    return text


def test_redetect_asks_says_what_changed_keeps_curation_and_undoes_exactly(
    window, qtbot, seed_project
):
    store = window.store
    claims = store.claims.all()
    # curation: a split, and a claim the checker deleted
    first = claims[0]
    cut = first.start + first.quote.index(", Kim") + 1
    select(window, first.id)
    put_cursor(window, cut)
    window.split_claim()
    select(window, claims[5].id)
    qtbot.keyClick(window.claim_list.table, Qt.Key.Key_Delete)
    deleted = claims[5]
    # detection output that went missing (not a person's deletion): re-detection adds it back
    store.claims.delete_many([claims[2].id, claims[3].id])
    before = rows(seed_project)
    undo_steps = window.undo_stack.count()
    kept = len(store.claims.all())

    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)
    question = answer(window, qtbot, "Re-detect")
    assert f"2 claims added, 0 removed, {kept} kept" in question
    assert "deleted do not come back" in question
    message = window.statusBar().currentMessage()
    assert message == f"Re-detected claims: 2 claims added, 0 removed, {kept} kept."
    after = store.claims.all()
    assert any(c.start == first.start and c.end == cut for c in after)  # the split's first half
    assert not any(c.start < deleted.end and deleted.start < c.end for c in after)
    assert window.claim_list.proxy.rowCount() == len(after) == kept + 2
    assert window.undo_stack.count() == undo_steps + 1  # one step, the history kept

    window.undo()
    assert rows(seed_project) == before
    assert window.claim_list.proxy.rowCount() == kept
    window.redo()
    assert len(store.claims.all()) == kept + 2


def test_redetect_cancelled_changes_nothing(window, qtbot, seed_project):
    window.store.claims.delete_many([window.store.claims.all()[1].id])
    before = rows(seed_project)
    window.redetect()
    answer(window, qtbot, "Cancel")
    assert rows(seed_project) == before
    assert "cancelled" in window.statusBar().currentMessage()


def test_merging_a_done_claim_asks_keeps_its_work_and_undo_restores_both(
    window, qtbot, seed_project
):
    store = window.store
    a, b = store.claims.all()[1], store.claims.all()[2]
    store.claims.update(a.id, rationale="Checked the first half.", status="in_progress")
    store.evidence.add(b.id, "https://example.org/b")
    store.claims.update(
        b.id,
        verdict="Mostly False",
        rationale="The figures are older.",
        text="Reworded second claim",
        claimant="Defence ministry",
    )
    store.claims.update(b.id, status="done")
    before = rows(seed_project)
    select(window, a.id)
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL_SHIFT)
    question = answer(window, qtbot, "Merge")
    assert "both carry work" in question
    assert "verdict Mostly False" in question and "both rationales" in question
    assert "was done" in question
    merged = store.claims.get(a.id)
    assert merged.verdict == "Mostly False"
    assert "Checked the first half." in merged.rationale
    assert "The figures are older." in merged.rationale
    assert "Reworded second claim" in merged.text
    assert "Defence ministry" in merged.claimant
    assert merged.evidence_count == 1
    assert merged.status is ClaimStatus.IN_PROGRESS
    assert b.id not in {c.id for c in store.claims.all()}
    window.undo()
    assert rows(seed_project) == before


def test_merge_cancelled_or_refused_leaves_both_claims(window, qtbot, seed_project):
    store = window.store
    a, b = store.claims.all()[1], store.claims.all()[2]
    store.claims.update(a.id, verdict="True", rationale="one")
    store.claims.update(b.id, verdict="False", rationale="two")
    before = rows(seed_project)
    select(window, a.id)
    window.merge_with_next()
    assert window.curation.question is None
    assert "different verdicts (True, False)" in window.statusBar().currentMessage()
    assert rows(seed_project) == before
    store.claims.update(b.id, verdict="True")
    before = rows(seed_project)
    window.merge_with_next()
    answer(window, qtbot, "Cancel")
    assert rows(seed_project) == before


def test_split_leaves_no_leading_space_in_the_second_claim(window, qtbot):
    claim = window.store.claims.all()[0]
    select(window, claim.id)
    put_cursor(window, claim.start + claim.quote.index(", Kim") + 1)  # before the space
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL_SHIFT)
    second = next(
        c for c in window.store.claims.all() if c.start > claim.start and c.end == claim.end
    )
    assert second.quote.startswith("Kim Jong-Un") and second.text == second.quote
    row = window.claim_list.model.row_of(second.id)
    shown = window.claim_list.model.index(row, ClaimTableModel.TEXT).data()
    assert shown.startswith("Kim Jong-Un")


def test_the_merge_question_is_a_real_dialog(window, qtbot):
    store = window.store
    a, b = store.claims.all()[1], store.claims.all()[2]
    store.claims.update(a.id, rationale="first")
    store.claims.update(b.id, rationale="second")
    select(window, a.id)
    window.merge_with_next()
    box = window.curation.question
    assert isinstance(box, QMessageBox) and box.isVisible() and box.isModal()
    answer(window, qtbot, "Cancel")


def test_importing_a_new_version_is_one_undo_step_that_says_what_changed(
    window, qtbot, tmp_path, seed_path
):
    from workbench.ui.menus import import_article

    store = window.store
    text = seed_path.read_text(encoding="utf-8")
    path = tmp_path / seed_path.name
    path.write_text(text, encoding="utf-8")
    store.db.execute("UPDATE articles SET imported_from = ?", [str(path)])  # the same file
    claim = store.claims.all()[1]
    store.claims.update(claim.id, verdict="False", rationale="Checked.")
    window.undo_stack.clear()
    before = rows(window.store.path)
    path.write_text(text.replace("Is war ever legal?", "Is war ever lawful?"), encoding="utf-8")
    with qtbot.waitSignal(window.jobs.ended, timeout=60000):
        import_article(window, path)
    qtbot.waitUntil(lambda: window.article_id == 2, timeout=10000)
    message = window.statusBar().currentMessage()
    assert "as a new version of article 1" in message
    assert "0 claims added, 0 removed," in message and " kept" in message
    assert (
        store.claims.get(claim.id).article_id == 2 and store.claims.get(claim.id).verdict == "False"
    )
    assert window.undo_stack.count() == 1
    window.undo()
    assert rows(window.store.path) == before
    assert [a.id for a in store.articles.all()] == [1] and window.article_id == 1
    assert window.claim_list.proxy.rowCount() == len(before[0])
    window.redo()
    assert window.article_id == 2 or store.claims.get(claim.id).article_id == 2
