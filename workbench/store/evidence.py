"""Evidence attached to claims, and the captures of their URLs.

One URL has one series of captures, shared by every claim that cites it. An
evidence row shows the newest capture; a failed attempt never hides an earlier
good capture (see ``_EVIDENCE_SELECT``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict

from workbench.core.errors import NotFoundError, ValidationError
from workbench.core.models import Capture, CaptureStatus, Evidence, Stance, utc_now
from workbench.core.urls import clean_url
from workbench.store.base import StoreBase

# The newest good capture gives title, hash and status; the newest attempt, if it
# failed after that, gives the error.
_EVIDENCE_SELECT = """
SELECT e.*,
  good.final_url AS final_url, good.title AS title, good.http_status AS http_status,
  good.content_type AS content_type, good.retrieved_at AS retrieved_at, good.sha256 AS sha256,
  last.status AS last_status, last.error AS last_error
FROM evidence e
LEFT JOIN captures good ON good.id = (
  SELECT id FROM captures WHERE url = e.url AND status = 'captured' ORDER BY id DESC LIMIT 1)
LEFT JOIN captures last ON last.id = (
  SELECT id FROM captures WHERE url = e.url ORDER BY id DESC LIMIT 1)
"""


def _evidence(row: dict) -> Evidence:
    last_status = row["last_status"]
    if row["sha256"]:
        status = CaptureStatus.CAPTURED
    elif last_status == CaptureStatus.FAILED.value:
        status = CaptureStatus.FAILED
    else:
        status = CaptureStatus.PENDING
    error = row["last_error"] or "" if last_status == CaptureStatus.FAILED.value else ""
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
    )


def _record(item: Evidence) -> dict:
    return {
        "claim_id": item.claim_id,
        "url": item.url,
        "stance": item.stance.value,
        "note": item.note,
        "added_at": item.added_at,
        "author": item.author,
    }


class EvidenceMixin(StoreBase):
    def evidence(self, claim_id: int | None = None) -> list[Evidence]:
        if claim_id is None:
            rows = self.db.query(f"{_EVIDENCE_SELECT} ORDER BY e.claim_id, e.id")
        else:
            rows = self.db.query(
                f"{_EVIDENCE_SELECT} WHERE e.claim_id = ? ORDER BY e.id", [claim_id]
            )
        return [_evidence(row) for row in rows]

    def evidence_item(self, evidence_id: int) -> Evidence:
        rows = list(self.db.query(f"{_EVIDENCE_SELECT} WHERE e.id = ?", [evidence_id]))
        if not rows:
            raise NotFoundError(f"no evidence with id {evidence_id}")
        return _evidence(rows[0])

    def _insert_evidence(self, item: Evidence) -> int:
        record = _record(item)
        if item.id is not None:
            record["id"] = item.id
        columns = list(record)
        try:
            cursor = self.db.execute(
                f"INSERT INTO evidence ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)})",
                [record[c] for c in columns],
            )
        except sqlite3.IntegrityError:
            raise ValidationError(f"claim {item.claim_id} already cites {item.url}") from None
        return cursor.lastrowid if item.id is None else item.id

    def add_evidence(
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
        self.claim(claim_id)  # raises NotFoundError
        item = Evidence(claim_id=claim_id, url=url, stance=stance, note=note, author=author)
        with self._write():
            item.id = self._insert_evidence(item)
            self._log("evidence", item.id, "insert", None, _record(item))
            self._changed("evidence", "insert", item.id)
        return self.evidence_item(item.id)

    def update_evidence(self, evidence_id: int, **fields) -> Evidence:
        """Change an evidence item's stance or note."""
        allowed = {"stance", "note"}
        if set(fields) - allowed:
            raise ValueError(f"not editable: {', '.join(sorted(set(fields) - allowed))}")
        current = self.evidence_item(evidence_id)
        if "stance" in fields:
            stance = fields["stance"]
            fields["stance"] = (Stance.parse(stance) if isinstance(stance, str) else stance).value
        before = {k: getattr(current, k).value if k == "stance" else getattr(current, k) for k in fields}
        if before == fields:
            return current
        with self._write() as db:
            db["evidence"].update(evidence_id, fields)
            self._log("evidence", evidence_id, "update", before, dict(fields))
            self._changed("evidence", "update", evidence_id)
        return self.evidence_item(evidence_id)

    def delete_evidence(self, evidence_id: int) -> Evidence:
        """Remove an evidence item (its captures stay, for other claims and for the record)."""
        item = self.evidence_item(evidence_id)
        with self._write() as db:
            db.execute("DELETE FROM evidence WHERE id = ?", [evidence_id])
            self._log("evidence", evidence_id, "delete", _record(item), None)
            self._changed("evidence", "delete", evidence_id)
        return item

    def restore_evidence(self, item: Evidence) -> Evidence:
        """Put back a removed evidence item with its id (undo of ``delete_evidence``)."""
        with self._write():
            self._insert_evidence(item)
            self._log("evidence", item.id, "restore", None, _record(item))
            self._changed("evidence", "insert", item.id)
        return self.evidence_item(item.id)

    # -- captures --------------------------------------------------------------------
    def add_capture(self, capture: Capture, body: bytes | None = None) -> Capture:
        """Record one retrieval attempt of a URL (kept forever: captures are versions)."""
        record = asdict(capture)
        record.pop("id")
        record["status"] = CaptureStatus(capture.status).value
        record["truncated"] = int(capture.truncated)
        record["body"] = body
        record["retrieved_at"] = capture.retrieved_at or utc_now()
        with self._write() as db:
            columns = list(record)
            cursor = db.execute(
                f"INSERT INTO captures ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)})",
                [record[c] for c in columns],
            )
            capture.id = cursor.lastrowid
            self._log(
                "capture", capture.id, capture.status.value if hasattr(capture.status, "value")
                else str(capture.status), None,
                {"url": capture.url, "sha256": capture.sha256, "error": capture.error},
            )
            ids = [r["id"] for r in db.query("SELECT id FROM evidence WHERE url = ?", [capture.url])]
            self._changed("evidence", "update", *ids)
        return capture

    def captures(self, url: str) -> list[Capture]:
        """Every capture of ``url``, newest first (without the raw body)."""
        rows = self.db.query(
            "SELECT id, url, status, final_url, http_status, content_type, retrieved_at, title, "
            "sha256, size, truncated, text, error FROM captures WHERE url = ? ORDER BY id DESC",
            [url],
        )
        return [
            Capture(**{**row, "status": CaptureStatus(row["status"]),
                       "truncated": bool(row["truncated"]),
                       **{k: row[k] or "" for k in ("final_url", "content_type", "retrieved_at",
                                                    "title", "sha256", "text", "error")},
                       "size": row["size"] or 0})
            for row in rows
        ]

    def capture_body(self, capture_id: int) -> bytes | None:
        rows = list(self.db.query("SELECT body FROM captures WHERE id = ?", [capture_id]))
        return rows[0]["body"] if rows else None

    def add_evidence_many(self, items: list[Evidence]) -> int:
        """Attach many evidence items in one transaction (imports, merges). Returns the count."""
        with self._write():
            for item in items:
                item.url = clean_url(item.url)
                item.id = self._insert_evidence(item)
            self._log("evidence", None, "insert", None, {"count": len(items)})
            self._changed("evidence", "insert", *[item.id for item in items])
        return len(items)
