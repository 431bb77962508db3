"""Where the workbench finds what it ships, and where it keeps the user's files.

What it ships (the claim model, the verdict scales, the sample article) is package
data: the top-level ``resources/`` and ``seeds/`` folders are installed as the
packages ``workbench.resources`` and ``workbench.seeds`` (see setup.py), and found
here with ``importlib.resources``, so the same code works from a checkout (editable
install), from an installed wheel and from the one-folder app. ``RESOURCES``,
``SEEDS`` and ``SEED_ARTICLE`` are real folders and files on disk.

The user's folders follow each OS's convention (platformdirs):

- Linux: data (demo project, window settings) in ``~/.local/share/fact-check-workbench``,
  logs in ``~/.local/state/fact-check-workbench/log``, caches in
  ``~/.cache/fact-check-workbench``;
- macOS: ``~/Library/Application Support/Fact-Check Workbench``,
  ``~/Library/Logs/Fact-Check Workbench``, ``~/Library/Caches/Fact-Check Workbench``;
- Windows: ``%LOCALAPPDATA%\\Fact-Check Workbench``, ``…\\Fact-Check Workbench\\Logs``,
  ``…\\Fact-Check Workbench\\Cache``

(the XDG variables move the Linux ones, as they always did). ``$WORKBENCH_DATA_DIR``
puts all three in one folder: data there, ``logs/`` and ``cache/`` inside it. Data
left by earlier versions, which used the Linux folder on every OS, is used where it
is until the OS's own folder exists.
"""

from __future__ import annotations

import os
import shutil
import sys
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from platformdirs.api import PlatformDirsABC

APP_NAME = "fact-check-workbench"  # the folder's name on Linux and other Unix systems
APP_TITLE = "Fact-Check Workbench"  # the folder's name on Windows and macOS, as apps name theirs
DATA_DIR_VARIABLE = "WORKBENCH_DATA_DIR"
# The OS whose conventions the user's folders follow; tests set it to try each one.
PLATFORM = sys.platform


def _os_dirs() -> PlatformDirsABC:
    """platformdirs' answer for ``PLATFORM``, asked of that OS's class directly."""
    if PLATFORM == "win32":
        from platformdirs.windows import Windows

        return Windows(APP_TITLE, appauthor=False)
    if PLATFORM == "darwin":
        from platformdirs.macos import MacOS

        return MacOS(APP_TITLE, appauthor=False)
    from platformdirs.unix import Unix

    return Unix(APP_NAME, appauthor=False)


def _override() -> Path | None:
    value = os.environ.get(DATA_DIR_VARIABLE)
    return Path(value) if value else None


def legacy_data_dirs() -> list[Path]:
    """Where earlier versions kept the data, on every OS (the XDG data home)."""
    found = []
    if os.environ.get("XDG_DATA_HOME"):
        found.append(Path(os.environ["XDG_DATA_HOME"]) / APP_NAME)
    found.append(Path.home() / ".local" / "share" / APP_NAME)
    return found


def data_dir() -> Path:
    """The user's data folder: the demo project and the window's settings (not created here)."""
    override = _override()
    if override is not None:
        return override
    folder = Path(_os_dirs().user_data_dir)
    if not folder.exists():
        for old in legacy_data_dirs():
            if old.is_dir():
                return old
    return folder


def log_dir() -> Path:
    """The folder for the app's log files (not created here)."""
    override = _override()
    if override is not None:
        return override / "logs"
    return Path(_os_dirs().user_log_dir)


def cache_dir() -> Path:
    """The folder for files that can be made again (not created here)."""
    override = _override()
    if override is not None:
        return override / "cache"
    return Path(_os_dirs().user_cache_dir)


def _on_disk(found: Traversable, name: str) -> Path:
    """A folder of package data as a real folder: itself when installed as files (a
    wheel, a checkout, the bundle); else (a package inside a zip) a copy made once in
    the cache folder."""
    if isinstance(found, Path):
        return found
    from workbench import __version__

    target = cache_dir() / "package-data" / __version__ / name
    if not (target / ".complete").is_file():
        partial = target.with_name(f"{name}.partial")
        shutil.rmtree(partial, ignore_errors=True)
        _copy_tree(found, partial)
        shutil.rmtree(target, ignore_errors=True)
        partial.rename(target)
        (target / ".complete").touch()
    return target


def _copy_tree(source: Traversable, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        if item.is_dir():
            if item.name != "__pycache__":
                _copy_tree(item, target / item.name)
        else:
            (target / item.name).write_bytes(item.read_bytes())


RESOURCES = _on_disk(resources.files("workbench.resources"), "resources")
SEEDS = _on_disk(resources.files("workbench.seeds"), "seeds")
SEED_ARTICLE = SEEDS / "000_d19ec3c93edcc5fb.txt"
