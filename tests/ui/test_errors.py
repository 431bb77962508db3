"""Errors are never lost: logged with traceback, version and platform; shown in one dialog."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from workbench import __version__

CHILD = textwrap.dedent(
    """
    import sys, threading
    from PySide6.QtCore import QTimer, qWarning
    from workbench.ui.app import application
    from workbench.ui.main_window import MainWindow
    from workbench.ui import errors

    app = application()
    window = MainWindow()
    window.show()

    def broken_slot():
        raise RuntimeError("a bug in a slot")

    def broken_thread():
        raise ValueError("a bug in a thread")

    def report():
        dialog = errors.reporter().dialog
        print("visible", dialog is not None and dialog.isVisible(), flush=True)
        print("message", dialog.message.text(), flush=True)
        dialog.copy_button.click()
        print("clipboard-has-traceback", "Traceback" in app.clipboard().text(), flush=True)
        print("clipboard-has-version", "Fact-Check Workbench" in app.clipboard().text(), flush=True)
        app.quit()

    QTimer.singleShot(0, broken_slot)
    QTimer.singleShot(100, lambda: threading.Thread(target=broken_thread).start())
    QTimer.singleShot(200, lambda: qWarning("a warning from Qt"))
    QTimer.singleShot(800, report)
    sys.exit(app.exec())
    """
)


def test_uncaught_errors_are_logged_and_shown_once_and_the_app_keeps_running(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKBENCH_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "visible True" in result.stdout
    assert "ValueError: a bug in a thread (2 errors so far)" in result.stdout
    assert "clipboard-has-traceback True" in result.stdout
    assert "clipboard-has-version True" in result.stdout
    log = (tmp_path / "logs" / "workbench.log").read_text(encoding="utf-8")
    assert "RuntimeError: a bug in a slot" in log and "ValueError: a bug in a thread" in log
    assert "in broken_slot" in log and "in broken_thread" in log  # the tracebacks
    assert f"Fact-Check Workbench {__version__}" in log and "Python 3." in log
    assert "a warning from Qt" in log


def test_the_dialog_copies_the_details(qtbot, tmp_path):
    from workbench.ui.errors import ErrorDialog

    dialog = ErrorDialog()
    qtbot.addWidget(dialog)
    dialog.show_error(
        "KeyError: 'x'", "Fact-Check Workbench 0.1.0\nTraceback ...", tmp_path / "w.log"
    )
    assert dialog.isVisible() and "KeyError" in dialog.message.text()
    assert str(tmp_path / "w.log") in dialog.where.text()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "Fact-Check Workbench 0.1.0\nTraceback ..."


def test_a_worker_exception_keeps_its_traceback_in_the_log(window, qtbot, tmp_path, monkeypatch):
    from workbench.ui.workers import Worker

    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path))

    class Broken(Worker):
        title = "Exporting"

        def work(self):
            return {}["missing key"]

    failed = []
    with qtbot.waitSignal(window.jobs.ended, timeout=10000):
        window.jobs.start(Broken(), failed=failed.append)
    assert failed[0].startswith("KeyError: 'missing key' (details in ")
    log = (tmp_path / "logs" / "workbench.log").read_text(encoding="utf-8")
    assert "Exporting failed" in log and "in work" in log and "KeyError" in log


def test_a_command_line_internal_error_is_logged_with_its_traceback(tmp_path, seed_project):
    code = textwrap.dedent(
        """
        import sys
        import workbench.cli.project as project
        from workbench.cli import main

        def broken(args):
            raise ZeroDivisionError("a bug in info")

        project.cmd_info = broken
        sys.exit(main(sys.argv[1:]))
        """
    )
    env = {**os.environ, "WORKBENCH_DATA_DIR": str(tmp_path)}
    env.pop("WORKBENCH_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-c", code, "info", str(seed_project)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 70
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1 and "ZeroDivisionError: a bug in info" in line
    assert "details in" in line and "workbench.log" in line
    log = (tmp_path / "logs" / "workbench.log").read_text(encoding="utf-8")
    assert "in broken" in log and "Traceback" in log
