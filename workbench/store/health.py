"""Is a SQLite database healthy, and shaped like a project of its version?

``problems(conn, version, full=...)`` returns the first thing wrong ("" if none):
``quick_check`` or ``integrity_check``, every table, index and trigger its schema
version should have (found by running the migrations on an empty database, so a
new migration is checked without a list to keep up to date), and, with ``full``,
the stored values the workbench parses and the text of the tables the window reads
whole. Used by ``probe.py`` on immutable connections and on copies.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path

from sqlite_utils import Database

from workbench.store.migrations import MIGRATIONS

_CLAIM_STATUSES = ("new", "in_progress", "needs_review", "done")
_STANCES = ("supports", "refutes", "context")
# (table, query returning one offending row's id, what it means). The values the
# workbench parses when it reads rows; a damaged one would otherwise surface later.
_CONTENT_CHECKS = [
    (
        "settings",
        "SELECT key FROM settings WHERE NOT json_valid(value) LIMIT 1",
        "the setting {} is not valid JSON",
    ),
    (
        "claims",
        "SELECT id FROM claims WHERE (reasons IS NOT NULL AND reasons != '' AND "
        "(NOT json_valid(reasons) OR json_type(reasons) != 'array')) OR COALESCE(status, 'new') "
        f"NOT IN {_CLAIM_STATUSES} OR COALESCE(origin, 'auto') NOT IN ('auto', 'manual') LIMIT 1",
        "claim {} has reasons that are not a JSON list, or an unknown status or origin",
    ),
    (
        "evidence",
        f"SELECT id FROM evidence WHERE COALESCE(stance, 'context') NOT IN {_STANCES} LIMIT 1",
        "evidence {} has an unknown stance",
    ),
    (
        "history",
        "SELECT id FROM history WHERE (before IS NOT NULL AND before != '' AND "
        "NOT json_valid(before)) OR (after IS NOT NULL AND after != '' AND NOT json_valid(after)) "
        "LIMIT 1",
        "history entry {} is not valid JSON",
    ),
]
# Tables a project's window reads whole when it opens: their text must be valid UTF-8
# (checked with integrity_check; the readers refuse such text too when they meet it).
_TEXT_TABLES = ("settings", "scale_labels", "articles", "claims", "evidence")


def decode_text(value) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def connect_immutable(path: Path) -> sqlite3.Connection:
    """A read-only connection that takes no lock, ignores side files and creates none."""
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
    )
    conn.text_factory = bytes  # a damaged name or value must not fail the check itself
    return conn


@cache
def expected_schema(version: int) -> dict[tuple[str, str], frozenset[str]]:
    """(type, name) -> column names of every object a version-``version`` file has."""
    conn = sqlite3.connect(":memory:")
    try:
        db = Database(conn, execute_plugins=False)
        for migration in MIGRATIONS[:version]:
            migration(db)
        return _schema(conn)
    finally:
        conn.close()


def _schema(conn: sqlite3.Connection) -> dict[tuple[str, str], frozenset[str]]:
    objects = {}
    for kind, name in conn.execute("SELECT type, name FROM sqlite_master").fetchall():
        kind, name = decode_text(kind), decode_text(name)
        columns: frozenset[str] = frozenset()
        if kind == "table":
            quoted = name.replace('"', '""')
            columns = frozenset(
                decode_text(row[1]) for row in conn.execute(f'PRAGMA table_info("{quoted}")')
            )
        objects[(kind, name)] = columns
    return objects


def problems(conn: sqlite3.Connection, version: int, *, full: bool) -> str:
    """The first thing wrong with the database behind ``conn`` ("" if none)."""
    try:
        pragma = "integrity_check" if full else "quick_check"
        result = decode_text(conn.execute(f"PRAGMA {pragma}(3)").fetchone()[0])
        if result != "ok":
            return _one_line(result)
        found = _schema(conn)
        problem = _schema_problem(found, version)
        if problem or not full:  # the readers refuse bad values too, when they meet them
            return problem
        return _content_problem(conn, found)
    except UnicodeDecodeError:
        return "text that is not valid UTF-8"
    except sqlite3.DatabaseError as exc:
        return _one_line(decode_text(str(exc)))


def _schema_problem(found: dict, version: int) -> str:
    """The first table, index or column that ``version``'s schema has and ``found`` lacks."""
    order = {"table": 0, "index": 1}
    expected = expected_schema(version).items()
    for (kind, name), columns in sorted(expected, key=lambda i: (order.get(i[0][0], 2), i)):
        if (kind, name) not in found:
            return f"its {kind} {name} is missing"
        missing = sorted(columns - found[(kind, name)])
        if missing:
            return f"its table {name} lacks the column {missing[0]}"
    return ""


def _content_problem(conn: sqlite3.Connection, found: dict) -> str:
    """The first stored value the workbench cannot interpret ("" if none); raises
    UnicodeDecodeError on text that is not UTF-8."""
    for table, query, what in _CONTENT_CHECKS:
        if ("table", table) in found:
            row = conn.execute(query).fetchone()
            if row is not None:
                return what.format(decode_text(row[0]))
    for table in _TEXT_TABLES:
        if ("table", table) not in found:
            continue
        for row in conn.execute(f"SELECT * FROM {table}"):
            for value in row:
                if isinstance(value, bytes):
                    value.decode("utf-8")
    return ""


def _one_line(text: str) -> str:
    """SQLite's report of damage, as one line for a one-line refusal ("*** in database
    main ***" and the like dropped)."""
    words = " ".join(part for part in text.split("\n") if not part.startswith("***"))
    words = " ".join(words.split()) or " ".join(text.split())
    return words if len(words) <= 200 else words[:197] + "..."
