"""The window updates from the store's typed ``Changes``: each panel only for what touched it."""

from __future__ import annotations


def _watch_detail(window, monkeypatch) -> list:
    """The claim ids the detail is asked to show (the real method still runs)."""
    shown = []
    show = window.detail.set_claim

    def recorded(claim, evidence):
        shown.append(claim.id if claim is not None else None)
        show(claim, evidence)

    monkeypatch.setattr(window.detail, "set_claim", recorded)
    return shown


def test_the_detail_refreshes_only_when_the_shown_claims_evidence_changed(window, monkeypatch):
    store = window.store
    claim, other = store.claims.all()[:2]
    window.claim_list.select_claim(claim.id)
    assert window.detail.claim.id == claim.id
    item = store.evidence.add(other.id, "https://example.org/elsewhere")
    shown = _watch_detail(window, monkeypatch)

    store.evidence.update(item.id, note="a note on another claim's source")
    assert shown == []  # another claim's evidence: the detail is left alone

    mine = store.evidence.add(claim.id, "https://example.org/mine")
    assert shown == [claim.id]
    assert window.detail.evidence_model.rowCount() == 1
    store.evidence.update(mine.id, note="minutes of the meeting")
    assert shown == [claim.id, claim.id]
    assert window.detail.evidence_model.item(0).note == "minutes of the meeting"


def test_rating_another_claim_updates_its_row_but_not_the_detail(window, monkeypatch):
    store = window.store
    claim, other = store.claims.all()[:2]
    window.claim_list.select_claim(claim.id)
    shown = _watch_detail(window, monkeypatch)
    store.claims.set_verdict(other.id, "False")
    assert shown == []
    row = window.claim_list.model.row_of(other.id)
    assert window.claim_list.model.claims()[row].verdict == "False"
    store.claims.set_verdict(claim.id, "True")
    assert shown == [claim.id] and window.detail.verdict.currentData() == "True"
