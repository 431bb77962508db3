"""The SQL behind workshop exercises: a clean in-memory copy of a project, stripped and compacted.

An exercise is handed to participants, so nothing of the trainer's answers may be
recoverable from its bytes. The copy is therefore made in memory (the key's work
never touches the disk outside the key itself), stripped there, its full-text
indexes rebuilt from the stripped rows (FTS5 keeps the tokens of deleted rows in
its shadow tables until a merge), and written out with ``VACUUM INTO``, which
builds a fresh file holding only live rows: no free pages, no WAL, no journal.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from workbench.core.errors import ProjectFileError
from workbench.store.db import migrate, read_connection, sidecars
from workbench.store.migrations import SCHEMA_VERSION
from workbench.store.project import ProjectStore

FTS_TABLES = ("claims_fts", "evidence_fts", "captures_fts")


def open_memory_copy(path: str | Path) -> ProjectStore:
    """A writable in-memory copy of the project at ``path``; the file itself is only read.

    The copy is taken with SQLite's backup API through a read-only connection, so it
    includes what is still in the file's WAL (the key may be open in the window) and
    is consistent. An older file's copy is migrated in memory; the file is not.
    """
    path = Path(path)
    source, version, done = read_connection(path)
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        source.backup(memory)
    except sqlite3.Error as exc:
        memory.close()
        raise ProjectFileError(f"{path.name}: cannot be read ({exc})") from None
    finally:
        done()
    memory.execute("PRAGMA foreign_keys = ON")
    db = Database(memory, execute_plugins=False)
    if version < SCHEMA_VERSION:
        migrate(db, version)
    store = ProjectStore(db, path)
    store.schema_version = SCHEMA_VERSION
    return store


def strip_work(store: ProjectStore, *, keep_claims: bool, keep_evidence: bool) -> None:
    """Remove every trace of a person's work: verdicts, rationales, statuses, history.

    With ``keep_claims`` the claims stay (same ids, spans and wording) with their
    verdict, rationale and status cleared; without, there are no claims at all.
    With ``keep_evidence`` the evidence URLs and their captured pages stay (so the
    room can read the sources offline) but the stance and note, which are the
    checker's judgement, are cleared; without, evidence and captures go.
    """
    with store._write() as db:
        if keep_evidence and keep_claims:
            db.execute("UPDATE evidence SET stance = 'context', note = '', author = ''")
        else:
            db.execute("DELETE FROM evidence")
        db.execute("DELETE FROM captures WHERE url NOT IN (SELECT url FROM evidence)")
        if keep_claims:
            # Every handed-out claim is "touched" alike: which ones the key worked on
            # is not told, and re-detection keeps the list as handed out.
            db.execute(
                "UPDATE claims SET verdict = NULL, rationale = '', status = 'new', "
                "updated_at = created_at, touched = 1"
            )
        else:
            db.execute("DELETE FROM claims")
            db.execute("DELETE FROM dismissed")
        db.execute("DELETE FROM history")
        db.execute("DELETE FROM transactions")  # their labels name the claims worked on


def keep_only_settings(store: ProjectStore, keys: set[str]) -> None:
    """Drop every setting whose key is not in ``keys`` (unknown settings may hold work)."""
    with store._write() as db:
        for row in list(db.query("SELECT key FROM settings")):
            if row["key"] not in keys:
                db.execute("DELETE FROM settings WHERE key = ?", [row["key"]])


def log_event(store: ProjectStore, entity: str, action: str, after: dict) -> None:
    """One line in the project's history (e.g. "made from a key as an exercise")."""
    with store._write():
        store._log(entity, None, action, None, after)


@contextlib.contextmanager
def one_transaction(store: ProjectStore) -> Iterator[None]:
    """Group several store calls into one committed transaction (a merge is all or nothing)."""
    with store._write():
        yield


def write_compact_copy(store: ProjectStore, out: str | Path) -> None:
    """Write ``store`` to ``out`` as a fresh, compact project file; then it is renamed into place.

    The full-text indexes are rebuilt from the current rows first, so no token of a
    removed rationale survives in FTS5's shadow tables. ``out`` is replaced only
    once the new file is complete and passes an integrity check.
    """
    out = Path(out)
    if not out.parent.is_dir():
        raise ProjectFileError(f"{out.parent}: no such folder")
    if not os.access(out.parent, os.W_OK):
        raise ProjectFileError(f"{out.parent}: folder is read-only")
    tables = set(store.db.table_names())
    with store._write() as db:
        for name in FTS_TABLES:
            if name in tables:
                db.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
    tmp = out.with_name(f".{out.name}.writing")
    for leftover in (tmp, *sidecars(tmp)):
        leftover.unlink(missing_ok=True)
    try:
        store.db.execute("VACUUM INTO ?", [str(tmp)])
        check = sqlite3.connect(str(tmp))
        try:
            result = check.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            check.close()
        if result != "ok":
            raise ProjectFileError(f"{out.name}: the copy failed its integrity check ({result})")
        os.replace(tmp, out)
    except sqlite3.Error as exc:
        raise ProjectFileError(f"{out.name}: cannot be written ({exc})") from None
    finally:
        for leftover in (tmp, *sidecars(tmp)):
            leftover.unlink(missing_ok=True)
