"""Output files are written whole or not at all, with the usual permissions."""

from __future__ import annotations

import os
import stat

import pytest

from workbench.core.errors import WorkbenchError
from workbench.io.files import UMASK, atomic_write


def test_written_file_gets_the_mode_of_any_new_file(tmp_path):
    out = tmp_path / "report.html"
    atomic_write(out, "<p>report</p>")
    assert out.read_text(encoding="utf-8") == "<p>report</p>"
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~UMASK
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_replacing_keeps_the_old_file_until_the_new_one_is_complete(tmp_path, monkeypatch):
    out = tmp_path / "report.csv"
    atomic_write(out, "old")

    def broken_fsync(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(WorkbenchError, match="No space left"):
        atomic_write(out, "new")
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]
