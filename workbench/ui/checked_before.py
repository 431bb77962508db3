"""The "Checked before" panel: fact-checks in the user's library like the selected claim.

A passive view: the library controller gives it matches (computed in the
library's own thread) and it emits what the user asked for: open a match (the
review in the browser, or our own project at that claim) or copy it into the
claim's evidence.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.text_fields import escaped_label

if TYPE_CHECKING:
    from workbench.core.reviews import Review
    from workbench.library.matcher import Match

MAX_SHOWN = 5
MIN_ROOM = 130  # pixels kept for the matches (two of them) before the panel scrolls


def chip_style(colour: str) -> str:
    """A verdict chip: the label's colour behind text that stays readable on it."""
    c = QColor(colour or "#757575")
    light = (0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()) > 160
    return (
        f"background:{c.name()}; color:{'#000000' if light else '#ffffff'}; "
        "border-radius:3px; padding:1px 6px; font-weight:600"
    )


class MatchRow(QFrame):
    """One match: verdict chip, who and when, similarity, the matched claim, two actions."""

    open_requested = Signal(object)
    copy_requested = Signal(object)

    def __init__(self, match: Match, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.match = match
        review = match.review
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(f"Match: {review.verdict or 'no verdict'}, {review.claim[:80]}")
        self.verdict = escaped_label(escape(review.verdict or "no verdict"))
        self.verdict.setStyleSheet(chip_style(review.colour))
        self.verdict.setAccessibleName("Verdict")
        where = review.publisher or (
            review.source.removeprefix("project:") if review.project else review.source
        )
        details = " · ".join(x for x in (where, review.date) if x)
        self.details = escaped_label(escape(details))
        self.details.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.details.setStyleSheet("font-size:9pt")
        self.similarity = QLabel(
            f"{round(match.score * 100)}% match" + (" · strong" if match.strong else "")
        )
        self.similarity.setToolTip(
            "How likely this is the same claim (fitted on CheckThat! data)"
            + (f"; sentence similarity {match.cosine:.2f}" if match.cosine is not None else "")
        )
        self.similarity.setAccessibleName("Similarity")
        self.similarity.setStyleSheet(
            "font-size:9pt; font-weight:600" if match.strong else "font-size:9pt"
        )
        self.open_button = QPushButton("Open")
        self.open_button.setAccessibleName("Open the fact-check")
        target = review.url or (
            f"{review.project} (claim {review.project_claim_id})" if review.project else ""
        )
        self.open_button.setToolTip(target or "no address to open")
        self.open_button.setEnabled(bool(target))
        self.copy_button = QPushButton("+ Evidence")
        self.copy_button.setAccessibleName("Add this fact-check to the claim's evidence")
        self.copy_button.setEnabled(bool(review.url))
        self.copy_button.setToolTip(
            "Attach the review's address to this claim (stance: context), with a note"
            if review.url
            else "This fact-check has no web address to cite"
        )
        for button in (self.open_button, self.copy_button):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        text = review.claim if len(review.claim) <= 240 else review.claim[:239] + "…"
        self.text = escaped_label(escape(text))
        self.text.setWordWrap(True)
        self.text.setAccessibleName("Matched claim")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setToolTip(review_tooltip(review))
        self._lay_out()

    def _lay_out(self) -> None:
        # Verdict and similarity first, the actions at the right; who and when may be
        # cut short in a narrow pane (the tooltip has everything).
        self.details.setMinimumWidth(0)
        self.details.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.verdict)
        top.addWidget(self.similarity)
        top.addWidget(self.details, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.text)
        self.open_button.clicked.connect(lambda: self.open_requested.emit(self.match))
        self.copy_button.clicked.connect(lambda: self.copy_requested.emit(self.match))


def review_tooltip(review: Review) -> str:
    """Everything about a review (a card shows only part of it)."""
    tip = [review.claim]
    if review.title and review.title != review.claim:
        tip.append(f"Title: {review.title}")
    if review.rationale:
        tip.append(f"Why: {review.rationale}")
    if review.claimant:
        tip.append(f"Claimant: {review.claimant}")
    tip.append(f"From: {review.source} (imported {review.imported_at})")
    return "\n".join(tip)


class CheckedBeforePanel(QWidget):
    """Header, a one-line status and up to five matches; collapsible to its header."""

    open_requested = Signal(object)
    copy_requested = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Checked before")
        self.header = QLabel("Checked before")
        self.header.setStyleSheet("font-weight:600")
        self.status = escaped_label()
        self.status.setAccessibleName("Checked before status")
        self.status.setStyleSheet("font-size:9pt")
        # A long status ("your library is empty: rate claims, or import ...") wraps: on one
        # line it set the width of the claim tab's whole left column, squeezing the verdict.
        self.status.setWordWrap(True)
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setAccessibleName("Show or hide the fact-checks found")
        self.toggle.toggled.connect(self._toggled)
        self.rows: list[MatchRow] = []
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.setSpacing(3)
        self.body_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.body)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setMaximumHeight(190)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.toggle)
        head.addWidget(self.header)
        head.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(self.scroll)
        self.show_status("")

    def _toggled(self, on: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.scroll.setVisible(on and bool(self.rows))

    def show_status(self, text: str) -> None:
        self.status.setText(escape(text))

    def clear(self, status: str = "") -> None:
        for row in self.rows:
            self.body_layout.removeWidget(row)
            row.deleteLater()
        self.rows = []
        self.scroll.setVisible(False)
        self.show_status(status)

    def show_matches(self, matches: list, status: str = "") -> None:
        self.clear(status)
        for match in matches[:MAX_SHOWN]:
            row = MatchRow(match)
            row.open_requested.connect(self.open_requested)
            row.copy_requested.connect(self.copy_requested)
            self.body_layout.insertWidget(self.body_layout.count() - 1, row)
            self.rows.append(row)
        # Tab goes from the toggle through each match's buttons, then on as before.
        chain = [self.toggle] + [b for row in self.rows for b in (row.open_button, row.copy_button)]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        # Room for about two matches before scrolling, whatever the evidence below wants.
        self.scroll.setMinimumHeight(min(self.body.sizeHint().height(), MIN_ROOM))
        self.scroll.setVisible(self.toggle.isChecked() and bool(self.rows))
