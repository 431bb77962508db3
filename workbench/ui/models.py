"""Qt item models over the store's claims (the evidence model is in ``evidence_model``).

``data()`` never runs SQL: each model holds a cache of core objects that the
window refreshes when the store reports a change (``ProjectStore.subscribe``).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from workbench.core.models import Claim, ClaimStatus
from workbench.core.scale import VerdictScale
from workbench.ui.theme import verdict_text_colour

CLAIM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
CLAIM_ROLE = Qt.ItemDataRole.UserRole + 3
EVIDENCE_ID_ROLE = Qt.ItemDataRole.UserRole + 4
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 5
# (verdict, colour, publisher, score) of a claim's strong "checked before" match, or None.
MATCH_ROLE = Qt.ItemDataRole.UserRole + 6


class ClaimTableModel(QAbstractTableModel):
    """The claims of the current article, one row each."""

    COLUMNS = ["#", "Claim", "Claimant", "Score", "Status", "Verdict", "Evidence"]
    ORDER, TEXT, CLAIMANT, SCORE, STATUS, VERDICT, EVIDENCE = range(7)
    # Narrow columns get short headers; the whole word is in the header's tooltip.
    HEADERS = ["#", "Claim", "Claimant", "Score", "Status", "Verdict", "Ev."]
    HEADER_TIPS = {
        ORDER: "The claim's number: the same in every report, export, workshop file and "
        "on the command line (--claim)",
        EVIDENCE: "Evidence items attached",
        SCORE: "Check-worthiness score, 0 to 1",
    }

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._claims: list[Claim] = []
        self._rows: dict[int, int] = {}
        self._scale: VerdictScale | None = None
        self._marks: dict[int, tuple] = {}

    # -- cache -----------------------------------------------------------------------
    def set_claims(self, claims: list[Claim], scale: VerdictScale | None = None) -> None:
        self.beginResetModel()
        self._claims = list(claims)
        self._rows = {c.id: i for i, c in enumerate(self._claims)}
        if scale is not None:
            self._scale = scale
        self.endResetModel()

    def update_claim(self, claim: Claim) -> None:
        row = self._rows.get(claim.id)
        if row is None:
            return
        self._claims[row] = claim
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def claim(self, row: int) -> Claim:
        return self._claims[row]

    def set_match_marks(self, marks: dict[int, tuple]) -> None:
        """Claims whose best library match is strong: {claim id: (verdict, colour, ...)}."""
        if marks != self._marks:
            self._marks = dict(marks)
            if self._claims:
                self.dataChanged.emit(
                    self.index(0, self.TEXT), self.index(len(self._claims) - 1, self.TEXT)
                )

    def claims(self) -> list[Claim]:
        return list(self._claims)

    def row_of(self, claim_id: int) -> int | None:
        return self._rows.get(claim_id)

    # -- Qt overrides ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._claims)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.HEADER_TIPS.get(section, self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._claims):
            return None
        claim = self._claims[index.row()]
        column = index.column()
        if role == CLAIM_ID_ROLE:
            return claim.id
        if role == CLAIM_ROLE:
            return claim
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(claim, column)
        if role == SORT_ROLE:
            return self._sort_key(claim, column)
        if role == MATCH_ROLE:
            return self._marks.get(claim.id)
        if (
            role == Qt.ItemDataRole.DecorationRole
            and column == self.TEXT
            and claim.id in self._marks
        ):
            return QColor(self._marks[claim.id][1] or "#757575")
        if role == Qt.ItemDataRole.ToolTipRole and column in (
            self.TEXT,
            self.CLAIMANT,
            self.VERDICT,
        ):
            if column == self.TEXT:
                mark = self._marks.get(claim.id)
                checked = (
                    f"\n\nChecked before: {mark[0] or 'a fact-check'} ({mark[2] or 'library'})"
                    if mark
                    else ""
                )
                if claim.text == claim.quote:
                    return claim.text + checked
                return f"{claim.text}\n\nQuote: “{claim.quote}”{checked}"
            return self._display(claim, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.VERDICT and self._scale:
            # The label's hue, darkened or lightened to 4.5:1 on this theme's rows.
            colour = self._scale.colour_of(claim.verdict)
            return verdict_text_colour(colour) if colour else None
        if role == Qt.ItemDataRole.DecorationRole and column == self.VERDICT and self._scale:
            colour = self._scale.colour_of(claim.verdict)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.ORDER,
            self.SCORE,
            self.EVIDENCE,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(claim: Claim, column: int):
        if column == ClaimTableModel.ORDER:
            return str(claim.id)
        if column == ClaimTableModel.TEXT:
            return claim.text.replace("\n", " ")
        if column == ClaimTableModel.CLAIMANT:
            return claim.claimant
        if column == ClaimTableModel.SCORE:
            return "" if claim.score is None else f"{claim.score:.2f}"
        if column == ClaimTableModel.STATUS:
            return claim.status.label
        if column == ClaimTableModel.VERDICT:
            return claim.verdict or "—"
        if column == ClaimTableModel.EVIDENCE:
            return str(claim.evidence_count)
        return None

    @staticmethod
    def _sort_key(claim: Claim, column: int):
        if column == ClaimTableModel.ORDER:
            return claim.id
        if column == ClaimTableModel.SCORE:
            return -1.0 if claim.score is None else claim.score
        if column == ClaimTableModel.EVIDENCE:
            return claim.evidence_count
        if column == ClaimTableModel.STATUS:
            return list(ClaimStatus).index(claim.status)
        return (ClaimTableModel._display(claim, column) or "").lower()


class ClaimFilterProxy(QSortFilterProxyModel):
    """Sorts by any column and filters by status, verdict, "needs evidence" and search hits."""

    UNRATED = "\x00unrated"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._status: ClaimStatus | None = None
        self._verdict: str | None = None
        self._needs_evidence = False
        self._ids: set[int] | None = None

    def _refilter(self, change) -> None:
        """Apply a filter change (Qt 6.10 replaced invalidateFilter with begin/endFilterChange)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def set_status(self, status: ClaimStatus | None) -> None:
        self._refilter(lambda: setattr(self, "_status", status))

    def set_verdict(self, verdict: str | None) -> None:
        """A label, ``UNRATED`` for claims without one, or None for all."""
        self._refilter(lambda: setattr(self, "_verdict", verdict))

    def set_needs_evidence(self, on: bool) -> None:
        self._refilter(lambda: setattr(self, "_needs_evidence", on))

    def set_search_ids(self, ids: set[int] | None) -> None:
        """Only these claims (a full-text search's hits); None shows all."""
        self._refilter(lambda: setattr(self, "_ids", ids))

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        claim: Claim = self.sourceModel().claim(source_row)
        if self._status is not None and claim.status is not self._status:
            return False
        if self._verdict is not None:
            if self._verdict == self.UNRATED:
                if claim.verdict:
                    return False
            elif claim.verdict != self._verdict:
                return False
        if self._needs_evidence and claim.evidence_count > 0:
            return False
        return self._ids is None or claim.id in self._ids
