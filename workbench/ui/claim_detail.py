"""The selected claim: its quote, wording, claimant, status, verdict, rationale and evidence.

A passive view: it shows a claim and emits what the user asked for; the window
turns each request into an undo command. Text fields save after a short pause and
when they lose focus; Esc in one puts back what it held when the field was
entered and returns to the claim list.

Two tabs, "Claim" and "Evidence (n)", so that on a 1280x720 screen the claim list
above keeps ten rows; the claim tab lays its fields out in two columns when it is
wide enough. Sizes and colours come from the window's font and palette (no style
sheets), so zoom and a theme switch reach every label.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.core.models import Claim, ClaimStatus, Evidence
from workbench.core.scale import VerdictScale
from workbench.ui.checked_before import CheckedBeforePanel
from workbench.ui.evidence_panel import EvidencePanel
from workbench.ui.theme import set_tone

SAVE_DELAY_MS = 600


class _ProjectUndo:
    """Text fields whose Ctrl+Z / Ctrl+Shift+Z (and context menu) use the project's undo.

    A field's own undo history would disagree with the project's: it forgets text
    saved earlier and would autosave what it "undid". So the keys and the menu
    entries go to the window, which saves the typing session first and undoes it
    as one step.
    """

    def _special_key(self, event) -> bool:
        """Esc, undo and redo: handled by the detail and the window, not by the field."""
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.escape_pressed.emit()
            return True
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
    escape_pressed = Signal()
    undo_requested = Signal()
    redo_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if not self._special_key(event):
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
    escape_pressed = Signal()
    undo_requested = Signal()
    redo_requested = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if not self._special_key(event):
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


class QuoteLabel(QLabel):
    """The claim's exact words, with a bar on the left in the theme's mid colour."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setContentsMargins(10, 2, 2, 2)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        painter = QPainter(self)
        painter.fillRect(QRect(0, 2, 3, self.height() - 4), self.palette().color(QPalette.ColorRole.Mid))
        painter.end()


