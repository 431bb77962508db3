"""Workshop kits: the folder a trainer copies to USB sticks."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from workbench.core.errors import ValidationError
from workbench.store import ProjectStore
from workbench.workshop.exercise import exercise_of, participant_name
from workbench.workshop.kit import app_system, default_bundle, make_kit

VERDICTS = ["True", "False", "Mixture"]


def linux_app(folder: Path) -> Path:
    """A stand-in for the one-folder app: its program, its libraries, a link among them."""
    (folder / "_internal" / "workbench").mkdir(parents=True)
    (folder / "workbench").write_bytes(b"\x7fELF program")
    (folder / "workbench").chmod(0o755)
    (folder / "_internal" / "libQt6Core.so.6").write_bytes(b"qt")
    (folder / "_internal" / "libQt6Core.so").symlink_to("libQt6Core.so.6")
    return folder


def zipped(folder: Path, names: list[str]) -> Path:
    out = folder.with_suffix(".zip")
    with zipfile.ZipFile(out, "w") as archive:
        for name in names:
            archive.writestr(name, b"x")
    return out


@pytest.fixture
def exercise(workshop):
    return workshop.exercise(workshop.key(VERDICTS), name="budget.fcw")


def test_kit_holds_the_app_the_exercise_and_the_page(exercise, tmp_path):
    app = linux_app(tmp_path / "fact-check-workbench")
    kit = make_kit(exercise, tmp_path / "kit", bundles=[app], note="Hand in by 16:00 to Ana.")
    folder = tmp_path / "kit"
    assert kit.folder == folder and kit.apps[0].system == "linux" and kit.warnings == []
    copied = folder / "App for Linux" / "fact-check-workbench"
    assert (copied / "workbench").read_bytes() == b"\x7fELF program"
    assert os.access(copied / "workbench", os.X_OK)
    assert (copied / "_internal" / "libQt6Core.so").is_symlink()  # links stay links
    with ProjectStore.open(folder / "budget.fcw", readonly=True) as store:
        assert exercise_of(store) is not None and participant_name(store) == ""
        assert [c.verdict for c in store.claims.all()] == [None] * len(VERDICTS)
    page = (folder / "START HERE.html").read_text(encoding="utf-8")
    for words in (
        "Bridge and budget",
        "Hand in by 16:00 to Ana.",
        "budget - your name.fcw",
        "App for Linux",
        "File &gt; Open",
        "There is no Save button",
        "Hand your file back",
        "File &gt; Quit",
    ):
        assert words in page
    assert "<script" not in page and "http" not in page  # nothing fetched from anywhere
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_kit_page_as_pdf_is_one_page_drawn_by_qt(exercise, tmp_path):
    from pypdf import PdfReader

    from workbench.ui.pdf_page import html_to_pdf

    kit = make_kit(exercise, tmp_path / "kit", bundles=[], pdf=html_to_pdf)
    assert kit.pdf
    reader = PdfReader(tmp_path / "kit" / "START HERE.pdf")
    assert len(reader.pages) == 1
    # Qt's PDF separates words with tabs for pypdf, and sets "fi" as a ligature.
    text = " ".join(reader.pages[0].extract_text().replace("\ufb01", "fi").split())
    assert "Bridge and budget" in text and "Hand your file back" in text
    assert "budget - your name.fcw" in text


def test_kit_for_several_systems_from_zips_says_how_to_start_each(exercise, tmp_path):
    windows = zipped(
        tmp_path / "win",
        ["Fact-Check Workbench/workbench.exe", "Fact-Check Workbench/Fact-Check Workbench.exe"],
    )
    mac = zipped(tmp_path / "mac", ["Fact-Check Workbench.app/Contents/MacOS/workbench"])
    kit = make_kit(exercise, tmp_path / "kit", bundles=[windows, mac])
    assert [(a.system, a.zipped) for a in kit.apps] == [("windows", True), ("macos", True)]
    assert (tmp_path / "kit" / "App for Windows" / "win.zip").is_file()
    assert (tmp_path / "kit" / "App for macOS" / "mac.zip").is_file()
    page = (tmp_path / "kit" / "START HERE.html").read_text(encoding="utf-8")
    assert "Fact-Check Workbench.exe" in page and "Run anyway" in page
    assert "Fact-Check Workbench.app" in page and "Open Anyway" in page
    assert page.count("unzip") == 2


def test_a_project_with_answers_is_refused_and_nothing_is_left(workshop, tmp_path):
    key = workshop.key(VERDICTS)
    with pytest.raises(ValidationError, match="not a workshop exercise"):
        make_kit(key, tmp_path / "kit", bundles=[])
    assert not (tmp_path / "kit").exists()
    assert not any(p.name.endswith(".partial") for p in tmp_path.iterdir())


def test_a_participants_file_is_refused(workshop, exercise):
    ana = workshop.participant(exercise, "Ana", VERDICTS)
    with pytest.raises(ValidationError, match="Ana's file"):
        make_kit(ana, workshop.folder / "kit", bundles=[])


def test_an_existing_folder_is_kept_unless_it_is_an_earlier_kit_and_forced(exercise, tmp_path):
    other = tmp_path / "photos"
    other.mkdir()
    (other / "holiday.jpg").write_bytes(b"jpg")
    for force in (False, True):
        with pytest.raises(ValidationError, match="already exists"):
            make_kit(exercise, other, bundles=[], force=force)
    assert (other / "holiday.jpg").read_bytes() == b"jpg"
    make_kit(exercise, tmp_path / "kit", bundles=[])
    with pytest.raises(ValidationError, match="--force"):
        make_kit(exercise, tmp_path / "kit", bundles=[])
    (tmp_path / "kit" / "stale.txt").write_text("old")
    make_kit(exercise, tmp_path / "kit", bundles=[], force=True)
    assert not (tmp_path / "kit" / "stale.txt").exists()


def test_what_is_not_an_app_is_refused(tmp_path):
    (tmp_path / "docs").mkdir()
    with pytest.raises(ValidationError, match="not a Fact-Check Workbench app"):
        app_system(tmp_path / "docs")
    with pytest.raises(ValidationError, match="no such app"):
        app_system(tmp_path / "missing")
    assert app_system(linux_app(tmp_path / "app")) == "linux"
    (tmp_path / "My.app" / "Contents" / "MacOS").mkdir(parents=True)
    assert app_system(tmp_path / "My.app") == "macos"


def test_two_apps_for_one_system_are_refused(exercise, tmp_path):
    one, two = linux_app(tmp_path / "one"), linux_app(tmp_path / "two")
    with pytest.raises(ValidationError, match="a second app for Linux"):
        make_kit(exercise, tmp_path / "kit", bundles=[one, two])


def test_the_running_app_is_the_default_bundle(monkeypatch, tmp_path):
    app = linux_app(tmp_path / "fact-check-workbench")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app / "workbench"))
    assert default_bundle() == app


def test_kit_command(exercise, tmp_path):
    app = linux_app(tmp_path / "fact-check-workbench")
    env = {**os.environ}
    env.pop("WORKBENCH_DEBUG", None)
    out = tmp_path / "usb kit"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "workbench",
            "workshop",
            "kit",
            str(exercise),
            "-o",
            str(out),
            "--bundle",
            str(app),
            "--note",
            "Room 2",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "App for Linux/fact-check-workbench" in result.stdout and ".pdf" in result.stdout
    assert sorted(p.name for p in out.iterdir()) == [
        "App for Linux",
        "START HERE.html",
        "START HERE.pdf",
        "budget.fcw",
    ]
    bad = subprocess.run(
        [sys.executable, "-m", "workbench", "workshop", "kit", str(exercise), "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert bad.returncode == 1 and bad.stderr.startswith("workbench: error: ")
    assert len(bad.stderr.strip().splitlines()) == 1


def test_without_qt_the_kit_has_the_html_page_and_says_why_no_pdf(exercise, tmp_path):
    from workbench.core.errors import WorkbenchError

    def no_qt(html, title):
        raise WorkbenchError("Qt is not available here: no module named PySide6")

    kit = make_kit(exercise, tmp_path / "kit", bundles=[], pdf=no_qt)
    assert not kit.pdf and (tmp_path / "kit" / "START HERE.html").is_file()
    assert not (tmp_path / "kit" / "START HERE.pdf").exists()
    assert any("no PDF" in w and "PySide6" in w for w in kit.warnings)
