"""Starting the window: ``workbench``, ``workbench open PROJECT [--screenshot OUT.png]``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from workbench.ui import errors
from workbench.ui.main_window import MainWindow
from workbench.ui.theme import apply_theme
from workbench.ui.workers import NewProjectWorker, WarmUpWorker

SCREENSHOT_SIZE = (1400, 900)
SCREENSHOT_TIMEOUT_MS = 60_000


def no_display(environ=os.environ, platform: str = sys.platform) -> bool:
    """A Linux (X11 or Wayland) machine without a display, where the window is drawn
    offscreen. Windows and macOS always have their own window platform, and never a
    DISPLAY variable."""
    if platform in ("win32", "darwin"):
        return False
    return not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY")


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        if no_display():
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        errors.install_message_handler()
        app = QApplication(sys.argv[:1])
        # Errors are never lost: logged with their traceback, shown in one dialog.
        errors.install(app)
        app.setApplicationName("Fact-Check Workbench")
        app.setOrganizationName("Fact-Check Workbench")
        apply_theme(app)
    return app


def open_or_create_demo(window: MainWindow) -> None:
    """Open the demo project; create it first (in a worker) if it does not exist yet."""
    from workbench.ops import demo_project_path
    from workbench.paths import SEED_ARTICLE

    path = demo_project_path()
    if path.exists():
        window.open_project(path)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    worker = NewProjectWorker(path, SEED_ARTICLE)
    window.jobs.start(
        worker,
        finished=lambda p: window.open_project(p),
        failed=lambda msg: window.show_error("Cannot create the demo project", msg),
    )


def take_screenshot(window: MainWindow, out: Path, app: QApplication) -> None:
    """Once claims are listed, select the first, render the window to ``out`` and quit."""
    window.resize(*SCREENSHOT_SIZE)
    state = {"waited": 0}

    def attempt() -> None:
        ready = (
            window.store is not None
            and window.claim_list.proxy.rowCount() > 0
            and not window.jobs.running()
        )
        if not ready and state["waited"] < SCREENSHOT_TIMEOUT_MS:
            state["waited"] += 100
            QTimer.singleShot(100, attempt)
            return
        if window.claim_list.proxy.rowCount():
            window.claim_list.table.selectRow(0)
            window.claim_list.table.setFocus()
        app.processEvents()
        window.resize(*SCREENSHOT_SIZE)
        app.processEvents()
        image = window.grab()
        ok = image.save(str(out), "PNG")
        app.exit(0 if ok else 1)

    QTimer.singleShot(200, attempt)


def start_window(project: Path | None, screenshot: Path | None = None) -> MainWindow:
    """Show the window at once, then open the project from the event loop.

    The store (and sqlite-utils) load only when the project opens, so the window
    appears about as fast as a bare Qt window; claims follow a moment later.
    """
    window = MainWindow(deferred=True)
    if screenshot is not None:
        window.resize(*SCREENSHOT_SIZE)
    window.show()

    def open_project() -> None:
        if project is None:
            open_or_create_demo(window)
        else:
            window.open_project(project)  # on failure the window says why and stays empty
        if screenshot is None:
            # spaCy loads in the background once the claims are on screen, so that
            # re-detection is quick; loading it earlier would slow the opening down.
            QTimer.singleShot(0, lambda: window.jobs.start(WarmUpWorker()))

    window.after_first_paint(open_project)
    if screenshot is not None:
        take_screenshot(window, Path(screenshot), QApplication.instance())
    return window


def run_app(project: Path | None, screenshot: Path | None = None) -> int:
    app = application()
    window = start_window(project, screenshot)
    code = app.exec()
    del window
    return code
