"""Articles: the canonical texts claims point into."""

from __future__ import annotations

from workbench.core.errors import NotFoundError
from workbench.core.models import Article
from workbench.store.base import StoreBase

_COLUMNS = (
    "title", "source_url", "author", "published", "language", "text", "sha256",
    "imported_from", "imported_at",
)


def _article(row: dict) -> Article:
    return Article(id=row["id"], **{name: row[name] or "" for name in _COLUMNS})


class ArticlesMixin(StoreBase):
    def add_article(self, article: Article) -> Article:
        record = {name: getattr(article, name) for name in _COLUMNS}
        with self._write() as db:
            cursor = db.execute(
                f"INSERT INTO articles ({', '.join(_COLUMNS)}) "
                f"VALUES ({', '.join('?' for _ in _COLUMNS)})",
                [record[name] for name in _COLUMNS],
            )
            article_id = cursor.lastrowid
            summary = {k: v for k, v in record.items() if k != "text"}
            self._log("article", article_id, "import", None, summary)
            self._changed("article", "insert", article_id)
        return self.article(article_id)

    def articles(self) -> list[Article]:
        return [_article(row) for row in self.db.query("SELECT * FROM articles ORDER BY id")]

    def article(self, article_id: int) -> Article:
        rows = list(self.db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
        if not rows:
            raise NotFoundError(f"no article with id {article_id}")
        return _article(rows[0])

    def update_article_meta(self, article_id: int, **fields: str) -> Article:
        """Change an article's metadata (title, author...). The text itself never changes."""
        if "text" in fields or "sha256" in fields:
            raise ValueError("an article's canonical text never changes; import a new version")
        before = self.article(article_id)
        with self._write() as db:
            db["articles"].update(article_id, fields)
            self._log(
                "article", article_id, "update",
                {k: getattr(before, k) for k in fields}, dict(fields),
            )
            self._changed("article", "update", article_id)
        return self.article(article_id)
