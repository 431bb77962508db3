"""A project's rated claims into the library: on opening a project, and at each verdict.

A claim is "rated" as for the ClaimReview export: it has a verdict (or, on a
conclusion-only scale, a written conclusion). The library then holds exactly the
project's rated claims: a verdict cleared or a claim deleted leaves it too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.models import Claim
from workbench.core.reviews import Review, first_sentence
from workbench.io.export.claimreview import article_url, has_verdict, review_url
from workbench.io.export.report import Report, ReportArticle, ReportClaim, gather

if TYPE_CHECKING:
    from workbench.library.importer import ImportReport
    from workbench.store import ProjectStore
    from workbench.store.library import LibraryStore


def project_key(path: str | Path) -> str:
    """How the library names a project: its absolute path."""
    return str(Path(path).resolve())


def review_of(report: Report, entry: ReportArticle, item: ReportClaim, project: str) -> Review:
    claim: Claim = item.claim
    label = item.label
    bounds = report.scale.rating_bounds()
    rating = label.rating if label is not None else None
    best = worst = None
    if rating is not None and bounds is not None:  # a rating on the scale's range
        best, worst = float(bounds[0]), float(bounds[1])
    return Review(
        claim=claim.text,
        quote=claim.quote,
        url=review_url(report.review_base_url, item.number),
        claimant=claim.claimant,
        verdict=report.verdict_of(item),
        colour=(label.colour if label is not None else "") or "",
        rating=float(rating) if rating is not None and best is not None else None,
        best_rating=best,
        worst_rating=worst,
        publisher=str(report.organisation.get("name") or report.title),
        publisher_url=str(report.organisation.get("url") or ""),
        date=(claim.updated_at or report.generated_at)[:10],
        rationale=first_sentence(claim.rationale),
        appearance=article_url(entry.article),
        article=entry.article.title,
        evidence=[e.url for e in item.evidence],
        project=project,
        project_claim_id=claim.id,
    )


def project_reviews(store: ProjectStore) -> list[Review]:
    """The rated claims of an open ProjectStore, as library reviews."""
    report = gather(store)
    project = project_key(store.path)
    return [
        review_of(report, entry, item, project)
        for entry in report.articles
        for item in entry.claims
        if has_verdict(item, report.scale)
    ]


def rated_signature(store: ProjectStore) -> dict[int | None, tuple]:
    """What the library holds of a project, in short: compare two to know if a sync is due."""
    return {
        c.id: (c.verdict, c.text, c.claimant, c.rationale)
        for c in store.claims.all()
        if c.verdict or c.rationale.strip()
    }


def sync_store(library: LibraryStore, store: ProjectStore) -> tuple[int, int]:
    """Make the library hold this project's rated claims; returns (kept, removed)."""
    reviews = project_reviews(store)
    _counts, removed = library.replace_project(project_key(store.path), reviews)
    return len(reviews), removed


def sync_after_edit(store: ProjectStore, library_path: str | Path | None = None) -> str | None:
    """After a command-line edit: the user's library (or ``library_path``) holds the
    project's rated claims, as the window keeps it. Returns None, or a one-line note when
    the library could not be updated (the edit itself is saved either way)."""
    from workbench.core.errors import WorkbenchError
    from workbench.store.library import LibraryStore

    try:
        with LibraryStore(library_path) as library:
            sync_store(library, store)
    except (WorkbenchError, OSError) as exc:  # the store turns SQLite errors into ours
        return f"the fact-check library was not updated: {exc}"
    return None


def contribute_project(
    library: LibraryStore, path: str | Path, progress: Callable[[int, int], None] | None = None
) -> ImportReport:
    """``workbench library import PROJECT.fcw``: the project's rated claims, read-only."""
    from workbench.library.importer import ImportReport
    from workbench.store import ProjectStore

    with ProjectStore.open(path, readonly=True) as store:
        reviews = project_reviews(store)
        title = store.settings.title()
    counts, removed = library.replace_project(project_key(path), reviews)
    if progress:
        progress(len(reviews), len(reviews))
    report = ImportReport(f"project {title}", "project", len(reviews), counts)
    if removed:
        report.problems.append(f"{removed} earlier entries no longer rated: removed")
    return report
