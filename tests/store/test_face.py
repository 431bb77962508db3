"""The store's face: a few things of its own, and one repository per entity (issue 17)."""

from __future__ import annotations

import inspect

from workbench.store import ProjectStore
from workbench.store.repo import Repository

# fmt: off
REPOSITORIES = {"articles", "claims", "curation", "done", "evidence", "captures", "scale",
                "search", "history", "settings", "undo"}
# fmt: on
# fmt: off
OWN = {"open", "create", "close", "transaction", "in_transaction", "subscribe",
       "unsubscribe", "source", "schema_version"}
# fmt: on


def test_the_store_keeps_opening_transactions_and_listeners_and_the_rest_is_repositories(
    seed_project,
):
    public = {name for name in dir(ProjectStore) if not name.startswith("_")}
    assert public == OWN, "no forwarding methods on ProjectStore: use a repository"
    with ProjectStore.open(seed_project, readonly=True) as store:
        repos = {name for name, value in vars(store).items() if isinstance(value, Repository)}
        assert repos == REPOSITORIES
        for name in REPOSITORIES:
            repo = getattr(store, name)
            methods = [
                m
                for m, _ in inspect.getmembers(type(repo), inspect.isfunction)
                if not m.startswith("_")
            ]
            assert 1 <= len(methods) <= 12, (name, methods)
        assert store.claims.all() and store.settings.title()
