"""New versions of an article: the claims move to the new text, found again by their quote.

An article's text never changes. A changed version is a new article row; the old
one stays (the claims that vanished keep pointing into it, where their quote is
still true). ``settings["article_versions"]`` maps each replaced article's id to
its successor's, so no schema change is needed.
"""

from __future__ import annotations

from workbench.core.anchoring import ReanchorReport, reanchor
from workbench.core.models import Article, utc_now
from workbench.store.base import StoreBase
from workbench.store.claims import anchor

VERSIONS_KEY = "article_versions"


class VersionsMixin(StoreBase):
    def article_versions(self) -> dict[int, int]:
        """Each replaced article's id → the id of the version that replaced it."""
        return {int(old): int(new) for old, new in (self.setting(VERSIONS_KEY) or {}).items()}

    def latest_version(self, article_id: int) -> int:
        versions = self.article_versions()
        seen = {article_id}
        while article_id in versions and versions[article_id] not in seen:
            article_id = versions[article_id]
            seen.add(article_id)
        return article_id

    def current_articles(self) -> list[Article]:
        """The articles that no later version replaced."""
        replaced = set(self.article_versions())
        return [a for a in self.articles() if a.id not in replaced]

    def add_article_version(
        self, previous_id: int, article: Article
    ) -> tuple[Article, ReanchorReport]:
        """Store ``article`` as the new version of ``previous_id`` and move its claims over.

        One transaction: the new article, every claim found again (new span, quote,
        prefix and suffix; a note when its text changed), the vanished ones noted
        and left on the old version, the history, and the version link.
        """
        previous = self.article(previous_id)
        when = utc_now()
        report = ReanchorReport(0, previous_id, [], [], [])
        with self._write() as db:
            new = self.add_article(article)
            report.article_id = new.id
            rows = db.execute(
                "SELECT id, span_start, span_end, quote, prefix, suffix, text FROM claims "
                "WHERE article_id = ? ORDER BY span_start, id",
                [previous_id],
            ).fetchall()
            for claim_id, start, end, quote, prefix, suffix, _text in rows:
                place = reanchor(
                    quote, prefix or "", suffix or "", start, len(previous.text), new.text
                )
                before = {"article_id": previous_id, "start": start, "end": end, "quote": quote}
                if not place.found:
                    note = (
                        f"vanished from the version of {when[:10]} (article {new.id}); "
                        "kept on this earlier version"
                    )
                    db.execute(
                        "UPDATE claims SET anchor_note = ?, updated_at = ? WHERE id = ?",
                        [note, when, claim_id],
                    )
                    self._log("claim", claim_id, "reanchor", before, {"anchor_note": note})
                    report.vanished.append(claim_id)
                    continue
                new_prefix, new_quote, new_suffix = anchor(new.text, place.start, place.end)
                columns = {
                    "article_id": new.id,
                    "span_start": place.start,
                    "span_end": place.end,
                    "quote": new_quote,
                    "prefix": new_prefix,
                    "suffix": new_suffix,
                    "updated_at": when,
                }
                if place.status == "changed":
                    columns["anchor_note"] = (
                        f"changed in the version of {when[:10]} "
                        f"({round(place.similarity * 100)}% similar): was “{quote}”"
                    )
                    report.changed.append(claim_id)
                else:
                    report.same.append(claim_id)
                sets = ", ".join(f"{name} = ?" for name in columns)
                db.execute(f"UPDATE claims SET {sets} WHERE id = ?", [*columns.values(), claim_id])
                self._log(
                    "claim",
                    claim_id,
                    "reanchor",
                    before,
                    {
                        "article_id": new.id,
                        "start": place.start,
                        "end": place.end,
                        "quote": new_quote,
                        "status": place.status,
                    },
                )
            self._renumber(previous_id)
            self._renumber(new.id)
            versions = {str(k): v for k, v in self.article_versions().items()}
            versions[str(previous_id)] = new.id
            self.set_setting(VERSIONS_KEY, versions)
            self._log(
                "article",
                new.id,
                "new version",
                {"article_id": previous_id},
                {
                    "article_id": new.id,
                    "same": len(report.same),
                    "changed": report.changed,
                    "vanished": report.vanished,
                },
            )
            moved = report.same + report.changed + report.vanished
            if moved:
                self._changed("claim", "update", *moved)
        return self.article(new.id), report
