"""The typed "what changed" value views read (``workbench.core.changes``)."""

from __future__ import annotations

import dataclasses

import pytest

from workbench.core.changes import Changes


def test_nothing_changed_is_false_and_each_field_makes_it_true():
    assert not Changes()
    for field in dataclasses.fields(Changes):
        value = True if field.type in (bool, "bool") else (7,)
        assert Changes(**{field.name: value}), field.name


def test_claim_rows_and_claims():
    assert Changes(claims_added=(1,)).claim_rows and Changes(claims_removed=(2,)).claim_rows
    assert not Changes(claims_updated=(3,)).claim_rows
    assert Changes(claims_updated=(3,)).claims and Changes(scale=True).claims
    assert not Changes(settings=True, evidence=(4,), evidence_of=(3,)).claims


def test_evidence_changed_for_one_claim_only():
    changes = Changes(evidence=(10,), evidence_of=(3,))
    assert changes.evidence_changed_for(3)
    assert not changes.evidence_changed_for(4) and not changes.evidence_changed_for(None)


def test_a_value_cannot_be_changed_by_a_view():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Changes().scale = True  # type: ignore[misc]
