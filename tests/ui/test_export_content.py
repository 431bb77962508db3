"""Item 9: what the exports hold. The PDF keeps evidence notes and prints each source on
lines of its own; the CSV has the notes; ClaimReview publishes only claims marked done
unless asked for all (and says which); the organisation and review addresses must be
http(s), in the settings dialog and on the command line."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import unicodedata

import pypdf
import pytest
from PySide6.QtCore import Qt

from tests.captures import add_good_capture
from workbench.core.checks import SETTING_KEY as DONE_CHECKS_KEY
from workbench.core.checks import DoneRules
from workbench.store import ProjectStore
from workbench.ui.menus import export_dialog
from workbench.ui.project_settings import ProjectSettingsDialog

NOTE = "Official statement, 14 June: no troop numbers"


@pytest.fixture
def worked(window):
    """Claim 1 done with two sources (one with a note), claim 2 rated but in progress."""
    store = window.store
    store.settings.set(DONE_CHECKS_KEY, DoneRules(min_evidence=1).to_setting())
    first, second = store.claims.all()[:2]
    item = store.evidence.add(first.id, "https://kcna.example/statement", "context", NOTE)
    store.evidence.add(first.id, "https://pentagon.example/briefing", "supports")
    add_good_capture(store, item.url, "KCNA statement")
    store.claims.set_verdict(
        first.id, "Mostly True", rationale="Announced; the region is not named.", status="done"
    )
    store.claims.set_verdict(
        second.id, "False", rationale="Not the ministry's figure.", status="in_progress"
    )
    return window, first, second


def run_export(qtbot, window, fmt, target, all_claims=False):
    dialog = export_dialog(window)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    dialog.path.setText(str(target))
    if all_claims:
        dialog.all_claims.setChecked(True)
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return dialog.result.text()


def test_pdf_keeps_notes_and_puts_each_source_on_lines_of_its_own(qtbot, worked, tmp_path):
    window, first, _second = worked
    run_export(qtbot, window, "pdf", tmp_path / "r.pdf")
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(tmp_path / "r.pdf").pages)
    text = unicodedata.normalize("NFKC", text)  # the PDF's "ffi" ligatures back to letters
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    flat = " ".join(lines)
    # Each source on lines of its own: its stance, the page's title and the note...
    assert "context · KCNA statement — " + NOTE in flat
    assert NOTE in flat  # the note, whole
    # ...then its address, capture time and fingerprint on the next line.
    address = next(
        i for i, line in enumerate(lines) if line.startswith("https://kcna.example/statement")
    )
    assert NOTE.split()[-1] in lines[address - 1]  # the line before ends with the note
    assert "retrieved 2024-06-26T09:30:00Z" in lines[address] + lines[address + 1]
    assert any(line.startswith("supports") for line in lines)
    assert any(line.startswith("https://pentagon.example/briefing") for line in lines)


def test_csv_has_each_sources_stance_and_note(qtbot, worked, tmp_path):
    window, first, _second = worked
    run_export(qtbot, window, "csv", tmp_path / "c.csv")
    with open(tmp_path / "c.csv", encoding="utf-8-sig", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["claim_id"] == str(first.id))
    assert row["evidence_urls"].split("\n") == [
        "https://kcna.example/statement",
        "https://pentagon.example/briefing",
    ]
    assert row["evidence_stances"].split("\n") == ["context", "supports"]
    assert row["evidence_notes"].split("\n") == [NOTE, ""]


def test_claimreview_publishes_done_claims_unless_asked_for_all(qtbot, worked, tmp_path):
    window, first, second = worked
    message = run_export(qtbot, window, "claimreview", tmp_path / "done.jsonld")
    reviews = json.loads((tmp_path / "done.jsonld").read_text())["@graph"]
    assert [r["claimReviewed"] for r in reviews] == [first.text]
    assert "1 ClaimReview of the claims marked done" in message
    assert "1 claim rated but not done (--all-claims includes them)" in message
    message = run_export(qtbot, window, "claimreview", tmp_path / "all.jsonld", all_claims=True)
    reviews = json.loads((tmp_path / "all.jsonld").read_text())["@graph"]
    assert [r["claimReviewed"] for r in reviews] == [first.text, second.text]
    assert "2 ClaimReviews of every rated claim" in message
    assert "2 ClaimReviews" in window.last_message  # said in the status bar too


def test_the_settings_dialog_refuses_addresses_that_are_not_web_addresses(qtbot, window):
    for bad in ("not a url", "javascript:alert(1)", "ftp://example.org/"):
        dialog = ProjectSettingsDialog(window.store, window)
        qtbot.addWidget(dialog)
        dialog.organisation_url.setText(bad)
        dialog.save()
        assert "must be an http(s) web address" in dialog.message.text(), bad
        assert dialog.result() != dialog.DialogCode.Accepted
        assert not (window.store.settings.get("organisation") or {}).get("url")
    dialog = ProjectSettingsDialog(window.store, window)
    qtbot.addWidget(dialog)
    dialog.review_url.setText("javascript:alert(1)//{id}")
    dialog.save()
    assert "review URL must be an http(s) web address" in dialog.message.text()
    assert not window.store.settings.get("review_base_url")
    dialog.organisation_url.setText("www.checks.example")
    dialog.review_url.setText("checks.example/reviews/{id}")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert window.store.settings.get("organisation")["url"] == "https://www.checks.example"
    assert window.store.settings.get("review_base_url") == "https://checks.example/reviews/{id}"


def test_the_command_line_refuses_them_and_leaves_the_file_alone(seed_project):
    before = seed_project.read_bytes()
    for flag, bad in (("--organisation-url", "not a url"), ("--review-url", "javascript:alert(1)")):
        result = subprocess.run(
            [sys.executable, "-m", "workbench", "settings", str(seed_project), flag, bad],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 1 and result.stdout == ""
        (line,) = result.stderr.strip().splitlines()
        assert line.startswith("workbench: error: the ") and "http(s) web address" in line
        assert seed_project.read_bytes() == before
    good = subprocess.run(
        [
            sys.executable,
            "-m",
            "workbench",
            "settings",
            str(seed_project),
            "--review-url",
            "checks.example/r/{id}",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert good.returncode == 0, good.stderr
    with ProjectStore.open(seed_project, readonly=True) as store:
        assert store.settings.get("review_base_url") == "https://checks.example/r/{id}"


def test_a_pdf_made_before_a_window_leaves_the_process_able_to_open_one(tmp_path):
    """The PDF writer needs an application object and makes one when there is none (the
    command line). It must be one a window can use later in the same process: Qt aborts
    the process when a widget is made under a GUI-only application. Run in a child, since
    an abort would take the test run with it."""
    script = (
        "from workbench.ui.pdf_page import html_to_pdf\n"
        "assert html_to_pdf('<p>x</p>', 't').startswith(b'%PDF')\n"
        "from PySide6.QtWidgets import QWidget\n"
        "QWidget().show()\n"
        "print('window made')\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert "window made" in result.stdout
