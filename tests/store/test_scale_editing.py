"""Editing a project's verdict scale: add, rename, recolour, reorder, delete."""

from __future__ import annotations

import pytest

from workbench.core.errors import ValidationError
from workbench.core.models import ClaimStatus
from workbench.core.scale import VerdictLabel
from workbench.presets import load_preset
from workbench.store import ProjectStore


def test_add_recolour_and_reorder(store):
    store.scale.add_label(VerdictLabel("Satire", "#5C6BC0", "A joke", None, False), position=0)
    assert store.scale.get().names()[0] == "Satire"
    assert store.scale.get().find("satire").colour == "#5c6bc0"
    store.scale.update_label("satire", colour="#000000", rating=None, description="Humour")
    label = store.scale.get().find("Satire")
    assert (label.colour, label.description) == ("#000000", "Humour")
    store.scale.move_label("Satire", 99)
    assert store.scale.get().names()[-1] == "Satire"
    with pytest.raises(ValidationError, match="already has a label"):
        store.scale.add_label(VerdictLabel("TRUE"))
    with pytest.raises(ValidationError, match="#rrggbb"):
        store.scale.update_label("True", colour="green")


def test_rename_updates_every_claim_in_one_logged_change(store, seed_project):
    claims = store.claims.all()
    for claim in claims[:3]:
        store.claims.set_verdict(claim.id, "false")
    store.claims.set_verdict(claims[3].id, "True")
    changes = []
    store.subscribe(changes.append)
    assert store.scale.rename_label("FALSE", "Incorrect") == 3
    assert [c.verdict for c in store.claims.all()[:4]] == ["Incorrect"] * 3 + ["True"]
    assert store.scale.get().find("False") is None and store.scale.get().find("incorrect")
    assert len(changes) == 1 and changes[0].scale
    assert set(changes[0].claims_updated) == {claim.id for claim in claims[:3]}
    history = store.history.entries(entity="claim", entity_id=claims[0].id, limit=1)[0]
    assert (history.before, history.after) == ({"verdict": "False"}, {"verdict": "Incorrect"})
    # Another connection sees it: it was committed.
    with ProjectStore.open(seed_project, readonly=True) as other:
        assert other.claims.get(claims[1].id).verdict == "Incorrect"


def test_rename_to_an_existing_label_is_refused(store):
    with pytest.raises(ValidationError, match="already has a label called 'True'"):
        store.scale.rename_label("False", "true")
    store.scale.rename_label("False", "FALSE")  # a change of case is a rename
    assert "FALSE" in store.scale.get().names()


def test_deleting_a_label_in_use_is_refused_until_its_claims_move(store):
    claims = store.claims.all()
    store.claims.set_verdict(claims[0].id, "Misleading")
    store.claims.set_verdict(claims[1].id, "Misleading")
    with pytest.raises(ValidationError, match="used by 2 claims .*move them"):
        store.scale.delete_label("misleading")
    assert "Misleading" in store.scale.get().names()
    assert store.claims.get(claims[0].id).verdict == "Misleading"
    store.claims.set_verdict(claims[0].id, "False")
    assert store.scale.delete_label("Misleading", move_to="mostly false") == 1
    assert "Misleading" not in store.scale.get().names()
    assert store.claims.get(claims[1].id).verdict == "Mostly False"
    assert store.scale.delete_label("Unproven") == 0


def test_replacing_the_scale_keeps_labels_in_use(store):
    store.claims.set_verdict(store.claims.all()[0].id, "Mixture")
    with pytest.raises(ValidationError, match="lacks labels that claims use .Mixture: 1"):
        store.scale.set(load_preset("politifact"))
    store.scale.set(load_preset("snopes"))  # Snopes has Mixture too
    assert store.scale.get().name == "Snopes-style"


def test_conclusion_only_project_has_nothing_to_edit(tmp_path):
    scale = load_preset("conclusion-only")
    with (
        ProjectStore.create(tmp_path / "c.fcw", scale=scale) as store,
        pytest.raises(ValidationError, match="conclusion-only"),
    ):
        store.scale.add_label(VerdictLabel("True"))


def test_done_is_refused_with_what_is_missing(store):
    claim = store.claims.all()[0]
    with pytest.raises(ValidationError, match="missing: a verdict; a rationale; 1 evidence item"):
        store.claims.set_verdict(claim.id, None, status="done")
    assert store.claims.get(claim.id).status is ClaimStatus.NEW
    store.settings.set("done_checks", {"min_evidence": 2, "require_rationale": False})
    store.evidence.add(claim.id, "https://example.org/a")
    with pytest.raises(ValidationError, match=r"1 more evidence item \(has 1 of 2\)"):
        store.claims.set_verdict(claim.id, "False", status="done")
    store.evidence.add(claim.id, "https://example.org/b")
    assert store.claims.set_verdict(claim.id, "False", status="done").status is ClaimStatus.DONE
    # Undo must be able to put "done" back whatever the checks say now.
    store.claims.update(claim.id, status="new")
    store.claims.update(claim.id, verdict=None)
    assert store.claims.update(claim.id, status="done", check_done=False).status is ClaimStatus.DONE
