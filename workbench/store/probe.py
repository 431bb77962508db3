"""Checking a project file before SQLite may change it: header, stray side files, damage.

SQLite applies a ``NAME-wal`` (write-ahead log) or a hot ``NAME-journal`` it finds
beside a database as soon as the database is opened, whatever database they came
from: a WAL left by another file, or by an older copy of this one, silently
rewrites the project (and the next checkpoint makes it permanent). Fact-checkers
copy project files around, so such a leftover is a realistic event. Before any
connection is made to the real file:

- the 100-byte header is read: a SQLite file, ours, not from a newer version;
- a non-empty ``-journal`` is refused: the workbench only ever writes in WAL mode,
  so a rollback journal beside a project always belongs to something else;
- a ``-wal`` holding frames, when no running program has the file open, is tried on
  a copy (file and WAL in a temporary folder): the database as the WAL presents it
  must be ours, of the same or a later version, with every table, pass
  ``integrity_check``, and still hold the newest history rows of the file alone, whole
  (the history is append-only, so a WAL that continues this file keeps it). If the
  copy fails but the file alone passes, the WAL is a stray and is refused by name.
  A WAL left by a crash of the workbench passes, and SQLite recovers it as usual;
- a ``-wal`` in use by a running program (its ``-shm`` lock is held) is that
  program's, and is left to SQLite;
- the file itself gets ``quick_check`` (``integrity_check`` when it is small enough
  for that to stay under about 50 ms, or when it was last closed uncleanly), its
  schema is compared with the one its version should have, and (with
  ``integrity_check``) the stored values the workbench interprets (settings JSON,
  claim reasons, statuses) are checked; the store's readers refuse such a damaged
  value too, with the same one-line message, when they meet it in a larger file.

Every check reads through ``immutable`` or copied connections, so a refused file's
folder is left exactly as it was: no ``-wal`` or ``-shm`` is created beside it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import NewerVersionError, ProjectFileError
from workbench.store.health import connect_immutable, decode_text, problems
from workbench.store.migrations import SCHEMA_VERSION

if sys.platform != "win32":  # POSIX advisory locks tell whether another program has the file open
    import fcntl

APPLICATION_ID = 0x46435742  # "FCWB"
SQLITE_HEADER = b"SQLite format 3\x00"
WAL_MAGIC = (0x377F0682, 0x377F0683)
WAL_HEADER = 32
# The byte of ``-shm`` that SQLite's unix VFS keeps read-locked while a connection is
# open (its "dead man switch"; os_unix.c: UNIX_SHM_DMS = (22 + 8) * 4 + 8).
SHM_DMS = 128
# integrity_check reads every row of every index (about 4 ms per MB here, against
# 1.7 ms for quick_check): always for files up to this size, which keeps the extra
# cost under ~50 ms; above it, when the file was last closed uncleanly.
FULL_CHECK_MAX_BYTES = 20 * 1024 * 1024


@dataclass
class Probe:
    """What the checks found: the version to open, and how to open it."""

    version: int
    live: bool = False  # another program has the file open (its WAL is its own)
    snapshot: Path | None = None  # a checked copy with the WAL applied (a crash's leftover)


def sidecar(path: Path, kind: str) -> Path:
    return Path(f"{path}-{kind}")


def damaged(name: str, what: str) -> ProjectFileError:
    return ProjectFileError(f"{name}: the file is damaged ({what}); it was not changed")


# -- the header ----------------------------------------------------------------------
def read_header(path: Path) -> bytes:
    """The first 100 bytes of a regular file; anything else is refused without blocking."""
    name = path.name
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ProjectFileError(f"{name}: no such file") from None
    except OSError as exc:
        raise ProjectFileError(f"{name}: cannot be read ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ProjectFileError(f"{name}: is a folder, not a project file")
    if not stat.S_ISREG(info.st_mode):
        raise ProjectFileError(f"{name}: not a regular file (a device, pipe or socket)")
    try:
        # O_NONBLOCK: should the name be swapped for a FIFO after the stat, open() must
        # not wait for a writer that never comes.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except PermissionError:
        raise ProjectFileError(f"{name}: permission denied") from None
    except OSError as exc:
        raise ProjectFileError(f"{name}: cannot be read ({exc.strerror})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ProjectFileError(f"{name}: not a regular file (a device, pipe or socket)")
        return os.read(fd, 100)
    except OSError as exc:
        raise ProjectFileError(f"{name}: cannot be read ({exc.strerror})") from None
    finally:
        os.close(fd)


def check_header(name: str, header: bytes) -> int:
    """The schema version from a database header; refused if the file is not our project."""
    if not header.startswith(SQLITE_HEADER) or len(header) < 100:
        raise ProjectFileError(f"{name}: not a Fact-Check Workbench project (not a SQLite file)")
    # The header holds user_version at offset 60 and application_id at 68.
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
    return version


def page_size(header: bytes) -> int:
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


# -- side files ----------------------------------------------------------------------
def _stray(side: Path, name: str, what: str) -> ProjectFileError:
    return ProjectFileError(
        f"{side.name} beside {name} {what}; it was not applied. Move {side.name} away "
        "(keep it if unsure) and open the project again; neither file was changed"
    )


def _regular_side_file(side: Path, name: str) -> os.stat_result | None:
    try:
        info = os.stat(side)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ProjectFileError(f"{side.name}: cannot be read ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise ProjectFileError(
            f"{side.name} beside {name} is not a regular file: move it away, then open the "
            "project again; nothing was changed"
        )
    return info


def check_journal(path: Path) -> None:
    """Refuse a non-empty rollback journal: the workbench never writes one for a project."""
    journal = sidecar(path, "journal")
    info = _regular_side_file(journal, path.name)
    if info is None or info.st_size == 0:
        return
    raise _stray(
        journal,
        path.name,
        "is a rollback journal, which the workbench never writes (left by another program, "
        "or copied here with another file)",
    )


def wal_has_frames(path: Path) -> bool:
    """True when a ``-wal`` beside ``path`` has a valid header and at least one frame."""
    wal = sidecar(path, "wal")
    info = _regular_side_file(wal, path.name)
    if info is None or info.st_size <= WAL_HEADER:
        return False
    try:
        with open(wal, "rb") as handle:
            head = handle.read(WAL_HEADER)
    except OSError as exc:
        raise ProjectFileError(f"{wal.name}: cannot be read ({exc.strerror})") from None
    # A WAL whose header SQLite does not recognise is ignored by it (reset on next write).
    return int.from_bytes(head[:4], "big") in WAL_MAGIC


def in_use_elsewhere(path: Path) -> bool:
    """True when another process holds the file open through SQLite (a live ``-shm`` lock).

    Only called when this process has no connection to the file: closing a descriptor
    drops every POSIX lock the process holds on that file.
    """
    if sys.platform == "win32":  # pragma: no cover - no POSIX locks
        return False
    shm = sidecar(path, "shm")
    if not shm.is_file():
        return False
    try:
        fd = os.open(shm, os.O_RDWR | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SHM_DMS)
        except OSError:
            return True
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, SHM_DMS)
        return False
    finally:
        os.close(fd)


def _identity(conn: sqlite3.Connection) -> tuple[int, int, int]:
    return tuple(
        conn.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("application_id", "user_version", "page_size")
    )


# The newest history rows of the file, whole, in the columns every schema version has:
# a WAL from a twin of the file (another participant's copy of one exercise) holds rows
# with the same ids, and often the same times and actions, but never the same claims and
# values all along.
HISTORY_TAIL = "SELECT id, at, entity, entity_id, action, before, after FROM history"
TAIL_ROWS = 20


def _history_tail(path: Path) -> list[tuple] | None:
    """The newest history rows of the file alone (its WAL ignored), if they can be read."""
    try:
        conn = connect_immutable(path)
    except sqlite3.Error:
        return None
    try:
        rows = conn.execute(f"{HISTORY_TAIL} ORDER BY id DESC LIMIT {TAIL_ROWS}").fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return rows or None


def _wal_signature(wal: Path) -> tuple:
    try:
        with open(wal, "rb") as handle:
            return os.fstat(handle.fileno()).st_size, handle.read(WAL_HEADER)
    except OSError:
        return None, None


def _copy_with_wal(path: Path, folder: Path) -> Path:
    """Copy the file and its WAL into ``folder`` (again if a writer changed the WAL meanwhile)."""
    wal = sidecar(path, "wal")
    copy = folder / path.name
    for _ in range(3):
        before = _wal_signature(wal)
        shutil.copyfile(path, copy)
        shutil.copyfile(wal, sidecar(copy, "wal"))
        if _wal_signature(wal) == before:
            break
    return copy


def _wal_problem(conn: sqlite3.Connection, header: bytes, version: int, tail) -> str:
    """What is wrong with the database as the WAL presents it ("" if nothing)."""
    app_id, combined, size = _identity(conn)
    if app_id != APPLICATION_ID:
        return "through it the file is not a project"
    if size != page_size(header):
        return "another page size"
    if combined < version:
        return "an older version"
    if combined > SCHEMA_VERSION:
        raise NewerVersionError(
            f"the project was saved by a newer version of Fact-Check Workbench (file format "
            f"{combined}; this version reads up to {SCHEMA_VERSION}). Please update the "
            "workbench; the file was not changed."
        )
    problem = problems(conn, combined, full=True)
    if not problem and tail is not None:
        ids = [row[0] for row in tail]
        seen = conn.execute(
            f"{HISTORY_TAIL} WHERE id IN ({', '.join('?' * len(ids))}) ORDER BY id DESC", ids
        ).fetchall()
        if seen != tail:
            problem = "the file's newest history would be lost"
    return problem


def _check_through_wal(path: Path, header: bytes, folder: Path) -> int:
    """Check, on a copy in ``folder``, the database as the WAL presents it; its version.

    After a successful check the copy is a plain file holding the WAL's changes.
    """
    name = path.name
    version = check_header(name, header)
    try:
        copy = _copy_with_wal(path, folder)
    except OSError as exc:
        raise ProjectFileError(f"{name}: cannot be checked ({exc.strerror})") from None
    tail = _history_tail(copy)
    try:
        conn = sqlite3.connect(str(copy), check_same_thread=False)  # recovery runs here only
    except sqlite3.Error as exc:
        raise ProjectFileError(f"{name}: cannot be checked ({exc})") from None
    conn.text_factory = bytes
    try:
        try:
            problem = _wal_problem(conn, header, version, tail)
        except NewerVersionError as exc:
            raise NewerVersionError(f"{name}: {exc}") from None
        except sqlite3.DatabaseError as exc:
            problem = f"SQLite cannot read the two together: {decode_text(str(exc))}"
        if problem:
            # The WAL, or the file? Read the file alone while the copy's WAL is still
            # unmerged (only closing the last connection checkpoints it).
            alone = connect_immutable(copy)
            try:
                file_problem = problems(alone, version, full=True)
            finally:
                alone.close()
            if file_problem:
                raise damaged(name, file_problem)
            raise _stray(
                sidecar(path, "wal"),
                name,
                f"does not belong to it (it is another database's or an older copy's: {problem})",
            )
        combined = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()  # checkpoints the copy: it becomes a plain, checked snapshot
    return combined


def probe(path: Path) -> Probe:
    """Check, without writing anything beside it, that ``path`` is a project we can open."""
    name = path.name
    header = read_header(path)
    version = check_header(name, header)
    check_journal(path)
    if wal_has_frames(path):
        if in_use_elsewhere(path):
            return Probe(version, live=True)
        folder = Path(tempfile.mkdtemp(prefix="workbench-check-"))
        try:
            combined = _check_through_wal(path, header, folder)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return Probe(combined, snapshot=folder / name)
    if in_use_elsewhere(path):
        return Probe(version, live=True)
    try:
        conn = connect_immutable(path)
    except sqlite3.Error as exc:
        raise ProjectFileError(f"{name}: cannot be opened ({exc})") from None
    try:
        full = os.path.getsize(path) <= FULL_CHECK_MAX_BYTES or sidecar(path, "wal").exists()
        problem = problems(conn, version, full=full)
    finally:
        conn.close()
    if problem:
        raise damaged(name, problem)
    return Probe(version)
