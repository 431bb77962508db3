"""The window refuses a damaged project in a dialog, keeps the open one, and touches nothing."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from tests.reliability import projects


def folder_state(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture
def shown(monkeypatch):
    from workbench.ui import main_window as module

    messages = []
    monkeypatch.setattr(
        module.QMessageBox, "warning", lambda parent, title, text: messages.append(text)
    )
    return messages


def test_a_stray_wal_is_explained_and_the_folder_left_as_it_was(window, tmp_path, shown):
    folder = tmp_path / "copied"
    folder.mkdir()
    path = projects.foreign_wal()(window.store.path, folder)
    before = folder_state(folder)
    current = window.store.path
    assert window.open_project(path) is False
    assert "p.fcw-wal" in shown[0] and "Move p.fcw-wal away" in shown[0]
    assert folder_state(folder) == before
    assert window.store.path == current and window.claim_list.proxy.rowCount() > 0


def test_a_value_the_probe_did_not_check_is_refused_before_the_switch(
    window, tmp_path, shown, monkeypatch
):
    from workbench.store import probe

    monkeypatch.setattr(probe, "FULL_CHECK_MAX_BYTES", 0)  # as for a large file
    folder = tmp_path / "large"
    folder.mkdir()
    source = tmp_path / "source.fcw"
    shutil.copyfile(window.store.path, source)
    path = projects.sql("UPDATE claims SET reasons = '[' WHERE id = 2")(source, folder)
    current = window.store.path
    assert window.open_project(path) is False
    assert "damaged" in shown[0]
    assert window.store.path == current
