"""Captures: every retrieval of an evidence URL, kept forever (captures are versions).

One URL has one series of captures, shared by every claim that cites it. The
body is stored gzip-compressed; reading it back never inflates past the size
recorded at capture.
"""

from __future__ import annotations

import zlib
from dataclasses import asdict
from typing import Any

from workbench.core.errors import ProjectFileError
from workbench.core.models import Capture, CaptureStatus, utc_now
from workbench.core.urls import clean_url, safe_http_url
from workbench.store.repo import Repository

_CAPTURE_COLUMNS = (
    "id, url, status, final_url, http_status, content_type, retrieved_at, title, "
    "sha256, size, truncated, text, error"
)
GZIP_MAGIC = b"\x1f\x8b"
MAX_BODY = 256 * 1024 * 1024  # far above any capture limit a project can set


def _capture(row: dict[str, Any]) -> Capture:
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


class CaptureRepo(Repository):
    """``store.captures``: record fetches of evidence URLs and read them back."""

    # -- captures --------------------------------------------------------------------
    def add(self, capture: Capture, body: bytes | None = None) -> Capture:
        """Record one retrieval attempt of a URL (kept forever: captures are versions).

        ``body`` is the raw body already gzip-compressed (the fetcher compresses it
        on its own thread, so storing it costs the caller no CPU).
        """
        return self.add_many([(capture, body)])[0]

    def add_many(self, items: list[tuple[Capture, bytes | None]]) -> list[Capture]:
        """Record several retrieval attempts in one transaction (a batch of fetches)."""
        urls: set[str] = set()
        with self._store._write() as db:
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
                self._store._log(
                    "capture",
                    capture.id,
                    record["status"],
                    None,
                    {
                        "url": record["url"],
                        "sha256": capture.sha256 or None,
                        "error": capture.error or None,
                    },
                )
                urls.add(record["url"])
            ids = [
                row["id"]
                for url in sorted(urls)
                for row in db.query("SELECT id FROM evidence WHERE url = ?", [url])
            ]
            if ids:
                self._store._changed("evidence", "update", *ids)
        return [capture for capture, _ in items]

    def of_url(self, url: str) -> list[Capture]:
        """Every capture of ``url``, newest first, without the raw body.

        A good capture whose SHA-256 differs from the good capture before it is
        marked ``changed``: the page said something else that time.
        """
        rows = self._db.query(
            f"SELECT {_CAPTURE_COLUMNS} FROM captures WHERE url = ? ORDER BY id", [url]
        )
        result: list[Capture] = []
        previous = ""
        for row in rows:
            with self._store._reading():
                capture = _capture(row)
            if capture.status is CaptureStatus.CAPTURED:
                capture.changed = bool(previous) and capture.sha256 != previous
                previous = capture.sha256
            result.append(capture)
        result.reverse()
        return result

    def body(self, capture_id: int) -> bytes | None:
        """The raw bytes the server sent for a capture (decompressed), or None."""
        rows = list(self._db.query("SELECT body, size FROM captures WHERE id = ?", [capture_id]))
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
                    f"{self._store.path.name}: the file is damaged (the page kept for capture "
                    f"{capture_id} cannot be read back)"
                )
            return data
        return body

    def urls_to_fetch(
        self, claim_id: int | None = None, *, failed: bool = True, again: bool = False
    ) -> list[str]:
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
        return [row["url"] for row in self._db.query(sql, params)]
