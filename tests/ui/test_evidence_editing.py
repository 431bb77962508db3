"""Item 8: evidence after adding: stance and note editable in the table (undoable), the
note shown, "www.example.org/page" given its https://, the Status column whole."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from tests.ui.helpers import settle
from workbench.core.models import Capture, CaptureStatus, Stance
from workbench.store import ProjectStore
from workbench.ui.evidence_model import EvidenceTableModel


def on_file(path, claim_id):
    with ProjectStore.open(path, readonly=True) as store:
        return store.evidence.all(claim_id)


def add(qtbot, window, url, note=""):
    panel = window.detail.evidence_panel
    window.detail.show_tab("evidence")
    panel.url.setText(url)
    panel.note.setText(note)
    qtbot.keyClick(panel.url, Qt.Key.Key_Return)
    settle()


def start(window):
    window.claim_list.table.setFocus()
    window.claim_list.table.selectRow(0)
    return window.claim_list.current_claim_id()


def test_a_url_typed_without_https_gets_it(window, qtbot, seed_project):
    claim_id = start(window)
    add(qtbot, window, "www.example.org/page")
    assert [e.url for e in on_file(seed_project, claim_id)] == ["https://www.example.org/page"]
    assert window.detail.evidence_panel.message.text() == ""
    add(qtbot, window, "javascript:alert(1)")  # still refused, with the reason
    assert "only http and https" in window.detail.evidence_panel.message.text()


def test_the_note_is_in_the_table_and_editable_with_f2_and_undo(window, qtbot, seed_project):
    claim_id = start(window)
    add(qtbot, window, "https://example.org/a", note="Official statement, 14 June")
    panel = window.detail.evidence_panel
    model = panel.model
    assert model.headerData(EvidenceTableModel.NOTE, Qt.Orientation.Horizontal) == "Note"
    assert model.index(0, EvidenceTableModel.NOTE).data() == "Official statement, 14 June"
    # F2 on the note cell edits it in place
    table = panel.table
    table.setFocus()
    table.setCurrentIndex(model.index(0, EvidenceTableModel.NOTE))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "Official statement, 14 June"
    editor.selectAll()
    qtbot.keyClicks(editor, "Transcript, page 3")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    settle()
    assert on_file(seed_project, claim_id)[0].note == "Transcript, page 3"
    assert panel.model.index(0, EvidenceTableModel.NOTE).data() == "Transcript, page 3"
    window.undo_stack.undo()
    assert on_file(seed_project, claim_id)[0].note == "Official statement, 14 June"
    window.undo_stack.redo()
    assert on_file(seed_project, claim_id)[0].note == "Transcript, page 3"


def test_the_stance_is_editable_from_the_menu_and_undoable(window, qtbot, seed_project):
    claim_id = start(window)
    add(qtbot, window, "https://example.org/b")
    assert on_file(seed_project, claim_id)[0].stance is Stance.SUPPORTS  # the form's default
    panel = window.detail.evidence_panel
    panel.table.selectRow(0)
    window.actions["evidence_edit"].trigger()  # Claim > Evidence > Edit stance and note (F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox) and editor.currentText() == "supports"
    qtbot.keyClick(editor, Qt.Key.Key_Down)  # supports -> refutes
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    settle()
    assert on_file(seed_project, claim_id)[0].stance is Stance.REFUTES
    assert panel.model.index(0, EvidenceTableModel.STANCE).data() == "refutes"
    assert "Edit evidence stance" in window.undo_stack.undoText()
    window.undo_stack.undo()
    assert on_file(seed_project, claim_id)[0].stance is Stance.SUPPORTS


def test_the_status_column_shows_its_whole_text(window, qtbot, seed_project):
    claim_id = start(window)
    add(qtbot, window, "https://example.invalid/report")
    add(qtbot, window, "https://example.org/changed")
    error = "DNS: the host name example.invalid was not found (offline, or a typo?)"
    with ProjectStore.open(seed_project) as other:  # as the fetch pool records them
        other.captures.add(
            Capture(
                url="https://example.invalid/report",
                status=CaptureStatus.FAILED,
                retrieved_at="2026-01-01T00:00:00Z",
                error=error,
            )
        )
        other.captures.add(
            Capture(
                url="https://example.org/changed",
                status=CaptureStatus.CAPTURED,
                http_status=200,
                retrieved_at="2026-01-01T00:00:00Z",
                sha256="cd" * 32,
                title="A page that went away",
            )
        )
        other.captures.add(
            Capture(
                url="https://example.org/changed",
                status=CaptureStatus.FAILED,
                retrieved_at="2026-01-02T00:00:00Z",
                error="HTTP 404 Not Found",
            )
        )
    window._show_detail(claim_id)
    settle()
    panel = window.detail.evidence_panel
    header = panel.table.horizontalHeader()
    metrics = panel.table.fontMetrics()
    shown = [panel.model.index(row, EvidenceTableModel.STATUS).data() for row in range(2)]
    assert shown == ["failed: DNS", "captured · last try failed"]
    for text in shown:
        assert header.sectionSize(EvidenceTableModel.STATUS) >= metrics.horizontalAdvance(text)
    # the whole message is in the tooltip; the other columns keep room to be read
    assert error in panel.model.index(0, EvidenceTableModel.STATUS).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert header.sectionSize(EvidenceTableModel.SOURCE) >= metrics.horizontalAdvance(
        "example.org —"
    )
