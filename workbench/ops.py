"""Operations that combine import, claim detection and the store.

The window (in worker threads) and the command line both call these, so a
project made either way is the same. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workbench import nlp
from workbench.core.anchoring import ReanchorReport
from workbench.core.models import Article, Claim, Origin
from workbench.core.scale import load_preset
from workbench.io.articles import read_article as _read_any
from workbench.paths import SEED_ARTICLE, data_dir
from workbench.store import ProjectStore
from workbench.workshop.exercise import ensure_unlocked

Progress = Callable[[int, int], None]


def read_article(source: str | Path, *, encoding: str | None = None) -> Article:
    """Read an article of any supported kind: .txt, .md, .html, .docx, or an http(s) URL."""
    return _read_any(source, encoding=encoding)


@dataclass
class ImportResult:
    """What ``import_article`` did: a new article, a new version of one, or nothing."""

    article: Article
    added_claims: int = 0
    unchanged: bool = False
    report: ReanchorReport | None = None

    def message(self) -> str:
        a = self.article
        if self.unchanged:
            return f"article {a.id} {a.title!r} is already in the project, unchanged"
        if self.report is None:
            return f"imported article {a.id} {a.title!r}: {self.added_claims} claims to check"
        return (f"imported article {a.id} {a.title!r} as a new version of article "
                f"{self.report.previous_id}: {self.report.summary()}; "
                f"{self.added_claims} new claims detected")


def find_previous_version(store: ProjectStore, article: Article) -> int | None:
    """The current article this one is a new version of: same canonical URL or same source."""
    for existing in store.current_articles():
        if article.source_url and existing.source_url == article.source_url:
            return existing.id
        if article.imported_from and existing.imported_from == article.imported_from:
            return existing.id
    return None


def import_article(
    store: ProjectStore,
    source: str | Path,
    *,
    encoding: str | None = None,
    version_of: int | None = None,
    threshold: float | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Add an article to a project and detect its claims.

    If it is a changed version of an article already there (same canonical URL or
    same file, or ``version_of``), the existing claims are re-anchored in the new
    text and flagged when their text changed or vanished; claims nobody worked on
    that vanished are dropped (detection runs again on the new text).
    """
    article = read_article(source, encoding=encoding)
    if version_of is not None:
        store.article(version_of)  # NotFoundError if there is none
        previous = store.latest_version(version_of)
    else:
        previous = find_previous_version(store, article)
    if previous is None:
        stored = store.add_article(article)
        added = detect_claims(store, stored.id, threshold=threshold, progress=progress)
        return ImportResult(stored, len(added))
    if store.article(previous).sha256 == article.sha256:
        return ImportResult(store.article(previous), unchanged=True)
    # Claims nobody worked on are detection output: they are dropped and detected
    # again in the new text; the report is about the claims people worked on.
    worked = {c.id for c in store.claims(previous) if c.has_work}
    stored, report = store.add_article_version(previous, article)
    store.delete_claims(
        [i for i in report.same + report.changed + report.vanished if i not in worked]
    )
    report.same = [i for i in report.same if i in worked]
    report.changed = [i for i in report.changed if i in worked]
    report.vanished = [i for i in report.vanished if i in worked]
    added = detect_claims(store, stored.id, threshold=threshold, progress=progress)
    return ImportResult(stored, len(added), report=report)


def detect_claims(
    store: ProjectStore,
    article_id: int,
    *,
    threshold: float | None = None,
    progress: Progress | None = None,
) -> list[Claim]:
    """(Re-)detect an article's claims, keeping every claim a person has worked on.

    Automatic claims with no verdict, rationale, evidence or rewording are replaced;
    manual claims and worked-on claims stay, and a new candidate that overlaps one of
    them is not added again. A workshop exercise the trainer locked is refused.
    """
    ensure_unlocked(store)
    article = store.article(article_id)
    candidates = [
        c for c in nlp.extract(article.text, threshold=threshold, progress=progress) if c.checkworthy
    ]
    existing = store.claims(article_id)
    kept = [c for c in existing if c.has_work]
    store.delete_claims([c.id for c in existing if not c.has_work])
    spans = [(c.start, c.end) for c in kept]
    new = [
        Claim(
            article_id=article_id,
            start=c.start,
            end=c.end,
            quote=c.text,
            claimant=c.claimant,
            score=c.score,
            reasons=list(c.reasons),
            origin=Origin.AUTO,
        )
        for c in candidates
        if not any(c.start < end and start < c.end for start, end in spans)
    ]
    return store.add_claims(new)


def new_project(
    path: str | Path,
    article_path: str | Path,
    *,
    encoding: str | None = None,
    scale: str | None = None,
    title: str = "",
    threshold: float | None = None,
    progress: Progress | None = None,
) -> ProjectStore:
    """Create a project from one article file and detect its claims."""
    article = read_article(article_path, encoding=encoding)

    def setup(store: ProjectStore) -> None:
        stored = store.add_article(article)
        detect_claims(store, stored.id, threshold=threshold, progress=progress)

    return ProjectStore.create(
        path,
        title=title or article.title,
        scale=load_preset(scale) if scale else None,
        setup=setup,
    )


def demo_project_path() -> Path:
    return data_dir() / "demo.fcw"


def ensure_demo_project() -> Path:
    """The demo project made from the sample article: created once, then reopened."""
    path = demo_project_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        new_project(path, SEED_ARTICLE).close()
    return path
