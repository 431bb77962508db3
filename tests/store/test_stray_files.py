"""Files beside a project (-wal, -shm, -journal) never destroy it, and refusals touch nothing."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.reliability import projects
from workbench.core.errors import ProjectFileError
from workbench.store import ProjectStore

WORKBENCH = [sys.executable, "-m", "workbench"]


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*WORKBENCH, *args], capture_output=True, text=True, timeout=120)


def assert_refused(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("workbench: error: "), result.stderr
    for word in words:
        assert word in lines[0]


@pytest.fixture
def base(seed_project) -> Path:
    return seed_project


@pytest.fixture
def folder(tmp_path) -> Path:
    path = tmp_path / "case"
    path.mkdir()
    return path


@pytest.mark.parametrize("page_size", [4096, 1024])
def test_a_wal_from_another_database_is_refused_and_nothing_changes(base, folder, page_size):
    with ProjectStore.open(base, readonly=True) as store:
        claims = len(store.claims.all())
    path = projects.foreign_wal(page_size, with_shm=True)(base, folder)
    before = folder_state(folder)
    for readonly in (True, False):
        with pytest.raises(ProjectFileError, match="p.fcw-wal beside p.fcw does not belong"):
            ProjectStore.open(path, readonly=readonly)
    assert_refused(run("info", str(path)), "p.fcw-wal", "Move p.fcw-wal away")
    assert_refused(run("verdict", str(path), "--claim", "1", "--label", "False"), "p.fcw-wal")
    assert folder_state(folder) == before
    (folder / "p.fcw-wal").unlink()
    with ProjectStore.open(path) as store:  # the project itself was never touched
        assert len(store.claims.all()) == claims


def test_a_stale_wal_from_an_older_copy_is_refused(base, folder):
    path = projects.stale_wal(base, folder)
    before = folder_state(folder)
    assert_refused(run("verdict", str(path), "--claim", "1", "--label", "False"), "older copy")
    assert folder_state(folder) == before
    (folder / "p.fcw-wal").unlink()
    with ProjectStore.open(path, readonly=True) as store:
        assert "Reworded later" in [c.text for c in store.claims.all()]
        assert store.history.entries()[0].entity == "claim"


@pytest.mark.parametrize("same_project", [False, True], ids=["other-db", "older-copy"])
def test_a_hot_journal_is_refused(base, folder, same_project):
    path = projects.hot_journal(same_project)(base, folder)
    before = folder_state(folder)
    assert_refused(run("info", str(path)), "p.fcw-journal", "rollback journal")
    with pytest.raises(ProjectFileError, match="journal"):
        ProjectStore.open(path)
    assert folder_state(folder) == before


def test_the_wal_a_crash_left_is_recovered(base, folder):
    """kill -9 while writing: the next open recovers every committed change."""
    path = projects.crash_wal()(base, folder)
    before = folder_state(folder)
    assert {"p.fcw-wal", "p.fcw-shm"} <= set(before)
    with ProjectStore.open(path, readonly=True) as store:  # read from a checked copy
        texts = [c.text for c in store.claims.all()]
        assert "Reworded before the crash" in texts
    assert folder_state(folder) == before  # reading created and changed nothing
    result = run("verdict", str(path), "--claim", "1", "--label", "True")
    assert result.returncode == 0, result.stderr
    with ProjectStore.open(path) as store:
        claims = store.claims.all()
        assert claims[1].rationale == "written before the crash"
        assert "Reworded before the crash" in [c.text for c in claims]
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_torn_wal_keeps_what_was_committed(base, folder):
    path = projects.crash_wal(truncate_seed=3)(base, folder)
    with ProjectStore.open(path) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_info_leaves_the_folder_exactly_as_it_was(base, folder):
    path = folder / "p.fcw"
    path.write_bytes(base.read_bytes())
    before = folder_state(folder)
    assert run("info", str(path)).returncode == 0
    assert run("history", str(path)).returncode == 0
    assert folder_state(folder) == before  # no -wal, no -shm


@pytest.mark.parametrize(
    "case",
    [
        "wrong-application-id",
        "index-corruption",
        "missing-history",
        "bad-json-setting",
        "truncated-30000",
    ],
)
def test_a_refused_file_leaves_its_folder_as_it_was(base, folder, case):
    make = next(c.make for c in projects.all_cases() if c.name == case)
    path = make(base, folder)
    before = folder_state(folder)
    for args in (
        ["info", str(path)],
        ["verdict", str(path), "--claim", "1", "--label", "True"],
        ["open", str(path)],
    ):
        assert_refused(run(*args))
    assert folder_state(folder) == before


def test_index_corruption_is_refused(base, folder):
    """quick_check accepts "row 1 missing from index"; opening runs integrity_check."""
    path = projects.sql(projects.INDEX_DRIFT, writable_schema=True)(base, folder)
    conn = sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()
    with pytest.raises(
        ProjectFileError, match="missing from index idx_claims_article_id_span_start"
    ):
        ProjectStore.open(path)


@pytest.mark.parametrize(
    "statement, words",
    [
        ("DROP TABLE history", "table history is missing"),
        ("UPDATE settings SET value = '{' WHERE key = 'title'", "setting title is not valid JSON"),
        ("UPDATE claims SET quote = CAST(x'41ff42' AS TEXT) WHERE id = 2", "not valid UTF-8"),
        ("UPDATE claims SET status = 'lost' WHERE id = 1", "unknown status"),
    ],
    ids=["missing-table", "bad-json", "bad-utf8", "bad-status"],
)
def test_damaged_contents_are_one_line_refusals(base, folder, statement, words):
    path = projects.sql(statement)(base, folder)
    before = folder_state(folder)
    for args in (
        ["info", str(path)],
        ["verdict", str(path), "--claim", "1", "--label", "True"],
        ["export", str(path), "--format", "json", "-o", str(folder.parent / "o.json")],
    ):
        assert_refused(run(*args), words)
    assert folder_state(folder) == before


def test_bad_values_in_a_large_file_are_refused_when_read(base, folder, monkeypatch):
    """Above the full-check size the readers themselves refuse a value they cannot read."""
    from workbench.store import probe

    monkeypatch.setattr(probe, "FULL_CHECK_MAX_BYTES", 0)
    path = projects.sql("UPDATE claims SET reasons = '[\"x' WHERE id = 3")(base, folder)
    with (
        ProjectStore.open(path, readonly=True) as store,
        pytest.raises(ProjectFileError, match="damaged"),
    ):
        store.claims.all()


def test_a_fifo_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "p.fcw"
    os.mkfifo(fifo)
    assert_refused(run("info", str(fifo)), "not a regular file")


def test_a_second_open_in_the_same_process_keeps_sqlite_locks(base):
    """Reading the file behind SQLite's back would drop its POSIX locks: another program
    closing the file would then delete the WAL under a connection still using it."""
    first = ProjectStore.open(base)
    try:
        first.claims.set_verdict(first.claims.all()[0].id, "True", rationale="kept in the WAL")
        ProjectStore.open(base, readonly=True).close()
        ProjectStore.open(base).close()
        other = subprocess.run(
            [
                sys.executable,
                "-c",
                textwrap.dedent(f"""
                import sqlite3
                conn = sqlite3.connect({str(base)!r})
                conn.execute("SELECT count(*) FROM claims").fetchone()
                conn.close()  # deletes the WAL if it believes it is the last connection
            """),
            ],
            capture_output=True,
            text=True,
        )
        assert other.returncode == 0, other.stderr
        assert Path(f"{base}-wal").exists()
        first.claims.set_verdict(
            first.claims.all()[1].id, "False", rationale="after the other close"
        )
    finally:
        first.close()
    with ProjectStore.open(base, readonly=True) as store:
        claims = store.claims.all()
        assert (claims[0].rationale, claims[1].rationale) == (
            "kept in the WAL",
            "after the other close",
        )


def test_a_running_programs_wal_is_read_not_refused(base):
    """While another process has the project open, its WAL is live: read through it."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys, time
            from workbench.store import ProjectStore
            store = ProjectStore.open({str(base)!r})
            store.db.execute("PRAGMA wal_autocheckpoint = 0")
            store.claims.set_verdict(store.claims.all()[0].id, "True", rationale="live")
            print("ready", flush=True)
            time.sleep(60)
        """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "ready"
        with ProjectStore.open(base, readonly=True) as store:
            assert store.claims.all()[0].rationale == "live"
        with ProjectStore.open(base) as store:
            store.claims.set_verdict(store.claims.all()[1].id, "False", rationale="second writer")
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    time.sleep(0.1)
    with ProjectStore.open(base) as store:
        assert [c.rationale for c in store.claims.all()[:2]] == ["live", "second writer"]


FROZEN = "2026-11-29T09:00:00Z"


def test_a_twins_wal_is_refused_when_its_history_looks_the_same(base, folder, monkeypatch):
    """Two participants' copies of one exercise, each rating one claim in the same second:
    the twin's crash WAL, beside the other's file, presents a sound database whose newest
    history row has the same id, time, entity and action as the file's own. Only the
    rows' content (which claim, what value) tells them apart: refused, nothing changed."""
    from workbench.store import base as store_base

    target, twin = folder / "p.fcw", folder.parent / "twin.fcw"
    target.write_bytes(base.read_bytes())
    twin.write_bytes(base.read_bytes())
    script = "\n".join(
        [
            "import os",
            "from workbench.store import ProjectStore, base",
            f"base.utc_now = lambda: {FROZEN!r}",
            f"store = ProjectStore.open({str(twin)!r})",
            "store.db.execute('PRAGMA wal_autocheckpoint = 0')",
            "store.claims.set_verdict(store.claims.all()[3].id, 'True', rationale='twin')",
            "os._exit(9)",
        ]
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 9, result.stderr
    monkeypatch.setattr(store_base, "utc_now", lambda: FROZEN)
    with ProjectStore.open(target) as store:
        store.claims.set_verdict(store.claims.all()[7].id, "False", rationale="target")
    Path(f"{twin}-wal").rename(folder / "p.fcw-wal")
    before = folder_state(folder)
    with pytest.raises(ProjectFileError, match="p.fcw-wal"):
        ProjectStore.open(target)
    assert_refused(run("verdict", str(target), "--claim", "1", "--label", "False"), "p.fcw-wal")
    assert folder_state(folder) == before
