"""Damaged project files, made on purpose: seeded, so every run makes the same bytes.

Each case is a name, what the workbench must do with it (``refuse``, ``open``, or
``either``) and a function that writes the damaged project (and whatever lies beside
it) into an empty folder, from a healthy base project. The kinds: random bytes,
truncations, bit flips over the header and the pages, whole pages zeroed, foreign and
stale ``-wal``, ``-shm`` and ``-journal`` files, a WAL a crash left (which must be
recovered), a wrong application id, a newer version, text that is not UTF-8, missing
tables, bad JSON and a damaged index.
"""

from __future__ import annotations

import gzip
import random
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

NAME = "p.fcw"
PAGE = 4096


@dataclass(frozen=True)
class Case:
    name: str
    expect: str  # "refuse", "open" or "either"
    make: Callable[[Path, Path], Path]  # (base project, empty folder) -> the project path
    kind: str = ""


def build_base(folder: Path, seed_article: Path) -> Path:
    """A healthy project: the seed article's claims, a verdict, evidence and captures."""
    from workbench import ops
    from workbench.core.models import Capture, CaptureStatus

    path = folder / "base.fcw"
    with ops.new_project(path, seed_article) as store:
        claims = store.claims.all()
        store.claims.set_verdict(claims[0].id, "False", rationale="The ministry denied it.")
        for i, claim in enumerate(claims[:4]):
            url = f"https://example.org/source/{i}"
            store.evidence.add(claim.id, url, "refutes", f"note {i}")
            body = f"<html><title>Source {i}</title><p>Text {i}</p></html>".encode() * 20
            store.captures.add(
                Capture(
                    url=url,
                    status=CaptureStatus.CAPTURED,
                    final_url=url,
                    http_status=200,
                    content_type="text/html",
                    title=f"Source {i}",
                    sha256=f"{i:064x}",
                    size=len(body),
                    text=f"Text {i}",
                ),
                gzip.compress(body),
            )
    return path


def _copy(base: Path, folder: Path) -> Path:
    target = folder / NAME
    shutil.copyfile(base, target)
    return target


