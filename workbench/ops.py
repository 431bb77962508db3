"""Operations that combine import, claim detection and the store.

The window (in worker threads) and the command line both call these, so a
project made either way is the same. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from workbench import nlp
from workbench.core.models import Article, Claim, Origin
from workbench.core.scale import load_preset
from workbench.io.article_text import read_text_article
from workbench.paths import SEED_ARTICLE, data_dir
from workbench.store import ProjectStore
from workbench.workshop.exercise import ensure_unlocked

Progress = Callable[[int, int], None]


def read_article(path: str | Path, *, encoding: str | None = None) -> Article:
    """Read an article file of any supported kind."""
    return read_text_article(path, encoding=encoding)


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
