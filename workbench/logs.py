"""The error log: every unexpected error's traceback, kept in the user's data folder.

``workbench.log`` in ``paths.log_dir()``, rotated at 1 MB (three old files kept).
Each record starts with the time, and each traceback with the app's version and
the platform, so a user can send the file as it is. The file is created on the
first record, never at start-up. Plain Python: the window adds a dialog on top
(``workbench.ui.errors``), the command line a one-line message.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from workbench import __version__

# logging, platform and traceback are imported when first needed: the window
# installs the hooks at start-up and must appear as fast as a bare Qt window.
LOG_NAME = "workbench.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
_lock = threading.Lock()
_handler = None


def log_path() -> Path:
    from workbench.paths import log_dir

    return log_dir() / LOG_NAME


def setup() -> Path:
    """Send the ``workbench`` loggers' warnings and errors to the log file (once per folder)."""
    import logging
    from logging.handlers import RotatingFileHandler

    global _handler
    path = log_path()
    with _lock:
        if _handler is not None and Path(_handler.baseFilename) == path.resolve():
            return path
        root = logging.getLogger("workbench")
        if _handler is not None:
            root.removeHandler(_handler)
            _handler.close()
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.setLevel(logging.WARNING)
        root.addHandler(handler)
        root.setLevel(logging.INFO)
        _handler = handler
    return path


def environment() -> str:
    """The version and platform line written with every traceback."""
    import platform

    return (
        f"Fact-Check Workbench {__version__}; Python {platform.python_version()}; "
        f"{platform.platform()}"
    )


def details(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """The text a user copies: version and platform, then the traceback."""
    import traceback

    return environment() + "\n" + "".join(traceback.format_exception(exc_type, exc, tb))


def log_exception(
    message: str, exc: BaseException, tb: TracebackType | None = None, *, where: str = ""
) -> Path:
    """Write ``exc`` with its traceback to the log file; returns the file's path."""
    import logging

    path = setup()
    text = details(type(exc), exc, tb if tb is not None else exc.__traceback__)
    logging.getLogger(f"workbench{'.' + where if where else ''}").error("%s\n%s", message, text)
    return path


def install_hooks(show: Callable[[str, str, Path | None], None] | None = None) -> None:
    """Log uncaught exceptions of the main thread and of other threads.

    ``show(summary, details)`` is called after logging (the window's dialog);
    without it the traceback is printed to stderr as Python would.
    """

    def excepthook(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        path = log_exception("uncaught exception", exc, tb)
        summary = f"{exc_type.__name__}: {exc}"
        if show is not None:
            show(summary, details(exc_type, exc, tb), path)
        else:
            sys.__excepthook__(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        # exc_value is None only for an exception class raised without an instance.
        excepthook(args.exc_type, args.exc_value, args.exc_traceback)  # type: ignore[arg-type]

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
