"""Full-text search (SQLite FTS5) over claims, rationales, evidence and captured pages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.store.repo import Repository


@dataclass
class SearchHit:
    """A claim that matches, where it matched, and a short snippet around the match."""

    claim_id: int
    where: str
    snippet: str


def fts_query(text: str) -> str:
    """Turn what a person typed into a safe FTS5 query: every word, each as a prefix."""
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    return " ".join(f'"{word}"*' for word in words)


# Each query yields (claim id, snippet) for one kind of text, best matches first.
_QUERIES = [
    (
        "claim",
        "SELECT rowid, snippet(claims_fts, -1, '[', ']', '…', 8) FROM claims_fts "
        "WHERE claims_fts MATCH ? ORDER BY rank LIMIT ?",
    ),
    (
        "evidence",
        "SELECT e.claim_id, snippet(evidence_fts, -1, '[', ']', '…', 8) FROM evidence_fts "
        "JOIN evidence e ON e.id = evidence_fts.rowid WHERE evidence_fts MATCH ? LIMIT ?",
    ),
    (
        "captured page",
        "SELECT DISTINCT e.claim_id, snippet(captures_fts, -1, '[', ']', '…', 8) FROM captures_fts "
        "JOIN captures c ON c.id = captures_fts.rowid JOIN evidence e ON e.url = c.url "
        "WHERE captures_fts MATCH ? LIMIT ?",
    ),
]


class SearchRepo(Repository):
    """``store.search``: full-text search over the project (FTS5)."""

    def find(self, text: str, *, limit: int = 500) -> list[SearchHit]:
        """Claims whose text, rewording, claimant, rationale or evidence match all the words."""
        query = fts_query(text)
        if not query:
            return []
        hits: dict[int, SearchHit] = {}
        for where, sql in _QUERIES:
            for claim_id, snip in self._db.execute(sql, [query, limit]).fetchall():
                hits.setdefault(claim_id, SearchHit(claim_id, where, snip))
        return list(hits.values())[:limit]

    def claim_ids(self, text: str) -> set[int]:
        """The ids of every claim that matches."""
        return {hit.claim_id for hit in self.find(text, limit=1_000_000)}
