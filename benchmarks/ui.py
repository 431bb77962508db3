"""Window speed on this machine (offscreen).

Prints: process start to window shown, against a bare PySide6 window measured the
same way in the same run; process start to the seed article's claims listed (an
existing project, and the first run that creates the demo project); and for a
10,000-claim project: open, scroll the whole list, apply a filter. Targets: window
within 1.5x of a bare window; claims within 2 s; the 10,000-claim filter < 50 ms.

    .venv/bin/python benchmarks/ui.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Both scripts print "shown" at the window's first paint, so the two are measured alike.
FIRST_PAINT = """
from PySide6.QtCore import QEvent, QObject
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not getattr(self, "seen", False):
            self.seen = True
            print("shown", flush=True)
            on_shown()
        return False
"""

BARE = (
    FIRST_PAINT
    + """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
on_shown = lambda: QTimer.singleShot(0, app.quit)
w = QMainWindow(); w.resize(1400, 900)
spy = FirstPaint(); w.installEventFilter(spy)
w.show()
app.exec()
"""
)

WORKBENCH = (
    FIRST_PAINT
    + """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow
from workbench.ui.app import application, start_window
app = application()
on_shown = lambda: None
spy = FirstPaint()
app.installEventFilter(spy)  # the window does not exist yet: watch the whole application
def listed(n):
    if n:
        print("listed", flush=True)
        QTimer.singleShot(0, app.quit)
w = start_window(None if sys.argv[1] == "demo" else Path(sys.argv[1]))
w.claims_shown.connect(listed)
app.exec()
"""
)


def run(script: str, *args: str, env: dict | None = None) -> dict[str, float]:
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
    )
    marks = {}
    for line in proc.stdout:
        marks[line.strip()] = time.perf_counter() - started
    proc.wait()
    return marks


def main() -> None:
    from workbench import ops
    from workbench.paths import SEED_ARTICLE

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        seed = tmp / "seed.fcw"
        ops.new_project(seed, SEED_ARTICLE).close()
        bare = [run(BARE)["shown"] for _ in range(3)]
        ours = [
            run(WORKBENCH, str(seed), env={"WORKBENCH_DATA_DIR": str(tmp / "d")}) for _ in range(3)
        ]
        shown = statistics.median(m["shown"] for m in ours)
        listed = statistics.median(m["listed"] for m in ours)
        print(
            f"window shown: {shown:.2f} s from process start; bare PySide6 window "
            f"{statistics.median(bare):.2f} s; ratio {shown / statistics.median(bare):.2f}x "
            "(target <= 1.5x)"
        )
        print(
            f"seed article's claims listed (existing project): {listed:.2f} s from start "
            "(target < 2 s)"
        )
        demo = run(WORKBENCH, "demo", env={"WORKBENCH_DATA_DIR": str(tmp / "fresh")})
        print(
            f"first run, demo project created and its claims listed: {demo['listed']:.2f} s "
            "from start "
            f"(window shown at {demo['shown']:.2f} s)"
        )

        from store import build  # benchmarks/store.py: the 10,000-claim project

        big = tmp / "big.fcw"
        build(big)
        from PySide6.QtWidgets import QApplication

        from workbench.ui.main_window import MainWindow
        from workbench.ui.models import ClaimFilterProxy

        os.environ["WORKBENCH_DATA_DIR"] = str(tmp / "d2")
        # The window would start capturing the 50,000 never-fetched URLs: this measures the list.
        (tmp / "d2").mkdir()
        (tmp / "d2" / "window.ini").write_text("[evidence]\nfetch_automatically=false\n")
        app = QApplication.instance() or QApplication([])
        window = MainWindow()
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        t0 = time.perf_counter()
        window.open_project(big)
        app.processEvents()
        print(f"10,000 claims: open {time.perf_counter() - t0:.2f} s")
        table = window.claim_list.table
        bar = table.verticalScrollBar()
        t0 = time.perf_counter()
        steps = 0
        while bar.value() < bar.maximum():
            bar.setValue(bar.value() + bar.pageStep())
            app.processEvents()
            steps += 1
        print(
            f"10,000 claims: scroll the whole list ({steps} pages) {time.perf_counter() - t0:.2f} s"
        )
        times = []
        for verdict in ("True", ClaimFilterProxy.UNRATED, None, "False", None):
            t0 = time.perf_counter()
            window.claim_list.proxy.set_verdict(verdict)
            app.processEvents()
            times.append(time.perf_counter() - t0)
        print(
            f"10,000 claims: apply a filter {statistics.median(times) * 1000:.0f} ms "
            f"(median of 5; target < 50 ms)"
        )
        window.close()


if __name__ == "__main__":
    main()
