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
from workbench.core.curation import RedetectPlan, plan_redetect
from workbench.core.models import Article, Claim, Origin
from workbench.core.scale import DEFAULT_SCALE
from workbench.io.articles import read_article as _read_any
from workbench.paths import data_dir
from workbench.presets import load_preset
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
    plan: RedetectPlan | None = None

    def message(self) -> str:
        a = self.article
        if self.unchanged:
            return f"article {a.id} {a.title!r} is already in the project, unchanged"
        if self.report is None:
            return f"imported article {a.id} {a.title!r}: {self.added_claims} claims to check"
        counts = f"; {self.plan.summary()}" if self.plan is not None else ""
        return (
            f"imported article {a.id} {a.title!r} as a new version of article "
            f"{self.report.previous_id}: {self.report.summary()}{counts}"
        )


def find_previous_version(store: ProjectStore, article: Article) -> int | None:
    """The current article this one is a new version of: same canonical URL or same source."""
    for existing in store.articles.current():
        if article.source_url and existing.source_url == article.source_url:
            return existing.id
        if article.imported_from and existing.imported_from == article.imported_from:
            return existing.id
    return None


def detect_candidates(
    text: str, *, threshold: float | None = None, progress: Progress | None = None
) -> list[Claim]:
    """The claims detection finds in ``text``, as unsaved claims (article_id 0). No store.

    This is the slow part (spaCy); it runs before any transaction, so the project
    file is never locked while the language models work.
    """
    return [
        Claim(
            article_id=0,
            start=c.start,
            end=c.end,
            quote=c.text,
            claimant=c.claimant,
            score=c.score,
            reasons=list(c.reasons),
            origin=Origin.AUTO,
        )
        for c in nlp.extract(text, threshold=threshold, progress=progress)
        if c.checkworthy
    ]


def plan_redetection(store: ProjectStore, article_id: int, candidates: list[Claim]) -> RedetectPlan:
    """What re-detecting ``article_id`` with these candidates would add, remove and keep."""
    ensure_unlocked(store)
    for candidate in candidates:
        candidate.article_id = article_id
    return plan_redetect(
        article_id, store.claims.all(article_id), candidates, store.curation.dismissed(article_id)
    )


def detect_claims(
    store: ProjectStore,
    article_id: int,
    *,
    threshold: float | None = None,
    progress: Progress | None = None,
    candidates: list[Claim] | None = None,
) -> list[Claim]:
    """(Re-)detect an article's claims, keeping every claim a person has worked on.

    Claims nobody worked on are replaced by what detection finds now; claims a
    person touched stay (manual, split, merged, reworded, rated, evidenced...), and
    a new candidate that overlaps one of them, or a claim a person deleted, is not
    added. One transaction. A workshop exercise the trainer locked is refused.
    """
    return redetect(
        store, article_id, threshold=threshold, progress=progress, candidates=candidates
    )[1]


def redetect(
    store: ProjectStore,
    article_id: int,
    *,
    threshold: float | None = None,
    progress: Progress | None = None,
    candidates: list[Claim] | None = None,
) -> tuple[RedetectPlan, list[Claim]]:
    """``detect_claims`` that also returns the plan (for "3 claims added, 2 removed, 14 kept")."""
    ensure_unlocked(store)
    if candidates is None:
        candidates = detect_candidates(
            store.articles.get(article_id).text, threshold=threshold, progress=progress
        )
    with store.transaction("Re-detect claims"):
        plan = plan_redetection(store, article_id, candidates)
        added = store.curation.apply_redetect(plan)
    return plan, added


def import_article(
    store: ProjectStore,
    source: str | Path,
    *,
    encoding: str | None = None,
    version_of: int | None = None,
    threshold: float | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Add an article to a project and detect its claims, in one transaction.

    If it is a changed version of an article already there (same canonical URL or
    same file, or ``version_of``), the existing claims are re-anchored in the new
    text and flagged when their text changed or vanished; claims nobody worked on
    are detection output: dropped and detected again in the new text. The article
    is read and its claims detected before the transaction, so a failure or a kill
    leaves the project as it was (never an article without its claims).
    """
    article = read_article(source, encoding=encoding)
    candidates = detect_candidates(article.text, threshold=threshold, progress=progress)
    return import_read_article(store, article, candidates, version_of=version_of)


def import_read_article(
    store: ProjectStore,
    article: Article,
    candidates: list[Claim],
    *,
    version_of: int | None = None,
) -> ImportResult:
    """The writing half of ``import_article``: one transaction, no spaCy, no network."""
    with store.transaction(f"Import {article.title[:60]}"):
        if version_of is not None:
            store.articles.get(version_of)  # NotFoundError if there is none
            previous = store.articles.latest_version(version_of)
        else:
            previous = find_previous_version(store, article)
        if previous is None:
            stored = store.articles.add(article)
            added = detect_claims(store, stored.id, candidates=candidates)
            return ImportResult(stored, len(added))
        if store.articles.get(previous).sha256 == article.sha256:
            return ImportResult(store.articles.get(previous), unchanged=True)
        # Claims nobody worked on are detection output: those detection finds again
        # in the new text stay, the others go; the report is about the claims people
        # worked on.
        worked = {c.id for c in store.claims.all(previous) if c.has_work}
        stored, report = store.articles.add_version(previous, article)
        vanished = [i for i in report.vanished if i not in worked]
        store.claims.delete_many(vanished)
        report.same = [i for i in report.same if i in worked]
        report.changed = [i for i in report.changed if i in worked]
        report.vanished = [i for i in report.vanished if i in worked]
        plan, added = redetect(store, stored.id, candidates=candidates)
        plan.remove = vanished + plan.remove
        return ImportResult(stored, len(added), report=report, plan=plan)


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
    """Create a project from one article file and detect its claims.

    Detection runs before the file is created, so the hidden ``.NAME.fcw.creating``
    exists only for the moment it takes to write it.
    """
    article = read_article(article_path, encoding=encoding)
    candidates = detect_candidates(article.text, threshold=threshold, progress=progress)

    def setup(store: ProjectStore) -> None:
        stored = store.articles.add(article)
        detect_claims(store, stored.id, candidates=candidates)

    return ProjectStore.create(
        path,
        title=title or article.title,
        scale=load_preset(scale or DEFAULT_SCALE),
        setup=setup,
    )


def demo_project_path() -> Path:
    return data_dir() / "demo.fcw"
