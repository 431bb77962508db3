"""Opening project files: what is refused, and that a refused file is never changed."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat

import pytest

from workbench.core.errors import NewerVersionError, ProjectFileError
from workbench.presets import load_preset
from workbench.store import ProjectStore
from workbench.store.migrations import SCHEMA_VERSION


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_project_is_a_healthy_versioned_sqlite_file(seed_project):
    conn = sqlite3.connect(seed_project)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 1
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()
    assert {"articles", "claims", "evidence", "history", "scale_labels", "settings"} <= tables


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(ProjectFileError, match="no such file"):
        ProjectStore.open(tmp_path / "nope.fcw")


@pytest.mark.parametrize(
    "content",
    [os.urandom(8192), b"", b"SQLite format 3\x00" + os.urandom(4000), b"hello, world\n" * 50],
    ids=["random", "empty", "sqlite-header-then-garbage", "text"],
)
def test_not_a_project_is_refused_and_untouched(tmp_path, content):
    path = tmp_path / "bad.fcw"
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(ProjectFileError):
        ProjectStore.open(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.fcw"]


def test_sqlite_file_of_another_program_is_refused(tmp_path):
    path = tmp_path / "other.fcw"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(ProjectFileError, match="another program"):
        ProjectStore.open(path)
    assert digest(path) == before


def test_newer_version_is_refused_and_byte_identical(seed_project):
    conn = sqlite3.connect(seed_project)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = digest(seed_project)
    for readonly in (False, True):
        with pytest.raises(NewerVersionError, match="newer version"):
            ProjectStore.open(seed_project, readonly=readonly)
    assert digest(seed_project) == before
    assert not (seed_project.parent / f"{seed_project.name}-wal").exists()


def test_corrupt_database_is_refused_and_untouched(seed_project):
    data = bytearray(seed_project.read_bytes())
    page = 4096
    # Scribble over the middle pages, keeping the 100-byte header valid.
    for offset in range(2 * page, min(len(data), 6 * page)):
        data[offset] = (data[offset] * 7 + 13) % 256
    seed_project.write_bytes(bytes(data))
    before = digest(seed_project)
    with pytest.raises(ProjectFileError, match="damaged"):
        ProjectStore.open(seed_project)
    assert digest(seed_project) == before


def test_read_only_file_is_refused_for_writing(seed_project):
    """A file marked read-only is respected, even by root (who could write it)."""
    seed_project.chmod(stat.S_IRUSR | stat.S_IRGRP)
    before = digest(seed_project)
    with pytest.raises(ProjectFileError, match="read-only"):
        ProjectStore.open(seed_project)
    assert digest(seed_project) == before
    with ProjectStore.open(seed_project, readonly=True) as store:
        assert store.claims.all()


def test_read_only_folder_is_refused_for_writing(seed_project, monkeypatch):
    """Write access is checked before anything is written (simulated, as tests may run as root)."""
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
    )
    before = digest(seed_project)
    with pytest.raises(ProjectFileError, match="read-only"):
        ProjectStore.open(seed_project)
    assert digest(seed_project) == before


def test_readonly_open_reads_without_writing(seed_project):
    before = digest(seed_project)
    with ProjectStore.open(seed_project, readonly=True) as store:
        assert store.claims.all()
        with pytest.raises(ProjectFileError, match="read-only"):
            store.settings.set("title", "changed")
    assert digest(seed_project) == before


def test_create_refuses_to_overwrite(seed_project):
    before = digest(seed_project)
    with pytest.raises(ProjectFileError, match="already exists"):
        ProjectStore.create(seed_project, scale=load_preset())
    assert digest(seed_project) == before


def test_failed_creation_leaves_nothing_behind(tmp_path):
    def setup(store):
        raise RuntimeError("boom in the middle of creating")

    with pytest.raises(RuntimeError):
        ProjectStore.create(tmp_path / "p.fcw", scale=load_preset(), setup=setup)
    assert list(tmp_path.iterdir()) == []
