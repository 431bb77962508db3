"""The library's text search for matching: BM25 over its FTS5 index, document
frequencies, and the few columns re-ranking reads. Part of ``LibraryStore``."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


class LibrarySearch:
    """Search queries of ``LibraryStore`` (which provides ``db``)."""

    db: Database

    def bm25(
        self, fts_query: str, limit: int, weights: tuple[float, float, float], exclude_key: str = ""
    ) -> list[tuple[int, float]]:
        """(id, BM25 score, higher is better) of the reviews matching an FTS5 query."""
        if not fts_query:
            return []
        sql = (
            "SELECT rowid, -bm25(reviews_fts, ?, ?, ?) FROM reviews_fts "
            "WHERE reviews_fts MATCH ? ORDER BY bm25(reviews_fts, ?, ?, ?) LIMIT ?"
        )
        try:
            rows = self.db.execute(sql, [*weights, fts_query, *weights, limit + 1]).fetchall()
        except sqlite3.OperationalError:
            return []
        if exclude_key:
            hidden = self.id_of(exclude_key)
            rows = [row for row in rows if row[0] != hidden]
        return rows[:limit]

    def review_count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]

    def document_frequencies(self, terms: list[str]) -> dict[str, int]:
        """In how many reviews each term occurs (after the index's own stemming)."""
        if not terms:
            return {}
        conn = self.db.conn
        if not getattr(self, "_stemmer", False):
            # A scratch FTS5 table with the same tokenizer stems the terms as the index does.
            conn.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_fts USING fts5(t, "
                "tokenize='porter unicode61 remove_diacritics 2')"
            )
            conn.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_terms "
                "USING fts5vocab(temp, query_fts, 'instance')"
            )
            self._stemmer = True
        conn.execute("DELETE FROM temp.query_fts")
        conn.executemany(
            "INSERT INTO temp.query_fts (rowid, t) VALUES (?, ?)", list(enumerate(terms))
        )
        stems: dict[int, list[str]] = {}
        for term, row in conn.execute("SELECT term, doc FROM temp.query_terms"):
            stems.setdefault(row, []).append(term)
        found = {}
        for row, term in enumerate(terms):
            counts = [
                conn.execute("SELECT doc FROM reviews_terms WHERE term = ?", [stem]).fetchone()
                for stem in stems.get(row, [])
            ]
            found[term] = max((c[0] for c in counts if c), default=0)
        return found

    def id_of(self, key: str) -> int | None:
        row = self.db.execute("SELECT id FROM reviews WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def candidate_texts(self, ids: list[int]) -> dict[int, tuple[str, str, str]]:
        """(claim, title, claimant) by id: what re-ranking reads, without the whole review."""
        found: dict[int, tuple[str, str, str]] = {}
        for start in range(0, len(ids), 900):
            chunk = list(ids[start : start + 900])
            sql = (
                f"SELECT id, claim, title, claimant FROM reviews "
                f"WHERE id IN ({', '.join('?' for _ in chunk)})"
            )
            for id_, claim, title, claimant in self.db.execute(sql, chunk).fetchall():
                found[id_] = (claim, title, claimant)
        return found
