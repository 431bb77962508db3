"""Starting the workbench as an app: the window launcher and the one-folder bundle's entry.

``workbench`` (the command line, ``workbench.cli:main``) opens the window when given
no command. This module adds what an app needs on top:

- ``window_main``: the window without a console (``workbench-window`` for a pipx
  install; the bundle's ``Fact-Check Workbench`` program on Windows and macOS). A
  ``.fcw`` file given by the system (double-click, drag and drop) is opened; a file
  that cannot be opened is explained by the window, not on a console nobody sees.
- ``frozen_main``: the bundle's programs share one Python; the name of the program
  that was started says which of the two it is.

Names of the bundle's folder and programs live here too, for the build script, the
smoke test and the workshop kit. No Qt at import time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

GUI_PROGRAM = "Fact-Check Workbench"  # the window, no console (Windows, macOS)
CLI_PROGRAM = "workbench"  # the command line; on Linux it also opens the window
# The bundle's folder in dist/, by system (on macOS the app is GUI_PROGRAM + ".app").
BUNDLE_FOLDER = {"linux": "fact-check-workbench", "windows": GUI_PROGRAM, "macos": GUI_PROGRAM}


def this_system() -> str:
    """ "windows", "macos" or "linux" (any other Unix counts as Linux)."""
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"


def bundle_root() -> Path | None:
    """The one-folder app this process runs from (the ``.app`` on macOS), or None."""
    if not getattr(sys, "frozen", False):
        return None
    program = Path(sys.executable).resolve()
    if program.parent.name == "MacOS" and program.parent.parent.name == "Contents":
        return program.parent.parent.parent
    return program.parent


def _quiet_streams() -> None:
    """A program without a console has no stdout/stderr (None): give it a log file, so
    that a print or a Qt warning cannot fail, and a support question has an answer."""
    if sys.stdout is not None and sys.stderr is not None:
        return
    stream = None
    try:
        from workbench.paths import log_dir

        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        stream = open(folder / "window-output.log", "w", encoding="utf-8", buffering=1)  # noqa: SIM115
    except OSError:
        stream = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stdout is None:
        sys.stdout = stream
    if sys.stderr is None:
        sys.stderr = stream


def project_argument(argv: list[str]) -> Path | None:
    """The project file the system handed over, if any (macOS may add ``-psn_…``)."""
    for arg in argv:
        if not arg.startswith("-") and arg.lower().endswith(".fcw"):
            return Path(arg)
    return None


def window_main(argv: list[str] | None = None) -> int:
    """Open the window: on the project given, else on the demo project."""
    _quiet_streams()
    project = project_argument(list(sys.argv[1:] if argv is None else argv))
    from workbench.ui.app import run_app

    return run_app(project)


def frozen_main() -> int:
    """The bundle's entry point: the window program or the command line."""
    if Path(sys.executable).stem == GUI_PROGRAM:
        return window_main()
    from workbench.cli import main

    return main()
