"""A refused edit never raises through Qt: the window's process survives and exits cleanly.

Each scenario runs the real window in a child process (Qt offscreen), driven by a
script as a user would drive it, and checks the exit status: a crash inside Qt
(a segfault) cannot be caught in the test's own process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from workbench.store import ProjectStore

PRELUDE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from workbench.ui import app as appmod
    from workbench.ui.evidence_panel import AUTO_FETCH_KEY
    from workbench.ui.theme import settings

    settings().setValue(AUTO_FETCH_KEY, False)  # no network in tests

    project = Path(sys.argv[1])
    scenario = sys.argv[2]

    def choose_done(d):
        d.status.setFocus()
        QTest.keyClick(d.status, Qt.Key.Key_End)  # the last status: done

    def drive(window):
        if window.store is None or window.claim_list.proxy.rowCount() == 0:
            QTimer.singleShot(50, lambda: drive(window))
            return
        window.claim_list.table.setFocus()
        window.claim_list.table.selectRow(1)
        d = window.detail
        claim_id = d.claim.id
        print("claim", claim_id, flush=True)
        # a typing session on top of the undo stack, then a refused "done"
        d.rationale.setFocus()
        QTest.keyClicks(d.rationale, "The ministry's figures")
        d.save_text_fields()
        choose_done(d)
        print("refused:", window.statusBar().currentMessage(), flush=True)
        if scenario == "type-after":
            window.edit_claim(claim_id, {"verdict": "False"})
            d.url.setText("https://example.org/figures")
            QTest.keyClick(d.url, Qt.Key.Key_Return)
            choose_done(d)
            print("status:", window.store.claims.get(claim_id).status.value, flush=True)
            d.rationale.setFocus()
            QTest.keyClicks(d.rationale, " disagree.")
            # past the 0.6 s autosave, then close
            QTimer.singleShot(1500, window.close)
        else:
            QTimer.singleShot(300, window.close)

    original = appmod.start_window

    def start(project, screenshot=None):
        window = original(project, screenshot)
        QTimer.singleShot(50, lambda: drive(window))
        return window

    appmod.start_window = start
    code = appmod.run_app(project)
    print("event loop ended", code, flush=True)
    sys.exit(code)
    """
)


def run_window(project, scenario, tmp_path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKBENCH_DATA_DIR": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-c", PRELUDE, str(project), scenario],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_exit_after_a_refused_done_is_clean(seed_project, tmp_path):
    result = run_window(seed_project, "exit", tmp_path)
    assert "cannot be marked done" in result.stdout
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    assert "event loop ended 0" in result.stdout


def test_typing_after_a_refused_then_accepted_done_does_not_crash(seed_project, tmp_path):
    result = run_window(seed_project, "type-after", tmp_path)
    assert "cannot be marked done" in result.stdout
    assert "status: done" in result.stdout
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    claim_id = int(result.stdout.split("claim ", 1)[1].split()[0])
    with ProjectStore.open(seed_project, readonly=True) as store:
        claim = store.claims.get(claim_id)
    assert claim.rationale == "The ministry's figures disagree."
    assert claim.status.value == "done" and claim.verdict == "False"
