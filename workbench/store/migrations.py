"""Schema migrations: one function per schema change, applied in order.

The schema version is ``PRAGMA user_version``: version N means that the first N
functions of ``MIGRATIONS`` have run. A released function is never edited; a change
to the schema is a new function at the end of the list.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database


def m001_initial(db: Database) -> None:
    """Articles, claims, evidence, captures, the verdict scale, settings and history."""
    db.table("settings").create({"key": str, "value": str}, pk="key")
    db.table("articles").create(
        {
            "id": int,
            "title": str,
            "source_url": str,
            "author": str,
            "published": str,
            "language": str,
            "text": str,
            "sha256": str,
            "imported_from": str,
            "imported_at": str,
        },
        pk="id",
        not_null={"title", "text", "sha256"},
    )
    db.table("claims").create(
        {
            "id": int,
            "article_id": int,
            "span_start": int,
            "span_end": int,
            "quote": str,
            "prefix": str,
            "suffix": str,
            "text": str,
            "claimant": str,
            "score": float,
            "reasons": str,
            "origin": str,
            "status": str,
            "verdict": str,
            "rationale": str,
            "position": int,
            "created_at": str,
            "updated_at": str,
            "anchor_note": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"article_id", "span_start", "span_end", "quote"},
    )
    db.table("claims").create_index(["article_id", "span_start"])
    db.table("evidence").create(
        {
            "id": int,
            "claim_id": int,
            "url": str,
            "stance": str,
            "note": str,
            "added_at": str,
            "author": str,
        },
        pk="id",
        foreign_keys=[("claim_id", "claims", "id")],
        not_null={"claim_id", "url"},
    )
    db.table("evidence").create_index(["claim_id", "url"], unique=True)
    db.table("evidence").create_index(["url"])
    db.table("captures").create(
        {
            "id": int,
            "url": str,
            "status": str,
            "final_url": str,
            "http_status": int,
            "content_type": str,
            "retrieved_at": str,
            "title": str,
            "sha256": str,
            "size": int,
            "truncated": int,
            "body": bytes,
            "text": str,
            "error": str,
        },
        pk="id",
        not_null={"url", "status"},
    )
    db.table("captures").create_index(["url", "id"])
    db.table("scale_labels").create(
        {
            "position": int,
            "name": str,
            "colour": str,
            "description": str,
            "rating": int,
            "ordinal": int,
        },
        pk="position",
        not_null={"name"},
    )
    db.table("history").create(
        {
            "id": int,
            "at": str,
            "entity": str,
            "entity_id": int,
            "action": str,
            "before": str,
            "after": str,
        },
        pk="id",
        not_null={"at", "entity", "action"},
    )
    db.table("history").create_index(["entity", "entity_id"])


def m002_search(db: Database) -> None:
    """Full-text search (FTS5) over claims, rationales, evidence notes and captured pages."""
    db.table("claims").enable_fts(
        ["quote", "text", "claimant", "rationale"], fts_version="FTS5", create_triggers=True
    )
    db.table("evidence").enable_fts(["url", "note"], fts_version="FTS5", create_triggers=True)
    db.table("captures").enable_fts(["title", "text"], fts_version="FTS5", create_triggers=True)


def m003_actions(db: Database) -> None:
    """One user action, one transaction: ``transactions`` and ``history.txn``; curation memory.

    - ``transactions``: one row per committed user action (when, what, from where);
      every history row written by that action carries its id in ``history.txn``.
      Rows written before this version have no ``txn``: each is its own group.
    - ``claims.touched``: a person changed the claim's span (split, merge, new span)
      or any of its work; re-detection keeps such claims. Claims whose span a
      person changed before this version are found in the history.
    - ``dismissed``: the claims a person deleted (span and quote), so re-detection
      never brings them back.
    """
    db.table("transactions").create(
        {"id": int, "at": str, "label": str, "source": str}, pk="id", not_null={"at"}
    )
    db.execute("ALTER TABLE history ADD COLUMN txn INTEGER REFERENCES transactions(id)")
    db.table("history").create_index(["txn"])
    db.execute("ALTER TABLE claims ADD COLUMN touched INTEGER NOT NULL DEFAULT 0")
    db.execute(
        "UPDATE claims SET touched = 1 WHERE id IN (SELECT entity_id FROM history "
        "WHERE entity = 'claim' AND action = 'update' AND after IS NOT NULL AND json_valid(after) "
        "AND (json_type(after, '$.start') IS NOT NULL OR json_type(after, '$.end') IS NOT NULL "
        "OR json_type(after, '$.status') IS NOT NULL OR json_type(after, '$.claimant') IS NOT"
        " NULL))"
    )
    db.table("dismissed").create(
        {
            "id": int,
            "article_id": int,
            "span_start": int,
            "span_end": int,
            "quote": str,
            "claim_id": int,
            "at": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"article_id", "span_start", "span_end", "quote"},
    )
    db.table("dismissed").create_index(["article_id", "span_start"])


MIGRATIONS: list[Callable[[Database], None]] = [m001_initial, m002_search, m003_actions]
SCHEMA_VERSION = len(MIGRATIONS)
