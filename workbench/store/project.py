"""``ProjectStore``: the one API the window and the command line use to read and change a project."""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from workbench.core.errors import ProjectFileError
from workbench.core.models import ProjectInfo
from workbench.core.scale import VerdictScale, load_preset
from workbench.store.articles import ArticlesMixin
from workbench.store.changelog import ChangeLogMixin
from workbench.store.claims import ClaimsMixin
from workbench.store.curation import CurationMixin
from workbench.store.db import (
    create_database,
    creating_path,
    open_database,
    remove_stale_leftovers,
    sidecars,
)
from workbench.store.evidence import EvidenceMixin
from workbench.store.migrations import SCHEMA_VERSION
from workbench.store.scales import ScaleMixin
from workbench.store.search import SearchMixin
from workbench.store.versions import VersionsMixin

# Evidence by capture status, counted in SQL (a project may cite 50,000 sources): the
# same rule as ``evidence._evidence``: any good capture wins; else the newest attempt's
# failure; else pending.
_EVIDENCE_STATUS_COUNTS = """
SELECT CASE
  WHEN EXISTS (SELECT 1 FROM captures c WHERE c.url = e.url AND c.status = 'captured')
    THEN 'captured'
  WHEN (SELECT c.status FROM captures c WHERE c.url = e.url ORDER BY c.id DESC LIMIT 1) = 'failed'
    THEN 'failed'
  ELSE 'pending' END AS status,
  COUNT(*) AS n
FROM evidence e GROUP BY 1
"""


class ProjectStore(
    ArticlesMixin, ClaimsMixin, CurationMixin, EvidenceMixin, ScaleMixin, SearchMixin,
    VersionsMixin, ChangeLogMixin,
):
    """A project file, open. Every write is committed at once; there is nothing to save."""

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False) -> "ProjectStore":
        path = Path(path)
        db, version = open_database(path, readonly=readonly)
        store = cls(db, path, readonly=readonly)
        store.schema_version = version
        return store

    @classmethod
    def create(
        cls,
        path: str | Path,
        *,
        title: str = "",
        scale: VerdictScale | None = None,
        setup: Callable[["ProjectStore"], None] | None = None,
    ) -> "ProjectStore":
        """Create a project; ``setup`` fills it before it appears under its name.

        The file is built under a temporary name and renamed at the end, so a
        failure (a bad article, a crash) never leaves a half-made project behind.
        """
        path = Path(path)
        if path.exists():
            raise ProjectFileError(f"{path.name}: already exists; choose another name")
        if not path.parent.is_dir():
            raise ProjectFileError(f"{path.parent}: no such folder")
        if not os.access(path.parent, os.W_OK):
            raise ProjectFileError(f"{path.parent}: folder is read-only")
        tmp = creating_path(path)
        remove_stale_leftovers(path.parent)
        for leftover in (tmp, *sidecars(tmp)):
            leftover.unlink(missing_ok=True)
        try:
            store = cls(create_database(tmp), tmp)
            store.schema_version = SCHEMA_VERSION
            with store.transaction("New project"):
                store.set_setting("title", title or path.stem)
                store.set_scale(scale or load_preset())
                if setup is not None:
                    setup(store)
            store.close()
            if path.exists():
                raise ProjectFileError(f"{path.name}: already exists; choose another name")
            os.replace(tmp, path)
        except BaseException:
            for leftover in (tmp, *sidecars(tmp)):
                leftover.unlink(missing_ok=True)
            raise
        return cls.open(path)

    def close(self) -> None:
        """Checkpoint the WAL into the file (so it can be copied alone) and close."""
        try:
            if not self.readonly:
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass
        self.db.close()

    def __enter__(self) -> "ProjectStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- summary ---------------------------------------------------------------------
    @property
    def title(self) -> str:
        return self.setting("title", self.path.stem)

    def info(self) -> ProjectInfo:
        return ProjectInfo(
            path=str(self.path),
            title=self.title,
            schema_version=self.schema_version,
            settings=self.settings(),
        )

    def counts(self) -> dict:
        """Claims by status and by verdict, and evidence by capture status."""
        by_status = Counter()
        by_verdict = Counter()
        for row in self.db.query(
            "SELECT status, verdict, COUNT(*) AS n FROM claims GROUP BY status, verdict"
        ):
            by_status[row["status"]] += row["n"]
            by_verdict[row["verdict"] or "unrated"] += row["n"]
        evidence = Counter()
        for row in self.db.query(_EVIDENCE_STATUS_COUNTS):
            evidence[row["status"]] += row["n"]
        return {
            "claims": sum(by_status.values()),
            "by_status": dict(by_status),
            "by_verdict": dict(by_verdict),
            "evidence": sum(evidence.values()),
            "evidence_by_status": dict(evidence),
        }
