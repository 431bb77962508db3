"""The base of the store's repositories: one small class per entity, holding its SQL.

A repository reads through the store's connection and writes inside the store's
unit of work (``store._write()``), so a repository call joins the user action's
transaction like any other store call. Repositories reach each other through the
store (``self._store.claims``), never by holding a connection of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlite_utils import Database

if TYPE_CHECKING:
    from workbench.store.project import ProjectStore


class Repository:
    """SQL for one entity, over the store it belongs to."""

    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    @property
    def _db(self) -> Database:
        return self._store.db
