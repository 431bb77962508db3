"""Fixtures for driving the real window with qtbot."""

from __future__ import annotations

import pytest

from workbench.store import ProjectStore


@pytest.fixture
def window(qtbot, seed_project):
    from workbench.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    assert win.open_project(seed_project)
    yield win
    win.jobs.wait_all()
    win._close_store()


@pytest.fixture
def on_disk(seed_project):
    """Read the project file through a separate connection, as another process would."""

    def read(claim_id=None):
        with ProjectStore.open(seed_project, readonly=True) as store:
            return store.claims.get(claim_id) if claim_id is not None else store.claims.all()

    return read


@pytest.fixture(autouse=True)
def _no_automatic_fetching():
    """No window test fetches a page by surprise: those that fetch turn it on, against 127.0.0.1."""
    from workbench.ui.evidence_panel import AUTO_FETCH_KEY
    from workbench.ui.theme import settings

    settings().setValue(AUTO_FETCH_KEY, False)
