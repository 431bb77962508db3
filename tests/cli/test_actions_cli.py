"""One command, one transaction, in real processes: waiting for other writers, atomic
imports, leftovers of a killed ``new``, the checks before done, the history's groups."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

from tests.cli_runner import run_workbench
from workbench import ops
from workbench.store import ProjectStore

run = run_workbench


HOLD_LOCK = textwrap.dedent(
    """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE settings SET value = value WHERE key = 'title'")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    conn.execute("COMMIT")
    print("released", flush=True)
    """
)


def test_verdict_waits_for_another_writer_holding_the_lock_and_succeeds(seed_project):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(seed_project), "3"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        result = run(
            "verdict",
            seed_project,
            "--claim",
            2,
            "--label",
            "false",
            "--rationale",
            "Written while another program wrote.",
        )
        waited = time.monotonic() - started
    finally:
        holder.wait(20)
    assert result.returncode == 0, result.stderr
    assert "claim 2: False" in result.stdout
    assert waited > 1  # it waited for the lock instead of failing at once
    with ProjectStore.open(seed_project, readonly=True) as store:
        assert store.claims.get(2).rationale == "Written while another program wrote."


def test_history_shows_each_command_as_one_group(seed_project):
    run("verdict", seed_project, "--claim", 3, "--label", "true", "--rationale", "Seen.")
    result = run("history", seed_project, "--limit", 2)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "workbench verdict --claim 3  (command line)" in lines[0]
    assert lines[1].strip() == "claim 3: changed rationale, verdict"
    header = [line for line in lines if not line.startswith("    ")]
    assert len(header) == 2 and "New project" in header[1]


def test_clearing_the_verdict_of_a_done_claim_moves_it_back_and_says_so(seed_project):
    with ProjectStore.open(seed_project) as store:
        store.claims.update(4, verdict="False", rationale="Checked.")
        store.evidence.add(4, "https://example.org/a")
        store.claims.update(4, status="done")
    result = run("verdict", seed_project, "--claim", 4, "--label", "")
    assert result.returncode == 0, result.stderr
    assert "claim 4: not rated, in progress" in result.stdout
    assert "moved back to “in progress”: missing a verdict" in result.stdout
    with ProjectStore.open(seed_project) as store:
        store.claims.update(4, verdict="False", status="done")
    evidence_id = ProjectStore.open(seed_project, readonly=True).evidence.all(4)[0].id
    result = run("evidence", "remove", seed_project, evidence_id)
    assert result.returncode == 0, result.stderr
    assert "moved back" in result.stdout and "1 evidence item" in result.stdout


def test_a_failed_capture_does_not_count_as_evidence_for_done(seed_project, site):
    url = site.url("/gone")  # the local site answers 404
    assert run("evidence", "add", seed_project, "--claim", 5, url).returncode == 0
    assert run("fetch", seed_project).returncode == 0
    listed = run("evidence", "list", seed_project, "--claim", 5)
    assert "failed: HTTP 404" in listed.stdout
    result = run(
        "verdict",
        seed_project,
        "--claim",
        5,
        "--label",
        "false",
        "--rationale",
        "Checked.",
        "--status",
        "done",
    )
    assert result.returncode == 1
    assert "1 evidence item (1 failed capture does not count)" in result.stderr
    with ProjectStore.open(seed_project, readonly=True) as store:
        assert store.claims.get(5).status.value == "new"


def test_import_of_a_new_version_says_what_it_changed(tmp_path, seed_path):
    article = tmp_path / "article.txt"
    shutil.copy(seed_path, article)
    project = tmp_path / "p.fcw"
    ops.new_project(project, article).close()
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("Is war ever legal?", "Is war ever lawful?"), encoding="utf-8")
    result = run("import", project, article)
    assert result.returncode == 0, result.stderr
    assert "new version of article 1" in result.stdout
    with ProjectStore.open(project, readonly=True) as store:
        kept = len(store.claims.all(2))
    assert f"0 claims added, 0 removed, {kept} kept" in result.stdout


KILL_DURING = textwrap.dedent(
    """
    import os, signal, sys
    from workbench.store import ProjectStore
    from workbench.store.claims import ClaimRepo
    from workbench.cli import main

    original = ClaimRepo.add_many

    def add_claims_then_die(self, claims):
        original(self, claims)  # written inside the open transaction...
        os.kill(os.getpid(), signal.SIGKILL)  # ...and the process dies before the commit

    ClaimRepo.add_many = add_claims_then_die
    sys.exit(main(sys.argv[1:]))
    """
)


def kill_during(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", KILL_DURING, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_a_killed_import_leaves_nothing_and_importing_again_works(seed_project, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(
        "Council figures\n\nThe council spent $4.2 million on the bridge in 2021, the mayor "
        "said. Crime fell by 12 percent in 2023 according to police figures.\n",
        encoding="utf-8",
    )
    with ProjectStore.open(seed_project, readonly=True) as store:
        articles = len(store.articles.all())
    killed = kill_during("import", seed_project, other)
    assert killed.returncode == -signal.SIGKILL
    with ProjectStore.open(seed_project) as store:
        assert len(store.articles.all()) == articles  # no article without its claims
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    again = run("import", seed_project, other)
    assert again.returncode == 0, again.stderr
    assert "claims to check" in again.stdout and "unchanged" not in again.stdout
    with ProjectStore.open(seed_project, readonly=True) as store:
        assert len(store.articles.all()) == articles + 1
        assert store.claims.all(store.articles.all()[-1].id)


def test_a_failing_import_leaves_nothing(seed_project, tmp_path, monkeypatch):
    from workbench.store.claims import ClaimRepo

    other = tmp_path / "other.txt"
    other.write_text(
        "Council figures\n\nThe council spent $4.2 million on the bridge in 2021, the mayor "
        "said. Crime fell by 12 percent in 2023 according to police figures.\n",
        encoding="utf-8",
    )

    def broken(self, claims):
        raise RuntimeError("the disk is full")

    with ProjectStore.open(seed_project) as store:
        before = len(store.articles.all())
        monkeypatch.setattr(ClaimRepo, "add_many", broken)
        with contextlib.suppress(RuntimeError):
            ops.import_article(store, other)
        monkeypatch.undo()
        assert len(store.articles.all()) == before
        result = ops.import_article(store, other)
        assert not result.unchanged and result.added_claims >= 1


def test_leftovers_of_a_killed_new_are_cleaned_on_the_next_run(tmp_path, seed_path):
    project = tmp_path / "p.fcw"
    killed = kill_during("new", project, "--article", seed_path)
    assert killed.returncode == -signal.SIGKILL
    leftover = tmp_path / ".p.fcw.creating"
    assert leftover.exists() and not project.exists()
    # another project in the same folder, a while later: the stale leftovers go
    old = time.time() - 3600
    for path in tmp_path.glob(".p.fcw.creating*"):
        os.utime(path, (old, old))
    result = run("new", tmp_path / "q.fcw", "--article", seed_path)
    assert result.returncode == 0, result.stderr
    assert not list(tmp_path.glob(".p.fcw.creating*"))
    # and the same name again works
    assert kill_during("new", project, "--article", seed_path).returncode == -signal.SIGKILL
    result = run("new", project, "--article", seed_path)
    assert result.returncode == 0, result.stderr
    assert not list(tmp_path.glob(".*.creating*"))


def test_a_project_being_created_by_another_process_is_left_alone(tmp_path, seed_path):
    busy = tmp_path / ".busy.fcw.creating"
    conn = sqlite3.connect(busy)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    old = time.time() - 3600
    os.utime(busy, (old, old))
    try:
        result = run("new", tmp_path / "q.fcw", "--article", seed_path)
        assert result.returncode == 0, result.stderr
        assert busy.exists()  # still open in another connection: not touched
    finally:
        conn.close()
