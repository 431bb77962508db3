"""The selected claim: its quote, wording, claimant, status, verdict, rationale and evidence.

A passive view: it shows a claim and emits what the user asked for; the window
turns each request into an undo command. Text fields save after a short pause and
when they lose focus; Esc in one puts back what it held when the field was
entered and returns to the claim list.

How it lays itself out (two tabs, "Claim" and "Evidence (n)", or the evidence under
the claim in a tall pane) is in ``claim_detail_layout.py``; its text fields are in
``text_fields.py``. Sizes and colours come from the window's font and palette (no
style sheets), so zoom and a theme switch reach every label.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from workbench.core.models import Claim, ClaimStatus, Evidence
from workbench.core.scale import VerdictScale
from workbench.ui.checked_before import CheckedBeforePanel
from workbench.ui.claim_detail_layout import DetailLayout
from workbench.ui.evidence_panel import EvidencePanel
from workbench.ui.text_fields import (
    QuoteLabel,
    SavingLine,
    SavingPlainText,
    escaped_label,
    field_value,
    quoted,
)
from workbench.ui.theme import set_tone

SAVE_DELAY_MS = 600


class ClaimDetail(DetailLayout, QWidget):
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
    leave_requested = Signal()  # Esc in a field: back to the claim list
    cancelled = Signal(str)  # what Esc put back, for the status bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.claim: Claim | None = None
        self._scale: VerdictScale | None = None
        self._entered: dict[QWidget, str] = {}  # what Esc puts back
        self._session_counter = 0
        self._sessions: dict[str, int] = {}

        self._build_fields()
        self._build_claim_page()
        self._build_tabs()
        self._connect_fields()
        self._size_fields()
        self.set_claim(None, [])

    def _build_fields(self) -> None:
        """The claim's labels and fields, the evidence panel and the "Checked before" panel."""
        self.title = QLabel("No claim selected")
        self.title.setAccessibleName("Selected claim")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.quote = QuoteLabel()
        self.quote.setAccessibleName("Quoted span")
        self.reasons = escaped_label()
        self.reasons.setWordWrap(True)
        self.reasons.setAccessibleName("Why this claim was picked")
        set_tone(self.reasons, "muted")

        self.text = SavingPlainText()
        self.text.setAccessibleName("Claim as reworded for the report")
        self.text.setPlaceholderText("The claim as it will read in the report")
        self.text.setTabChangesFocus(True)
        self.claimant = SavingLine()
        self.claimant.setAccessibleName("Claimant")
        self.claimant.setPlaceholderText("Who makes the claim")
        self.status = QComboBox()
        self.status.setAccessibleName("Workflow status")
        for status in ClaimStatus:
            self.status.addItem(status.label, status.value)
        self.verdict = QComboBox()
        self.verdict.setAccessibleName("Verdict")
        self.rationale = SavingPlainText()
        self.rationale.setAccessibleName("Rationale")
        self.rationale.setPlaceholderText("Why this verdict: what the evidence shows")
        self.rationale.setTabChangesFocus(True)
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

    def _connect_fields(self) -> None:
        """Typing saves after a pause and on focus-out; the choices and evidence ask at once."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_text_fields)
        for widget in (self.text, self.rationale):
            widget.textChanged.connect(self._timer.start)
        # Re-measured after each layout of the text (typing, a new claim, a new width).
        self.text.document().documentLayout().documentSizeChanged.connect(
            lambda _size: self._fit_wording()
        )
        self.claimant.textEdited.connect(self._timer.start)
        for name, widget in self._text_widgets().items():
            widget.focus_lost.connect(self.save_text_fields)
            widget.focus_gained.connect(lambda n=name, w=widget: self._field_entered(n, w))
            widget.escape_pressed.connect(lambda w=widget: self.cancel_field(w))
            widget.undo_requested.connect(self.undo_requested)
            widget.redo_requested.connect(self.redo_requested)
        self.status.activated.connect(self._status_chosen)
        self.verdict.activated.connect(self._verdict_chosen)
        self.evidence_panel.add_requested.connect(self._add_evidence)
        self.evidence_panel.remove_requested.connect(self.evidence_remove_requested)

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

    def _field_entered(self, name: str, widget: QWidget) -> None:
        """Focus came to a text field: a new typing session, and what Esc would put back."""
        self._entered[widget] = field_value(widget)
        self.new_session(name)

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
            self._entered.clear()
            self.new_session()
        unsaved = self.unsaved_fields() if same else set()
        self.claim = claim
        enabled = claim is not None
        for widget in (
            self.text,
            self.claimant,
            self.status,
            self.verdict,
            self.rationale,
            self.evidence_panel,
        ):
            widget.setEnabled(enabled)
        self.evidence_panel.set_items(evidence)
        self._evidence_count = len(evidence)
        self._show_evidence_count()
        if claim is None:
            self.title.setText("No claim selected")
            self.quote.setText("Select a claim in the list or in the article.")
            self.reasons.setText("")
            for widget in (self.text, self.rationale):
                widget.blockSignals(True)
                widget.setPlainText("")
                widget.blockSignals(False)
            self.claimant.setText("")
            self.checks.setText("")
            return
        origin = (
            "added by hand"
            if claim.origin.value == "manual"
            else (f"score {claim.score:.2f}" if claim.score is not None else "detected")
        )
        self.title.setText(
            f"<span style='font-size:large; font-weight:600'>Claim #{claim.id}</span>"
            f"&nbsp;&nbsp;·&nbsp;&nbsp;{origin}&nbsp;"
        )
        self.quote.setText(quoted(claim.quote))
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
            self.checks.setText(
                "✓ ready to publish" if done else ("✓ ready to be marked done" if claim else "")
            )
            set_tone(self.checks, "ok")
            return
        if claim.status is ClaimStatus.DONE:
            self.checks.setText("Marked done, but missing: " + "; ".join(missing))
            set_tone(self.checks, "error")
        else:
            self.checks.setText("Before done: needs " + "; ".join(missing))
            set_tone(self.checks, "warning")

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

    def cancel_field(self, widget: QWidget) -> None:
        """Esc: the field gets back what it held when entered (saved so); the list gets focus."""
        put_back = widget in self._entered and field_value(widget) != self._entered[widget]
        if put_back:
            original = self._entered[widget]
            if isinstance(widget, QLineEdit):
                widget.setText(original)
            else:
                widget.setPlainText(original)
        self.save_text_fields()
        self.leave_requested.emit()
        if put_back and self.claim is not None:
            self.cancelled.emit(
                f"Put back the {widget.accessibleName().lower()} of claim #{self.claim.id}."
            )

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
