"""How the claim detail lays itself out: a mixin of ``ClaimDetail``.

Two tabs, "Claim" and "Evidence (n)", so that on a 1280x720 screen the claim list
above keeps ten rows; the claim tab lays its fields out in two columns when it is
wide enough, and when the pane is tall enough (1920x1080) the evidence leaves its
tab and sits under the claim. Text fields are sized in lines of the current font,
so zoom reaches them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.text_fields import bold


class DetailLayout:
    """Layout methods of ``ClaimDetail`` (which makes the fields and panels they arrange)."""

    def _build_claim_page(self) -> None:
        """The claim tab (``claim_scroll``: it scrolls when the pane is short)."""
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

    def _build_tabs(self) -> None:
        """The two tabs, and the evidence's title for when it sits under the claim."""
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

    # -- layout ----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
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
        height = int(
            self.text.fontMetrics().lineSpacing() * lines
            + 2 * self.text.frameWidth()
            + 2 * document.documentMargin()
            + 2
        )
        if self.text.height() != height:
            self.text.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
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
