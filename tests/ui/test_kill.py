"""Killing the window's process loses nothing that was typed before the save pause."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from workbench.store import ProjectStore

CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtTest import QTest
    from workbench.ui.app import application
    from workbench.ui.main_window import MainWindow

    app = application()
    window = MainWindow()
    window.show()
    window.open_project(sys.argv[1])
    window.claim_list.table.selectRow(0)
    window.detail.rationale.setFocus()
    QTest.keyClicks(window.detail.rationale, "Typed, then the laptop died.")
    print(window.claim_list.current_claim_id(), flush=True)
    app.exec()  # stays open, with the field still focused, until killed
    """
)


def test_sigkill_after_typing_keeps_the_text(seed_project, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKBENCH_DATA_DIR": str(tmp_path)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(seed_project)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        claim_id = int(child.stdout.readline())
        deadline = time.monotonic() + 20
        saved = ""
        while time.monotonic() < deadline and not saved:
            with ProjectStore.open(seed_project, readonly=True) as store:
                saved = store.claims.get(claim_id).rationale
            time.sleep(0.1)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    assert saved == "Typed, then the laptop died."
    assert child.returncode == -signal.SIGKILL  # killed, never closed cleanly
    with ProjectStore.open(seed_project) as store:  # the WAL left behind is recovered
        assert store.claims.get(claim_id).rationale == "Typed, then the laptop died."
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
