"""``workbench --version``: what the workbench is made of, without a window or spaCy."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata

from workbench import __version__
from workbench.store.migrations import SCHEMA_VERSION


def version(**env):
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "--version"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return dict(
        line.strip().split(": ", 1) for line in result.stdout.splitlines()[1:]
    ), result.stdout.splitlines()[0]


def test_version_names_the_app_the_file_format_and_the_libraries():
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    fields, head = version()
    fields = {k.strip(): v.strip() for k, v in fields.items()}
    assert head == f"Fact-Check Workbench {__version__}"
    assert fields["project file format"] == str(SCHEMA_VERSION)
    assert fields["Qt"] == qVersion()
    assert fields["PySide6"] == pyside_version
    assert fields["spaCy"] == metadata.version("spacy")
    assert fields["English pipeline"].startswith("en_core_web_sm")
    assert fields["English pipeline"].endswith(" 3.8.0")
    assert fields["claim model"].startswith("trained with spaCy")


def test_version_without_the_english_pipeline_says_so():
    fields, _ = version(WORKBENCH_ENGLISH_PIPELINE="none")
    assert fields["English pipeline"].strip().startswith("not used")


def test_version_starts_no_window_and_does_not_load_spacy():
    code = (
        "import sys; from workbench.cli import main; main(['--version']); "
        "print(sorted(m for m in ('spacy', 'thinc', 'PySide6.QtWidgets', 'PySide6.QtGui') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_version_after_a_command_is_still_an_option():
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "--version", "info"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and "project file format" in result.stdout
