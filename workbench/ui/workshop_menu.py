"""The Workshop menu and participant mode in the main window.

Participant mode: when the window opens an exercise file, the participant's name
is asked once and stored in the file (so the trainer's comparison knows who is
who), and the status bar shows the exercise, the name and whether the trainer
locked the claim list; when locked, Re-detect and Import are disabled (and the
operation itself refuses, see ``workbench.ops.detect_claims``).
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from workbench.core.errors import WorkbenchError
from workbench.ui.shortcuts import command
from workbench.ui.workers import Worker
from workbench.workshop.exercise import (
    MAX_NAME,
    exercise_of,
    is_locked,
    participant_name,
    set_participant_name,
)

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

LOCKED_TIP = "The trainer locked this exercise's claim list: claims cannot be re-detected."


class ParticipantNameDialog(QDialog):
    """Asks a participant's name once; OK stays disabled until something is typed."""

    def __init__(self, title: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Workshop exercise")
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"This is the workshop exercise <b>{escape(title)}</b>.<br>"
            "Your name is saved in this file so the trainer can tell the files apart."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME)
        self.name.setPlaceholderText("Your name")
        self.name.setAccessibleName("Your name")
        layout.addWidget(self.name)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)


class PackDialog(QDialog):
    """Options for making an exercise from the open project."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Make an exercise")
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Participants get the article(s) without your verdicts, "
                "rationales, statuses or history."
            )
        )
        self.keep_claims = QCheckBox("Hand out the claims (else participants find them)")
        self.keep_claims.setChecked(True)
        self.keep_evidence = QCheckBox("Keep the evidence links and captured pages")
        self.lock = QCheckBox("Lock the claim list (no re-detection)")
        self.lock.setChecked(True)
        for box in (self.keep_claims, self.keep_evidence, self.lock):
            layout.addWidget(box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class PackWorker(Worker):
    title = "Making the exercise"

    def __init__(
        self, key: Path, out: Path, keep_claims: bool, keep_evidence: bool, lock: bool
    ) -> None:
        super().__init__()
        self.key, self.out = key, out
        self.options = {
            "keep_claims": keep_claims,
            "keep_evidence": keep_evidence,
            "lock": lock,
            "overwrite": True,
        }

    def work(self) -> str:
        from workbench.workshop.exercise import pack

        exercise = pack(self.key, self.out, **self.options)
        return f"Exercise saved to {self.out} ({len(exercise.claims)} claims)"


class ParticipantMode(QObject):
    """Watches the window's project: asks an exercise's participant for a name, shows the lock."""

    name_saved = Signal(str)
    dialog_opened = Signal(object)

    def __init__(self, window: MainWindow, actions: dict[str, QAction]) -> None:
        super().__init__(window)
        self.window = window
        self.actions = actions
        self.dialog: ParticipantNameDialog | None = None
        self.label = QLabel()
        self.label.setAccessibleName("Workshop exercise")
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        window.project_opened.connect(lambda _path: self.refresh(ask=True))

    def refresh(self, ask: bool = False) -> None:
        store = self.window.store
        exercise = exercise_of(store) if store is not None else None
        locked = exercise is not None and is_locked(store)
        for key in ("redetect", "import"):
            if key in self.actions:
                self.actions[key].setEnabled(not locked)
                self.actions[key].setToolTip(LOCKED_TIP if locked else command(key).tooltip())
        self.actions["workshop_name"].setEnabled(exercise is not None)
        if exercise is None:
            self.label.hide()
            return
        name = participant_name(store)
        parts = [f"Exercise: {exercise.title}", f"Participant: {name or '(no name yet)'}"]
        if locked:
            parts.append("claim list locked by the trainer")
        self.label.setText("  ·  ".join(parts))
        self.label.setToolTip(LOCKED_TIP if locked else "")
        self.label.show()
        if ask and not name:
            QTimer.singleShot(0, self.ask_name)

    def ask_name(self) -> None:
        store = self.window.store
        exercise = exercise_of(store) if store is not None else None
        if exercise is None or (self.dialog is not None and self.dialog.isVisible()):
            return
        self.dialog = ParticipantNameDialog(exercise.title, self.window)
        self.dialog.name.setText(participant_name(store))
        self.dialog.accepted.connect(self._save_name)
        self.dialog.open()
        self.dialog_opened.emit(self.dialog)

    def _save_name(self) -> None:
        if self.window.store is None or self.dialog is None:
            return
        try:
            name = set_participant_name(self.window.store, self.dialog.name.text())
        except WorkbenchError as exc:
            self.window.show_error("Cannot save the name", str(exc))
            return
        self.refresh()
        self.name_saved.emit(name)


def make_exercise(window: MainWindow) -> None:
    if window.store is None:
        return
    dialog = PackDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    suggested = window.store.path.with_name(f"{window.store.path.stem}-exercise.fcw")
    out, _ = QFileDialog.getSaveFileName(
        window, "Save the exercise as", str(suggested), "Fact-Check Workbench projects (*.fcw)"
    )
    if not out:
        return
    window.detail.save_text_fields()
    worker = PackWorker(
        window.store.path,
        Path(out),
        dialog.keep_claims.isChecked(),
        dialog.keep_evidence.isChecked(),
        dialog.lock.isChecked(),
    )
    window.jobs.start(
        worker,
        finished=lambda msg: window.say(msg, 10000),
        failed=lambda msg: window.show_error("Cannot make the exercise", msg),
    )
