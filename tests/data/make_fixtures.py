"""Write one small project file per schema version into tests/data/.

Run from the repository root: ``python tests/data/make_fixtures.py``. Each file is
made by the migrations up to that version only, so it is what that version of the
workbench wrote. Files already present are kept: a released version's file must
never change, only new versions get new files.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from workbench.core.models import Article, Claim  # noqa: E402
from workbench.presets import load_preset  # noqa: E402
from workbench.store.db import create_database  # noqa: E402
from workbench.store.migrations import SCHEMA_VERSION  # noqa: E402
from workbench.store.project import ProjectStore  # noqa: E402

TEXT = (
    "Fixture Article\n\n"
    "The city spent $4.2 million on the bridge in 2021, the mayor said. "
    "Nobody knows why. Crime fell by 12 percent according to police figures."
)

SENTENCES = [
    ("The city spent $4.2 million on the bridge in 2021, the mayor said.", "the mayor"),
    ("Nobody knows why.", ""),
    ("Crime fell by 12 percent according to police figures.", "police"),
]


def make(version: int) -> Path:
    path = HERE / f"schema_v{version}.fcw"
    if path.exists():
        return path
    store = ProjectStore(create_database(path, version=version), path)
    store.schema_version = version
    store.settings.set("title", f"Fixture written by schema version {version}")
    store.scale.set(load_preset())
    article = store.articles.add(
        Article(title="Fixture Article", text=TEXT, imported_from="fixture")
    )
    first, second, third = store.claims.add_many(
        [
            Claim(article_id=article.id, start=s, end=s + len(q), quote="", claimant=c)
            for q, c in SENTENCES
            for s in [TEXT.index(q)]
        ]
    )
    store.claims.set_verdict(
        first.id, "Mostly True", rationale="The council minutes show $4.1 million."
    )
    store.evidence.add(first.id, "https://example.org/minutes", "supports", "council minutes")
    store.claims.update(third.id, status="in_progress")
    if version >= 3:
        # Schema 3: user actions grouped by transaction, and a claim a person deleted.
        with store.transaction("Drop claim 2"):
            store.claims.delete(second.id)
    store.close()
    return path


if __name__ == "__main__":
    for v in range(1, SCHEMA_VERSION + 1):
        print(make(v))
