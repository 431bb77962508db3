"""Errors are never lost: the global hooks, Qt's messages in the log, and one clear dialog.

``install(app)`` sets ``sys.excepthook`` and ``threading.excepthook`` (through
``workbench.logs``) and a Qt message handler. An uncaught exception, from the UI
thread or any other, is written with its traceback, the app's version and the
platform to the rotating log file in the user's data folder; then the user sees
one dialog with the message, the log's place, and "Copy details" (version,
platform and traceback on the clipboard, ready for a bug report). Exceptions
from other threads reach the dialog through a queued signal; several errors in a
row update the one dialog instead of stacking dialogs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QtMsgType, Signal, Slot, qInstallMessageHandler
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from workbench import logs

# Qt messages that say nothing to a user (the offscreen platform's, when there is no screen).
QUIET_MESSAGES = ("This plugin does not support propagateSizeHints()",)
_LEVELS = {  # logging's levels, without importing logging at start-up
    QtMsgType.QtDebugMsg: 10,
    QtMsgType.QtInfoMsg: 20,
    QtMsgType.QtWarningMsg: 30,
    QtMsgType.QtCriticalMsg: 40,
    QtMsgType.QtFatalMsg: 50,
}


def qt_message(mode: QtMsgType, context, message: str) -> None:
    """Qt's own warnings: to the log file (with where Qt says they come from) and stderr."""
    if message in QUIET_MESSAGES:
        return
    level = _LEVELS.get(mode, 30)
    if level >= 30:
        import logging

        logs.setup()
        where = f" ({context.file}:{context.line})" if context is not None and context.file else ""
        logging.getLogger("workbench.qt").log(level, "%s%s", message, where)
    print(message, file=sys.stderr)


class ErrorDialog(QDialog):
    """ "Something went wrong": the message, where the log is, and "Copy details"."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Fact-Check Workbench: unexpected error")
        self.setAccessibleName("Unexpected error")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Error details")
        self.details.hide()
        self.copy_button = QPushButton("Copy details")
        self.copy_button.setAccessibleName("Copy details")
        self.copy_button.clicked.connect(self.copy_details)
        self.show_button = QPushButton("Show details")
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self.details.setVisible)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.where)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(560, 220)
        self.count = 0

    def show_error(self, summary: str, details: str, log_file: Path | None) -> None:
        self.count += 1
        more = f" ({self.count} errors so far)" if self.count > 1 else ""
        self.message.setText(
            "<b>Something went wrong, and it is not your fault.</b><br>"
            f"{_escape(summary)}{more}<br><br>Your work up to the last change is saved in "
            "the project file."
        )
        self.where.setText(f"The details are in the log: {log_file}" if log_file else "")
        self.details.setPlainText(details)
        self.show()
        self.raise_()

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText("Copied")


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


class ErrorReporter(QObject):
    """Receives errors from any thread; shows them on the UI thread in one dialog."""

    reported = Signal(str, str, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.dialog: ErrorDialog | None = None
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def report(self, summary: str, details: str, log_file: Path | None) -> None:
        """Thread-safe: the dialog opens on the UI thread."""
        self.reported.emit(summary, details, str(log_file or ""))

    @Slot(str, str, str)
    def _show(self, summary: str, details: str, log_file: str) -> None:
        if self.dialog is None:
            parent = QApplication.activeWindow()
            self.dialog = ErrorDialog(parent)
        self.dialog.show_error(summary, details, Path(log_file) if log_file else None)


_reporter: ErrorReporter | None = None


def install_message_handler() -> None:
    """Qt's warnings go to the log from now on (call it before the application starts)."""
    qInstallMessageHandler(qt_message)


def install(app: QApplication) -> ErrorReporter:
    """Install the hooks for this application (once)."""
    global _reporter
    install_message_handler()
    if _reporter is None:
        _reporter = ErrorReporter(app)
    logs.install_hooks(show=_reporter.report)
    return _reporter


def reporter() -> ErrorReporter | None:
    return _reporter
