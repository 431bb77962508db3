"""Merging participants' evidence and rationales into a curation project, tagged with who
wrote them."""

from __future__ import annotations

import hashlib

import pytest

from workbench.core.errors import ValidationError
from workbench.core.models import Claim, Origin
from workbench.store import ProjectStore
from workbench.workshop.merge import merge

from .conftest import SENTENCES, TEXT

KEY = ["True", "Mostly False", "False"]


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_merge_into_a_copy_of_the_key(workshop, tmp_path):
    key = workshop.key(KEY, rationale="Trainer says")
    exercise = workshop.exercise(key)
    ana = workshop.participant(
        exercise, "Ana", ["True", "False", None], rationale=True, evidence=True
    )
    ben = workshop.participant(
        exercise, "Ben", ["Mostly True", None, None], rationale=True, evidence=True
    )
    before = {p: digest(p) for p in (key, ana, ben)}
    curation = tmp_path / "curation.fcw"
    result = merge([ana, ben], curation, key=key)
    assert {p: digest(p) for p in (key, ana, ben)} == before  # sources only read
    assert result.merged == ["Ana", "Ben"] and result.rationales == 3
    with ProjectStore.open(curation, readonly=True) as store:
        first = store.claims.all()[0]
        assert first.verdict == "True"  # the key's verdict stays
        assert first.rationale.startswith("Trainer says 1")
        assert "[Ana · True] Ana thinks so" in first.rationale
        assert "[Ben · Mostly True] Ben thinks so" in first.rationale
        [item] = store.evidence.all(first.id)  # both cited the same URL: one row, both named
        assert item.author == "Ana" and "Also cited by Ben (refutes): Ben's source" in item.note
        authors = {e.author for e in store.evidence.all()}
        assert authors == {"Ana"}
        assert store.settings.title().startswith("Curation: ")


def test_merging_twice_skips_those_already_merged(workshop, tmp_path):
    exercise = workshop.exercise(workshop.key(KEY))
    ana = workshop.participant(exercise, "Ana", KEY, rationale=True)
    curation = tmp_path / "curation.fcw"
    merge([ana], curation)
    again = merge([ana], curation)
    assert again.merged == [] and any("already merged" in w for w in again.warnings)
    with ProjectStore.open(curation, readonly=True) as store:
        assert store.claims.all()[0].rationale.count("[Ana") == 1


def test_without_key_the_curation_project_is_a_clean_copy(workshop, tmp_path):
    exercise = workshop.exercise(workshop.key(KEY, rationale="Secret trainer words"))
    ana = workshop.participant(exercise, "Ana", KEY, rationale=True, evidence=True)
    curation = tmp_path / "curation.fcw"
    merge([ana], curation)
    with ProjectStore.open(curation, readonly=True) as store:
        assert all(c.verdict is None for c in store.claims.all())
        assert [c.rationale for c in store.claims.all()] == [
            "[Ana · True] Ana thinks so",
            "[Ana · Mostly False] Ana thinks so",
            "[Ana · False] Ana thinks so",
        ]
        assert {e.author for e in store.evidence.all()} == {"Ana"}
        assert "workshop_participant" not in store.settings.all()


def test_claims_participants_found_are_added_once(workshop, tmp_path):
    key = workshop.key(KEY)
    exercise = workshop.exercise(key, keep_claims=False)
    start = TEXT.index(SENTENCES[4])
    for name, shift in (("Ana", 0), ("Ben", 3)):
        path = workshop.participant(exercise, name, [])
        with ProjectStore.open(path) as store:
            claim = store.claims.add(
                Claim(
                    article_id=1,
                    start=start + shift,
                    end=start + len(SENTENCES[4]),
                    quote="",
                    origin=Origin.MANUAL,
                )
            )
            store.claims.set_verdict(claim.id, "False", rationale=f"{name} found this one")
    result = merge(
        [workshop.folder / "ana.fcw", workshop.folder / "ben.fcw"],
        tmp_path / "curation.fcw",
        key=key,
    )
    assert result.claims_added == 1
    with ProjectStore.open(tmp_path / "curation.fcw", readonly=True) as store:
        added = [c for c in store.claims.all() if c.origin is Origin.MANUAL]
        assert len(added) == 1 and "Ana found" in added[0].rationale
        assert "Ben found" in added[0].rationale


def test_merge_refuses_to_write_into_a_source(workshop):
    exercise = workshop.exercise(workshop.key(KEY))
    ana = workshop.participant(exercise, "Ana", KEY)
    with pytest.raises(ValidationError, match="one of the files being merged"):
        merge([ana], ana)