def _edit(path: Path, *statements: str, writable_schema: bool = False) -> None:
    """Run SQL on a project file directly, then checkpoint so the file stands alone."""
    conn = sqlite3.connect(path)
    try:
        if writable_schema:
            conn.execute("PRAGMA writable_schema = ON")
        for sql in statements:
            conn.execute(sql)
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _crash_after(path: Path, code: str) -> None:
    """Run ``code`` (with ``store`` open on ``path``) in a process that dies without closing."""
    script = "\n".join(
        [
            "import os",
            "from workbench.store import ProjectStore",
            f"store = ProjectStore.open({str(path)!r})",
            "store.db.execute('PRAGMA wal_autocheckpoint = 0')",
            code,
            "os._exit(9)",
        ]
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 9, result.stderr


def _other_wal(folder: Path, page_size: int = PAGE, rows: int = 50) -> Path:
    """The WAL of another program's database, left as a crash leaves it."""
    other = folder / "other.db"
    script = textwrap.dedent(
        f"""
        import os, sqlite3
        conn = sqlite3.connect({str(other)!r})
        conn.execute("PRAGMA page_size = {page_size}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("CREATE TABLE t (x)")
        conn.executemany("INSERT INTO t VALUES (?)", [("row %d" % i,) for i in range({rows})])
        conn.commit()
        os._exit(0)
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True)
    wal = folder / "other.wal"
    shutil.copyfile(f"{other}-wal", wal)
    shm = folder / "other.shm"
    shutil.copyfile(f"{other}-shm", shm)
    for leftover in (other, Path(f"{other}-wal"), Path(f"{other}-shm")):
        leftover.unlink(missing_ok=True)
    return wal


def _hot_journal(db: Path, *, rollback_mode: bool) -> bytes:
    """A hot rollback journal for ``db``: a process dies after writing pages to the file."""
    script = textwrap.dedent(
        f"""
        import os, sqlite3
        conn = sqlite3.connect({str(db)!r}, isolation_level=None)
        if {rollback_mode!r}:
            conn.execute("PRAGMA journal_mode = DELETE")
        else:
            conn.execute("CREATE TABLE IF NOT EXISTS t (x)")
        conn.execute("PRAGMA cache_size = 2")  # spill: pages reach the file before commit
        conn.execute("BEGIN IMMEDIATE")
        for i in range(400):
            conn.execute("INSERT INTO settings (key, value) VALUES (?, '0')" if {rollback_mode!r}
                         else "INSERT INTO t VALUES (?)", ["k%d" % i])
        os._exit(0)
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True)
    journal = Path(f"{db}-journal")
    data = journal.read_bytes()
    journal.unlink()
    return data


# -- the case makers -------------------------------------------------------------------
def random_file(size: int, seed: int, header: bool = False) -> Callable[[Path, Path], Path]:
    def make(base: Path, folder: Path) -> Path:
        data = random.Random(seed).randbytes(size)
        if header:
            data = b"SQLite format 3\x00" + data[16:]
        target = folder / NAME
        target.write_bytes(data)
        return target

    return make


def truncated(at: int) -> Callable[[Path, Path], Path]:
    def make(base: Path, folder: Path) -> Path:
        target = _copy(base, folder)
        data = target.read_bytes()
        target.write_bytes(data[: at % (len(data) + 1)])
        return target

    return make


def flipped(seed: int, count: int, lo: int, hi: int | None) -> Callable[[Path, Path], Path]:
    """``count`` random bits flipped in bytes ``lo`` to ``hi`` (None: the end)."""

    def make(base: Path, folder: Path) -> Path:
        target = _copy(base, folder)
        data = bytearray(target.read_bytes())
        rng = random.Random(seed)
        for _ in range(count):
            offset = rng.randrange(lo, hi if hi is not None else len(data))
            data[offset] ^= 1 << rng.randrange(8)
        target.write_bytes(bytes(data))
        return target

    return make


def zeroed_page(number: int) -> Callable[[Path, Path], Path]:
    def make(base: Path, folder: Path) -> Path:
        target = _copy(base, folder)
        data = bytearray(target.read_bytes())
        start = (number - 1) * PAGE
        data[start : start + PAGE] = bytes(min(PAGE, max(0, len(data) - start)))
        target.write_bytes(bytes(data))
        return target

    return make


def crash_wal(truncate_seed: int | None = None) -> Callable[[Path, Path], Path]:
    """A WAL the workbench itself left when it was killed (torn at a random byte, if a seed)."""

    def make(base: Path, folder: Path) -> Path:
        target = _copy(base, folder)
        _crash_after(
            target,
            "c = store.claims.all()\n"
            "store.claims.set_verdict(c[1].id, 'True', rationale='written before the crash')\n"
            "store.claims.update(c[2].id, text='Reworded before the crash')",
        )
        wal = Path(f"{target}-wal")
        if truncate_seed is not None:
            data = wal.read_bytes()
            wal.write_bytes(data[: random.Random(truncate_seed).randrange(33, len(data))])
        return target

    return make


def foreign_wal(page_size: int = PAGE, with_shm: bool = False) -> Callable[[Path, Path], Path]:
    def make(base: Path, folder: Path) -> Path:
        target = _copy(base, folder)
        wal = _other_wal(folder, page_size)
        wal.rename(f"{target}-wal")
        shm = folder / "other.shm"
        if with_shm:
            shm.rename(f"{target}-shm")
        else:
            shm.unlink()
        return target

    return make


def other_project_wal(target_works: bool) -> Callable[[Path, Path], Path]:
    """Two participants' copies of one exercise: one's crash WAL lands beside the other's file.

    The twin did some work (saved and closed) before the work its WAL holds; the target
    file did work of its own (``target_works``) or none since the exercise was handed out.
    """

    def make(base: Path, folder: Path) -> Path:
        from workbench.store import ProjectStore

        target = _copy(base, folder)
        twin = folder / "twin.fcw"
        shutil.copyfile(base, twin)
        with ProjectStore.open(twin) as store:
            claims = store.claims.all()
            store.claims.set_verdict(claims[5].id, "True", rationale="twin, saved")
            store.evidence.add(claims[6].id, "https://example.com/twin", "supports", "twin")
        _crash_after(
            twin, "store.claims.set_verdict(store.claims.all()[3].id, 'True', rationale='twin')"
        )
        if target_works:
            with ProjectStore.open(target) as store:
                store.claims.set_verdict(
                    store.claims.all()[7].id, "False", rationale="target's own work"
                )
        shutil.move(f"{twin}-wal", f"{target}-wal")
        for leftover in (twin, Path(f"{twin}-shm")):
            leftover.unlink(missing_ok=True)
        return target

    return make


def stale_wal(base: Path, folder: Path) -> Path:
    """A WAL from an older copy of the same project, beside a file that has moved on."""
    old = folder / "old.fcw"
    shutil.copyfile(base, old)
    _crash_after(
        old, "store.claims.set_verdict(store.claims.all()[1].id, 'True', rationale='old copy')"
    )
    target = _copy(base, folder)
    from workbench.store import ProjectStore

    with ProjectStore.open(target) as store:  # the file moves on, and is closed cleanly
        claims = store.claims.all()
        store.claims.set_verdict(claims[2].id, "False", rationale="the newer work")
        store.claims.update(claims[4].id, text="Reworded later")
    shutil.move(f"{old}-wal", f"{target}-wal")
    for leftover in (old, Path(f"{old}-shm")):
        leftover.unlink(missing_ok=True)
    return target


def garbage_side_file(kind: str, seed: int, size: int, magic: bool = False):
    def make(base: Path, folder: Path) -> Path:
        target = _copy(base, folder)
        data = bytearray(random.Random(seed).randbytes(size))
        if magic and size >= 8:
            data[:8] = bytes.fromhex("377f0682002de218")
        Path(f"{target}-{kind}").write_bytes(bytes(data))
        return target

    return make


def foreign_shm(base: Path, folder: Path) -> Path:
    target = _copy(base, folder)
    _other_wal(folder)
    (folder / "other.wal").unlink()
    (folder / "other.shm").rename(f"{target}-shm")
    return target


def hot_journal(same_project: bool) -> Callable[[Path, Path], Path]:
    def make(base: Path, folder: Path) -> Path:
        target = _copy(base, folder)
        source = folder / ("older.fcw" if same_project else "other.db")
        if same_project:
            shutil.copyfile(base, source)
        data = _hot_journal(source, rollback_mode=same_project)
        source.unlink()
        Path(f"{target}-journal").write_bytes(data)
        return target

    return make


def empty_side_file(kind: str) -> Callable[[Path, Path], Path]:
    def make(base: Path, folder: Path) -> Path:
        target = _copy(base, folder)
        Path(f"{target}-{kind}").write_bytes(b"")
        return target

    return make


def pragma(statement: str) -> Callable[[Path, Path], Path]:
    def make(base: Path, folder: Path) -> Path:
        target = _copy(base, folder)
        conn = sqlite3.connect(target)
        conn.execute(statement)
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        return target

    return make


def sql(*statements: str, writable_schema: bool = False) -> Callable[[Path, Path], Path]:
    def make(base: Path, folder: Path) -> Path:
        target = _copy(base, folder)
        _edit(target, *statements, writable_schema=writable_schema)
        return target

    return make


# The index's definition no longer matches its entries: integrity_check finds rows
# missing from it, quick_check does not look.
INDEX_DRIFT = (
    "UPDATE sqlite_master SET sql = 'CREATE INDEX idx_claims_article_id_span_start ON claims "
    "(article_id, span_end)' WHERE name = 'idx_claims_article_id_span_start'"
)


def all_cases() -> list[Case]:
    cases: list[Case] = []

    def add(name: str, expect: str, make, kind: str) -> None:
        cases.append(Case(name, expect, make, kind))

    _damaged_bytes(add)
    _side_files(add)
    _damaged_schema(add)
    return cases


def _damaged_bytes(add) -> None:
    """Random files, truncations, flipped bits, zeroed pages."""
    for size in (0, 1, 99, 100, 512, 4096, 65536):
        for seed in range(3):
            add(f"random-{size}-{seed}", "refuse", random_file(size, seed), "random bytes")
    for seed in range(8):
        add(f"random-header-{seed}", "refuse", random_file(8192, seed, header=True), "random bytes")
    for at in (
        1,
        16,
        50,
        99,
        100,
        101,
        1024,
        4095,
        4096,
        4097,
        8192,
        30000,
        60000,
        100000,
        -4096,
        -1,
    ):
        add(f"truncated-{at}", "either", truncated(at), "truncation")
    for seed in range(100):
        add(f"header-flip-{seed}", "either", flipped(seed, 1, 0, 100), "header bit flip")
    for seed in range(100):
        count = (1, 4, 32, 256)[seed % 4]
        add(
            f"page-flip-{count}-{seed}",
            "either",
            flipped(1000 + seed, count, 100, None),
            "page bit flips",
        )
    for number in range(1, 36):
        add(f"zeroed-page-{number}", "either", zeroed_page(number), "zeroed page")


def _side_files(add) -> None:
    """WAL, SHM and journal files: crashed, torn, foreign, stale, garbage, empty."""
    add("crash-wal", "open", crash_wal(), "crash WAL (must recover)")
    for seed in range(12):
        add(f"crash-wal-torn-{seed}", "open", crash_wal(seed), "torn crash WAL (must recover)")
    for size in (PAGE, 1024, 8192):
        add(f"foreign-wal-{size}", "refuse", foreign_wal(size), "foreign WAL")
        add(f"foreign-wal-shm-{size}", "refuse", foreign_wal(size, True), "foreign WAL")
    add("other-project-wal", "refuse", other_project_wal(True), "foreign WAL")
    add("other-project-wal-untouched-target", "either", other_project_wal(False), "foreign WAL")
    add("stale-wal", "refuse", stale_wal, "stale WAL")
    for seed in range(6):
        add(f"garbage-wal-{seed}", "either", garbage_side_file("wal", seed, 40000), "garbage WAL")
        add(
            f"garbage-wal-magic-{seed}",
            "either",
            garbage_side_file("wal", seed, 40000, magic=True),
            "garbage WAL",
        )
        add(f"garbage-shm-{seed}", "open", garbage_side_file("shm", seed, 32768), "garbage SHM")
        add(
            f"garbage-journal-{seed}",
            "refuse",
            garbage_side_file("journal", seed, 8192),
            "garbage journal",
        )
    add("foreign-shm", "open", foreign_shm, "foreign SHM")
    add("hot-journal-other-db", "refuse", hot_journal(False), "hot journal")
    add("hot-journal-older-copy", "refuse", hot_journal(True), "hot journal")
    for kind in ("wal", "shm", "journal"):
        add(f"empty-{kind}", "open", empty_side_file(kind), "empty side file")


def _damaged_schema(add) -> None:
    """Wrong ids and versions, undecodable rows, missing tables, bad JSON, a drifted index."""
    add(
        "wrong-application-id",
        "refuse",
        pragma("PRAGMA application_id = 1234"),
        "wrong application id",
    )
    add("no-application-id", "refuse", pragma("PRAGMA application_id = 0"), "wrong application id")
    add("newer-version", "refuse", pragma("PRAGMA user_version = 99"), "newer version")
    add("version-zero", "refuse", pragma("PRAGMA user_version = 0"), "newer version")
    for table, column in (
        ("claims", "quote"),
        ("claims", "rationale"),
        ("articles", "title"),
        ("articles", "text"),
        ("settings", "value"),
        ("scale_labels", "name"),
        ("evidence", "note"),
        ("history", "action"),
    ):
        # The history is read only by `workbench history` (and refused there).
        add(
            f"bad-utf8-{table}-{column}",
            "either" if table == "history" else "refuse",
            sql(
                f"UPDATE {table} SET {column} = CAST(x'41ff42' AS TEXT) "
                f"WHERE rowid = (SELECT MIN(rowid) FROM {table})"
            ),
            "invalid UTF-8",
        )
    for table in (
        "claims",
        "history",
        "settings",
        "scale_labels",
        "evidence",
        "captures",
        "articles",
        "claims_fts",
    ):
        add(f"missing-{table}", "refuse", sql(f"DROP TABLE {table}"), "missing table")
    add("missing-index", "refuse", sql("DROP INDEX idx_captures_url_id"), "missing table")
    add(
        "bad-json-setting",
        "refuse",
        sql("UPDATE settings SET value = '{\"name\": ' WHERE key = 'scale'"),
        "bad JSON",
    )
    add(
        "bad-json-title",
        "refuse",
        sql("UPDATE settings SET value = 'not json' WHERE key = 'title'"),
        "bad JSON",
    )
    add(
        "bad-json-reasons",
        "refuse",
        sql("UPDATE claims SET reasons = '[\"figures' WHERE id = 1"),
        "bad JSON",
    )
    add(
        "unknown-status",
        "refuse",
        sql("UPDATE claims SET status = 'lost' WHERE id = 1"),
        "bad JSON",
    )
    add("index-corruption", "refuse", sql(INDEX_DRIFT, writable_schema=True), "damaged index")


# fmt: off
SAMPLE = (
    "random-4096-0", "random-header-0", "truncated-4097", "header-flip-7", "page-flip-32-2",
    "zeroed-page-3", "crash-wal", "crash-wal-torn-0", "foreign-wal-4096", "other-project-wal",
    "stale-wal", "garbage-shm-0", "hot-journal-other-db", "wrong-application-id",
    "newer-version", "bad-utf8-claims-quote", "missing-history", "bad-json-setting",
    "index-corruption",
)
# fmt: on


def sample(cases: list[Case]) -> list[Case]:
    """CI's fixed sample: every case the issue reported, and one of each other kind of damage."""
    return [case for case in cases if case.name in SAMPLE]
