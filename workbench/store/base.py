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
as one group. Listeners hear what changed once, after the commit: one typed
``Changes`` value (``workbench/core/changes.py``) per transaction, the way Anki's
operations return a "what changed" value the screens read.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from workbench.core.changes import Changes
from workbench.core.errors import ProjectFileError
from workbench.core.models import utc_now


@dataclass(frozen=True)
class Change:
    """A write's note to the store: ``entity`` ("claim", "evidence", "article", "scale",
    "setting"), ``action`` ("insert", "update", "delete") and the ids it touched.

    Notes stay inside the store: after the commit, a transaction's notes are folded
    into the one ``Changes`` value its listeners get (see ``collect``).
    """

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
    changes: Changes = field(default_factory=Changes)
    label_saved: bool = field(default=False, repr=False)


Listener = Callable[[Changes], None]

# The claims whose evidence a transaction changed are noted by temporary triggers
# (SQLite's ``temp`` schema: this connection only, never written to the file), so
# every path counts (an item added, edited, moved, removed, restored by undo, or its
# URL captured) without each store method having to say which claim it was. No
# UNIQUE constraint and no "OR IGNORE": an outer "INSERT OR ABORT" (undo, redo) would
# impose its own conflict policy on the trigger's insert.
_NOTE_CLAIM = (
    "INSERT INTO evidence_touched SELECT {id} "
    "WHERE NOT EXISTS (SELECT 1 FROM evidence_touched WHERE claim_id = {id});"
)
_EVIDENCE_WATCH = (
    "CREATE TEMP TABLE IF NOT EXISTS evidence_touched (claim_id INTEGER)",
    "CREATE INDEX IF NOT EXISTS temp.evidence_touched_claim ON evidence_touched (claim_id)",
    "CREATE TEMP TRIGGER IF NOT EXISTS evidence_touched_insert AFTER INSERT ON main.evidence "
    f"BEGIN {_NOTE_CLAIM.format(id='NEW.claim_id')} END",
    "CREATE TEMP TRIGGER IF NOT EXISTS evidence_touched_update AFTER UPDATE ON main.evidence "
    f"BEGIN {_NOTE_CLAIM.format(id='OLD.claim_id')} {_NOTE_CLAIM.format(id='NEW.claim_id')} END",
    "CREATE TEMP TRIGGER IF NOT EXISTS evidence_touched_delete AFTER DELETE ON main.evidence "
    f"BEGIN {_NOTE_CLAIM.format(id='OLD.claim_id')} END",
    "CREATE TEMP TRIGGER IF NOT EXISTS evidence_touched_capture AFTER INSERT ON main.captures "
    "BEGIN INSERT INTO evidence_touched SELECT DISTINCT claim_id FROM main.evidence e "
    "WHERE e.url = NEW.url AND NOT EXISTS "
    "(SELECT 1 FROM evidence_touched t WHERE t.claim_id = e.claim_id); END",
)


def collect(notes: list[Change], evidence_of: Iterable[int] = ()) -> Changes:
    """Fold one transaction's notes into the ``Changes`` its listeners read."""

    def ids(entity: str, *actions: str) -> tuple[int, ...]:
        return tuple(
            dict.fromkeys(
                i
                for note in notes
                if note.entity == entity and note.action in actions
                for i in note.ids
            )
        )

    removed = ids("claim", "delete")
    return Changes(
        articles=ids("article", "insert", "update", "delete"),
        scale=any(note.entity == "scale" for note in notes),
        settings=any(note.entity == "setting" for note in notes),
        claims_added=ids("claim", "insert"),
        claims_removed=removed,
        claims_updated=tuple(i for i in ids("claim", "update") if i not in removed),
        evidence=ids("evidence", "insert", "update", "delete"),
        evidence_of=tuple(dict.fromkeys(evidence_of)),
    )


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
        self._pending: list[Change] = []
        self._depth = 0
        self._txn: Transaction | None = None
        self._evidence_watched: bool | None = None  # None: not looked at yet

    # -- listeners -------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(changes)`` once per committed transaction, with what it changed."""
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
            assert self._txn is not None  # _write began one, or joined the open one
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
        self._watch_evidence()
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
            evidence_of = self._evidence_touched()
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
        txn.changes = collect(pending, evidence_of)
        self._announce(txn.changes)

    def _watch_evidence(self) -> None:
        """Install the triggers that note whose evidence changed (once per connection)."""
        if self._evidence_watched is not None:
            return
        try:
            tables = {
                row[0]
                for row in self.db.conn.execute(
                    "SELECT name FROM main.sqlite_master WHERE type = 'table'"
                )
            }
            self._evidence_watched = {"evidence", "captures"} <= tables
            if self._evidence_watched:
                for statement in _EVIDENCE_WATCH:
                    self.db.conn.execute(statement)
        except sqlite3.DatabaseError as exc:
            self._evidence_watched = None
            raise self._translate(exc) from None

    def _evidence_touched(self) -> list[int]:
        """The claims whose evidence this transaction changed (and forget them)."""
        if not self._evidence_watched:
            return []
        rows = self.db.conn.execute("DELETE FROM temp.evidence_touched RETURNING claim_id")
        return sorted({row[0] for row in rows})

    @contextlib.contextmanager
    def _savepoint(self, label: str) -> Iterator[None]:
        """A step inside the current transaction: on failure only this step is undone."""
        conn = self.db.conn
        txn = self._txn
        assert txn is not None  # a savepoint is a step of the open transaction
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

    def _announce(self, changes: Changes) -> None:
        if not changes:
            return
        for listener in list(self._listeners):
            listener(changes)

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
                "UPDATE transactions SET label = ? WHERE id = ? AND label IS NULL",
                [txn.label, txn.id],
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
