"""A write interrupted half-way leaves the previous state intact."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest

from workbench.store import ProjectStore


def test_exception_inside_a_write_rolls_back_everything(store):
    claims = store.claims.all()
    history_before = len(store.history.entries())
    with pytest.raises(RuntimeError), store._write() as db:
        db.execute("UPDATE claims SET verdict = 'False'")
        store._log("claim", None, "update", {}, {"verdict": "False"})
        raise RuntimeError("power cut")
    assert [c.verdict for c in store.claims.all()] == [c.verdict for c in claims]
    assert len(store.history.entries()) == history_before


def test_failed_bulk_insert_adds_no_claim(store):
    from workbench.core.errors import ValidationError
    from workbench.core.models import Claim

    before = len(store.claims.all())
    article = store.articles.all()[0]
    good = Claim(article_id=article.id, start=0, end=5, quote="")
    bad = Claim(article_id=article.id, start=0, end=10**9, quote="")
    with pytest.raises(ValidationError):
        store.claims.add_many([good, bad])
    assert len(store.claims.all()) == before


def test_killed_process_mid_transaction_keeps_previous_state(seed_project):
    """A process that dies inside a transaction (no rollback, no close) loses only that write."""
    with ProjectStore.open(seed_project) as store:
        first = store.claims.all()[0]
        store.claims.set_verdict(first.id, "True", rationale="committed before the crash")
    script = textwrap.dedent(
        f"""
        import os
        from workbench.store import ProjectStore
        store = ProjectStore.open({str(seed_project)!r})
        db = store.db
        db.execute("BEGIN")
        db.execute("UPDATE claims SET verdict = 'False', rationale = 'half-written'")
        db.execute("DELETE FROM evidence")
        os._exit(9)  # dies without commit, rollback or close
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 9, result.stderr
    with ProjectStore.open(seed_project) as store:
        again = store.claims.get(first.id)
        assert again.verdict == "True"
        assert again.rationale == "committed before the crash"
        assert all(c.rationale != "half-written" for c in store.claims.all())
    conn = sqlite3.connect(seed_project)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_committed_write_survives_a_killed_process(seed_project):
    """Every change is committed at once: killing the process right after loses nothing."""
    script = textwrap.dedent(
        f"""
        import os
        from workbench.store import ProjectStore
        store = ProjectStore.open({str(seed_project)!r})
        claim = store.claims.all()[1]
        store.claims.set_verdict(claim.id, "mostly false", rationale="saved at once")
        os._exit(0)  # no close, no checkpoint
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True)
    with ProjectStore.open(seed_project, readonly=True) as store:
        claim = store.claims.all()[1]
        assert (claim.verdict, claim.rationale) == ("Mostly False", "saved at once")
