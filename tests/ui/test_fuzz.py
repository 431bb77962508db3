"""A seeded fuzz of mixed user actions through the window's undo commands.

Each action is run the way the window runs it (``command.run()``, then pushed on a
``QUndoStack``; a refused one is not pushed): edit, rate, add and remove evidence,
split, merge, delete, re-detect, undo, redo, import a new version of the article.
After every step the file passes ``PRAGMA integrity_check`` (and the full-text
indexes theirs); at the end, undoing every step gives back the starting project
exactly (every row of claims, evidence, articles, scale, settings, deletions),
and redoing them all gives back the final one.

CI runs ``CI_ACTIONS`` actions for each of two seeds (500 in all);
``WORKBENCH_FUZZ_ACTIONS=500 bash scripts/dev.sh test tests/ui/test_fuzz.py`` runs
500 per seed, and ``WORKBENCH_FUZZ_SEEDS=1,2,3,4`` more seeds.
"""

from __future__ import annotations

import os
import random
import re

import pytest
from PySide6.QtGui import QUndoStack

from workbench import ops
from workbench.core.errors import WorkbenchError
from workbench.core.models import Stance
from workbench.store import ProjectStore
from workbench.ui import commands

CI_ACTIONS = 250  # per seed: 500 actions in all in CI
ACTIONS = int(os.environ.get("WORKBENCH_FUZZ_ACTIONS", CI_ACTIONS))
SEEDS = [int(s) for s in os.environ.get("WORKBENCH_FUZZ_SEEDS", "1,2").split(",")]
TABLES = {
    "articles": "id",
    "claims": "id",
    "evidence": "id",
    "scale_labels": "position",
    "settings": "key",
    "dismissed": "id",
}
WORDS = "the minister said figures show troops million percent border claimed no yes".split()
URLS = [f"https://example.org/source/{i}" for i in range(12)]


def snapshot(store: ProjectStore) -> dict:
    return {
        table: store.db.execute(f"SELECT * FROM {table} ORDER BY {key}").fetchall()
        for table, key in TABLES.items()
    }


def check_integrity(store: ProjectStore) -> None:
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for fts in ("claims_fts", "evidence_fts"):
        # FTS5's own check: the index matches its content table.
        store.db.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")


