"""Item 4: one number per claim everywhere: the list, the detail, undo, every export,
ClaimReview's {id}, the command line, the workshop compare window, its chart and report.

The number is the claim's stable id (what ``--claim ID`` means). The project here is
made so that ids and reading positions differ: claim 2 is dropped and a claim added by
hand in its place gets a new id (above every earlier one) while being the second claim
in reading order.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from tests.ui.helpers import open_window, settle
from workbench.core.models import Claim, Origin
from workbench.io.export import export
from workbench.store import ProjectStore
from workbench.ui.models import ClaimTableModel


@pytest.fixture
def renumbered(seed_project):
    with ProjectStore.open(seed_project) as store:
        second = store.claims.all()[1]
        store.claims.delete(second.id)
        added = store.claims.add(
            Claim(
                article_id=second.article_id,
                start=second.start,
                end=second.end,
                quote="",
                origin=Origin.MANUAL,
            )
        )
        store.claims.set_verdict(added.id, "False", rationale="The ministry's own figure.")
        store.settings.set("review_base_url", "https://checks.example/reviews/{id}")
        claim = store.claims.get(added.id)
    assert claim.id > 2 and claim.position == 2  # the number differs from the position
    return seed_project, claim


def shown_number(window, claim_id):
    proxy = window.claim_list.proxy
    row = next(
        r
        for r in range(proxy.rowCount())
        if proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) == claim_id
    )
    return proxy.index(row, ClaimTableModel.ORDER).data()


def test_the_window_shows_the_claims_number(qtbot, renumbered):
    path, claim = renumbered
    window = open_window(qtbot, path, (1400, 900))
    n = claim.id
    assert shown_number(window, n) == str(n)
    window.claim_list.select_claim(n)
    assert f"Claim #{n}" in window.detail.title.text()
    window.claim_list.table.setFocus()
    qtbot.keyClick(window.claim_list.table, Qt.Key.Key_1)
    assert f"#{n}" in window.undo_stack.undoText()
    assert f"#{n}" in window.last_message


def test_exports_use_the_same_number(renumbered, tmp_path):
    path, claim = renumbered
    with ProjectStore.open(path) as store:
        export(store, "csv", tmp_path / "c.csv")
        export(store, "markdown", tmp_path / "r.md")
        export(store, "html", tmp_path / "r.html")
        export(store, "claimreview", tmp_path / "r.jsonld", all_claims=True)
    with open(tmp_path / "c.csv", encoding="utf-8-sig", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["verdict"] == "False")
    n = claim.id
    assert row["claim_id"] == str(n)
    assert f"### {n}. {claim.text}" in (tmp_path / "r.md").read_text(encoding="utf-8")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert f'id="c{n}"' in html and f'href="#c{n}"' in html and 'id="c2"' not in html
    (review,) = json.loads((tmp_path / "r.jsonld").read_text())["@graph"]
    assert review["url"] == f"https://checks.example/reviews/{n}"


def test_the_command_line_means_and_says_the_same_number(renumbered):
    path, claim = renumbered
    run = [sys.executable, "-m", "workbench"]
    done = subprocess.run(
        [*run, "verdict", str(path), "--claim", str(claim.id), "--label", "True"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and done.stdout.startswith(f"claim {claim.id}:")
    gone = subprocess.run(
        [*run, "verdict", str(path), "--claim", "2", "--label", "True"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert gone.returncode == 1 and "2" in gone.stderr


def test_workshop_participants_and_the_trainer_see_the_same_number(qtbot, renumbered, tmp_path):
    from workbench.ui.workshop_view import CompareWindow
    from workbench.workshop.exercise import pack, set_participant_name
    from workbench.workshop.report import write_report

    key, claim = renumbered
    exercise = tmp_path / "exercise.fcw"
    pack(key, exercise)
    files = []
    for name, verdict in (("Ana", "False"), ("Ben", "True")):
        copy = tmp_path / f"{name}.fcw"
        shutil.copy2(exercise, copy)
        with ProjectStore.open(copy) as store:
            set_participant_name(store, name)
            store.claims.set_verdict(claim.id, verdict)
        files.append(copy)
    # what a participant sees in the list
    participant = open_window(qtbot, files[0], (1400, 900))
    assert shown_number(participant, claim.id) == str(claim.id)
    participant.close()
    # what the trainer shows the room
    win = CompareWindow()
    qtbot.addWidget(win)
    win.show()
    win.add_files(files)
    win.set_key(key)
    with qtbot.waitSignal(win.comparison_shown, timeout=20000) as shown:
        win.compare()
    settle()
    comparison = shown.args[0]
    row = next(i for i, c in enumerate(comparison.claims) if c.claim_id == claim.id)
    assert win.claims_proxy.index(row, 0).data() == f"#{claim.id}"
    assert win.chart.shown_label(row).startswith(f"#{claim.id}  ")
    report = write_report(comparison, tmp_path / "room.html").read_text(encoding="utf-8")
    assert f"#{claim.id}" in report
