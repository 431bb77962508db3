"""The store keeps the checks before "done" on every path."""

from __future__ import annotations

import pytest

from workbench.core.errors import ValidationError
from workbench.core.models import Capture, CaptureStatus, ClaimStatus
from workbench.presets import load_preset


def make_done(store, claim_id, url="https://example.org/source"):
    store.claims.update(claim_id, verdict="False", rationale="Checked.")
    store.evidence.add(claim_id, url)
    store.claims.update(claim_id, status="done")
    return store.claims.get(claim_id)


def test_a_failed_capture_does_not_count_but_a_pending_or_good_one_does(store):
    claim = store.claims.all()[0]
    store.claims.update(claim.id, verdict="False", rationale="Checked.")
    store.evidence.add(claim.id, "https://example.org/gone")
    store.captures.add(
        Capture(
            url="https://example.org/gone",
            status=CaptureStatus.FAILED,
            http_status=404,
            error="HTTP 404 Not Found",
        )
    )
    with pytest.raises(ValidationError, match="1 failed capture does not count"):
        store.claims.update(claim.id, status="done")
    store.evidence.add(claim.id, "https://example.org/not-fetched-yet")  # pending counts
    assert store.claims.update(claim.id, status="done").status is ClaimStatus.DONE


def test_a_capture_failing_later_does_not_move_a_claim_on_an_unrelated_edit(store):
    claim = make_done(store, store.claims.all()[1].id)
    store.captures.add(
        Capture(url="https://example.org/source", status=CaptureStatus.FAILED, error="DNS")
    )
    # the panel shows what is missing; a wording edit is not what broke it
    assert store.done.missing(claim.id)
    assert store.claims.update(claim.id, text="Reworded").status is ClaimStatus.DONE


def test_a_scale_edit_never_leaves_a_done_claim_failing(store):
    claim = make_done(store, store.claims.all()[2].id)
    store.scale.rename_label("False", "Incorrect")
    assert store.claims.get(claim.id).status is ClaimStatus.DONE
    store.scale.delete_label("Incorrect", move_to="Mostly False")
    after = store.claims.get(claim.id)
    assert (after.verdict, after.status) == ("Mostly False", ClaimStatus.DONE)
    with pytest.raises(ValidationError, match="lacks labels that claims use"):
        store.scale.set(load_preset("conclusion-only"))
    assert store.claims.get(claim.id).status is ClaimStatus.DONE


def test_merging_into_a_done_claim_checks_it_again(store):
    a = make_done(store, store.claims.all()[3].id)
    b = store.claims.all()[4]
    store.claims.update(b.id, rationale="More.", status="in_progress")
    merged = store.curation.merge(a.id, b.id)
    assert merged.status is ClaimStatus.IN_PROGRESS  # the merged span was not all checked
    c, d = store.claims.all()[5], store.claims.all()[6]
    make_done(store, c.id, "https://example.org/c")
    make_done(store, d.id, "https://example.org/d")
    both = store.curation.merge(c.id, d.id)
    assert both.status is ClaimStatus.DONE and both.evidence_count == 2
