"""The selected claim: its quote, wording, claimant, status, verdict, rationale and evidence.

A passive view: it shows a claim and emits what the user asked for; the window
turns each request into an undo command. Text fields save after a short pause and
when they lose focus.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.core.models import Claim, ClaimStatus, Evidence
from workbench.core.scale import VerdictScale
from workbench.ui.evidence_panel import EvidencePanel

SAVE_DELAY_MS = 600


class _ProjectUndo:
    """Text fields whose Ctrl+Z / Ctrl+Shift+Z (and context menu) use the project's undo.

    A field's own undo history would disagree with the project's: it forgets text
    saved earlier and would autosave what it "undid". So the keys and the menu
    entries go to the window, which saves the typing session first and undoes it
    as one step.
    """

    def _undo_key(self, event) -> bool:
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
            return True
        if event.matches(QKeySequence.StandardKey.Redo):
            self.redo_requested.emit()
            return True
        return False

    def _reroute_menu(self, menu) -> None:
        for action in menu.actions():
            name = action.objectName()
            if name in ("edit-undo", "edit-redo"):
                try:
                    action.triggered.disconnect()
                except (RuntimeError, TypeError):
                    pass
                signal = self.undo_requested if name == "edit-undo" else self.redo_requested
                action.triggered.connect(signal.emit)
                action.setEnabled(True)


class _SavingPlainText(_ProjectUndo, QPlainTextEdit):
    focus_lost = Signal()
    focus_gained = Signal()
    undo_requested = Signal()
    redo_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if not self._undo_key(event):
            super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        menu = self.createStandardContextMenu(event.pos())
        self._reroute_menu(menu)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.focus_gained.emit()

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.focus_lost.emit()


class _SavingLine(_ProjectUndo, QLineEdit):
    focus_lost = Signal()
    focus_gained = Signal()
    undo_requested = Signal()
    redo_requested = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if not self._undo_key(event):
            super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        menu = self.createStandardContextMenu()
        self._reroute_menu(menu)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.focus_gained.emit()

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.focus_lost.emit()


class ClaimDetail(QWidget):
    """Shows one claim; emits ``edit_requested(claim_id, fields)`` and evidence requests.

    Typing is saved as ``text_edited(claim_id, field, value, session)``: the saves
    of one typing session (focus in, type, pauses, focus out) carry the same
    session number, so the window makes them one undo step.
    """

    edit_requested = Signal(int, dict)
    text_edited = Signal(int, str, str, int)
    undo_requested = Signal()
    redo_requested = Signal()
    evidence_add_requested = Signal(int, str, str, str)
    evidence_remove_requested = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.claim: Claim | None = None
        self._scale: VerdictScale | None = None
        self._session_counter = 0
        self._sessions: dict[str, int] = {}

        self.title = QLabel("No claim selected")
        self.title.setStyleSheet("font-weight:600; font-size:11pt")
        self.quote = QLabel()
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote.setAccessibleName("Quoted span")
        self.quote.setStyleSheet("padding:6px; border-left:3px solid #90a4ae; color:palette(text)")
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setAccessibleName("Why this claim was picked")
        self.reasons.setStyleSheet("font-size:9pt")
        self.reasons.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # secondary, in any theme

        self.text = _SavingPlainText()
        self.text.setAccessibleName("Claim as reworded for the report")
        self.text.setPlaceholderText("The claim as it will read in the report")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(56)
        self.claimant = _SavingLine()
        self.claimant.setAccessibleName("Claimant")
        self.claimant.setPlaceholderText("Who makes the claim")
        self.status = QComboBox()
        self.status.setAccessibleName("Workflow status")
        for status in ClaimStatus:
            self.status.addItem(status.label, status.value)
        self.verdict = QComboBox()
        self.verdict.setAccessibleName("Verdict")
        self.rationale = _SavingPlainText()
        self.rationale.setAccessibleName("Rationale")
        self.rationale.setPlaceholderText("Why this verdict: what the evidence shows")
        self.rationale.setTabChangesFocus(True)
        self.rationale.setMinimumHeight(70)

        self.checks = QLabel()
        self.checks.setWordWrap(True)
        self.checks.setAccessibleName("Missing before done")
        self.evidence_panel = EvidencePanel()
        # Short names for the evidence widgets (tests and the tab order use them).
        self.evidence_model = self.evidence_panel.model
        self.evidence = self.evidence_panel.table
        self.url = self.evidence_panel.url
        self.message = self.evidence_panel.message

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Reworded", self.text)
        form.addRow("Claimant", self.claimant)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(QLabel("Verdict"))
        row.addWidget(self.verdict, 1)
        form.addRow("Status", row)
        form.addRow("", self.checks)
        form.addRow("Rationale", self.rationale)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.quote)
        layout.addWidget(self.reasons)
        layout.addLayout(form)
        layout.addWidget(self.evidence_panel, 1)
        self.setTabOrder(self.text, self.claimant)
        self.setTabOrder(self.claimant, self.status)
        self.setTabOrder(self.status, self.verdict)
        self.setTabOrder(self.verdict, self.rationale)
        self.setTabOrder(self.rationale, self.evidence)
        self.setTabOrder(self.evidence, self.url)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_text_fields)
        for widget in (self.text, self.rationale):
            widget.textChanged.connect(self._timer.start)
            widget.focus_lost.connect(self.save_text_fields)
        self.claimant.textEdited.connect(self._timer.start)
        self.claimant.focus_lost.connect(self.save_text_fields)
        for name, widget in self._text_widgets().items():
            widget.focus_gained.connect(lambda n=name: self.new_session(n))
            widget.undo_requested.connect(self.undo_requested)
            widget.redo_requested.connect(self.redo_requested)
        self.status.activated.connect(self._status_chosen)
        self.verdict.activated.connect(self._verdict_chosen)
        self.evidence_panel.add_requested.connect(self._add_evidence)
        self.evidence_panel.remove_requested.connect(self.evidence_remove_requested)
        self.set_claim(None, [])

    # -- showing ---------------------------------------------------------------------
    def set_scale(self, scale: VerdictScale) -> None:
        self._scale = scale
        self.verdict.blockSignals(True)
        self.verdict.clear()
        self.verdict.addItem("— not rated —", "")
        for number, label in enumerate(scale.labels, start=1):
            prefix = f"{number}  " if number <= 9 else ""
            self.verdict.addItem(f"{prefix}{label.name}", label.name)
        self.verdict.blockSignals(False)
        if self.claim:
            self._show_verdict(self.claim)

    def _text_widgets(self) -> dict:
        return {"text": self.text, "claimant": self.claimant, "rationale": self.rationale}

    def _typed(self, claim: Claim) -> dict[str, str]:
        """The text fields' values as they would be saved for ``claim``."""
        return {
            "text": self.text.toPlainText().strip() or claim.quote,
            "claimant": self.claimant.text().strip(),
            "rationale": self.rationale.toPlainText(),
        }

    def unsaved_fields(self) -> set[str]:
        """The text fields holding typing not saved yet."""
        if self.claim is None:
            return set()
        return {k for k, v in self._typed(self.claim).items() if getattr(self.claim, k) != v}

    def new_session(self, name: str | None = None) -> None:
        """Typing from now on is a new undo step (in one field, or in all)."""
        for field in [name] if name else list(self._text_widgets()):
            self._session_counter += 1
            self._sessions[field] = self._session_counter

    def set_claim(self, claim: Claim | None, evidence: list[Evidence]) -> None:
        """Show ``claim``; a field holding unsaved typing keeps what the user typed."""
        same = self.claim is not None and claim is not None and self.claim.id == claim.id
        if not same:
            self.save_text_fields()
            self.new_session()
        unsaved = self.unsaved_fields() if same else set()
        self.claim = claim
        enabled = claim is not None
        for widget in (self.text, self.claimant, self.status, self.verdict, self.rationale,
                       self.evidence_panel):
            widget.setEnabled(enabled)
        self.evidence_panel.set_items(evidence)
        if claim is None:
            self.title.setText("No claim selected")
            self.quote.setText("Select a claim in the list or in the article.")
            self.reasons.setText("")
            for widget in (self.text, self.rationale):
                widget.blockSignals(True)
                widget.setPlainText("")
                widget.blockSignals(False)
            self.claimant.setText("")
            return
        origin = "added by hand" if claim.origin.value == "manual" else (
            f"score {claim.score:.2f}" if claim.score is not None else "detected")
        self.title.setText(f"Claim {claim.position}  ·  {origin}")
        self.quote.setText(f"“{escape(claim.quote)}”")
        note = f"<br><b>Note:</b> {escape(claim.anchor_note)}" if claim.anchor_note else ""
        reasons = [r for r in claim.reasons if not r.startswith("claimant:")]
        self.reasons.setText(escape(" · ".join(reasons)) + note)
        self._set_text(self.text, claim.text, "text" in unsaved)
        self._set_text(self.rationale, claim.rationale, "rationale" in unsaved)
        if "claimant" not in unsaved and self.claimant.text() != claim.claimant:
            self.claimant.setText(claim.claimant)
        self.status.setCurrentIndex(max(0, self.status.findData(claim.status.value)))
        self._show_verdict(claim)

    def set_missing(self, missing: list[str]) -> None:
        """Show what the claim lacks before it can be marked done (the project's checks)."""
        claim = self.claim
        if claim is None or not missing:
            done = claim is not None and claim.status is ClaimStatus.DONE
            self.checks.setText("✓ ready to publish" if done else
                                ("✓ ready to be marked done" if claim else ""))
            self.checks.setStyleSheet("color:#2e7d32; font-size:9pt")
            return
        if claim.status is ClaimStatus.DONE:
            self.checks.setText("Marked done, but missing: " + "; ".join(missing))
            self.checks.setStyleSheet("color:#b71c1c; font-size:9pt")
        else:
            self.checks.setText("Before done: needs " + "; ".join(missing))
            self.checks.setStyleSheet("color:#8d6e00; font-size:9pt")

    def _show_verdict(self, claim: Claim) -> None:
        self.verdict.setCurrentIndex(max(0, self.verdict.findData(claim.verdict or "")))

    @staticmethod
    def _set_text(widget: QPlainTextEdit, value: str, keep_typing: bool) -> None:
        if keep_typing:
            return
        if widget.toPlainText() != value:
            focused = widget.hasFocus()
            position = widget.textCursor().position()
            widget.blockSignals(True)
            widget.setPlainText(value)
            widget.blockSignals(False)
            if focused:  # keep the caret where it was (or at the end)
                cursor = widget.textCursor()
                cursor.setPosition(min(position, len(value)))
                widget.setTextCursor(cursor)

    # -- requests --------------------------------------------------------------------
    def save_text_fields(self) -> None:
        """Ask to save what differs in the text fields (after a pause, on focus-out)."""
        self._timer.stop()
        claim = self.claim
        if claim is None:
            return
        for name, value in self._typed(claim).items():
            if getattr(claim, name) != value:
                setattr(claim, name, value)
                if name not in self._sessions:
                    self.new_session(name)
                self.text_edited.emit(claim.id, name, value, self._sessions[name])

    def _status_chosen(self) -> None:
        if self.claim is not None:
            value = self.status.currentData()
            if value != self.claim.status.value:
                self.edit_requested.emit(self.claim.id, {"status": value})

    def _verdict_chosen(self) -> None:
        if self.claim is not None:
            value = self.verdict.currentData() or None
            if value != self.claim.verdict:
                self.edit_requested.emit(self.claim.id, {"verdict": value})

    def _add_evidence(self, url: str, stance: str, note: str) -> None:
        if self.claim is not None:
            self.evidence_add_requested.emit(self.claim.id, url, stance, note)

    def evidence_added(self) -> None:
        self.evidence_panel.evidence_added()

    def show_message(self, text: str) -> None:
        self.evidence_panel.show_message(text)
