"""The history: the append-only change log, read back as entries or as user actions."""

from __future__ import annotations

import json

from workbench.core.models import HistoryEntry
from workbench.store.repo import Repository


class HistoryRepo(Repository):
    """``store.history``: what was changed, when, before and after (written by ``store._log``)."""

    def entries(
        self, *, entity: str | None = None, entity_id: int | None = None, limit: int | None = None
    ) -> list[HistoryEntry]:
        """The change log, newest first."""
        where: list[str] = []
        params: list[object] = []
        if entity:
            where.append("h.entity = ?")
            params.append(entity)
        if entity_id is not None:
            where.append("h.entity_id = ?")
            params.append(entity_id)
        sql = (
            "SELECT h.*, t.label AS txn_label, t.source AS txn_source FROM history h "
            "LEFT JOIN transactions t ON t.id = h.txn"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY h.id DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        with self._store._reading():
            return [
                HistoryEntry(
                    id=row["id"],
                    at=row["at"],
                    entity=row["entity"],
                    entity_id=row["entity_id"],
                    action=row["action"],
                    before=json.loads(row["before"]) if row["before"] else None,
                    after=json.loads(row["after"]) if row["after"] else None,
                    txn=row["txn"],
                    txn_label=row["txn_label"] or "",
                    txn_source=row["txn_source"] or "",
                )
                for row in self._db.query(sql, params)
            ]

    def groups(
        self, *, entity: str | None = None, entity_id: int | None = None, limit: int | None = None
    ) -> list[list[HistoryEntry]]:
        """The change log as user actions, newest first: entries of one transaction together.

        Entries written before schema 3 (no transaction id) are a group each.
        """
        groups: list[list[HistoryEntry]] = []
        for entry in self.entries(entity=entity, entity_id=entity_id):
            if groups and entry.txn is not None and groups[-1][0].txn == entry.txn:
                groups[-1].append(entry)
                continue
            if limit and len(groups) == limit:
                break
            groups.append([entry])
        return groups