def bold(widget: QWidget) -> None:
    """Bold, keeping the inherited size (so zoom still reaches it)."""
    font = QFont()
    font.setBold(True)
    widget.setFont(font)


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
    leave_requested = Signal()  # Esc in a field: back to the claim list
    cancelled = Signal(str)  # what Esc put back, for the status bar

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.claim: Claim | None = None
        self._scale: VerdictScale | None = None
        self._entered: dict[QWidget, str] = {}  # what Esc puts back
        self._session_counter = 0
        self._sessions: dict[str, int] = {}

        self.title = QLabel("No claim selected")
        self.title.setAccessibleName("Selected claim")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.quote = QuoteLabel()
        self.quote.setAccessibleName("Quoted span")
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setAccessibleName("Why this claim was picked")
        set_tone(self.reasons, "muted")

        self.text = _SavingPlainText()
        self.text.setAccessibleName("Claim as reworded for the report")
        self.text.setPlaceholderText("The claim as it will read in the report")
        self.text.setTabChangesFocus(True)
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

        # The claim tab: the claim's words on the left (the wording for the report and who
        # said it first, then the exact quote and why it was picked: those are also in the
        # article), the judgement on the right.
        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        self.wording_label = QLabel("&Reworded for the report")
        self.wording_label.setBuddy(self.text)
        words.addWidget(self.wording_label)
        words.addWidget(self.text)
        who = QFormLayout()
        who.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        claimant_label = QLabel("Claima&nt")
        claimant_label.setBuddy(self.claimant)
        who.addRow(claimant_label, self.claimant)
        words.addLayout(who)
        words.addWidget(self.quote)
        words.addWidget(self.reasons)
        words.addWidget(self.checked_before)
        words.addStretch(1)
        rating = QFormLayout()
        rating.setContentsMargins(0, 0, 0, 0)
        rating.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget in (("S&tatus", self.status), ("Verd&ict", self.verdict)):
            label = QLabel(text)
            label.setBuddy(widget)
            rating.addRow(label, widget)
        judgement = QVBoxLayout()
        judgement.setContentsMargins(0, 0, 0, 0)
        judgement.addLayout(rating)
        judgement.addWidget(self.checks)
        rationale_label = QLabel("R&ationale")
        rationale_label.setBuddy(self.rationale)
        judgement.addWidget(rationale_label)
        judgement.addWidget(self.rationale, 1)
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setContentsMargins(6, 6, 6, 6)
        self.columns.addLayout(words, 1)
        self.columns.addLayout(judgement, 1)
        claim_page = QWidget()
        claim_page.setLayout(self.columns)
        self.claim_scroll = QScrollArea()
        self.claim_scroll.setWidgetResizable(True)
        self.claim_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.claim_scroll.setWidget(claim_page)
        self.claim_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Claim details")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.claim_scroll, "Claim")
        self.tabs.addTab(self.evidence_panel, "Evidence")
        self.tabs.setCornerWidget(self.title, Qt.Corner.TopRightCorner)

        # When the pane is tall enough the evidence leaves its tab and sits under the claim.
        self.evidence_title = QLabel("Evidence")
        self.evidence_title.setAccessibleName("Evidence")
        bold(self.evidence_title)
        self.evidence_title.setContentsMargins(6, 4, 0, 0)
        self.evidence_title.hide()
        self.stacked = False
        self._evidence_count = 0
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 2, 4, 4)
        self._layout.setSpacing(2)
        self._layout.addWidget(self.tabs, 1)
        self._layout.addWidget(self.evidence_title)
        self.setTabOrder(self.tabs, self.text)
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
        # Re-measured after each layout of the text (typing, a new claim, a new width).
        self.text.document().documentLayout().documentSizeChanged.connect(
            lambda _size: self._fit_wording())
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
        self._size_fields()
        self.set_claim(None, [])

    # -- layout ----------------------------------------------------------------------
    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_fields()

    def _size_fields(self) -> None:
        """Text fields sized in lines of the current font (zoom changes them)."""
        line = self.fontMetrics().lineSpacing()
        self.rationale.setMinimumHeight(int(line * 3 + 12))
        self._fit_wording()

    def _fit_wording(self) -> None:
        """The wording field shows all of the wording (2 to 6 lines), however it wraps."""
        document = self.text.document()
        lines = 0
        block = document.begin()
        while block.isValid():
            lines += max(block.layout().lineCount(), 1)
            block = block.next()
        lines = min(max(lines, 2), 6)
        height = int(self.text.fontMetrics().lineSpacing() * lines + 2 * self.text.frameWidth()
                     + 2 * document.documentMargin() + 2)
        if self.text.height() != height:
            self.text.setFixedHeight(height)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        # Two columns when there is room for both; one above the other otherwise.
        wide = self.width() >= self.fontMetrics().horizontalAdvance("M") * 48
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
        self._arrange(self.height() >= self.fontMetrics().lineSpacing() * 27)

    def _arrange(self, stacked: bool) -> None:
        """Evidence under the claim (a tall pane) or in its own tab (a short one)."""
        if stacked == self.stacked:
            return
        self.stacked = stacked
        if stacked:
            self.tabs.removeTab(self.tabs.indexOf(self.evidence_panel))
            self._layout.setStretchFactor(self.tabs, 3)
            self._layout.addWidget(self.evidence_panel, 2)
            self.evidence_panel.show()
        else:
            self._layout.removeWidget(self.evidence_panel)
            self.tabs.addTab(self.evidence_panel, "Evidence")
        self.evidence_title.setVisible(stacked)
        self._show_evidence_count()

    def _show_evidence_count(self) -> None:
        text = f"Evidence ({self._evidence_count})" if self.claim is not None else "Evidence"
        self.evidence_title.setText(text)
        index = self.tabs.indexOf(self.evidence_panel)
        if index >= 0:
            self.tabs.setTabText(index, text)

    def show_tab(self, name: str) -> None:
        if name == "evidence" and self.stacked:
            return  # always in view
        self.tabs.setCurrentWidget(self.evidence_panel if name == "evidence" else self.claim_scroll)

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
        self._entered[widget] = _value(widget)
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
        for widget in (self.text, self.claimant, self.status, self.verdict, self.rationale,
                       self.evidence_panel):
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
        origin = "added by hand" if claim.origin.value == "manual" else (
            f"score {claim.score:.2f}" if claim.score is not None else "detected")
        self.title.setText(f"<span style='font-size:large; font-weight:600'>Claim #{claim.id}</span>"
                           f"&nbsp;&nbsp;·&nbsp;&nbsp;{origin}&nbsp;")
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
        """Esc: the field gets back what it held when entered (saved so), then the list has focus."""
        put_back = widget in self._entered and _value(widget) != self._entered[widget]
        if put_back:
            original = self._entered[widget]
            if isinstance(widget, QLineEdit):
                widget.setText(original)
            else:
                widget.setPlainText(original)
        self.save_text_fields()
        self.leave_requested.emit()
        if put_back and self.claim is not None:
            self.cancelled.emit(f"Put back the {widget.accessibleName().lower()} of claim "
                                f"#{self.claim.id}.")

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


def _value(widget: QWidget) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
