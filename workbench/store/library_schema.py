"""The fact-check library's file: identity, schema migrations, opening safely.

The library is one SQLite file in the user's data folder (``library.sqlite``), not
part of any project: ``PRAGMA application_id`` = "FCWL", the schema version in
``PRAGMA user_version``. As with projects, a file that is not ours or comes from a
newer version is refused before SQLite writes anything to it, and an older one is
copied aside before its migration runs in one transaction.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from workbench.core.errors import NewerVersionError, ProjectFileError

LIBRARY_APPLICATION_ID = 0x4643574C  # "FCWL"
_HEADER = b"SQLite format 3\x00"


def m001_initial(db: Database) -> None:
    """Reviews (with a BLOB for the claim's sentence vector), their FTS5 index, sources, meta."""
    db.execute(
        """CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            url TEXT NOT NULL DEFAULT '',
            claim TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            claimant TEXT NOT NULL DEFAULT '',
            verdict TEXT NOT NULL DEFAULT '',
            colour TEXT NOT NULL DEFAULT '',
            rating REAL, best_rating REAL, worst_rating REAL,
            publisher TEXT NOT NULL DEFAULT '',
            publisher_url TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            rationale TEXT NOT NULL DEFAULT '',
            quote TEXT NOT NULL DEFAULT '',
            appearance TEXT NOT NULL DEFAULT '',
            article TEXT NOT NULL DEFAULT '',
            evidence TEXT NOT NULL DEFAULT '[]',
            language TEXT NOT NULL DEFAULT '',
            project TEXT NOT NULL DEFAULT '',
            project_claim_id INTEGER,
            source TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            vector BLOB
        )"""
    )
    db.execute("CREATE INDEX reviews_source ON reviews(source)")
    db.execute("CREATE INDEX reviews_project ON reviews(project) WHERE project != ''")
    db.execute("CREATE INDEX reviews_unindexed ON reviews(id) WHERE vector IS NULL")
    db.execute(
        "CREATE VIRTUAL TABLE reviews_fts USING fts5(claim, title, claimant, "
        "content='reviews', content_rowid='id', "
        "tokenize='porter unicode61 remove_diacritics 2')"
    )
    # External-content FTS kept in step by triggers (the FTS5 documentation's pattern).
    db.execute(
        "CREATE TRIGGER reviews_ai AFTER INSERT ON reviews BEGIN "
        "INSERT INTO reviews_fts(rowid, claim, title, claimant) "
        "VALUES (new.id, new.claim, new.title, new.claimant); END"
    )
    db.execute(
        "CREATE TRIGGER reviews_ad AFTER DELETE ON reviews BEGIN "
        "INSERT INTO reviews_fts(reviews_fts, rowid, claim, title, claimant) "
        "VALUES ('delete', old.id, old.claim, old.title, old.claimant); END"
    )
    db.execute(
        "CREATE TRIGGER reviews_au AFTER UPDATE OF claim, title, claimant ON reviews BEGIN "
        "INSERT INTO reviews_fts(reviews_fts, rowid, claim, title, claimant) "
        "VALUES ('delete', old.id, old.claim, old.title, old.claimant); "
        "INSERT INTO reviews_fts(rowid, claim, title, claimant) "
        "VALUES (new.id, new.claim, new.title, new.claimant); END"
    )
    # Document frequency of each (stemmed) term: the matcher leaves out of a query the
    # terms too common to tell reviews apart, which in a large library cost the most.
    db.execute("CREATE VIRTUAL TABLE reviews_terms USING fts5vocab(reviews_fts, 'row')")
    db.execute(
        "CREATE TABLE sources (name TEXT PRIMARY KEY, kind TEXT NOT NULL, "
        "location TEXT NOT NULL DEFAULT '', imported_at TEXT NOT NULL)"
    )
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


MIGRATIONS: list[Callable[[Database], None]] = [m001_initial]
LIBRARY_VERSION = len(MIGRATIONS)


def _probe(path: Path) -> int:
    """The file's schema version (0 for an empty or new file); refuse what is not ours."""
    name = path.name
    if path.is_dir():
        raise ProjectFileError(f"{name}: is a folder, not a fact-check library")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise ProjectFileError(f"{name}: cannot be read ({exc.strerror})") from None
    if not header:
        return 0
    if not header.startswith(_HEADER) or len(header) < 100:
        raise ProjectFileError(f"{name}: not a fact-check library (not a SQLite file)")
    version = int.from_bytes(header[60:64], "big")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != LIBRARY_APPLICATION_ID:
        raise ProjectFileError(
            f"{name}: not a fact-check library (a SQLite file of another "
            "program, or a project: import a project with "
            "`workbench library import PROJECT.fcw`)"
        )
    if version > LIBRARY_VERSION:
        raise NewerVersionError(
            f"{name} was written by a newer version of Fact-Check Workbench (library format "
            f"{version}; this version reads up to {LIBRARY_VERSION}). Please update the "
            "workbench; the file was not changed."
        )
    return version


def open_library_database(path: Path, *, readonly: bool = False) -> Database:
    """Open (creating or migrating as needed) the library at ``path``."""
    path = Path(path)
    exists = path.exists()
    version = _probe(path) if exists else 0
    if readonly:
        if not exists:
            raise ProjectFileError(f"{path.name}: no fact-check library yet")
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
        conn.execute("PRAGMA busy_timeout = 5000")
        return Database(conn, execute_plugins=False)
    if not exists:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ProjectFileError(f"{path.parent}: cannot be created ({exc.strerror})") from None
    if 0 < version < LIBRARY_VERSION:
        shutil.copy2(path, path.with_name(f"{path.name}.v{version}.bak"))
    try:
        conn = sqlite3.connect(str(path), check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        db = Database(conn, execute_plugins=False)
        if version < LIBRARY_VERSION:
            with db.atomic():
                if version == 0:
                    db.execute(f"PRAGMA application_id = {LIBRARY_APPLICATION_ID}")
                for number in range(version, LIBRARY_VERSION):
                    MIGRATIONS[number](db)
                db.execute(f"PRAGMA user_version = {LIBRARY_VERSION}")
    except sqlite3.DatabaseError as exc:
        raise ProjectFileError(f"{path.name}: cannot be opened ({exc})") from None
    return db
