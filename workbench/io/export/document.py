"""The whole project as plain data: the common source of every export format."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench import __version__
from workbench.core.models import Claim, Evidence, utc_now

if TYPE_CHECKING:
    from workbench.io.export import Progress
    from workbench.store import ProjectStore


def evidence_dict(item: Evidence) -> dict:
    """One evidence item as exported: the URL, what its capture recorded, stance and note.

    ``retrieved_at`` and the other capture fields describe the newest good capture
    (or, with none, the newest attempt); ``error`` is set when the newest attempt
    failed (or the page was too large and truncated) and ``sha256`` only when a
    capture succeeded.
    """
    return {
        "id": item.id,
        "url": item.url,
        "final_url": item.final_url or None,
        "title": item.title or None,
        "http_status": item.http_status,
        "content_type": item.content_type or None,
        "retrieved_at": item.retrieved_at or None,
        "sha256": item.sha256 or None,
        "stance": item.stance.value,
        "note": item.note,
        "error": item.error or None,
        "status": item.capture_status.value,
        "truncated": item.truncated,
        "versions": item.versions,
        "archive_url": item.archive_url,
        "added_at": item.added_at,
        "author": item.author or None,
    }


def claim_dict(claim: Claim, evidence: list[Evidence]) -> dict:
    return {
        "id": claim.id,
        "position": claim.position,
        "text": claim.text,
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
        "score": claim.score,
        "reasons": list(claim.reasons),
        "claimant": claim.claimant,
        "origin": claim.origin.value,
        "status": claim.status.value,
        "verdict": claim.verdict,
        "rationale": claim.rationale,
        "created_at": claim.created_at,
        "updated_at": claim.updated_at,
        "evidence": [evidence_dict(item) for item in evidence],
    }


def project_document(store: ProjectStore, progress: Progress | None = None) -> dict:
    """Articles with their claims, each claim with its evidence, plus the project's settings."""
    evidence_by_claim: dict[int | None, list[Evidence]] = {}
    for item in store.evidence.all():
        evidence_by_claim.setdefault(item.claim_id, []).append(item)
    articles = []
    all_articles = store.articles.all()
    for index, article in enumerate(all_articles):
        claims = store.claims.all(article.id)
        articles.append(
            {
                "id": article.id,
                "title": article.title,
                "source_url": article.source_url,
                "author": article.author,
                "published": article.published,
                "language": article.language,
                "sha256": article.sha256,
                "imported_from": article.imported_from,
                "imported_at": article.imported_at,
                "text": article.text,
                "claims": [claim_dict(c, evidence_by_claim.get(c.id, [])) for c in claims],
            }
        )
        if progress:
            progress(index + 1, len(all_articles))
    return {
        "format": "fact-check-workbench",
        "version": 1,
        "generator": f"Fact-Check Workbench {__version__}",
        "exported_at": utc_now(),
        "title": store.settings.title(),
        "scale": store.scale.get().to_dict(),
        "articles": articles,
    }
