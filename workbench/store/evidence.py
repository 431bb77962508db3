"""Evidence attached to claims, and the captures of their URLs.

One URL has one series of captures, shared by every claim that cites it. An
evidence row shows the newest capture; a failed attempt never hides an earlier
good capture (see ``_EVIDENCE_SELECT``).
"""

from __future__ import annotations

import sqlite3
import zlib
from dataclasses import asdict

from workbench.core.errors import NotFoundError, ProjectFileError, ValidationError
from workbench.core.models import Capture, CaptureStatus, Evidence, Stance, utc_now
from workbench.core.urls import clean_url, safe_http_url
from workbench.store.base import StoreBase

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

_CAPTURE_COLUMNS = (
    "id, url, status, final_url, http_status, content_type, retrieved_at, title, "
    "sha256, size, truncated, text, error"
)
GZIP_MAGIC = b"\x1f\x8b"
MAX_BODY = 256 * 1024 * 1024  # far above any capture limit a project can set


def _evidence(row: dict) -> Evidence:
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


def _capture(row: dict) -> Capture:
    return Capture(
        id=row["id"],
        url=row["url"],
        status=CaptureStatus(row["status"]),
        final_url=row["final_url"] or "",
        http_status=row["http_status"],
        content_type=row["content_type"] or "",
        retrieved_at=row["retrieved_at"] or "",
        title=row["title"] or "",
        sha256=row["sha256"] or "",
        size=row["size"] or 0,
        truncated=bool(row["truncated"]),
        text=row["text"] or "",
        error=row["error"] or "",
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
        with self._reading():
            return [_evidence(row) for row in rows]

    def evidence_item(self, evidence_id: int) -> Evidence:
        rows = list(self.db.query(f"{_EVIDENCE_SELECT} WHERE e.id = ?", [evidence_id]))
        if not rows:
            raise NotFoundError(f"no evidence with id {evidence_id}")
        with self._reading():
            return _evidence(rows[0])

    def _next_evidence_id(self) -> int:
        """An id no evidence item has ever had in this file (as ``_next_claim_id``).

        SQLite would give the id of a deleted newest item to the next one, and the
        history, which still holds the old item's entries, would then mix the two.
        """
        row = self.db.execute(
            "SELECT MAX(m) FROM (SELECT MAX(id) AS m FROM evidence "
            "UNION ALL SELECT MAX(entity_id) FROM history WHERE entity = 'evidence')"
        ).fetchone()
        return (row[0] or 0) + 1

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
        item = Evidence(claim_id=claim_id, url=url, stance=stance, note=note, author=author)
        with self._write():
            self.claim(claim_id)  # raises NotFoundError
            item.id = self._next_evidence_id()
            self._insert_evidence(item)
            self._log("evidence", item.id, "insert", None, _record(item))
            self._changed("evidence", "insert", item.id)
            self._changed("claim", "update", claim_id)  # its evidence count
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
        with self._write() as db:
            item = self.evidence_item(evidence_id)
            done_before = self._done_missing([item.claim_id])
            db.execute("DELETE FROM evidence WHERE id = ?", [evidence_id])
            self._log("evidence", evidence_id, "delete", _record(item), None)
            self._changed("evidence", "delete", evidence_id)
            self._changed("claim", "update", item.claim_id)
            # A done claim that needed this source goes back to "in progress".
            self._recheck_done(done_before)
        return item

    def restore_evidence(self, item: Evidence) -> Evidence:
        """Put back a removed evidence item with its id (undo of ``delete_evidence``)."""
        with self._write():
            self._insert_evidence(item)
            self._log("evidence", item.id, "restore", None, _record(item))
            self._changed("evidence", "insert", item.id)
            self._changed("claim", "update", item.claim_id)
        return self.evidence_item(item.id)

    # -- captures --------------------------------------------------------------------
    def add_capture(self, capture: Capture, body: bytes | None = None) -> Capture:
        """Record one retrieval attempt of a URL (kept forever: captures are versions).

        ``body`` is the raw body already gzip-compressed (the fetcher compresses it
        on its own thread, so storing it costs the caller no CPU).
        """
        return self.add_captures([(capture, body)])[0]

    def add_captures(self, items: list[tuple[Capture, bytes | None]]) -> list[Capture]:
        """Record several retrieval attempts in one transaction (a batch of fetches)."""
        urls: set[str] = set()
        with self._write() as db:
            for capture, body in items:
                record = asdict(capture)
                record.pop("id")
                record.pop("changed")
                record["url"] = clean_url(capture.url)
                # Where the redirects ended is stored and exported like any URL.
                record["final_url"] = safe_http_url(capture.final_url or "")
                record["status"] = CaptureStatus(capture.status).value
                record["truncated"] = int(capture.truncated)
                record["body"] = body
                record["retrieved_at"] = capture.retrieved_at or utc_now()
                columns = list(record)
                cursor = db.execute(
                    f"INSERT INTO captures ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' for _ in columns)})",
                    [record[c] for c in columns],
                )
                capture.id = cursor.lastrowid
                self._log(
                    "capture", capture.id, record["status"], None,
                    {"url": record["url"], "sha256": capture.sha256 or None,
                     "error": capture.error or None},
                )
                urls.add(record["url"])
            ids = [
                row["id"]
                for url in sorted(urls)
                for row in db.query("SELECT id FROM evidence WHERE url = ?", [url])
            ]
            if ids:
                self._changed("evidence", "update", *ids)
        return [capture for capture, _ in items]

    def captures(self, url: str) -> list[Capture]:
        """Every capture of ``url``, newest first, without the raw body.

        A good capture whose SHA-256 differs from the good capture before it is
        marked ``changed``: the page said something else that time.
        """
        rows = self.db.query(
            f"SELECT {_CAPTURE_COLUMNS} FROM captures WHERE url = ? ORDER BY id", [url]
        )
        result: list[Capture] = []
        previous = ""
        for row in rows:
            with self._reading():
                capture = _capture(row)
            if capture.status is CaptureStatus.CAPTURED:
                capture.changed = bool(previous) and capture.sha256 != previous
                previous = capture.sha256
            result.append(capture)
        result.reverse()
        return result

    def capture_body(self, capture_id: int) -> bytes | None:
        """The raw bytes the server sent for a capture (decompressed), or None."""
        rows = list(self.db.query("SELECT body, size FROM captures WHERE id = ?", [capture_id]))
        body = rows[0]["body"] if rows else None
        if body and body[:2] == GZIP_MAGIC:
            # Never more than the size recorded at capture: a damaged or hostile file
            # must not make a small blob inflate into gigabytes.
            recorded = int(rows[0]["size"] or 0)
            limit = recorded if 0 < recorded <= MAX_BODY else MAX_BODY
            inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
            try:
                data = inflate.decompress(body, limit + 1)
            except zlib.error:
                data = b""
            if not inflate.eof or len(data) > limit or (recorded and len(data) != recorded):
                raise ProjectFileError(
                    f"{self.path.name}: the file is damaged (the page kept for capture "
                    f"{capture_id} cannot be read back)"
                )
            return data
        return body

    def urls_to_capture(self, claim_id: int | None = None, *, failed: bool = True,
                        again: bool = False) -> list[str]:
        """Distinct evidence URLs, in the order first cited, that have no good capture.

        ``failed=False`` leaves out URLs already tried (only never-fetched ones);
        ``again`` lists every URL, captured or not.
        """
        where, params = [], []
        if claim_id is not None:
            where.append("e.claim_id = ?")
            params.append(claim_id)
        if not again:
            # With ``failed``, a URL whose attempts all failed still needs a capture.
            only_good = " AND c.status = 'captured'" if failed else ""
            where.append(f"NOT EXISTS (SELECT 1 FROM captures c WHERE c.url = e.url{only_good})")
        sql = "SELECT e.url, MIN(e.id) AS first FROM evidence e"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " GROUP BY e.url ORDER BY first"
        return [row["url"] for row in self.db.query(sql, params)]

    def add_evidence_many(self, items: list[Evidence]) -> int:
        """Attach many evidence items in one transaction (imports, merges). Returns the count."""
        with self._write():
            next_id = self._next_evidence_id()
            for item in items:
                item.url = clean_url(item.url)
                if item.id is None:
                    item.id, next_id = next_id, next_id + 1
                self._insert_evidence(item)
            self._log("evidence", None, "insert", None, {"count": len(items)})
            self._changed("evidence", "insert", *[item.id for item in items])
            self._changed("claim", "update", *sorted({item.claim_id for item in items}))
        return len(items)
