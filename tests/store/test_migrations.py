"""Files written by every earlier schema version open, migrate and keep their data."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from workbench.store import ProjectStore
from workbench.store.db import backup_path
from workbench.store.migrations import MIGRATIONS, SCHEMA_VERSION


def test_there_is_a_fixture_for_every_schema_version(data_copy):
    for version in range(1, SCHEMA_VERSION + 1):
        path = data_copy(f"schema_v{version}.fcw")
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version
        conn.close()


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_older_file_is_backed_up_and_migrated(data_copy, version):
    path = data_copy(f"schema_v{version}.fcw")
    original = hashlib.sha256(path.read_bytes()).hexdigest()
    with ProjectStore.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        claims = store.claims.all()
        assert [c.claimant for c in claims] == ["the mayor", "", "police"]
        assert claims[0].verdict == "Mostly True"
        assert claims[0].rationale == "The council minutes show $4.1 million."
        assert claims[0].evidence_count == 1
        assert store.evidence.all(claims[0].id)[0].url == "https://example.org/minutes"
        assert claims[2].status.value == "in_progress"
        assert store.scale.get().names()[0] == "True"
        # Search (added in version 2) finds the rows written before it existed.
        assert {h.claim_id for h in store.search.find("minutes")} == {claims[0].id}
        assert {h.claim_id for h in store.search.find("police")} == {claims[2].id}
        # The history written by the old version is still readable.
        assert any(e.action == "import" for e in store.history.entries())
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    backup = backup_path(path, version)
    assert hashlib.sha256(backup.read_bytes()).hexdigest() == original


def test_current_version_is_not_backed_up(data_copy):
    path = data_copy(f"schema_v{SCHEMA_VERSION}.fcw")
    ProjectStore.open(path).close()
    assert not backup_path(path, SCHEMA_VERSION).exists()


def test_failed_migration_leaves_the_file_at_its_old_version(data_copy, monkeypatch):
    if SCHEMA_VERSION < 2:
        pytest.skip("only one schema version so far")
    path = data_copy("schema_v1.fcw")

    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("migration failed half-way")

    import workbench.store.db as db_module

    monkeypatch.setattr(db_module, "MIGRATIONS", [*MIGRATIONS[:1], broken])
    with pytest.raises(RuntimeError):
        ProjectStore.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert "half_done" not in tables
    assert "claims_fts" not in tables


@pytest.mark.parametrize("version", [1, 2])
def test_schema_3_groups_new_actions_and_keeps_old_history_readable(data_copy, version):
    path = data_copy(f"schema_v{version}.fcw")
    with ProjectStore.open(path) as store:
        old = store.history.entries()
        assert old and all(e.txn is None for e in old)  # written before actions were grouped
        claims = store.claims.all()
        # the claim whose status a person set before schema 3 counts as touched
        assert [c.touched for c in claims] == [False, False, True]
        assert all(c.has_work for c in (claims[0], claims[2])) and not claims[1].has_work
        with store.transaction("After the upgrade"):
            store.claims.delete(claims[1].id)
        groups = store.history.groups()
        assert groups[0][0].txn_label == "After the upgrade"
        assert all(len(g) == 1 for g in groups[1:])
        assert store.curation.dismissed(claims[0].article_id)[0][2] == claims[1].quote


def test_a_schema_3_file_remembers_deleted_claims(data_copy):
    path = data_copy("schema_v3.fcw")
    with ProjectStore.open(path) as store:
        assert [q for _s, _e, q in store.curation.dismissed(1)] == ["Nobody knows why."]
        assert store.history.groups(limit=1)[0][0].txn_label == "Drop claim 2"
