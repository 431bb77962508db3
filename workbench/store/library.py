"""``LibraryStore``: the user's fact-check library (its SQL is here and in ``library_search``,
``library_vectors`` and ``library_schema``).

Reviews are deduplicated by key (the review URL, or a project's claim): a review
already in the library from another source is left as it is and counted as a
duplicate; the same source imported again updates its reviews. Each review keeps
its source and when it was imported. An import is one transaction: a failure
halfway leaves the library as it was.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import ProjectFileError
from workbench.core.models import utc_now
from workbench.core.reviews import Review
from workbench.store.library_schema import open_library_database
from workbench.store.library_search import LibrarySearch
from workbench.store.library_vectors import LibraryVectors

LIBRARY_FILE = "library.sqlite"
BATCH = 2000

# fmt: off
_FIELDS = (
    "key", "url", "claim", "title", "claimant", "verdict", "colour", "rating", "best_rating",
    "worst_rating", "publisher", "publisher_url", "date", "rationale", "quote", "appearance",
    "article", "evidence", "language", "project", "project_claim_id", "source", "imported_at",
)
# fmt: on
_INSERT = f"INSERT INTO reviews ({', '.join(_FIELDS)}) VALUES ({', '.join('?' for _ in _FIELDS)})"
_UPDATE = (
    f"UPDATE reviews SET {', '.join(f'{name} = ?' for name in _FIELDS[1:])}, "
    "vector = CASE WHEN claim = ? AND title = ? THEN vector END WHERE id = ?"
)
_SELECT = f"SELECT id, {', '.join(_FIELDS)} FROM reviews"


def default_library_path() -> Path:
    from workbench import paths

    return paths.data_dir() / LIBRARY_FILE


@dataclass
class ImportCounts:
    """What an import did: new reviews, updated ones, duplicates of other sources', skipped."""

    added: int = 0
    updated: int = 0
    duplicates: int = 0
    skipped: int = 0

    def describe(self) -> str:
        parts = [
            f"{self.added} added",
            f"{self.updated} updated",
            f"{self.duplicates} already in the library",
        ]
        if self.skipped:
            parts.append(f"{self.skipped} skipped (no claim text)")
        return ", ".join(parts)


@dataclass
class SourceInfo:
    name: str
    kind: str
    location: str
    imported_at: str
    reviews: int


def _row(review: Review) -> list:
    return [
        review.key,
        review.url,
        review.claim,
        review.title,
        review.claimant,
        review.verdict,
        review.colour,
        review.rating,
        review.best_rating,
        review.worst_rating,
        review.publisher,
        review.publisher_url,
        review.date,
        review.rationale,
        review.quote,
        review.appearance,
        review.article,
        json.dumps(review.evidence, ensure_ascii=False),
        review.language,
        review.project,
        review.project_claim_id,
        review.source,
        review.imported_at,
    ]


def _review(row: tuple) -> Review:
    values = dict(zip(("id", *_FIELDS), row, strict=True))
    values["evidence"] = json.loads(values["evidence"] or "[]")
    return Review(**values)


