"""Exact undo and redo of a user action: the rows it changed, recorded as it runs.

While an action runs under ``store.undo.recording()``, temporary triggers (in SQLite's
``temp`` schema: private to this connection, never written to the project file)
copy every row it inserts, updates or deletes in the project's tables, with the
values exactly as SQLite holds them. Undo puts those rows back as they were,
newest first; redo applies them again, oldest first. However many store calls an
action made (a merge, a re-detection, a new version of an article), undoing it
returns the project exactly to where it was, with the same ids. This is SQLite's
own undo/redo technique (https://www.sqlite.org/undoredo.html), with values kept
as values rather than SQL text.

Undo and redo are transactions of their own, logged in the history ("undo" and
"redo" entries, grouped under one transaction id). Captures, the history and the
transactions are append-only records and are never undone.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from workbench.core.errors import ProjectFileError
from workbench.store.base import Transaction
from workbench.store.repo import Repository

# Table -> the entity name used in the history and in change notifications.
TRACKED = {
    "articles": "article",
    "claims": "claim",
    "evidence": "evidence",
    "scale_labels": "scale",
    "settings": "setting",
    "dismissed": "dismissed",
}
_NOT_LOGGED = {"text"}  # an article's whole text is not copied into the history


@dataclass
class RowChange:
    """One row written by an action: ``old`` and ``new`` are the row before and after."""

    table: str
    op: str  # "insert", "update" or "delete"
    old: dict | None
    new: dict | None


@dataclass
class ChangeSet:
    """The rows one user action changed, in the order it changed them."""

    rows: list[RowChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.rows)

    def extend(self, other: ChangeSet) -> None:
        self.rows.extend(other.rows)


def _same(a: object, b: object) -> bool:
    return type(a) is type(b) and a == b


class UndoLog(Repository):
    """``store.undo``: record what an action changes, and put it back or apply it again."""

    _tracked_columns: dict[str, list[str]] | None = None
    _pk: dict[str, list[str]]

    def _install_changelog(self) -> None:
        """Create this connection's temporary log tables and triggers (once)."""
        if self._tracked_columns is not None:
            return
        conn = self._db.conn
        columns: dict[str, list[str]] = {}
        self._pk = {}
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS undo_log "
            "(seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, op TEXT NOT NULL)"
        )
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS undo_recording (on_ INTEGER)")
        for table in TRACKED:
            info = conn.execute(f"PRAGMA main.table_info({table})").fetchall()
            if not info:
                continue
            names = [row[1] for row in info]
            columns[table] = names
            pk = [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]]
            self._pk[table] = pk or ["rowid"]
            # No declared types: values are kept exactly as SQLite holds them.
            cols = ", ".join(f'"c_{n}"' for n in names)
            conn.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS undo_{table} (seq INTEGER, img TEXT, {cols})"
            )
            for op, images in (
                ("insert", ("new",)),
                ("update", ("old", "new")),
                ("delete", ("old",)),
            ):
                inserts = "".join(
                    f"INSERT INTO undo_{table} VALUES ((SELECT MAX(seq) FROM undo_log), '{img}', "
                    + ", ".join(f'{img.upper()}."{n}"' for n in names)
                    + ");"
                    for img in images
                )
                conn.execute(
                    f"CREATE TEMP TRIGGER IF NOT EXISTS undo_{table}_{op} AFTER {op.upper()} "
                    f"ON main.{table} WHEN EXISTS (SELECT 1 FROM undo_recording) BEGIN "
                    f"INSERT INTO undo_log (tbl, op) VALUES ('{table}', '{op}');{inserts} END"
                )
        self._tracked_columns = columns

    @contextlib.contextmanager
    def recording(self) -> Iterator[ChangeSet]:
        """Record the rows the store calls inside change; the ``ChangeSet`` is filled at the end.

        Use it around a whole transaction: ``with store.undo.recording() as changes,
        store.transaction(label): ...``. A failed transaction records nothing.
        """
        if self._store.in_transaction:
            raise RuntimeError("recording() must start outside a transaction")
        if self._store.readonly:
            raise ProjectFileError(f"{self._store.path.name}: opened read-only")
        self._install_changelog()
        conn = self._db.conn
        changes = ChangeSet()
        mark = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM temp.undo_log").fetchone()[0]
        self._db.execute("INSERT INTO temp.undo_recording VALUES (1)")
        try:
            yield changes
        finally:
            self._db.execute("DELETE FROM temp.undo_recording")
            changes.rows = self._read_log(mark)

    def _read_log(self, mark: int) -> list[RowChange]:
        conn = self._db.conn
        log = conn.execute(
            "SELECT seq, tbl, op FROM temp.undo_log WHERE seq > ? ORDER BY seq", [mark]
        ).fetchall()
        tracked = self._tracked_columns
        assert tracked is not None  # recording() installed the log first
        images: dict[int, dict[str, dict]] = {}
        for table, names in tracked.items():
            for row in conn.execute(f"SELECT * FROM temp.undo_{table} WHERE seq > ?", [mark]):
                images.setdefault(row[0], {})[row[1]] = dict(zip(names, row[2:], strict=True))
        rows = [
            RowChange(tbl, op, images.get(seq, {}).get("old"), images.get(seq, {}).get("new"))
            for seq, tbl, op in log
        ]
        self._db.execute("DELETE FROM temp.undo_log WHERE seq > ?", [mark])
        for table in tracked:
            self._db.execute(f"DELETE FROM temp.undo_{table} WHERE seq > ?", [mark])
        return rows

    # -- replay ----------------------------------------------------------------------
    def undo(self, changes: ChangeSet, label: str = "") -> Transaction:
        """Put back every row ``changes`` touched as it was before (one transaction)."""
        return self._replay(changes, forward=False, label=label)

    def redo(self, changes: ChangeSet, label: str = "") -> Transaction:
        """Apply ``changes`` again, after an undo (one transaction)."""
        return self._replay(changes, forward=True, label=label)

    def _replay(self, changes: ChangeSet, *, forward: bool, label: str) -> Transaction:
        self._install_changelog()
        action = "redo" if forward else "undo"
        rows = changes.rows if forward else list(reversed(changes.rows))
        with self._store.transaction(label or action) as txn:
            for change in rows:
                self._apply(change, forward, action)
        return txn

    def _apply(self, change: RowChange, forward: bool, action: str) -> None:
        table, op = change.table, change.op
        if op == "update":
            before, after = (change.old, change.new) if forward else (change.new, change.old)
            kind = "update"
        elif (op == "insert") == forward:
            before, after, kind = None, change.new or change.old, "insert"
        else:
            before, after, kind = change.old or change.new, None, "delete"
        pk = self._pk[table]
        # The triggers copy the new row of an insert, the old of a delete, both of an update.
        if kind == "insert":
            assert after is not None
            names = list(after)
            cursor = self._db.execute(
                f"INSERT OR ABORT INTO {table} ({', '.join(names)}) "
                f"VALUES ({', '.join('?' for _ in names)})",
                [after[n] for n in names],
            )
        elif kind == "delete":
            assert before is not None
            cursor = self._db.execute(
                f"DELETE FROM {table} WHERE {' AND '.join(f'{k} = ?' for k in pk)}",
                [before[k] for k in pk],
            )
        else:
            assert before is not None and after is not None
            changed = [n for n in after if not _same(after[n], before[n])]
            if not changed:
                return
            cursor = self._db.execute(
                f"UPDATE {table} SET {', '.join(f'{n} = ?' for n in changed)} "
                f"WHERE {' AND '.join(f'{k} = ?' for k in pk)}",
                [*(after[n] for n in changed), *(before[k] for k in pk)],
            )
        if cursor.rowcount != 1:
            row = before or after
            assert row is not None
            raise ProjectFileError(
                f"cannot {action}: the project was changed elsewhere since "
                f"({table} row {', '.join(str(row[k]) for k in pk)})"
            )
        self._log_replay(table, kind, before, after, action)

    def _log_replay(
        self, table: str, kind: str, before: dict | None, after: dict | None, action: str
    ) -> None:
        entity = TRACKED[table]
        image = after if after is not None else before
        assert image is not None  # see _apply: a replayed row has an image
        entity_id = image.get("id") if isinstance(image.get("id"), int) else None
        logged: tuple[dict | None, ...]
        if kind == "update":
            assert before is not None and after is not None
            keys = [n for n in after if not _same(after[n], before[n])]
            logged = ({k: before[k] for k in keys}, {k: after[k] for k in keys})
        else:
            logged = tuple(
                {k: v for k, v in img.items() if k not in _NOT_LOGGED} if img else None
                for img in (before, after)
            )
        if table == "settings":
            logged = tuple({image["key"]: img["value"]} if img else None for img in (before, after))
        if entity != "dismissed":
            self._store._log(entity, entity_id, action, *logged)
        if table == "settings":
            self._store._changed("scale" if image["key"] == "scale" else "setting", "update")
        elif table == "scale_labels":
            self._store._changed("scale", "update")
        elif entity != "dismissed":
            self._store._changed(entity, kind, *([entity_id] if entity_id is not None else []))
        if table == "evidence":
            # The claims citing it show a new evidence count.
            owners = {img["claim_id"] for img in (before, after) if img}
            self._store._changed("claim", "update", *sorted(owners))
