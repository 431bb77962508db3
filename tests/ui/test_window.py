"""The main window, driven as a user drives it."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from workbench.core.models import ClaimStatus, Origin
from workbench.store.migrations import SCHEMA_VERSION
from workbench.ui.models import CLAIM_ID_ROLE, ClaimTableModel
from workbench.ui.theme import selected_tint


def select_row(window, row):
    window.claim_list.table.setFocus()
    window.claim_list.table.selectRow(row)
    return window.claim_list.current_claim_id()


def test_claim_model_passes_qtmodeltester(qtmodeltester, window):
    qtmodeltester.check(window.claim_list.model)
    qtmodeltester.check(window.claim_list.proxy)


def test_window_shows_the_article_and_its_claims(window):
    claims = window.store.claims.all()
    assert window.claim_list.proxy.rowCount() == len(claims) > 5
    assert window.article_view.text.toPlainText() == window.store.articles.all()[0].text
    assert "North Korea Will Send Troops to Ukraine" in window.article_view.header.text()
    assert "claims" in window.counts_label.text()


def test_selecting_a_claim_highlights_and_scrolls_to_it(window, qtbot):
    window.resize(900, 500)
    last = window.claim_list.proxy.rowCount() - 1
    claim_id = select_row(window, last)
    claim = window.store.claims.get(claim_id)
    view = window.article_view.text
    assert window.detail.claim.id == claim_id
    selected_colour = view.highlight_at(claim.start)
    other = window.store.claims.all()[0]
    assert selected_colour is not None and selected_colour != view.highlight_at(other.start)
    cursor = QTextCursor(view.document())
    cursor.setPosition(claim.start)
    assert view.viewport().rect().intersects(view.cursorRect(cursor))


def test_clicking_inside_a_highlight_selects_that_claim(window, qtbot):
    claim = window.store.claims.all()[2]
    view = window.article_view.text
    cursor = QTextCursor(view.document())
    cursor.setPosition(claim.start + 5)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    point = view.cursorRect(cursor).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.claim_list.current_claim_id() == claim.id


def test_new_claim_from_a_text_selection_stores_exactly_that_span(window, qtbot, on_disk):
    text = window.store.articles.all()[0].text
    start = text.index("Is war ever legal?")
    end = start + len("Is war ever legal?")
    view = window.article_view.text
    cursor = QTextCursor(view.document())
    cursor.setPosition(start - 1)  # a leading space is trimmed away
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_N)
    added = [c for c in on_disk() if c.origin is Origin.MANUAL]
    assert [(c.start, c.end, c.quote) for c in added] == [(start, end, "Is war ever legal?")]
    assert window.claim_list.current_claim_id() == added[0].id


def test_verdict_by_keyboard_updates_list_highlight_and_file(window, qtbot, on_disk):
    claim_id = select_row(window, 0)
    scale = window.store.scale.get()
    qtbot.keyClick(window.claim_list.table, Qt.Key.Key_5)  # the fifth label: False
    assert on_disk(claim_id).verdict == "False"
    row = window.claim_list.table.currentIndex().row()
    shown = window.claim_list.proxy.index(row, ClaimTableModel.VERDICT).data()
    assert shown == "False"
    colour = window.article_view.text.highlight_at(window.store.claims.get(claim_id).start)
    expected, _ink = selected_tint(scale.colour_of("False"))  # the label's colour, strong
    assert (colour.red(), colour.green(), colour.blue()) == (
        expected.red(),
        expected.green(),
        expected.blue(),
    )
    qtbot.keyClick(window.claim_list.table, Qt.Key.Key_0)
    assert on_disk(claim_id).verdict is None


def test_undo_and_redo_a_verdict_restore_the_file(window, qtbot, on_disk):
    claim_id = select_row(window, 1)
    qtbot.keyClick(window.claim_list.table, Qt.Key.Key_1)
    assert on_disk(claim_id).verdict == "True"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert on_disk(claim_id).verdict is None
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert on_disk(claim_id).verdict == "True"


def test_delete_key_drops_a_claim_and_undo_restores_it(window, qtbot, on_disk):
    before = on_disk()
    claim_id = select_row(window, 2)
    qtbot.keyClick(window.claim_list.table, Qt.Key.Key_Delete)
    assert claim_id not in {c.id for c in on_disk()}
    assert window.claim_list.proxy.rowCount() == len(before) - 1
    window.undo_stack.undo()
    assert [(c.id, c.start, c.end) for c in on_disk()] == [(c.id, c.start, c.end) for c in before]
    window.undo_stack.redo()
    assert len(on_disk()) == len(before) - 1


def test_typing_a_rationale_saves_on_focus_out_and_undoes_as_one_step(window, qtbot, on_disk):
    claim_id = select_row(window, 0)
    window.detail.rationale.setFocus()
    qtbot.keyClicks(window.detail.rationale, "Satellite images")
    qtbot.waitUntil(lambda: on_disk(claim_id).rationale == "Satellite images", timeout=3000)
    qtbot.keyClicks(window.detail.rationale, " show no troops.")
    window.claim_list.table.setFocus()  # focus-out saves at once
    assert on_disk(claim_id).rationale == "Satellite images show no troops."
    assert window.undo_stack.count() == 1  # typing merged into one command
    window.undo_stack.undo()
    assert on_disk(claim_id).rationale == ""
    assert window.detail.rationale.toPlainText() == ""


def test_rewording_claimant_and_status_edits_are_undoable(window, qtbot, on_disk):
    claim_id = select_row(window, 1)
    original = on_disk(claim_id)
    window.detail.claimant.setFocus()
    window.detail.claimant.selectAll()
    qtbot.keyClicks(window.detail.claimant, "Russian ministry")
    window.detail.status.setFocus()
    window.detail.status.setCurrentIndex(window.detail.status.findData("needs_review"))
    window.detail.status.activated.emit(window.detail.status.currentIndex())
    saved = on_disk(claim_id)
    assert (saved.claimant, saved.status) == ("Russian ministry", ClaimStatus.NEEDS_REVIEW)
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    restored = on_disk(claim_id)
    assert (restored.claimant, restored.status) == (original.claimant, original.status)


def test_evidence_add_and_remove_are_undoable(window, qtbot, on_disk, seed_project):
    from workbench.store import ProjectStore

    claim_id = select_row(window, 0)
    window.detail.url.setText("https://example.org/report")
    qtbot.keyClick(window.detail.url, Qt.Key.Key_Return)
    with ProjectStore.open(seed_project, readonly=True) as other:
        items = other.evidence.all(claim_id)
    assert [(e.url, e.capture_status.value) for e in items] == [
        ("https://example.org/report", "pending")
    ]
    assert window.detail.evidence_model.rowCount() == 1
    assert window.detail.url.text() == ""
    window.undo_stack.undo()
    assert on_disk(claim_id).evidence_count == 0
    window.detail.url.setText("file:///etc/passwd")
    qtbot.keyClick(window.detail.url, Qt.Key.Key_Return)
    assert "only http and https" in window.detail.message.text()
    assert on_disk(claim_id).evidence_count == 0


def test_split_and_merge_are_undoable(window, qtbot, on_disk):
    claim_id = select_row(window, 0)
    claim = on_disk(claim_id)
    cut = claim.quote.index(", Kim") + claim.start + 1
    view = window.article_view.text
    cursor = QTextCursor(view.document())
    cursor.setPosition(cut)
    view.setTextCursor(cursor)
    window.split_claim()
    after = on_disk()
    assert on_disk(claim_id).end == cut
    # The second part starts after the space that followed the comma (spans are trimmed).
    assert any(c.start == cut + 1 and c.end == claim.end for c in after)
    window.undo_stack.undo()
    assert (on_disk(claim_id).start, on_disk(claim_id).end) == (claim.start, claim.end)
    count = len(on_disk())
    window.claim_list.select_claim(claim_id)
    window.merge_with_next()
    merged = on_disk(claim_id)
    assert merged.start == claim.start and merged.end > claim.end
    assert len(on_disk()) == count - 1
    window.undo_stack.undo()
    assert len(on_disk()) == count and on_disk(claim_id).end == claim.end


def test_span_adjusted_by_selecting_new_text(window, qtbot, on_disk):
    claim_id = select_row(window, 0)
    claim = on_disk(claim_id)
    view = window.article_view.text
    cursor = QTextCursor(view.document())
    new_start = claim.start + claim.quote.index("Kim Jong-Un")
    cursor.setPosition(new_start)
    cursor.setPosition(claim.end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_S)
    assert on_disk(claim_id).quote.startswith("Kim Jong-Un has declared")
    window.undo_stack.undo()
    assert on_disk(claim_id).start == claim.start


def test_filters_narrow_the_list(window, qtbot):
    total = window.claim_list.proxy.rowCount()
    claim_id = select_row(window, 0)
    qtbot.keyClick(window.claim_list.table, Qt.Key.Key_5)
    lst = window.claim_list
    lst.verdict_filter.setCurrentIndex(lst.verdict_filter.findData("False"))
    assert lst.visible_claim_ids() == [claim_id]
    lst.verdict_filter.setCurrentIndex(lst.verdict_filter.findData(lst.proxy.UNRATED))
    assert claim_id not in lst.visible_claim_ids() and len(lst.visible_claim_ids()) == total - 1
    lst.verdict_filter.setCurrentIndex(0)
    window.store.claims.update(claim_id, status="done", check_done=False)
    lst.status_filter.setCurrentIndex(lst.status_filter.findData("done"))
    assert lst.visible_claim_ids() == [claim_id]
    lst.status_filter.setCurrentIndex(0)
    window.store.evidence.add(claim_id, "https://example.org/x")
    lst.needs_evidence.setChecked(True)
    assert claim_id not in lst.visible_claim_ids() and len(lst.visible_claim_ids()) == total - 1


def test_search_box_narrows_the_list_through_full_text_search(window, qtbot):
    lst = window.claim_list
    qtbot.keyClicks(lst.search, "Pentagon")
    qtbot.waitUntil(lambda: lst.proxy.rowCount() == 1, timeout=2000)
    only = window.store.claims.get(lst.visible_claim_ids()[0])
    assert "Pentagon" in only.quote
    lst.search.clear()
    qtbot.waitUntil(lambda: lst.proxy.rowCount() == len(window.store.claims.all()), timeout=2000)


def test_sorting_by_score(window):
    table = window.claim_list.table
    table.sortByColumn(ClaimTableModel.SCORE, Qt.SortOrder.DescendingOrder)
    proxy = window.claim_list.proxy
    scores = [float(proxy.index(r, ClaimTableModel.SCORE).data()) for r in range(proxy.rowCount())]
    assert scores == sorted(scores, reverse=True)


def test_newer_version_file_shows_an_error_and_keeps_the_current_project(
    window, tmp_path, monkeypatch, seed_path
):
    import shutil

    from workbench.ui import main_window as module

    shown = []
    monkeypatch.setattr(
        module.QMessageBox, "warning", lambda parent, title, text: shown.append((title, text))
    )
    newer = tmp_path / "newer.fcw"
    shutil.copy(window.store.path, newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = newer.read_bytes()
    current = window.store.path
    assert window.open_project(newer) is False
    assert shown and "newer version" in shown[0][1]
    assert newer.read_bytes() == before
    assert window.store.path == current and window.claim_list.proxy.rowCount() > 0


def test_detection_worker_reports_progress_and_finds_claims_without_writing(window, qtbot, on_disk):
    from workbench.ui.workers import DetectClaimsWorker

    before = [(c.id, c.start, c.end) for c in on_disk()]
    progress = []
    worker = DetectClaimsWorker(window.store.path, window.article_id)
    worker.progressed.connect(lambda done, total: progress.append((done, total)))
    found = []
    with qtbot.waitSignal(worker.finished, timeout=30000):
        window.jobs.start(worker, finished=found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=5000)
    assert progress and progress[-1][0] == progress[-1][1]
    assert {(c.start, c.end) for c in found[0]} == {(s, e) for _i, s, e in before}
    assert [(c.id, c.start, c.end) for c in on_disk()] == before  # nothing written


def test_zoom_and_layout_are_remembered(window, qtbot, seed_project):
    from workbench.ui.main_window import MainWindow

    size = window.article_view.text.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.article_view.text.font().pointSizeF() > size
    window.splitter.setSizes([700, 700])
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    assert again.article_view.text.font().pointSizeF() > size
    left, right = again.splitter.sizes()
    assert abs(left - right) <= 0.1 * (left + right)
    assert str(seed_project) in again.recent_files()


def test_widgets_have_accessible_names(window):
    for widget in (
        window.claim_list.table,
        window.claim_list.search,
        window.detail.verdict,
        window.detail.rationale,
        window.detail.url,
        window.article_view.text,
        window.detail.status,
        window.detail.claimant,
    ):
        assert widget.accessibleName(), widget
    shortcuts = {a.shortcut().toString() for a in window.actions.values()}
    assert {"Ctrl+Z", "Ctrl+F", "Ctrl+R"} <= shortcuts
    ids = [window.claim_list.proxy.index(r, 0).data(CLAIM_ID_ROLE) for r in range(3)]
    assert all(isinstance(i, int) for i in ids)


def test_selected_claim_underlines_the_figures_and_names_it_was_picked_for(window, qtbot):
    text = window.store.articles.all()[0].text
    claim = next(c for c in window.store.claims.all() if "$115 million" in c.quote)
    window.claim_list.select_claim(claim.id)
    view = window.article_view.text
    selections = view.extraSelections()
    underlined = {
        text[s.cursor.selectionStart() : s.cursor.selectionEnd()]
        for s in selections
        if s.format.fontUnderline()
    }
    assert "$115 million" in underlined
    assert all(term in claim.quote for term in underlined)
    assert not selections[0].format.fontUnderline()  # the claim itself is not underlined whole


def test_list_starts_in_reading_order_until_a_column_is_clicked(window, qtbot):
    ids = window.claim_list.visible_claim_ids()
    assert ids == [c.id for c in sorted(window.store.claims.all(), key=lambda c: c.start)]
    header = window.claim_list.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.rect().topLeft()
        + QPoint(header.sectionViewportPosition(ClaimTableModel.SCORE) + 5, 5),
    )
    scores = [window.store.claims.get(i).score for i in window.claim_list.visible_claim_ids()]
    assert scores == sorted(scores) or scores == sorted(scores, reverse=True)
    assert scores != [window.store.claims.get(i).score for i in ids]
