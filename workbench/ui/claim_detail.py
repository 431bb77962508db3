"""The selected claim: its quote, wording, claimant, status, verdict, rationale and evidence.

A passive view: it shows a claim and emits what the user asked for; the window
turns each request into an undo command. Text fields save after a short pause and
when they lose focus.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette
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
from workbench.ui.checked_before import CheckedBeforePanel
from workbench.ui.evidence_panel import EvidencePanel

SAVE_DELAY_MS = 600


class _SavingPlainText(QPlainTextEdit):
    focus_lost = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.focus_lost.emit()


class _SavingLine(QLineEdit):
    focus_lost = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.focus_lost.emit()


class ClaimDetail(QWidget):
    """Shows one claim; emits ``edit_requested(claim_id, fields)`` and evidence requests."""

    edit_requested = Signal(int, dict)
    evidence_add_requested = Signal(int, str, str, str)
    evidence_remove_requested = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.claim: Claim | None = None
        self._scale: VerdictScale | None = None

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
        self.checked_before = CheckedBeforePanel()  # filled by the library controller

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
        layout.addWidget(self.checked_before)
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

    def set_claim(self, claim: Claim | None, evidence: list[Evidence]) -> None:
        """Show ``claim``; a field being typed in keeps what the user typed."""
        same = self.claim is not None and claim is not None and self.claim.id == claim.id
        if not same:
            self.save_text_fields()
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
        self._set_text(self.text, claim.text, same)
        self._set_text(self.rationale, claim.rationale, same)
        if not (same and self.claimant.hasFocus()):
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
    def _set_text(widget: QPlainTextEdit, value: str, same: bool) -> None:
        if same and widget.hasFocus():
            return
        if widget.toPlainText() != value:
            widget.blockSignals(True)
            widget.setPlainText(value)
            widget.blockSignals(False)

    # -- requests --------------------------------------------------------------------
    def save_text_fields(self) -> None:
        """Ask to save what differs in the text fields (after a pause, on focus-out)."""
        self._timer.stop()
        claim = self.claim
        if claim is None:
            return
        for name, value in (
            ("text", self.text.toPlainText().strip() or claim.quote),
            ("claimant", self.claimant.text().strip()),
            ("rationale", self.rationale.toPlainText()),
        ):
            if getattr(claim, name) != value:
                setattr(claim, name, value)
                self.edit_requested.emit(claim.id, {name: value})

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
