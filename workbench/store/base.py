"""The connection, transactions, change notification and the history log.

Every mutating store method runs inside ``self._write()``: one transaction that
also appends to ``history``, and, once committed, tells listeners what changed
(the way Anki's operations return a "what changed" value the screens read).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from workbench.core.errors import ProjectFileError
from workbench.core.models import HistoryEntry, utc_now


@dataclass(frozen=True)
class Change:
    """What a committed write touched: ``entity`` is "claim", "evidence", "article", ..."""

    entity: str
    action: str
    ids: tuple[int, ...] = field(default_factory=tuple)


Listener = Callable[[Change], None]


class StoreBase:
    """Shared plumbing for the store's parts (see ``ProjectStore``)."""

    db: Database
    path: Path
    readonly: bool

    def __init__(self, db: Database, path: Path, *, readonly: bool = False) -> None:
        self.db = db
        self.path = Path(path)
        self.readonly = readonly
        self._listeners: list[Listener] = []
        self._pending: list[Change] = []
        self._depth = 0

    # -- listeners -------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    # -- reading ---------------------------------------------------------------------
    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """A stored value the workbench cannot interpret (bad JSON, an unknown status) is a
        damaged file: one line for the user, not a traceback."""
        try:
            yield
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            detail = str(exc).strip() or type(exc).__name__
            raise ProjectFileError(
                f"{self.path.name}: the file is damaged (a stored value cannot be read: "
                f"{detail[:120]})"
            ) from None

    # -- transactions ----------------------------------------------------------------
    @contextlib.contextmanager
    def _write(self) -> Iterator[Database]:
        """One committed transaction; changes are announced only after the commit."""
        if self.readonly:
            raise ProjectFileError(f"{self.path.name}: opened read-only")
        self._depth += 1
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.DatabaseError as exc:
            self._depth -= 1
            if self._depth == 0:
                self._pending.clear()
            if isinstance(exc, sqlite3.IntegrityError):
                raise
            raise ProjectFileError(f"{self.path.name}: could not save ({exc})") from None
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self._pending.clear()
            raise
        self._depth -= 1
        if self._depth == 0:
            pending, self._pending = self._pending, []
            for change in pending:
                for listener in list(self._listeners):
                    listener(change)

    def _changed(self, entity: str, action: str, *ids: int) -> None:
        self._pending.append(Change(entity, action, tuple(ids)))

    def _log(
        self,
        entity: str,
        entity_id: int | None,
        action: str,
        before: dict | None = None,
        after: dict | None = None,
    ) -> None:
        self.db.execute(
            "INSERT INTO history (at, entity, entity_id, action, before, after) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                utc_now(),
                entity,
                entity_id,
                action,
                json.dumps(before, ensure_ascii=False) if before is not None else None,
                json.dumps(after, ensure_ascii=False) if after is not None else None,
            ],
        )

    # -- history ---------------------------------------------------------------------
    def history(
        self, *, entity: str | None = None, entity_id: int | None = None, limit: int | None = None
    ) -> list[HistoryEntry]:
        """The change log, newest first."""
        where, params = [], []
        if entity:
            where.append("entity = ?")
            params.append(entity)
        if entity_id is not None:
            where.append("entity_id = ?")
            params.append(entity_id)
        sql = "SELECT * FROM history"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        with self._reading():
            return [
                HistoryEntry(
                    id=row["id"],
                    at=row["at"],
                    entity=row["entity"],
                    entity_id=row["entity_id"],
                    action=row["action"],
                    before=json.loads(row["before"]) if row["before"] else None,
                    after=json.loads(row["after"]) if row["after"] else None,
                )
                for row in self.db.query(sql, params)
            ]

    # -- settings --------------------------------------------------------------------
    def setting(self, key: str, default=None):
        rows = list(self.db.query("SELECT value FROM settings WHERE key = ?", [key]))
        with self._reading():
            return json.loads(rows[0]["value"]) if rows else default

    def settings(self) -> dict:
        with self._reading():
            return {row["key"]: json.loads(row["value"])
                    for row in self.db.query("SELECT * FROM settings")}

    def set_setting(self, key: str, value) -> None:
        before = self.setting(key)
        if before == value:
            return
        with self._write() as db:
            db["settings"].upsert({"key": key, "value": json.dumps(value, ensure_ascii=False)}, pk="key")
            self._log("setting", None, "update", {key: before}, {key: value})
            self._changed("setting", "update")
