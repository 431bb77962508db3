"""The checks before "done" hold on every path in the window: keys, menus, evidence removal."""

from __future__ import annotations

from PySide6.QtCore import Qt

from workbench.core.models import ClaimStatus


def done_claim(window, row=0):
    """A claim that passes the checks and is marked done (verdict, rationale, one source)."""
    store = window.store
    claim = store.claims.all()[row]
    store.claims.update(claim.id, verdict="False", rationale="The ministry denies it.")
    store.evidence.add(claim.id, "https://example.org/denial")
    store.claims.update(claim.id, status="done")
    window.claim_list.table.setFocus()
    window.claim_list.select_claim(claim.id)
    return claim.id


def test_key_0_on_a_done_claim_moves_it_back_to_in_progress_and_says_so(window, qtbot, on_disk):
    claim_id = done_claim(window)
    qtbot.keyClick(window.claim_list.table, Qt.Key.Key_0)
    saved = on_disk(claim_id)
    assert saved.verdict is None and saved.status is ClaimStatus.IN_PROGRESS
    message = window.statusBar().currentMessage()
    assert "moved back to “in progress”" in message and "a verdict" in message
    assert window.detail.status.currentData() == "in_progress"
    window.undo()  # one step: the verdict and the status come back together
    saved = on_disk(claim_id)
    assert saved.verdict == "False" and saved.status is ClaimStatus.DONE


def test_the_verdict_menu_and_the_verdict_box_hold_the_checks_too(window, qtbot, on_disk):
    claim_id = done_claim(window)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Claim")
    verdicts = next(a.menu() for a in menu.actions() if a.menu() and "verdict" in a.text())
    verdicts.aboutToShow.emit()
    clear = next(a for a in verdicts.actions() if "Clear verdict" in a.text())
    clear.trigger()
    assert on_disk(claim_id).status is ClaimStatus.IN_PROGRESS
    window.undo()
    assert on_disk(claim_id).status is ClaimStatus.DONE
    box = window.detail.verdict
    box.setCurrentIndex(box.findData(""))
    box.activated.emit(box.currentIndex())
    assert on_disk(claim_id).status is ClaimStatus.IN_PROGRESS


def test_removing_the_only_source_of_a_done_claim_moves_it_back(window, qtbot, on_disk):
    claim_id = done_claim(window, row=1)
    panel = window.detail.evidence_panel
    panel.select(window.store.evidence.all(claim_id)[0].id)
    window.evidence.remove(window.store.evidence.all(claim_id)[0].id)
    saved = on_disk(claim_id)
    assert saved.evidence_count == 0 and saved.status is ClaimStatus.IN_PROGRESS
    assert "1 evidence item" in window.statusBar().currentMessage()
    window.undo()
    saved = on_disk(claim_id)
    assert saved.evidence_count == 1 and saved.status is ClaimStatus.DONE


def test_clearing_the_rationale_of_a_done_claim_moves_it_back(window, qtbot, on_disk):
    claim_id = done_claim(window, row=2)
    rationale = window.detail.rationale
    rationale.setFocus()
    rationale.selectAll()
    qtbot.keyClick(rationale, Qt.Key.Key_Delete)
    window.claim_list.table.setFocus()
    saved = on_disk(claim_id)
    assert saved.rationale == "" and saved.status is ClaimStatus.IN_PROGRESS
    assert "a rationale" in window.statusBar().currentMessage()
