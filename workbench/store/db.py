"""Opening, creating and migrating project files, safely.

A project file is SQLite with our ``application_id`` and the schema version in
``PRAGMA user_version``. Before anything writes to a file we check, read-only, that
it is a SQLite file, that it is ours, and that it is not from a newer version, so a
file we refuse is never touched.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from workbench.core.errors import NewerVersionError, ProjectFileError
from workbench.store.migrations import MIGRATIONS, SCHEMA_VERSION

APPLICATION_ID = 0x46435742  # "FCWB"
SQLITE_HEADER = b"SQLite format 3\x00"
SUFFIX = ".fcw"


def _connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    if readonly:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _probe(path: Path) -> int:
    """Check, without writing, that ``path`` is a project we can open; return its version."""
    name = path.name
    if not path.exists():
        raise ProjectFileError(f"{name}: no such file")
    if path.is_dir():
        raise ProjectFileError(f"{name}: is a folder, not a project file")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except PermissionError:
        raise ProjectFileError(f"{name}: permission denied") from None
    except OSError as exc:
        raise ProjectFileError(f"{name}: cannot be read ({exc.strerror})") from None
    if not header.startswith(SQLITE_HEADER) or len(header) < 100:
        raise ProjectFileError(f"{name}: not a Fact-Check Workbench project (not a SQLite file)")
    # The database header holds user_version at offset 60 and application_id at 68, so
    # a file we must refuse is refused without SQLite ever opening it.
    version = int.from_bytes(header[60:64], "big")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID:
        raise ProjectFileError(
            f"{name}: not a Fact-Check Workbench project (a SQLite file of another program)"
        )
    if version > SCHEMA_VERSION:
        raise NewerVersionError(
            f"{name} was saved by a newer version of Fact-Check Workbench "
            f"(file format {version}; this version reads up to {SCHEMA_VERSION}). "
            "Please update the workbench; the file was not changed."
        )
    if version < 1:
        raise ProjectFileError(f"{name}: not a Fact-Check Workbench project (no schema)")
    try:
        conn = _connect(path, readonly=True)
    except sqlite3.Error as exc:
        raise ProjectFileError(f"{name}: cannot be opened ({exc})") from None
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise ProjectFileError(f"{name}: the file is damaged ({result}); it was not changed")
    except sqlite3.DatabaseError as exc:
        raise ProjectFileError(f"{name}: the file is damaged ({exc}); it was not changed") from None
    finally:
        conn.close()
    return version


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")


def migrate(db: Database, from_version: int, to_version: int = SCHEMA_VERSION) -> None:
    """Run migrations ``from_version+1 .. to_version`` in one transaction."""
    with db.atomic():
        for number in range(from_version, to_version):
            MIGRATIONS[number](db)
        db.execute(f"PRAGMA user_version = {int(to_version)}")


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.v{version}.bak")


def open_database(path: Path, *, readonly: bool = False) -> tuple[Database, int]:
    """Open a project file, migrating an older one after a backup. Returns (db, version)."""
    path = Path(path)
    version = _probe(path)
    if readonly:
        conn = _connect(path, readonly=True)
        return Database(conn, execute_plugins=False), version
    # A file without write permission bits is read-only to us even when running as root.
    marked_readonly = not path.stat().st_mode & 0o222
    if marked_readonly or not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise ProjectFileError(
            f"{path.name}: the file (or its folder) is read-only; copy it somewhere writable"
        )
    if version < SCHEMA_VERSION:
        shutil.copy2(path, backup_path(path, version))
    try:
        conn = _connect(path, readonly=False)
        _configure(conn)
        db = Database(conn, execute_plugins=False)
        if version < SCHEMA_VERSION:
            migrate(db, version)
    except sqlite3.DatabaseError as exc:
        raise ProjectFileError(f"{path.name}: cannot be opened for writing ({exc})") from None
    return db, SCHEMA_VERSION


def create_database(path: Path, *, version: int = SCHEMA_VERSION) -> Database:
    """Create the schema in a new file at ``path`` (which must not exist yet)."""
    path = Path(path)
    if path.exists():
        raise ProjectFileError(f"{path.name}: already exists; choose another name")
    try:
        conn = _connect(path, readonly=False)
    except sqlite3.Error as exc:
        raise ProjectFileError(f"{path.name}: cannot be created ({exc})") from None
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    _configure(conn)
    db = Database(conn, execute_plugins=False)
    migrate(db, 0, version)
    return db


def sidecars(path: Path) -> list[Path]:
    """The WAL and shared-memory files SQLite may keep beside ``path``."""
    return [Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")]


def creating_path(path: Path) -> Path:
    """The hidden name a new project is built under, renamed to ``path`` when complete."""
    return path.with_name(f".{path.name}.creating")


STALE_AFTER_S = 60


def _in_use(path: Path) -> bool:
    """True when another connection has this SQLite file open (checked without waiting)."""
    try:
        conn = sqlite3.connect(str(path), timeout=0)
    except sqlite3.Error:
        return False
    try:
        # Leaving WAL mode needs every other connection gone: if one is open, it fails.
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()
        return not mode or str(mode[0]).lower() != "delete"
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc) or "busy" in str(exc)
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def remove_stale_leftovers(folder: Path) -> list[Path]:
    """Delete what a killed ``new`` left in ``folder``: ``.NAME.fcw.creating`` and its WAL.

    Only files nobody has touched for a minute and no process has open, so a
    project being created right now by another process is left alone.
    """
    import time

    removed: list[Path] = []
    try:
        candidates = list(folder.glob(f".*{SUFFIX}.creating"))
    except OSError:
        return removed
    now = time.time()
    for tmp in candidates:
        parts = [p for p in (tmp, *sidecars(tmp)) if p.exists()]
        try:
            newest = max(p.stat().st_mtime for p in parts)
        except (OSError, ValueError):
            continue
        if now - newest < STALE_AFTER_S or _in_use(tmp):
            continue
        for leftover in (tmp, *sidecars(tmp)):
            try:
                leftover.unlink(missing_ok=True)
                removed.append(leftover)
            except OSError:
                pass
    return removed
