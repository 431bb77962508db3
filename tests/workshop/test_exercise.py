"""Exercise packs: the same claims, none of the key's answers, not even in the file's bytes."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from workbench import ops
from workbench.core.errors import ProjectFileError, ValidationError, WorkbenchError
from workbench.core.models import Capture, CaptureStatus, ClaimStatus
from workbench.store import ProjectStore
from workbench.workshop.exercise import (
    MODE_NO_CLAIMS,
    exercise_of,
    is_locked,
    pack,
    participant_name,
    set_locked,
    set_participant_name,
)

SECRET = "Zanzibarite ledger contradicts quokkafold"
NOTE = "Marmalisk archive note"


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def key(workshop):
    path = workshop.key(["True", "Mostly False", "False", "Mixture"], rationale=SECRET)
    with ProjectStore.open(path) as store:
        first = store.claims.all()[0]
        store.claims.update(first.id, text="The city spent $4.2m on the bridge (reworded)")
        store.evidence.add(first.id, "https://example.org/minutes", "refutes", NOTE)
        store.captures.add(
            Capture(
                url="https://example.org/minutes",
                status=CaptureStatus.CAPTURED,
                sha256="ab" * 32,
                title="Council minutes",
                text="The council minutes page",
            ),
            b"<html>minutes</html>",
        )
        store.settings.set("private_notes", SECRET)
    return path


def test_exercise_keeps_articles_and_claims_with_their_ids_and_nothing_else(key, workshop):
    before = digest(key)
    exercise = workshop.exercise(key)
    assert digest(key) == before  # the key is only read
    with (
        ProjectStore.open(key, readonly=True) as k,
        ProjectStore.open(exercise, readonly=True) as e,
    ):
        assert [a.sha256 for a in e.articles.all()] == [a.sha256 for a in k.articles.all()]
        key_claims, claims = k.claims.all(), e.claims.all()
        assert [(c.id, c.start, c.end, c.text) for c in claims] == [
            (c.id, c.start, c.end, c.text) for c in key_claims
        ]
        assert all(
            c.verdict is None and c.rationale == "" and c.status is ClaimStatus.NEW for c in claims
        )
        assert e.evidence.all() == [] and e.captures.of_url("https://example.org/minutes") == []
        assert set(e.settings.all()) == {"title", "scale", "workshop_exercise", "workshop_locked"}
        history = e.history.entries()
        assert history[0].action == "exercise"
        assert {h.entity for h in history} == {"workshop", "setting"}  # no trace of the key's edits
        # nor of its actions: no transaction of the key (their labels name claims), and
        # every claim marked touched alike (which ones the key worked on is not told)
        unlogged = e.db.execute(
            "SELECT COUNT(*) FROM transactions WHERE id NOT IN "
            "(SELECT txn FROM history WHERE txn IS NOT NULL)"
        ).fetchone()[0]
        assert unlogged == 0
        assert {c.touched for c in claims} == {True}
        assert e.scale.get().names() == k.scale.get().names()
        info = exercise_of(e)
        assert info.mode == "claims" and [c.id for c in info.claims] == [c.id for c in key_claims]
        assert not is_locked(e) and participant_name(e) == ""


def test_none_of_the_keys_answers_survive_in_the_exercise_bytes(key, workshop):
    exercise = workshop.exercise(key)
    data = exercise.read_bytes()
    # whole strings, and each word as FTS5 stores tokens (lower case)
    for secret in (
        SECRET,
        NOTE,
        SECRET.lower(),
        "zanzibarite",
        "quokkafold",
        "marmalisk",
        "minutes</html>",
        "key.fcw",
    ):
        assert secret.encode() not in data, secret
    assert SECRET.encode() in key.read_bytes()  # the search does find it where it is
    for sidecar in ("-wal", "-shm", "-journal"):
        assert not exercise.with_name(exercise.name + sidecar).exists()
    assert list(workshop.folder.glob(".*")) == []  # no temporary file left behind


def test_keep_evidence_keeps_urls_and_pages_but_not_the_keys_judgement(key, workshop):
    exercise = workshop.exercise(key, keep_evidence=True)
    with ProjectStore.open(exercise, readonly=True) as e:
        [item] = e.evidence.all()
        assert item.url == "https://example.org/minutes"
        assert item.stance.value == "context" and item.note == ""
        assert e.captures.of_url(item.url)[0].title == "Council minutes"
    assert NOTE.lower().split()[0].encode() not in exercise.read_bytes()


def test_no_claims_exercise_has_no_claims(key, workshop):
    exercise = workshop.exercise(key, keep_claims=False)
    with ProjectStore.open(exercise, readonly=True) as e:
        assert e.claims.all() == [] and exercise_of(e).mode == MODE_NO_CLAIMS
        assert len(e.articles.all()) == 1
    assert b"reworded" not in exercise.read_bytes()


def test_pack_sees_work_still_in_the_keys_wal(workshop):
    key = workshop.key(["True"])
    with ProjectStore.open(key) as store:  # open, as in the trainer's window: changes in the WAL
        article = store.articles.all()[0]
        store.claims.add(
            store.claims.all()[0].__class__(article_id=article.id, start=0, end=16, quote="")
        )
        exercise = workshop.exercise(key)
        with ProjectStore.open(exercise, readonly=True) as e:
            assert len(e.claims.all()) == 2


def test_pack_refuses_to_overwrite_and_leaves_files_alone(key, workshop, tmp_path):
    exercise = workshop.exercise(key)
    before = digest(exercise)
    with pytest.raises(ProjectFileError, match="already exists"):
        pack(key, exercise)
    assert digest(exercise) == before
    pack(key, exercise, overwrite=True)
    with pytest.raises(ValidationError, match="must end in .fcw"):
        pack(key, tmp_path / "exercise.txt")
    bad = tmp_path / "bad.fcw"
    bad.write_text("not a project")
    with pytest.raises(ProjectFileError, match="not a Fact-Check Workbench project"):
        pack(bad, tmp_path / "out.fcw")
    assert not (tmp_path / "out.fcw").exists()


def test_pack_of_an_older_file_migrates_only_the_copy(data_copy, tmp_path):
    old = data_copy("schema_v1.fcw")
    before = digest(old)
    pack(old, tmp_path / "ex.fcw")
    assert digest(old) == before
    assert not list(tmp_path.glob("*.bak"))
    with ProjectStore.open(tmp_path / "ex.fcw", readonly=True) as e:
        assert len(e.claims.all()) == 3 and all(c.verdict is None for c in e.claims.all())
    assert b"council minutes show" not in (tmp_path / "ex.fcw").read_bytes()


def test_lock_refuses_re_detection_until_unlocked(workshop):
    exercise = workshop.exercise(workshop.key(["True", "False"]), lock=True)
    with ProjectStore.open(exercise) as store:
        assert is_locked(store)
        before = [c.id for c in store.claims.all()]
        with pytest.raises(WorkbenchError, match="locked"):
            ops.detect_claims(store, store.articles.all()[0].id)
        assert [c.id for c in store.claims.all()] == before
        set_locked(store, False)
        ops.detect_claims(store, store.articles.all()[0].id)


def test_lock_is_only_for_exercises(seed_project):
    with (
        ProjectStore.open(seed_project) as store,
        pytest.raises(ValidationError, match="not a workshop exercise"),
    ):
        set_locked(store, True)


def test_participant_name_is_cleaned_and_stored(workshop):
    exercise = workshop.exercise(workshop.key(["True"]))
    copy = workshop.folder / "ana.fcw"
    shutil.copy2(exercise, copy)
    with ProjectStore.open(copy) as store:
        assert set_participant_name(store, "  Ana   María \n") == "Ana María"
        with pytest.raises(ValidationError, match="empty"):
            set_participant_name(store, "   ")
        with pytest.raises(ValidationError, match="longer"):
            set_participant_name(store, "x" * 200)
    with ProjectStore.open(copy, readonly=True) as store:
        assert participant_name(store) == "Ana María"
