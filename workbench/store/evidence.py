"""Evidence attached to claims, and the captures of their URLs.

One URL has one series of captures, shared by every claim that cites it. An
evidence row shows the newest capture; a failed attempt never hides an earlier
good capture (see ``_EVIDENCE_SELECT``).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from workbench.core.errors import NotFoundError, ValidationError
from workbench.core.models import CaptureStatus, Evidence, Stance, stored_id
from workbench.core.urls import clean_url
from workbench.store.repo import Repository

# The newest good capture gives title, hash and status; with none, the newest
# attempt gives what it learnt (final URL, HTTP status...). The newest attempt, if
# it failed, gives the error: a failure never hides an earlier good capture.
_EVIDENCE_SELECT = """
SELECT e.*,
  COALESCE(good.final_url, last.final_url) AS final_url,
  good.title AS title,
  COALESCE(good.http_status, last.http_status) AS http_status,
  COALESCE(good.content_type, last.content_type) AS content_type,
  COALESCE(good.retrieved_at, last.retrieved_at) AS retrieved_at,
  good.sha256 AS sha256, good.truncated AS truncated, good.error AS good_error,
  last.status AS last_status, last.error AS last_error, last.retrieved_at AS attempted_at,
  (SELECT COUNT(*) FROM captures WHERE url = e.url AND status = 'captured') AS versions
FROM evidence e
LEFT JOIN captures good ON good.id = (
  SELECT id FROM captures WHERE url = e.url AND status = 'captured' ORDER BY id DESC LIMIT 1)
LEFT JOIN captures last ON last.id = (
  SELECT id FROM captures WHERE url = e.url ORDER BY id DESC LIMIT 1)
