"""The store's unit of work: one user action, one transaction, one notification batch."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from workbench.core.changes import Changes
from workbench.core.errors import ValidationError
from workbench.core.models import ClaimStatus
from workbench.store import ProjectStore


def test_a_transaction_commits_several_calls_together_and_announces_once(store):
    batches = []
    store.subscribe(batches.append)
    claims = store.claims.all()
    with store.transaction("Rate two claims") as txn:
        store.claims.set_verdict(claims[0].id, "False")
        store.claims.set_verdict(claims[1].id, "True")
        assert batches == []  # nothing is announced before the commit
    assert batches == [Changes(claims_updated=(claims[0].id, claims[1].id))]
    assert txn.changes == batches[0]
    group = store.history.groups(limit=1)[0]
    assert {e.txn for e in group} == {txn.id} and len(group) == 2
    assert group[0].txn_label == "Rate two claims"


def test_a_failure_rolls_the_whole_action_back_and_announces_nothing(store, seed_project):
    batches = []
    store.subscribe(batches.append)
    claims = store.claims.all()
    with pytest.raises(RuntimeError), store.transaction("Half an action"):
        store.claims.set_verdict(claims[0].id, "False")
        store.evidence.add(claims[0].id, "https://example.org/x")
        raise RuntimeError("the machine lost power")
    assert batches == []
    with ProjectStore.open(seed_project, readonly=True) as other:
        assert other.claims.get(claims[0].id).verdict is None
        assert other.claims.get(claims[0].id).evidence_count == 0
        assert not any(e.txn_label == "Half an action" for e in other.history.entries())


def test_a_refused_step_inside_an_action_leaves_nothing_of_itself(store):
    claim = store.claims.all()[0]
    with store.transaction("Try to mark done"):
        store.claims.update(claim.id, rationale="A reason")
        with pytest.raises(ValidationError):
            store.claims.update(claim.id, status="done")  # no verdict, no evidence
    saved = store.claims.get(claim.id)
    assert saved.rationale == "A reason" and saved.status is ClaimStatus.NEW


def test_merge_and_split_are_one_transaction_each(store):
    before = store.db.execute("SELECT COUNT(*) FROM transactions").fetchone()[0]
    claims = store.claims.all()
    store.curation.merge(claims[1].id, claims[2].id)
    first = store.claims.all()[0]
    store.curation.split(first.id, first.start + first.quote.index(", Kim") + 1)
    after = store.db.execute("SELECT label FROM transactions ORDER BY id").fetchall()[before:]
    assert [label for (label,) in after] == [
        f"Merge claims {claims[1].id} and {claims[2].id}",
        f"Split claim {first.id}",
    ]


def test_a_second_writer_waits_for_the_first_instead_of_failing(seed_project):
    """Two connections (the window's and a worker's): BEGIN IMMEDIATE makes the second wait."""
    first = ProjectStore.open(seed_project)
    second = ProjectStore.open(seed_project)
    holding = threading.Event()
    release = threading.Event()
    done = []

    def writer() -> None:
        with first.transaction("slow action"):
            first.claims.set_verdict(1, "False")
            holding.set()
            release.wait(5)

    thread = threading.Thread(target=writer)
    thread.start()
    holding.wait(5)

    def other() -> None:
        # reads first, then writes: with a deferred BEGIN this failed with "database is locked"
        with second.transaction("concurrent action"):
            claim = second.claims.get(2)
            second.claims.update(claim.id, rationale=claim.rationale + "waited")
        done.append(True)

    later = threading.Thread(target=other)
    later.start()
    threading.Timer(0.5, release.set).start()
    thread.join(10)
    later.join(10)
    assert done == [True]
    assert second.claims.get(1).verdict == "False" and second.claims.get(2).rationale == "waited"
    first.close()
    second.close()


def test_every_history_row_of_an_action_shares_its_transaction_id(store, seed_project):
    conn = sqlite3.connect(seed_project)
    try:
        rows = conn.execute(
            "SELECT h.txn, t.label FROM history h JOIN transactions t ON t.id = h.txn"
        ).fetchall()
        orphans = conn.execute("SELECT COUNT(*) FROM history WHERE txn IS NULL").fetchone()[0]
    finally:
        conn.close()
    assert rows and orphans == 0  # the new project: one action
    assert {label for _txn, label in rows} == {"New project"}
