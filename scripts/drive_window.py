"""Drive the real window as a checker would: edit, refuse, undo, redo, re-detect, merge, reopen.

Prints what happened at each step and saves screenshots of the whole screen (the
refused "done", the re-detection question and summary, the merge question) in OUT.
Run it under a real X server of the size wanted, e.g.:

    xvfb-run -a -s "-screen 0 1280x720x24" .venv/bin/python scripts/drive_window.py 1280x720 OUT
"""

import os
import sys
import tempfile
from pathlib import Path

# A data folder of its own: the user's window settings and recent files stay as they are.
os.environ.setdefault("WORKBENCH_DATA_DIR", tempfile.mkdtemp())

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from workbench import ops
from workbench.paths import SEED_ARTICLE
from workbench.ui.app import application
from workbench.ui.evidence_panel import AUTO_FETCH_KEY
from workbench.ui.main_window import MainWindow
from workbench.ui.theme import settings

W, H = map(int, sys.argv[1].split("x"))
out = Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
project = Path(tempfile.mkdtemp()) / "drive.fcw"
ops.new_project(project, SEED_ARTICLE).close()
app = application()
settings().setValue(AUTO_FETCH_KEY, False)
settings().remove("geometry")
window = MainWindow()
window.show()
window.setGeometry(0, 0, W, H)
window.open_project(project)
window.activateWindow()
window.raise_()
print("active:", QTest.qWaitForWindowActive(window, 5000), flush=True)
CTRL = Qt.KeyboardModifier.ControlModifier
CS = CTRL | Qt.KeyboardModifier.ShiftModifier


def say(*a):
    print(*a, flush=True)


def shot(name):
    app.processEvents()
    QTest.qWait(300)
    app.processEvents()
    img = window.screen().grabWindow(0, 0, 0, W, H)
    img.save(str(out / f"{name}-{W}x{H}.png"))
    say("shot", name)


def wait_question(then):
    if window.curation.question is None:
        QTimer.singleShot(100, lambda: wait_question(then))
        return
    then(window.curation.question)


def press(box, text):
    b = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    QTest.mouseClick(b, Qt.MouseButton.LeftButton)


def step1():
    store = window.store
    t = window.claim_list.table
    t.setFocus()
    t.selectRow(1)
    d = window.detail
    cid = d.claim.id
    d.rationale.setFocus()
    QTest.keyClicks(d.rationale, "Satellite images show no troops.")
    t.setFocus()
    say("saved rationale:", repr(store.claims.get(cid).rationale))
    d.status.setFocus()
    QTest.keyClick(d.status, Qt.Key.Key_End)
    say("refused:", window.statusBar().currentMessage())
    shot("refused-done")
    d.rationale.setFocus()
    d.rationale.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(d.rationale, " Not one.")
    QTest.keyClick(d.rationale, Qt.Key.Key_Z, CTRL)
    say(
        "after ctrl+z in field:",
        repr(d.rationale.toPlainText()),
        repr(store.claims.get(cid).rationale),
    )
    QTest.keyClick(d.rationale, Qt.Key.Key_Z, CS)
    say("after ctrl+shift+z:", repr(store.claims.get(cid).rationale))
    # curation, then re-detect
    claims = store.claims.all()
    store.claims.delete_many([claims[3].id, claims[4].id])
    first = claims[0]
    t.setFocus()
    window.claim_list.select_claim(first.id)
    view = window.article_view.text
    c = QTextCursor(view.document())
    c.setPosition(first.start + first.quote.index(", Kim") + 1)
    view.setTextCursor(c)
    window.split_claim()
    t.setFocus()
    QTest.keyClick(window, Qt.Key.Key_R, CTRL)
    wait_question(step2)


def step2(box):
    say("redetect question:", box.text().splitlines()[0])
    shot("redetect-question")
    press(box, "Re-detect")
    say("status:", window.statusBar().currentMessage())
    shot("redetect-summary")
    store = window.store
    a, b = store.claims.all()[5], store.claims.all()[6]
    store.claims.update(
        a.id, rationale="Checked against the ministry's statement.", status="in_progress"
    )
    store.evidence.add(b.id, "https://example.org/statement")
    store.claims.update(
        b.id,
        verdict="Mostly False",
        rationale="The figure is from 2022.",
        claimant="Defence ministry",
    )
    store.claims.update(b.id, status="done")
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 5000)
    window.claim_list.table.setFocus()
    window.claim_list.select_claim(a.id)
    QTest.keyClick(window, Qt.Key.Key_M, CS)
    wait_question(lambda box: step3(box, a.id, b.id))


def step3(box, a, b):
    say("merge question:", box.text().replace("\n", " | "))
    shot("merge-question")
    press(box, "Merge")
    say(
        "merged:",
        window.store.claims.get(a).rationale.replace("\n", " "),
        window.store.claims.get(a).status.value,
    )
    window.undo()
    say(
        "after undo:",
        sorted([a, b]) == sorted(c.id for c in window.store.claims.all() if c.id in (a, b)),
        window.store.claims.get(b).status.value,
    )
    window.redo()
    window.undo()
    shot("after-undo")
    window.close()
    again = MainWindow()
    again.show()
    again.open_project(project)
    again.activateWindow()
    QTest.qWaitForWindowActive(again, 5000)
    ids = [c.id for c in again.store.claims.all()]
    say(
        "reopened:",
        len(ids),
        "claims;",
        again.undo_stack.count(),
        "undo steps;",
        repr(again.store.claims.get(2).rationale),
    )
    again.close()
    app.quit()


QTimer.singleShot(500, step1)
code = app.exec()
say("exit", code)
sys.exit(code)