"""


def _evidence(row: dict[str, Any]) -> Evidence:
    last_failed = row["last_status"] == CaptureStatus.FAILED.value
    if row["sha256"]:
        status = CaptureStatus.CAPTURED
    elif last_failed:
        status = CaptureStatus.FAILED
    else:
        status = CaptureStatus.PENDING
    if last_failed:
        error = row["last_error"] or "the fetch failed"
    elif row["sha256"] and row["truncated"]:
        error = row["good_error"] or ""
    else:
        error = ""
    return Evidence(
        id=row["id"],
        claim_id=row["claim_id"],
        url=row["url"],
        stance=Stance(row["stance"] or "context"),
        note=row["note"] or "",
        added_at=row["added_at"] or "",
        author=row["author"] or "",
        capture_status=status,
        final_url=row["final_url"] or "",
        title=row["title"] or "",
        http_status=row["http_status"],
        content_type=row["content_type"] or "",
        retrieved_at=row["retrieved_at"] or "",
        sha256=row["sha256"] or "",
        error=error,
        truncated=bool(row["truncated"]),
        attempted_at=row["attempted_at"] or "",
        versions=row["versions"] or 0,
    )


def _record(item: Evidence) -> dict[str, Any]:
    return {
        "claim_id": item.claim_id,
        "url": item.url,
        "stance": item.stance.value,
        "note": item.note,
        "added_at": item.added_at,
        "author": item.author,
    }


class EvidenceRepo(Repository):
    """``store.evidence``: the URLs attached to claims, with what their newest capture says."""

    def all(self, claim_id: int | None = None) -> list[Evidence]:
        if claim_id is None:
            rows = self._db.query(f"{_EVIDENCE_SELECT} ORDER BY e.claim_id, e.id")
        else:
            rows = self._db.query(
                f"{_EVIDENCE_SELECT} WHERE e.claim_id = ? ORDER BY e.id", [claim_id]
            )
        with self._store._reading():
            return [_evidence(row) for row in rows]

    def get(self, evidence_id: int) -> Evidence:
        rows = list(self._db.query(f"{_EVIDENCE_SELECT} WHERE e.id = ?", [evidence_id]))
        if not rows:
            raise NotFoundError(f"no evidence with id {evidence_id}")
        with self._store._reading():
            return _evidence(rows[0])

    def _next_evidence_id(self) -> int:
        """An id no evidence item has ever had in this file (as ``ClaimRepo._next_claim_id``).

        SQLite would give the id of a deleted newest item to the next one, and the
        history, which still holds the old item's entries, would then mix the two.
        """
        row = self._db.execute(
            "SELECT MAX(m) FROM (SELECT MAX(id) AS m FROM evidence "
            "UNION ALL SELECT MAX(entity_id) FROM history WHERE entity = 'evidence')"
        ).fetchone()
        return (row[0] or 0) + 1

    def _insert(self, item: Evidence) -> int:
        record = _record(item)
        if item.id is not None:
            record["id"] = item.id
        columns = list(record)
        try:
            cursor = self._db.execute(
                f"INSERT INTO evidence ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)})",
                [record[c] for c in columns],
            )
        except sqlite3.IntegrityError:
            raise ValidationError(f"claim {item.claim_id} already cites {item.url}") from None
        return stored_id(cursor.lastrowid) if item.id is None else item.id

    def add(
        self,
        claim_id: int,
        url: str,
        stance: Stance | str = Stance.CONTEXT,
        note: str = "",
        *,
        author: str = "",
    ) -> Evidence:
        """Attach a URL to a claim. Refuses non-http(s) URLs and a URL the claim already cites."""
        url = clean_url(url)
        stance = Stance.parse(stance) if isinstance(stance, str) else stance
        item = Evidence(claim_id=claim_id, url=url, stance=stance, note=note, author=author)
        with self._store._write():
            self._store.claims.get(claim_id)  # raises NotFoundError
            item.id = self._next_evidence_id()
            self._insert(item)
            self._store._log("evidence", item.id, "insert", None, _record(item))
            self._store._changed("evidence", "insert", item.id)
            self._store._changed("claim", "update", claim_id)  # its evidence count
        return self.get(item.id)

    def update(self, evidence_id: int, **fields: Any) -> Evidence:
        """Change an evidence item's stance or note."""
        allowed = {"stance", "note"}
        if set(fields) - allowed:
            raise ValueError(f"not editable: {', '.join(sorted(set(fields) - allowed))}")
        current = self.get(evidence_id)
        if "stance" in fields:
            stance = fields["stance"]
            fields["stance"] = (Stance.parse(stance) if isinstance(stance, str) else stance).value
        before = {
            k: getattr(current, k).value if k == "stance" else getattr(current, k) for k in fields
        }
        if before == fields:
            return current
        with self._store._write() as db:
            db.table("evidence").update(evidence_id, fields)
            self._store._log("evidence", evidence_id, "update", before, dict(fields))
            self._store._changed("evidence", "update", evidence_id)
        return self.get(evidence_id)

    def delete(self, evidence_id: int) -> Evidence:
        """Remove an evidence item (its captures stay, for other claims and for the record)."""
        with self._store._write() as db:
            item = self.get(evidence_id)
            done_before = self._store.done.snapshot([item.claim_id])
            db.execute("DELETE FROM evidence WHERE id = ?", [evidence_id])
            self._store._log("evidence", evidence_id, "delete", _record(item), None)
            self._store._changed("evidence", "delete", evidence_id)
            self._store._changed("claim", "update", item.claim_id)
            # A done claim that needed this source goes back to "in progress".
            self._store.done.recheck(done_before)
        return item

    def restore(self, item: Evidence) -> Evidence:
        """Put back a removed evidence item with its id (undo of ``delete``)."""
        evidence_id = stored_id(item.id)
        with self._store._write():
            self._insert(item)
            self._store._log("evidence", evidence_id, "restore", None, _record(item))
            self._store._changed("evidence", "insert", evidence_id)
            self._store._changed("claim", "update", item.claim_id)
        return self.get(evidence_id)

    def add_many(self, items: list[Evidence]) -> int:
        """Attach many evidence items in one transaction (imports, merges). Returns the count."""
        with self._store._write():
            next_id = self._next_evidence_id()
            for item in items:
                item.url = clean_url(item.url)
                if item.id is None:
                    item.id, next_id = next_id, next_id + 1
                self._insert(item)
            self._store._log("evidence", None, "insert", None, {"count": len(items)})
            self._store._changed("evidence", "insert", *[stored_id(item.id) for item in items])
            self._store._changed("claim", "update", *sorted({item.claim_id for item in items}))
        return len(items)

    def _move(self, evidence_id: int, from_claim: int, to_claim: int) -> None:
        """Attach an evidence item to another claim (a merge), logged (inside a write)."""
        store = self._store
        self._db.execute("UPDATE evidence SET claim_id = ? WHERE id = ?", [to_claim, evidence_id])
        store._log(
            "evidence", evidence_id, "update", {"claim_id": from_claim}, {"claim_id": to_claim}
        )
        store._changed("evidence", "update", evidence_id)
