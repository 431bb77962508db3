"""'Checked before' in the window: matches from the library thread, markers, evidence, syncing."""

from __future__ import annotations

import pytest

from workbench import ops
from workbench.core.models import Stance
from workbench.core.reviews import Review
from workbench.library.matcher import Match
from workbench.library.sync import project_key, sync_store
from workbench.store import ProjectStore
from workbench.store.library import LibraryStore
from workbench.ui.models import MATCH_ROLE, ClaimTableModel


@pytest.fixture
def desk_a(tmp_path, seed_path):
    """Another project where claim 2 was rated; its rated claims are in the library."""
    path = tmp_path / "desk-a.fcw"
    ops.new_project(path, seed_path).close()
    with ProjectStore.open(path) as store:
        rated = store.claims.all()[1]
        store.settings.set("organisation", {"name": "Desk A"})
        store.settings.set("review_base_url", "https://desk-a.example/claims/{id}")
        store.claims.update(rated.id, verdict="Mostly True", rationale="Confirmed by the ministry.")
        with LibraryStore() as library:
            library.add_reviews(
                [
                    Review(
                        claim="Bananas cure the common cold.",
                        url="https://x.example/bananas",
                        verdict="False",
                    )
                ],
                "misc",
            )
            sync_store(library, store)
    return path, rated.id


@pytest.fixture
def window(qtbot, seed_project, desk_a):
    from workbench.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    assert win.open_project(seed_project)
    yield win
    win.jobs.wait_all()
    win.library.stop()
    win._close_store()


def select(window, claim_id):
    window.claim_list.table.setFocus()
    window.claim_list.select_claim(claim_id)


def test_matches_arrive_from_the_library_thread_without_blocking(window, qtbot, desk_a):
    _path, rated_id = desk_a
    panel = window.detail.checked_before
    with qtbot.waitSignal(window.library.matches_shown, timeout=30000) as shown:
        select(window, rated_id)
        # The selection returned at once: the panel says it is searching, no row yet.
        assert panel.status.text() == "searching your library…"
        assert panel.rows == []
    assert shown.args == [rated_id]
    first = panel.rows[0]
    assert first.verdict.text() == "Mostly True"
    assert "Desk A" in first.details.text()
    assert "strong" in first.similarity.text()
    assert first.match.review.url == f"https://desk-a.example/claims/{rated_id}"
    assert panel.scroll.isVisible()
    # Selecting it again is served from the cache, at once.
    select(window, window.store.claims.all()[0].id)
    with qtbot.waitSignal(window.library.matches_shown, timeout=30000):
        select(window, rated_id)
    assert panel.rows[0].match.review.project_claim_id == rated_id


def test_a_claim_with_a_strong_match_is_marked_in_the_list(window, qtbot, desk_a):
    _path, rated_id = desk_a
    model = window.claim_list.model

    def marked():
        return {
            c.id
            for row, c in enumerate(model.claims())
            if model.data(model.index(row, ClaimTableModel.TEXT), MATCH_ROLE)
        }

    qtbot.waitUntil(lambda: rated_id in marked(), timeout=30000)
    row = model.row_of(rated_id)
    assert "Checked before: Mostly True (Desk A)" in model.data(
        model.index(row, ClaimTableModel.TEXT), role=3
    )  # ToolTipRole
    assert len(marked()) < len(model.claims())


def test_adding_a_match_to_the_evidence_is_undoable(window, qtbot, desk_a):
    _path, rated_id = desk_a
    with qtbot.waitSignal(window.library.matches_shown, timeout=30000):
        select(window, rated_id)
    row = window.detail.checked_before.rows[0]
    row.copy_button.click()
    (item,) = window.store.evidence.all(rated_id)
    assert item.url == f"https://desk-a.example/claims/{rated_id}"
    assert item.stance is Stance.CONTEXT
    assert item.note.startswith("Checked before: Desk A rated “")
    assert "as “Mostly True”" in item.note
    window.undo_stack.undo()
    assert window.store.evidence.all(rated_id) == []
    window.undo_stack.redo()
    assert [e.url for e in window.store.evidence.all(rated_id)] == [item.url]
    row.copy_button.click()  # twice: refused, not a second copy
    assert len(window.store.evidence.all(rated_id)) == 1


def test_a_verdict_given_in_the_window_goes_into_the_library(window, qtbot, seed_project):
    claim = window.store.claims.all()[3]
    window.edit_claim(claim.id, {"verdict": "False"})
    key = f"project:{project_key(seed_project)}#{claim.id}"

    def in_library():
        with LibraryStore(readonly=True) as library:
            return library.id_of(key) is not None

    qtbot.waitUntil(in_library, timeout=30000)
    window.undo_stack.undo()  # the verdict is gone again: so is the entry
    qtbot.waitUntil(lambda: not in_library(), timeout=30000)


def test_opening_a_match_from_another_project_opens_it_at_that_claim(window, qtbot, desk_a):
    path, rated_id = desk_a
    with ProjectStore.open(path, readonly=True) as store:
        claim = store.claims.get(rated_id)
    review = Review(claim=claim.text, project=project_key(path), project_claim_id=rated_id)
    window.library.open_match(Match(review, 0.99, True))
    assert window.store.path == path
    assert window.claim_list.current_claim_id() == rated_id
    assert window.detail.claim.id == rated_id
