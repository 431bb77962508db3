"""kill -9 while writing, again and again: nothing reported saved is ever lost, the WAL left
behind is recovered (never refused as a stray), and reading the crashed file changes nothing.

A child process changes verdicts in a loop, printing each change's number once it is
committed, with checkpoints every 20 pages so that some kills land mid-checkpoint; it is
killed after a random (seeded) moment. CI runs 3 cycles, ``--full`` 100.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
import time

from tests.reliability import harness
from workbench.store import ProjectStore

WRITER = """
import sys
from workbench.store import ProjectStore
store = ProjectStore.open(sys.argv[1])
store.db.execute("PRAGMA wal_autocheckpoint = 20")
claims = [c.id for c in store.claims.all()]
labels = ["True", "False", "Mixture"]
i = int(sys.argv[2])
while True:
    store.claims.set_verdict(claims[i % len(claims)], labels[i % 3], rationale=f"r{i}")
    print(i, flush=True)
    i += 1
"""


def test_kill_9_while_writing_loses_nothing_reported_saved(base_project, tmp_path, full, record):
    import shutil

    project = tmp_path / "k.fcw"
    shutil.copyfile(base_project, project)
    with ProjectStore.open(project, readonly=True) as store:
        claims = [c.id for c in store.claims.all()]
    rng = random.Random(11)
    start, failures = 0, []
    for cycle in range(100 if full else 3):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(project), str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        printed: list[int] = []
        first = threading.Event()

        def read(child=child, printed=printed, first=first) -> None:
            for line in child.stdout:
                printed.append(int(line))
                first.set()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        first.wait(60)  # the writer has opened the (crashed) project and saved once
        time.sleep(rng.uniform(0, 2))
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        reader.join(10)
        if not printed:
            failures.append(f"cycle {cycle}: the writer saved nothing ({child.stderr.read()})")
            continue
        last = printed[-1]
        before = harness.folder_state(tmp_path)
        outcome = harness.run("info", str(project), timeout=60)
        problems = harness.check_contract(outcome, memory_mb=1024)
        if outcome.status != 0:
            problems.append("the crashed project was not opened")
        modified = harness.folder_state(tmp_path) != before
        if modified:
            problems.append("reading the crashed project changed its folder")
        with ProjectStore.open(project) as store:  # recovers the WAL, as the next user would
            rationale = {c.id: c.rationale for c in store.claims.all()}
            if store.db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                problems.append("integrity_check failed")
        if rationale[claims[last % len(claims)]] != f"r{last}":
            problems.append(f"change {last} was reported saved but is not in the file")
        newest = max(int(r[1:]) for r in rationale.values() if r.startswith("r"))
        if newest > last + 1:
            problems.append(f"change {newest} is in the file but was never made")
        record("kill -9", f"cycle-{cycle}", outcome, problems, modified)
        if problems:
            failures.append(f"cycle {cycle} (last saved {last}): {problems}")
        start = newest + 1
    assert not failures, "\n".join(failures)
