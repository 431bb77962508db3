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


def test_writing_works_where_the_os_has_no_fchmod(tmp_path, monkeypatch):
    """Windows (Python before 3.13) has no os.fchmod: the file is written all the same."""
    monkeypatch.delattr(os, "fchmod")
    out = tmp_path / "report.json"
    atomic_write(out, '{"claims": []}\n')
    assert out.read_bytes() == b'{"claims": []}\n'  # bytes as given: no line-end translation
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_the_rename_is_made_durable_where_folders_can_be_synced(tmp_path, monkeypatch):
    synced = []
    real_fsync = os.fsync

    def fsync(fd):
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    atomic_write(tmp_path / "report.md", "# report\n")
    assert synced == [False, True]  # the file, then (on POSIX) its folder
