"""Where the workbench finds what it ships, and the user's folders on each OS."""

from __future__ import annotations

import os
import zipfile
from importlib import resources
from pathlib import Path, PureWindowsPath

import pytest

from workbench import paths

# Where Windows keeps local app data; on Windows itself, a folder of the test's own.
WINDOWS_LOCAL = r"C:\Users\Ana\AppData\Local"


def test_shipped_data_is_found_as_package_data_on_disk():
    assert Path(str(resources.files("workbench.resources"))) == paths.RESOURCES
    assert Path(str(resources.files("workbench.seeds"))) == paths.SEEDS
    assert (paths.RESOURCES / "claim_model" / "config.cfg").is_file()
    assert (paths.RESOURCES / "scales" / "politifact.json").is_file()
    assert paths.SEED_ARTICLE.is_file() and paths.SEED_ARTICLE.parent == paths.SEEDS


def test_shipped_data_is_not_looked_for_beside_the_source():
    source = Path(paths.__file__).read_text(encoding="utf-8")
    assert "__file__" not in source and "parent.parent" not in source


@pytest.fixture
def user(tmp_path, monkeypatch):
    """A user with an empty home and no overrides, on the OS the test chooses."""
    for name in ("WORKBENCH_DATA_DIR", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))  # the home folder on Windows
    # platformdirs asks Windows for its folders; it reads this override first.
    local = str(tmp_path / "Local") if os.name == "nt" else WINDOWS_LOCAL
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", local)

    def on(platform: str) -> Path:
        monkeypatch.setattr(paths, "PLATFORM", platform)
        return tmp_path

    on.windows_local = PureWindowsPath(local)
    return on


def test_linux_folders_follow_the_xdg_convention(user):
    home = user("linux")
    assert paths.data_dir() == home / ".local/share/fact-check-workbench"
    assert paths.log_dir() == home / ".local/state/fact-check-workbench/log"
    assert paths.cache_dir() == home / ".cache/fact-check-workbench"


def test_linux_folders_move_with_the_xdg_variables(user, monkeypatch, tmp_path):
    user("linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert paths.data_dir() == tmp_path / "data" / "fact-check-workbench"
    assert paths.cache_dir() == tmp_path / "cache" / "fact-check-workbench"


def test_macos_folders_are_in_the_library(user):
    home = user("darwin")
    assert paths.data_dir() == home / "Library/Application Support/Fact-Check Workbench"
    assert paths.log_dir() == home / "Library/Logs/Fact-Check Workbench"
    assert paths.cache_dir() == home / "Library/Caches/Fact-Check Workbench"


def test_windows_folders_are_in_local_app_data(user):
    user("win32")
    local = user.windows_local
    # Compared as Windows paths: on this OS the separators platformdirs joins with differ.
    assert PureWindowsPath(str(paths.data_dir())) == local / "Fact-Check Workbench"
    assert PureWindowsPath(str(paths.log_dir())) == local / "Fact-Check Workbench" / "Logs"
    assert PureWindowsPath(str(paths.cache_dir())) == local / "Fact-Check Workbench" / "Cache"


@pytest.mark.parametrize("platform", ["linux", "darwin", "win32"])
def test_workbench_data_dir_holds_everything_on_every_os(user, monkeypatch, tmp_path, platform):
    user(platform)
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "portable"))
    assert paths.data_dir() == tmp_path / "portable"
    assert paths.log_dir() == tmp_path / "portable" / "logs"
    assert paths.cache_dir() == tmp_path / "portable" / "cache"


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_data_left_in_the_old_linux_folder_keeps_working(user, platform):
    home = user(platform)
    old = home / ".local" / "share" / "fact-check-workbench"
    old.mkdir(parents=True)
    (old / "demo.fcw").write_bytes(b"the user's demo")
    assert paths.data_dir() == old


def test_once_the_os_folder_exists_it_is_the_one(user):
    home = user("darwin")
    (home / ".local" / "share" / "fact-check-workbench").mkdir(parents=True)
    new = home / "Library" / "Application Support" / "Fact-Check Workbench"
    new.mkdir(parents=True)
    assert paths.data_dir() == new


def test_data_left_under_an_old_xdg_data_home_keeps_working(user, monkeypatch, tmp_path):
    user("darwin")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    old = tmp_path / "xdg" / "fact-check-workbench"
    old.mkdir(parents=True)
    assert old in paths.legacy_data_dirs()
    assert paths.data_dir() == old


def test_on_linux_the_old_folder_is_the_new_one(user):
    home = user("linux")
    folder = home / ".local" / "share" / "fact-check-workbench"
    folder.mkdir(parents=True)
    assert paths.data_dir() == folder


def test_package_data_inside_a_zip_is_copied_out_once(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "data"))
    archive = tmp_path / "app.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("workbench/resources/__init__.py", "")
        z.writestr("workbench/resources/claim_model/meta.json", '{"name": "m"}')
        z.writestr("workbench/resources/__pycache__/__init__.cpython-311.pyc", b"\0")
    inside = zipfile.Path(archive, "workbench/resources/")
    folder = paths._on_disk(inside, "resources")
    assert folder.is_dir() and folder.is_relative_to(tmp_path / "data" / "cache")
    assert (folder / "claim_model" / "meta.json").read_text() == '{"name": "m"}'
    assert not (folder / "__pycache__").exists()
    (folder / "claim_model" / "meta.json").write_text("changed")
    assert paths._on_disk(inside, "resources") == folder
    assert (folder / "claim_model" / "meta.json").read_text() == "changed"  # not copied again
