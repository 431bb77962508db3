"""The library's claim vectors (for semantic matching): which reviews lack one, storing
and reading them. Part of ``LibraryStore``; every statement here is SQL on its file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

    from workbench.core.errors import ProjectFileError


class LibraryVectors:
    """Vector reads and writes of ``LibraryStore`` (which provides ``db``, ``_fail``, ``_bump``)."""

    db: Database

    if TYPE_CHECKING:

        def _fail(self, exc: sqlite3.Error) -> ProjectFileError: ...

        def _bump(self) -> None: ...

    def vector_model(self) -> str:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'vector_model'").fetchone()
        return row[0] if row else ""

    def missing_vectors(self, limit: int = 256) -> list[tuple[int, str]]:
        """Reviews without a vector yet: (id, the text to embed)."""
        return self.db.execute(
            "SELECT id, claim FROM reviews WHERE vector IS NULL ORDER BY id LIMIT ?", [limit]
        ).fetchall()

    def count_missing_vectors(self, model: str | None = None) -> int:
        """Reviews without a vector; with ``model``, without a vector of that model: all of
        them when the stored vectors are another model's (a library indexed before the
        shipped model changed), though none is NULL."""
        if model is not None and self.vector_model() not in ("", model):
            return self.db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
        return self.db.execute("SELECT COUNT(*) FROM reviews WHERE vector IS NULL").fetchone()[0]

    def set_vectors(self, vectors: list[tuple[int, bytes]], model: str) -> None:
        try:
            with self.db.atomic():
                if model != self.vector_model():
                    # Vectors of another model are not comparable: drop them all.
                    self.db.execute("UPDATE reviews SET vector = NULL WHERE vector IS NOT NULL")
                    self.db.execute(
                        "INSERT INTO meta (key, value) VALUES ('vector_model', ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                        [model],
                    )
                self.db.conn.executemany(
                    "UPDATE reviews SET vector = ? WHERE id = ?",
                    [[blob, id_] for id_, blob in vectors],
                )
                self._bump()
        except sqlite3.Error as exc:
            raise self._fail(exc) from None

    def all_vectors(self) -> Iterator[tuple[int, bytes]]:
        yield from self.db.execute(
            "SELECT id, vector FROM reviews WHERE vector IS NOT NULL ORDER BY id"
        )

    def vectors(self, ids: list[int]) -> dict[int, bytes]:
        if not ids:
            return {}
        sql = (
            f"SELECT id, vector FROM reviews WHERE vector IS NOT NULL "
            f"AND id IN ({', '.join('?' for _ in ids)})"
        )
        return dict(self.db.execute(sql, list(ids)).fetchall())
