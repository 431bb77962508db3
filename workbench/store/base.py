"""The connection, transactions, change notification and the history log.

One user action is one transaction: ``with store.transaction("Merge claims"):``
around several store calls commits them together or not at all. Every mutating
store method runs inside ``self._write()``, which joins the action's transaction
when there is one (as a savepoint, so a refused step inside leaves nothing
behind) and is a transaction of its own otherwise. A transaction begins with
``BEGIN IMMEDIATE``: it takes the write lock first, so a second writer waits for
it (up to the busy timeout) instead of failing half-way when a read turns into a
write. Each transaction gets one id in ``transactions``; every history row it
writes carries that id (``history.txn``), so the history shows each user action
as one group. Listeners hear what changed once, after the commit, in one batch
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
from workbench.core.models import utc_now


@dataclass(frozen=True)
class Change:
    """What a committed write touched: ``entity`` is "claim", "evidence", "article", ..."""

    entity: str
    action: str
    ids: tuple[int, ...] = field(default_factory=tuple)


@dataclass
class Transaction:
    """One user action in progress (or just committed).

    ``notices`` are things the user should be told (a done claim moved back to
    "in progress"...); ``changes`` is what the listeners were told after the commit.
    """

    label: str = ""
    id: int | None = None
    notices: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    label_saved: bool = field(default=False, repr=False)


Listener = Callable[[Change], None]
BatchListener = Callable[[list[Change]], None]


def coalesce(changes: list[Change]) -> list[Change]:
    """The changes of one transaction, one per (entity, action), ids in order without repeats."""
    merged: dict[tuple[str, str], dict[int, None]] = {}
    for change in changes:
        merged.setdefault((change.entity, change.action), {}).update(dict.fromkeys(change.ids))
    return [Change(entity, action, tuple(ids)) for (entity, action), ids in merged.items()]


class StoreBase:
    """Shared plumbing for the store's parts (see ``ProjectStore``)."""

    db: Database
    path: Path
    readonly: bool
    # Recorded with each transaction: "window", "command line"... (see ``transactions``).
    source: str = ""

    def __init__(self, db: Database, path: Path, *, readonly: bool = False) -> None:
        self.db = db
        self.path = Path(path)
        self.readonly = readonly
        self._listeners: list[Listener] = []
        self._batch_listeners: list[BatchListener] = []
        self._pending: list[Change] = []
        self._depth = 0
        self._txn: Transaction | None = None

    # -- listeners -------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(change)`` for each change, after each commit."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)
        if listener in self._batch_listeners:
            self._batch_listeners.remove(listener)

    def subscribe_batch(self, listener: BatchListener) -> None:
        """Call ``listener(changes)`` once per committed transaction, with all it changed."""
        self._batch_listeners.append(listener)

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
    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    @contextlib.contextmanager
    def transaction(self, label: str = "") -> Iterator[Transaction]:
        """One user action: every store call inside commits together, or none does.

        Nested calls join the outer transaction. The changes are announced once,
        after the commit; a failure rolls everything back and announces nothing.
        """
        with self._write(label) as _db:
            yield self._txn

    @contextlib.contextmanager
    def _write(self, label: str = "") -> Iterator[Database]:
        """Run a write inside the current transaction, or in one of its own."""
        if self.readonly:
            raise ProjectFileError(f"{self.path.name}: opened read-only")
        if self._depth > 0:
            with self._savepoint(label):
                yield self.db
            return
        conn = self.db.conn
        if conn.in_transaction:  # someone else's transaction (a migration): join it
            raise ProjectFileError(f"{self.path.name}: a transaction is already open")
        try:
            # IMMEDIATE: take the write lock now (waiting up to the busy timeout), so
            # the transaction can never fail later because another writer came first.
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise self._translate(exc) from None
        self._depth = 1
        self._txn = Transaction(label=label)
        self._pending = []
        try:
            yield self.db
            conn.execute("COMMIT")
        except BaseException as exc:
            self._depth = 0
            self._txn = None
            self._pending = []
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.DatabaseError):
                raise self._translate(exc) from None
            raise
        self._depth = 0
        txn, self._txn = self._txn, None
        pending, self._pending = self._pending, []
        txn.changes = coalesce(pending)
        self._announce(txn.changes)

    @contextlib.contextmanager
    def _savepoint(self, label: str) -> Iterator[None]:
        """A step inside the current transaction: on failure only this step is undone."""
        conn = self.db.conn
        txn = self._txn
        if label and not txn.label:
            txn.label = label
        name = f"step{self._depth}"
        conn.execute(f"SAVEPOINT {name}")
        self._depth += 1
        mark, notices = len(self._pending), len(txn.notices)
        try:
            yield
        except BaseException as exc:
            self._depth -= 1
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
            del self._pending[mark:]
            del txn.notices[notices:]
            if isinstance(exc, sqlite3.DatabaseError):
                raise self._translate(exc) from None
            raise
        self._depth -= 1
        conn.execute(f"RELEASE {name}")

    def _translate(self, exc: BaseException) -> BaseException:
        if isinstance(exc, sqlite3.IntegrityError) or not isinstance(exc, sqlite3.DatabaseError):
            return exc
        if "locked" in str(exc) or "busy" in str(exc):
            return ProjectFileError(
                f"{self.path.name}: another program is writing to the project and did not "
                "finish in time; try again"
            )
        return ProjectFileError(f"{self.path.name}: could not save ({exc})")

    def _announce(self, changes: list[Change]) -> None:
        if not changes:
            return
        for listener in list(self._batch_listeners):
            listener(changes)
        for change in changes:
            for listener in list(self._listeners):
                listener(change)

    def _changed(self, entity: str, action: str, *ids: int) -> None:
        self._pending.append(Change(entity, action, tuple(ids)))

    def _notice(self, text: str) -> None:
        """Something the user should be told about the current transaction."""
        if self._txn is not None:
            self._txn.notices.append(text)

    def _txn_id(self) -> int | None:
        txn = self._txn
        if txn is None:
            return None
        if txn.id is None:
            cursor = self.db.execute(
                "INSERT INTO transactions (at, label, source) VALUES (?, ?, ?)",
                [utc_now(), txn.label or None, self.source or None],
            )
            txn.id = cursor.lastrowid
        elif txn.label and not txn.label_saved:
            self.db.execute(
                "UPDATE transactions SET label = ? WHERE id = ? AND label IS NULL", [txn.label, txn.id]
            )
        txn.label_saved = bool(txn.label)
        return txn.id

    def _log(
        self,
        entity: str,
        entity_id: int | None,
        action: str,
        before: dict | None = None,
        after: dict | None = None,
    ) -> None:
        self.db.execute(
            "INSERT INTO history (at, entity, entity_id, action, before, after, txn) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                utc_now(),
                entity,
                entity_id,
                action,
                json.dumps(before, ensure_ascii=False) if before is not None else None,
                json.dumps(after, ensure_ascii=False) if after is not None else None,
                self._txn_id(),
            ],
        )
