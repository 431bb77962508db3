"""Opening, creating and migrating project files, safely.

A project file is SQLite with our ``application_id`` and the schema version in
``PRAGMA user_version``. Before anything writes to a file, ``probe.py`` checks it,
read-only, together with any ``-wal`` or ``-journal`` beside it, so a file we
refuse is never touched and nothing is created beside it.

A file this process already has open was checked when it was first opened, and is
not read again behind SQLite's back: closing any descriptor of a file drops every
POSIX lock the process holds on it, SQLite's included (the locks that tell another
program not to checkpoint or delete the WAL under us).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
import weakref
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from workbench.core.errors import ProjectFileError
from workbench.store.migrations import MIGRATIONS, SCHEMA_VERSION
from workbench.store.probe import (
    APPLICATION_ID,
    SQLITE_HEADER,  # noqa: F401  (part of this module's interface)
    Probe,
    probe,
)

_lock = threading.Lock()
# realpath -> the databases this process holds open on it with SQLite's locks.
_open_here: dict[str, weakref.WeakSet] = {}


class ProjectDatabase(Database):
    """A sqlite-utils Database that remembers it holds a project file open in this process."""

    _key: str | None = None
    _cleanup: Callable[[], None] | None = None

    def close(self) -> None:
        with _lock:
            if self._key is not None and self._key in _open_here:
                _open_here[self._key].discard(self)
                if not _open_here[self._key]:
                    del _open_here[self._key]
        try:
            super().close()
        finally:
            if self._cleanup is not None:
                self._cleanup()


def _key(path: Path) -> str:
    return os.path.realpath(path)


def _is_open_here(path: Path) -> bool:
    with _lock:
        return bool(_open_here.get(_key(path)))


def _register(db: ProjectDatabase, path: Path) -> None:
    db._key = _key(path)
    with _lock:
        _open_here.setdefault(db._key, weakref.WeakSet()).add(db)


def _strict_text(name: str) -> Callable[[bytes], str]:
    """Text columns are decoded strictly: damaged bytes are a one-line refusal, not a crash."""

    def decode(data: bytes) -> str:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise ProjectFileError(
                f"{name}: the file is damaged (it holds text that is not valid UTF-8)"
            ) from None

    return decode


def _connect(
    path: Path, *, readonly: bool, immutable: bool = False, name: str | None = None
) -> sqlite3.Connection:
    if readonly:
        uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.text_factory = _strict_text(name or path.name)
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


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


def _check_writable(path: Path) -> None:
    # A file without write permission bits is read-only to us even when running as root.
    marked_readonly = not path.stat().st_mode & 0o222
    if marked_readonly or not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise ProjectFileError(
            f"{path.name}: the file (or its folder) is read-only; copy it somewhere writable"
        )


def _remove_folder(folder: Path) -> Callable[[], None]:
    return lambda: shutil.rmtree(folder, ignore_errors=True)


def _open_readonly(path: Path, found: Probe) -> ProjectDatabase:
    if found.snapshot is not None:
        # A WAL left by a crash: read the checked copy that has it applied, so that
        # nothing (not even a -shm) is created beside the file.
        conn = _connect(found.snapshot, readonly=True, name=path.name)
        db = ProjectDatabase(conn, execute_plugins=False)
        db._cleanup = _remove_folder(found.snapshot.parent)
        weakref.finalize(db, db._cleanup)
        return db
    if found.live:
        # Another program has it open: its -wal and -shm exist; read through them.
        db = ProjectDatabase(_connect(path, readonly=True), execute_plugins=False)
        _register(db, path)
        return db
    # Closed cleanly: read the file alone, creating and locking nothing.
    return ProjectDatabase(_connect(path, readonly=True, immutable=True), execute_plugins=False)


def open_database(path: Path, *, readonly: bool = False) -> tuple[Database, int]:
    """Open a project file, migrating an older one after a backup. Returns (db, version)."""
    path = Path(path)
    if _is_open_here(path):
        return _reopen(path, readonly=readonly)
    found = probe(path)
    version = found.version
    if readonly:
        return _open_readonly(path, found), version
    snapshot_folder = found.snapshot.parent if found.snapshot is not None else None
    try:
        _check_writable(path)
        if version < SCHEMA_VERSION:
            # The backup holds what the WAL holds too (the checked snapshot has it applied).
            shutil.copy2(found.snapshot or path, backup_path(path, version))
        try:
            conn = _connect(path, readonly=False)
            _configure(conn)
            db = ProjectDatabase(conn, execute_plugins=False)
            _register(db, path)
            if version < SCHEMA_VERSION:
                migrate(db, version)
        except sqlite3.DatabaseError as exc:
            raise ProjectFileError(f"{path.name}: cannot be opened for writing ({exc})") from None
    finally:
        if snapshot_folder is not None:
            shutil.rmtree(snapshot_folder, ignore_errors=True)
    return db, SCHEMA_VERSION


def _reopen(path: Path, *, readonly: bool) -> tuple[Database, int]:
    """Another connection to a file this process already has open (and has checked)."""
    try:
        conn = _connect(path, readonly=readonly)
        if not readonly:
            _check_writable(path)
            _configure(conn)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise ProjectFileError(f"{path.name}: cannot be opened ({exc})") from None
    db = ProjectDatabase(conn, execute_plugins=False)
    _register(db, path)
    if not readonly and version < SCHEMA_VERSION:
        # Back up through SQLite (a plain copy would read the file behind its locks).
        target = sqlite3.connect(str(backup_path(path, version)))
        try:
            conn.backup(target)
        finally:
            target.close()
        migrate(db, version)
        version = SCHEMA_VERSION
    return db, version


def read_connection(path: Path) -> tuple[sqlite3.Connection, int, Callable[[], None]]:
    """A checked read-only connection to a project, its version, and what to call when done."""
    path = Path(path)
    if _is_open_here(path):
        db, version = _reopen(path, readonly=True)
    else:
        found = probe(path)
        db, version = _open_readonly(path, found), found.version
    conn = db.conn
    return conn, version, db.close


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
    db = ProjectDatabase(conn, execute_plugins=False)
    _register(db, path)
    migrate(db, 0, version)
    return db


def sidecars(path: Path) -> list[Path]:
    """The WAL and shared-memory files SQLite may keep beside ``path``."""
    return [Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")]


def _probe(path: Path) -> int:
    """Check ``path`` as opening it would; its schema version. (Kept for older callers.)"""
    return probe(Path(path)).version


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
        candidates = list(folder.glob(".*.fcw.creating"))
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
