"""``ProjectStore``: a project file, open; the one way the window and the command line reach it.

The store itself opens, creates and closes the file, runs the unit of work
(``with store.transaction("label"):``) and tells listeners what changed
(``subscribe``). Everything else is a repository, one small class per entity
holding its SQL:

| repository | what it holds |
|---|---|
| ``store.articles`` | articles and their versions (``add``, ``get``, ``add_version``) |
| ``store.claims`` | claims (``add``, ``get``, ``all``, ``update``, ``set_verdict``, ``delete``) |
| ``store.curation`` | split, merge and re-detection, one user action each |
| ``store.done`` | the checks before "done", on every path |
| ``store.evidence`` | the URLs cited by claims (``add``, ``all``, ``update``, ``delete``) |
| ``store.captures`` | every fetch of those URLs (``add``, ``of_url``, ``body``) |
| ``store.scale`` | the verdict scale and its editing (``get``, ``set``, ``add_label``...) |
| ``store.search`` | full-text search (``find``, ``claim_ids``) |
| ``store.history`` | the change log (``entries``, ``groups``) |
| ``store.settings`` | settings, title, ``info`` |
| ``store.undo`` | exact undo and redo of an action (``recording``, ``undo``, ``redo``) |
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from workbench.core.errors import ProjectFileError
from workbench.core.scale import VerdictScale
from workbench.store.articles import ArticleRepo
from workbench.store.base import StoreBase
from workbench.store.captures import CaptureRepo
from workbench.store.changelog import UndoLog
from workbench.store.claims import ClaimRepo
from workbench.store.curation import CurationRepo
from workbench.store.db import (
    create_database,
    creating_path,
    open_database,
    remove_stale_leftovers,
    sidecars,
)
from workbench.store.done import DoneChecks
from workbench.store.evidence import EvidenceRepo
from workbench.store.history import HistoryRepo
from workbench.store.migrations import SCHEMA_VERSION
from workbench.store.scales import ScaleRepo
from workbench.store.search import SearchRepo
from workbench.store.settings import SettingsRepo


class ProjectStore(StoreBase):
    """A project file, open. Every write is committed at once; there is nothing to save."""

    schema_version: int = SCHEMA_VERSION

    def __init__(self, db: Database, path: Path, *, readonly: bool = False) -> None:
        super().__init__(db, path, readonly=readonly)
        self.articles = ArticleRepo(self)
        self.claims = ClaimRepo(self)
        self.curation = CurationRepo(self)
        self.done = DoneChecks(self)
        self.evidence = EvidenceRepo(self)
        self.captures = CaptureRepo(self)
        self.scale = ScaleRepo(self)
        self.search = SearchRepo(self)
        self.history = HistoryRepo(self)
        self.settings = SettingsRepo(self)
        self.undo = UndoLog(self)

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False) -> ProjectStore:
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
        scale: VerdictScale,
        title: str = "",
        setup: Callable[[ProjectStore], None] | None = None,
    ) -> ProjectStore:
        """Create a project; ``setup`` fills it before it appears under its name.

        The file is built under a temporary name and renamed at the end, so a
        failure (a bad article, a crash) never leaves a half-made project behind.
        ``scale`` is the verdict scale it starts with (``workbench.scales.load_preset()``).
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
                store.settings.set("title", title or path.stem)
                store.scale.set(scale)
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

    def __enter__(self) -> ProjectStore:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
