"""All SQLite access lives here (through sqlite-utils); nothing else runs SQL."""

from workbench.store.base import Change
from workbench.store.project import ProjectStore
from workbench.store.search import SearchHit

__all__ = ["Change", "ProjectStore", "SearchHit"]
