"""Item 7: every action says in the status bar what it did, and messages expire (a new
one replaces the last at once: nothing stale lingers)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import settle


def message(window) -> str:
    return window.statusBar().currentMessage()


def select(window, row):
    window.claim_list.table.setFocus()
    window.claim_list.table.selectRow(row)
    return window.claim_list.current_claim_id()


def put_cursor(window, index):
    view = window.article_view.text
    cursor = QTextCursor(view.document())
    cursor.setPosition(index)
    view.setTextCursor(cursor)


def test_split_merge_drop_and_verdict_each_say_what_they_did(window, qtbot):
    claim_id = select(window, 0)
    claim = window.store.claims.get(claim_id)
    # a split that cannot be done says why...
    put_cursor(window, 0)
    window.actions["split"].trigger()
    assert message(window).startswith("Put the cursor inside")
    # ...and a merge after it replaces that message with what the merge did
    window.actions["merge"].trigger()
    assert "Merged claim #" in message(window) and f"into claim #{claim_id}" in message(window)
    assert "Put the cursor" not in message(window)
    put_cursor(window, claim.start + 10)
    window.actions["split"].trigger()
    assert message(window).startswith(f"Split claim #{claim_id}")
    qtbot.keyClick(window.claim_list.table, Qt.Key.Key_5)
    assert message(window) == f"Claim #{claim_id} rated False."
    qtbot.keyClick(window.claim_list.table, Qt.Key.Key_0)
    assert message(window) == f"Claim #{claim_id}: verdict cleared."
    qtbot.keyClick(window.claim_list.table, Qt.Key.Key_Delete)
    assert message(window).startswith(f"Dropped claim #{claim_id}")
    window.actions["undo"].trigger()
    assert message(window) == f"Undone: Drop claim #{claim_id}"
    window.actions["redo"].trigger()
    assert message(window) == f"Redone: Drop claim #{claim_id}"


def test_new_claim_span_status_and_evidence_say_what_they_did(window, qtbot):
    claim_id = select(window, 1)
    view = window.article_view.text
    text = view.toPlainText()
    start = text.index("Is war ever legal?")
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len("Is war ever legal?"), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    next_id = max(c.id for c in window.store.claims.all()) + 1
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert message(window).startswith(f"Added claim #{next_id}: “Is war ever legal?”")
    select(window, 1)
    window.detail.status.setCurrentIndex(window.detail.status.findData("in_progress"))
    window.detail.status.activated.emit(window.detail.status.currentIndex())
    assert message(window) == f"Claim #{claim_id} is now in progress."
    window.detail.show_tab("evidence")
    window.detail.url.setText("www.example.org/page")
    qtbot.keyClick(window.detail.url, Qt.Key.Key_Return)
    assert message(window).startswith(f"Added example.org to claim #{claim_id}")
    window.detail.evidence.selectRow(0)
    window.detail.evidence_panel.remove_action.trigger()
    assert message(window).startswith(f"Removed example.org from claim #{claim_id}")


def test_zoom_theme_detail_and_redetect_say_what_they_did(window, qtbot):
    from workbench.ui.theme import apply_theme

    window.actions["zoom_in"].trigger()
    assert message(window) == "Zoom 110 %"
    window.actions["zoom_reset"].trigger()
    assert message(window) == "Zoom 100 %"
    window.actions["toggle_detail"].trigger()
    assert message(window).startswith("Claim details hidden")
    window.actions["toggle_detail"].trigger()
    try:
        window.actions["theme_dark"].trigger()
        assert message(window) == "Theme: dark"
    finally:
        apply_theme(QApplication.instance(), "light")
    with qtbot.waitSignal(window.jobs.ended, timeout=60000):
        window.actions["redetect"].trigger()
        assert message(window) == "Finding the claims again…"
    # a fresh project: detection finds what is there, says so and asks nothing
    qtbot.waitUntil(
        lambda: message(window).startswith("Re-detection changed nothing"), timeout=5000
    )
    assert window.curation.question is None


def test_messages_expire(window, qtbot, monkeypatch):
    from workbench.ui import main_window

    monkeypatch.setattr(main_window, "MESSAGE_MS", 200)
    select(window, 0)
    qtbot.keyClick(window.claim_list.table, Qt.Key.Key_1)
    assert message(window).endswith("rated True.")
    qtbot.waitUntil(lambda: message(window) == "", timeout=5000)
    settle()
    assert message(window) == ""
