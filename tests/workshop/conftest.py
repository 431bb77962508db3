"""Workshop fixtures: a small key project built without claim detection, and its participants."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workbench.core.checks import SETTING_KEY as DONE_CHECKS_KEY
from workbench.core.checks import DoneRules
from workbench.core.models import Article, Claim
from workbench.presets import load_preset
from workbench.store import ProjectStore
from workbench.workshop.exercise import pack, set_participant_name

SENTENCES = [
    "The city spent $4.2 million on the new bridge in 2021.",
    "Unemployment fell to 3.1 percent last year, the minister said.",
    "The river has flooded every spring since 1990.",
    "Police figures show crime fell by 12 percent.",
    "The mayor promised 500 new homes by 2025.",
    "Half of the town's schools have no library.",
]
TEXT = "Workshop Article\n\n" + " ".join(SENTENCES)


def build_key(path: Path, verdicts: list[str | None], *, rationale: str = "key reason") -> Path:
    """A key project: one claim per sentence, rated with ``verdicts`` and a rationale each."""

    def setup(store: ProjectStore) -> None:
        # The trainer's key cites no sources here: "done" needs a verdict and a rationale.
        store.settings.set(DONE_CHECKS_KEY, DoneRules(min_evidence=0).to_setting())
        article = store.articles.add(Article(title="Workshop Article", text=TEXT))
        claims = store.claims.add_many(
            Claim(article_id=article.id, start=TEXT.index(s), end=TEXT.index(s) + len(s), quote="")
            for s in SENTENCES[: len(verdicts)]
        )
        for claim, verdict in zip(claims, verdicts):
            if verdict:
                store.claims.set_verdict(
                    claim.id, verdict, rationale=f"{rationale} {claim.id}", status="done"
                )

    ProjectStore.create(path, scale=load_preset(), title="Bridge and budget", setup=setup).close()
    return path


def participant(
    exercise: Path,
    folder: Path,
    name: str | None,
    verdicts: list[str | None],
    *,
    rationale: bool = False,
    evidence: bool = False,
) -> Path:
    """A participant's copy of the exercise, rated with ``verdicts`` (claim order)."""
    path = folder / f"{(name or 'anon').lower().replace(' ', '_')}.fcw"
    shutil.copy2(exercise, path)
    with ProjectStore.open(path) as store:
        if name:
            set_participant_name(store, name)
        for claim, verdict in zip(store.claims.all(), verdicts):
            if verdict:
                store.claims.set_verdict(
                    claim.id, verdict, rationale=f"{name} thinks so" if rationale else None
                )
            if evidence:
                store.evidence.add(
                    claim.id, f"https://example.org/{claim.id}", "refutes", f"{name}'s source"
                )
    return path


@pytest.fixture
def workshop(tmp_path):
    """Build keys, exercises and participants in ``tmp_path``."""

    class Workshop:
        folder = tmp_path

        def key(self, verdicts, name="key.fcw", **kw) -> Path:
            return build_key(tmp_path / name, verdicts, **kw)

        def exercise(self, key: Path, name="exercise.fcw", **kw) -> Path:
            pack(key, tmp_path / name, **kw)
            return tmp_path / name

        def participant(self, exercise: Path, name, verdicts, **kw) -> Path:
            return participant(exercise, tmp_path, name, verdicts, **kw)

    return Workshop()