class LibraryStore(LibraryVectors, LibrarySearch):
    """The library file, open. Use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path | None = None, *, readonly: bool = False) -> None:
        self.path = Path(path) if path is not None else default_library_path()
        self.readonly = readonly
        self.db = open_library_database(self.path, readonly=readonly)

    def close(self) -> None:
        # PASSIVE never waits: the window's library thread may be writing. (The last
        # connection to close checkpoints the WAL and removes it anyway.)
        try:
            if not self.readonly:
                self.db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error:
            pass
        self.db.close()

    def __enter__(self) -> LibraryStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _fail(self, exc: sqlite3.Error) -> ProjectFileError:
        return ProjectFileError(f"{self.path.name}: could not save ({exc})")

    # -- writing -----------------------------------------------------------------------
    def add_reviews(
        self,
        reviews: Iterable[Review],
        source: str,
        *,
        kind: str = "import",
        location: str = "",
        progress: Callable[[int], None] | None = None,
    ) -> ImportCounts:
        """Add (or, from the same source, update) reviews, all in one transaction."""
        counts = ImportCounts()
        now = utc_now()
        seen: set[str] = set()
        done = 0
        try:
            with self.db.atomic():
                self.db.execute(
                    "INSERT INTO sources (name, kind, location, imported_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(name) DO UPDATE SET location = excluded.location, "
                    "imported_at = excluded.imported_at",
                    [source, kind, location, now],
                )
                batch: list[Review] = []
                for review in reviews:
                    batch.append(review)
                    if len(batch) >= BATCH:
                        self._write_batch(batch, source, now, seen, counts)
                        done += len(batch)
                        batch = []
                        if progress:
                            progress(done)
                if batch:
                    self._write_batch(batch, source, now, seen, counts)
                    done += len(batch)
                    if progress:
                        progress(done)
                self._bump()
        except sqlite3.Error as exc:
            raise self._fail(exc) from None
        return counts

    def _write_batch(
        self, batch: list[Review], source: str, now: str, seen: set[str], counts: ImportCounts
    ) -> None:
        fresh: list[Review] = []
        for review in batch:
            if not review.claim:
                counts.skipped += 1
            elif review.key in seen:
                counts.duplicates += 1
            else:
                seen.add(review.key)
                review.source = source
                review.imported_at = now
                fresh.append(review)
        existing: dict[str, tuple] = {}
        keys = [r.key for r in fresh]
        for start in range(0, len(keys), 900):
            chunk = keys[start : start + 900]
            sql = (
                f"SELECT key, id, source FROM reviews "
                f"WHERE key IN ({', '.join('?' for _ in chunk)})"
            )
            for key, id_, old_source in self.db.execute(sql, chunk).fetchall():
                existing[key] = (id_, old_source)
        inserts, updates = [], []
        for review in fresh:
            found = existing.get(review.key)
            if found is None:
                inserts.append(_row(review))
            elif found[1] == source:
                updates.append([*_row(review)[1:], review.claim, review.title, found[0]])
            else:
                counts.duplicates += 1
        if inserts:
            self.db.conn.executemany(_INSERT, inserts)
        if updates:
            self.db.conn.executemany(_UPDATE, updates)
        counts.added += len(inserts)
        counts.updated += len(updates)

    def replace_project(self, project: str, reviews: list[Review]) -> tuple[ImportCounts, int]:
        """Make the library hold exactly ``reviews`` for this project (its rated claims).

        Returns what was added or updated, and how many entries went (no longer rated).
        """
        source = f"project:{project}"
        keys = {r.key for r in reviews}
        try:
            with self.db.atomic():
                stale = [
                    key
                    for (key,) in self.db.execute(
                        "SELECT key FROM reviews WHERE project = ?", [project]
                    ).fetchall()
                    if key not in keys
                ]
                self.db.conn.executemany(
                    "DELETE FROM reviews WHERE key = ?", [[key] for key in stale]
                )
                self.db.execute(
                    "DELETE FROM reviews WHERE project = ? AND source != ?", [project, source]
                )
                counts = self.add_reviews(reviews, source, kind="project", location=project)
                self._drop_empty_sources()
        except sqlite3.Error as exc:
            raise self._fail(exc) from None
        return counts, len(stale)

    def remove_project_claim(self, project: str, claim_id: int) -> bool:
        try:
            with self.db.atomic():
                cursor = self.db.execute(
                    "DELETE FROM reviews WHERE project = ? AND project_claim_id = ?",
                    [project, claim_id],
                )
                self._drop_empty_sources()
                self._bump()
        except sqlite3.Error as exc:
            raise self._fail(exc) from None
        return cursor.rowcount > 0

    def remove_source(self, name: str) -> int:
        """Remove a source and its reviews; returns how many reviews went."""
        try:
            with self.db.atomic():
                cursor = self.db.execute("DELETE FROM reviews WHERE source = ?", [name])
                self.db.execute("DELETE FROM sources WHERE name = ?", [name])
                self._bump()
        except sqlite3.Error as exc:
            raise self._fail(exc) from None
        return cursor.rowcount

    def _drop_empty_sources(self) -> None:
        self.db.execute(
            "DELETE FROM sources WHERE name NOT IN (SELECT DISTINCT source FROM reviews)"
        )

    def _bump(self) -> None:
        """Count writes, so a matcher's in-memory vectors know when to reload."""
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES ('generation', '1') ON CONFLICT(key) "
            "DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )

    # -- reading -----------------------------------------------------------------------
    def generation(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def reviews_by_id(self, ids: list[int]) -> dict[int, Review]:
        found: dict[int, Review] = {}
        for start in range(0, len(ids), 900):
            chunk = list(ids[start : start + 900])
            sql = f"{_SELECT} WHERE id IN ({', '.join('?' for _ in chunk)})"
            for row in self.db.execute(sql, chunk).fetchall():
                found[row[0]] = _review(row)
        return found

    def reviews(
        self, *, source: str | None = None, limit: int | None = None, offset: int = 0
    ) -> Iterator[Review]:
        sql = _SELECT
        params: list[str | int] = []
        if source is not None:
            sql += " WHERE source = ?"
            params.append(source)
        sql += " ORDER BY id"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        for row in self.db.execute(sql, params):
            yield _review(row)

    def sources(self) -> list[SourceInfo]:
        rows = self.db.execute(
            "SELECT s.name, s.kind, s.location, s.imported_at, "
            "(SELECT COUNT(*) FROM reviews r WHERE r.source = s.name) FROM sources s "
            "ORDER BY s.name"
        ).fetchall()
        return [SourceInfo(*row) for row in rows]

    def stats(self) -> dict:
        reviews, vectors = self.db.execute("SELECT COUNT(*), COUNT(vector) FROM reviews").fetchone()
        projects = self.db.execute(
            "SELECT COUNT(DISTINCT project) FROM reviews WHERE project != ''"
        ).fetchone()[0]
        by_kind = dict(
            self.db.execute(
                "SELECT s.kind, COUNT(*) FROM reviews r JOIN sources s ON s.name = r.source "
                "GROUP BY s.kind"
            ).fetchall()
        )
        return {
            "path": str(self.path),
            "reviews": reviews,
            "with_vectors": vectors,
            "vector_model": self.vector_model(),
            "sources": len(self.sources()),
            "projects": projects,
            "by_kind": by_kind,
            "size_bytes": self.path.stat().st_size if self.path.exists() else 0,
        }
