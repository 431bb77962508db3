"""Articles: the canonical texts claims point into, and their versions.

An article's text never changes. A changed version is a new article row; the old
one stays (the claims that vanished keep pointing into it, where their quote is
still true). ``settings["article_versions"]`` maps each replaced article's id to
its successor's, so no schema change is needed.
"""

from __future__ import annotations

from typing import Any

from workbench.core.anchoring import ReanchorReport
from workbench.core.errors import NotFoundError
from workbench.core.models import Article, utc_now
from workbench.core.versions import ClaimMove, StoredQuote, plan_new_version
from workbench.store.claim_rows import anchor
from workbench.store.repo import Repository

VERSIONS_KEY = "article_versions"

# fmt: off
_COLUMNS = (
    "title", "source_url", "author", "published", "language", "text", "sha256",
    "imported_from", "imported_at",
)
# fmt: on


def _article(row: dict[str, Any]) -> Article:
    return Article(id=row["id"], **{name: row[name] or "" for name in _COLUMNS})


class ArticleRepo(Repository):
    """``store.articles``: add and read articles, their metadata and their versions."""

    def add(self, article: Article) -> Article:
        store = self._store
        record = {name: getattr(article, name) for name in _COLUMNS}
        with store._write() as db:
            cursor = db.execute(
                f"INSERT INTO articles ({', '.join(_COLUMNS)}) "
                f"VALUES ({', '.join('?' for _ in _COLUMNS)})",
                [record[name] for name in _COLUMNS],
            )
            article_id = cursor.lastrowid
            assert article_id is not None  # an INSERT always sets it
            summary = {k: v for k, v in record.items() if k != "text"}
            store._log("article", article_id, "import", None, summary)
            store._changed("article", "insert", article_id)
        return self.get(article_id)

    def all(self) -> list[Article]:
        return [_article(row) for row in self._db.query("SELECT * FROM articles ORDER BY id")]

    def get(self, article_id: int) -> Article:
        rows = list(self._db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
        if not rows:
            raise NotFoundError(f"no article with id {article_id}")
        return _article(rows[0])

    def update_meta(self, article_id: int, **fields: str) -> Article:
        """Change an article's metadata (title, author...). The text itself never changes."""
        if "text" in fields or "sha256" in fields:
            raise ValueError("an article's canonical text never changes; import a new version")
        store = self._store
        before = self.get(article_id)
        with store._write() as db:
            db.table("articles").update(article_id, fields)
            store._log(
                "article",
                article_id,
                "update",
                {k: getattr(before, k) for k in fields},
                dict(fields),
            )
            store._changed("article", "update", article_id)
        return self.get(article_id)

    # -- versions --------------------------------------------------------------------
    def versions(self) -> dict[int, int]:
        """Each replaced article's id → the id of the version that replaced it."""
        stored = self._store.settings.get(VERSIONS_KEY) or {}
        return {int(old): int(new) for old, new in stored.items()}

    def latest_version(self, article_id: int) -> int:
        versions = self.versions()
        seen = {article_id}
        while article_id in versions and versions[article_id] not in seen:
            article_id = versions[article_id]
            seen.add(article_id)
        return article_id

    def current(self) -> list[Article]:
        """The articles that no later version replaced."""
        replaced = set(self.versions())
        return [a for a in self.all() if a.id not in replaced]

    def add_version(self, previous_id: int, article: Article) -> tuple[Article, ReanchorReport]:
        """Store ``article`` as the new version of ``previous_id`` and move its claims over.

        One transaction: the new article, every claim found again (new span, quote,
        prefix and suffix; a note when its text changed), the vanished ones noted
        and left on the old version, the history, and the version link. Where each
        claim goes, and its note, is ``core.versions.plan_new_version``.
        """
        store = self._store
        previous = self.get(previous_id)
        when = utc_now()
        with store._write() as db:
            new = self.add(article)
            new_id = new.id
            assert new_id is not None
            rows = db.execute(
                "SELECT id, span_start, span_end, quote, prefix, suffix FROM claims "
                "WHERE article_id = ? ORDER BY span_start, id",
                [previous_id],
            ).fetchall()
            quotes = [StoredQuote(i, s, e, q, p or "", x or "") for i, s, e, q, p, x in rows]
            moves, report = plan_new_version(
                previous_id, previous.text, new_id, new.text, quotes, when
            )
            for move in moves:
                self._move_claim(move, previous_id, new_id, new.text, when)
            store.claims._renumber(previous_id)
            store.claims._renumber(new_id)
            versions = {str(k): v for k, v in self.versions().items()}
            versions[str(previous_id)] = new_id
            store.settings.set(VERSIONS_KEY, versions)
            store._log(
                "article",
                new_id,
                "new version",
                {"article_id": previous_id},
                {
                    "article_id": new_id,
                    "same": len(report.same),
                    "changed": report.changed,
                    "vanished": report.vanished,
                },
            )
            moved = report.same + report.changed + report.vanished
            if moved:
                store._changed("claim", "update", *moved)
        return self.get(new_id), report

    def _move_claim(
        self, move: ClaimMove, previous_id: int, new_id: int, new_text: str, when: str
    ) -> None:
        """Write one claim's place in the new version (or its note that it vanished)."""
        claim, place = move.claim, move.placement
        before = {
            "article_id": previous_id,
            "start": claim.start,
            "end": claim.end,
            "quote": claim.quote,
        }
        if not place.found:
            self._db.execute(
                "UPDATE claims SET anchor_note = ?, updated_at = ? WHERE id = ?",
                [move.note, when, claim.claim_id],
            )
            self._store._log(
                "claim", claim.claim_id, "reanchor", before, {"anchor_note": move.note}
            )
            return
        new_prefix, new_quote, new_suffix = anchor(new_text, place.start, place.end)
        columns: dict[str, Any] = {
            "article_id": new_id,
            "span_start": place.start,
            "span_end": place.end,
            "quote": new_quote,
            "prefix": new_prefix,
            "suffix": new_suffix,
            "updated_at": when,
        }
        if move.note:
            columns["anchor_note"] = move.note
        sets = ", ".join(f"{name} = ?" for name in columns)
        self._db.execute(
            f"UPDATE claims SET {sets} WHERE id = ?", [*columns.values(), claim.claim_id]
        )
        self._store._log(
            "claim",
            claim.claim_id,
            "reanchor",
            before,
            {
                "article_id": new_id,
                "start": place.start,
                "end": place.end,
                "quote": new_quote,
                "status": place.status,
            },
        )