class Fuzzer:
    """Random actions on one project, pushed on one undo stack as the window does."""

    def __init__(self, store: ProjectStore, rng: random.Random, source) -> None:
        self.store = store
        self.rng = rng
        self.stack = QUndoStack()
        self.source = source
        self.candidates: dict[str, list] = {}
        self.counts: dict[str, int] = {}

    def push(self, command) -> bool:
        try:
            command.run()
        except WorkbenchError:
            return False
        self.stack.push(command)
        return True

    def claims(self, article_id=None):
        return self.store.claims.all(article_id)

    def current_article(self):
        return self.rng.choice(self.store.articles.current())

    def found(self, text: str) -> list:
        if text not in self.candidates:
            self.candidates[text] = ops.detect_candidates(text)
        return self.candidates[text]

    def step(self) -> None:
        actions = [
            ("edit", 14),
            ("rate", 12),
            ("status", 6),
            ("span", 4),
            ("add_evidence", 10),
            ("remove_evidence", 5),
            ("split", 6),
            ("merge", 6),
            ("delete", 5),
            ("redetect", 4),
            ("import_version", 3),
            ("undo", 12),
            ("redo", 6),
            ("new_claim", 4),
        ]
        name = self.rng.choices([a for a, _ in actions], [w for _, w in actions])[0]
        self.counts[name] = self.counts.get(name, 0) + 1
        getattr(self, name)()

    def _claim(self):
        claims = self.claims()
        return self.rng.choice(claims) if claims else None

    def edit(self) -> None:
        claim = self._claim()
        if claim is None:
            return
        field = self.rng.choice(["text", "rationale", "claimant"])
        value = " ".join(self.rng.choices(WORDS, k=self.rng.randint(0, 6)))
        if field == "text" and not value:
            value = claim.quote
        session = self.rng.choice([None, 1, 2])  # some edits merge into the step before
        self.push(commands.EditClaimCommand(self.store, claim.id, {field: value}, session=session))

    def rate(self) -> None:
        claim = self._claim()
        if claim is not None:
            label = self.rng.choice([None, *self.store.scale.get().names()])
            self.push(commands.EditClaimCommand(self.store, claim.id, {"verdict": label}))

    def status(self) -> None:
        claim = self._claim()
        if claim is not None:
            status = self.rng.choice(["new", "in_progress", "needs_review", "done", "done"])
            self.push(commands.EditClaimCommand(self.store, claim.id, {"status": status}))

    def span(self) -> None:
        claim = self._claim()
        if claim is None:
            return
        text = self.store.articles.get(claim.article_id).text
        start = max(0, claim.start + self.rng.randint(-20, 20))
        end = min(len(text), max(start + 1, claim.end + self.rng.randint(-20, 20)))
        self.push(commands.EditClaimCommand(self.store, claim.id, {"start": start, "end": end}))

    def new_claim(self) -> None:
        from workbench.core.models import Claim, Origin

        article = self.current_article()
        start = self.rng.randrange(0, len(article.text) - 40)
        claim = Claim(
            article_id=article.id,
            start=start,
            end=start + self.rng.randint(5, 40),
            quote="",
            origin=Origin.MANUAL,
        )
        self.push(commands.AddClaimCommand(self.store, claim))

    def add_evidence(self) -> None:
        claim = self._claim()
        if claim is not None:
            url = self.rng.choice(URLS)
            stance = self.rng.choice(list(Stance))
            self.push(commands.AddEvidenceCommand(self.store, claim.id, url, stance, "note"))

    def remove_evidence(self) -> None:
        items = self.store.evidence.all()
        if items:
            self.push(commands.RemoveEvidenceCommand(self.store, self.rng.choice(items).id))

    def split(self) -> None:
        claim = self._claim()
        if claim is not None and claim.end - claim.start > 2:
            at = self.rng.randrange(claim.start + 1, claim.end)
            self.push(commands.SplitClaimCommand(self.store, claim.id, at))

    def merge(self) -> None:
        claim = self._claim()
        if claim is None:
            return
        later = [c for c in self.claims(claim.article_id) if c.start >= claim.end]
        if later:
            other = min(later, key=lambda c: c.start)
            self.push(commands.MergeClaimsCommand(self.store, claim.id, other.id))

    def delete(self) -> None:
        claim = self._claim()
        if claim is not None:
            self.push(commands.DeleteClaimCommand(self.store, claim.id))

    def redetect(self) -> None:
        article = self.current_article()
        self.push(commands.RedetectCommand(self.store, article.id, self.found(article.text)))

    def import_version(self) -> None:
        from dataclasses import replace

        article = self.current_article()
        sentences = re.split(r"(?<=[.!?])\s+", article.text)
        i = self.rng.randrange(len(sentences))
        if self.rng.random() < 0.5 and len(sentences) > 5:
            del sentences[i]  # a sentence dropped
        else:
            words = sentences[i].split(" ")
            words[self.rng.randrange(len(words))] = self.rng.choice(WORDS)
            sentences[i] = " ".join(words)  # a word changed
        new = replace(article, text=" ".join(sentences), id=None, sha256="")
        new.__post_init__()
        self.push(commands.ImportArticleCommand(self.store, new, self.found(new.text)))

    def undo(self) -> None:
        if self.stack.canUndo():
            self.stack.undo()

    def redo(self) -> None:
        if self.stack.canRedo():
            self.stack.redo()


@pytest.mark.parametrize("seed", SEEDS)
def test_random_actions_undo_to_the_start_and_redo_to_the_end(qapp, seed_project, seed):
    rng = random.Random(seed)
    with ProjectStore.open(seed_project) as store:
        fuzz = Fuzzer(store, rng, seed_project)
        start = snapshot(store)
        for _ in range(ACTIONS):
            fuzz.step()
            check_integrity(store)
        final, index = snapshot(store), fuzz.stack.index()
        assert final != start and index > ACTIONS // 5
        while fuzz.stack.canUndo():
            fuzz.stack.undo()
            check_integrity(store)
        assert snapshot(store) == start
        for _ in range(index):  # redo every step done, up to where the fuzz stopped
            fuzz.stack.redo()
        check_integrity(store)
        assert snapshot(store) == final
        while fuzz.stack.canRedo():  # and the steps it had undone at the end, and back
            fuzz.stack.redo()
        fuzz.stack.setIndex(index)
        assert snapshot(store) == final
        # every kind of action was tried, and most changed something
        assert set(fuzz.counts) >= {
            "edit",
            "split",
            "merge",
            "redetect",
            "import_version",
            "undo",
            "redo",
            "delete",
            "remove_evidence",
        }
