"""The store keeps the checks before "done" on every path."""

from __future__ import annotations

import pytest

from workbench.core.errors import ValidationError
from workbench.core.models import Capture, CaptureStatus, ClaimStatus
from workbench.core.scale import load_preset


def make_done(store, claim_id, url="https://example.org/source"):
    store.update_claim(claim_id, verdict="False", rationale="Checked.")
    store.add_evidence(claim_id, url)
    store.update_claim(claim_id, status="done")
    return store.claim(claim_id)


def test_a_failed_capture_does_not_count_but_a_pending_or_good_one_does(store):
    claim = store.claims()[0]
    store.update_claim(claim.id, verdict="False", rationale="Checked.")
    store.add_evidence(claim.id, "https://example.org/gone")
    store.add_capture(Capture(url="https://example.org/gone", status=CaptureStatus.FAILED,
                              http_status=404, error="HTTP 404 Not Found"))
    with pytest.raises(ValidationError, match="1 failed capture does not count"):
        store.update_claim(claim.id, status="done")
    store.add_evidence(claim.id, "https://example.org/not-fetched-yet")  # pending counts
    assert store.update_claim(claim.id, status="done").status is ClaimStatus.DONE


def test_a_capture_failing_later_does_not_move_a_claim_on_an_unrelated_edit(store):
    claim = make_done(store, store.claims()[1].id)
    store.add_capture(Capture(url="https://example.org/source", status=CaptureStatus.FAILED,
                              error="DNS"))
    # the panel shows what is missing; a wording edit is not what broke it
    assert store.missing_for_done(claim.id)
    assert store.update_claim(claim.id, text="Reworded").status is ClaimStatus.DONE


def test_a_scale_edit_never_leaves_a_done_claim_failing(store):
    claim = make_done(store, store.claims()[2].id)
    store.rename_scale_label("False", "Incorrect")
    assert store.claim(claim.id).status is ClaimStatus.DONE
    store.delete_scale_label("Incorrect", move_to="Mostly False")
    after = store.claim(claim.id)
    assert (after.verdict, after.status) == ("Mostly False", ClaimStatus.DONE)
    with pytest.raises(ValidationError, match="lacks labels that claims use"):
        store.set_scale(load_preset("conclusion-only"))
    assert store.claim(claim.id).status is ClaimStatus.DONE


def test_merging_into_a_done_claim_checks_it_again(store):
    a = make_done(store, store.claims()[3].id)
    b = store.claims()[4]
    store.update_claim(b.id, rationale="More.", status="in_progress")
    merged = store.merge_claims(a.id, b.id)
    assert merged.status is ClaimStatus.IN_PROGRESS  # the merged span was not all checked
    c, d = store.claims()[5], store.claims()[6]
    make_done(store, c.id, "https://example.org/c")
    make_done(store, d.id, "https://example.org/d")
    both = store.merge_claims(c.id, d.id)
    assert both.status is ClaimStatus.DONE and both.evidence_count == 2
