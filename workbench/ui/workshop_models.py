"""Qt table models over a workshop ``Comparison``: claims, participants, pairs, key vs room.

The models hold plain result objects and never run SQL or read files; the window
gives them a new comparison (or its anonymised copy) and they reset. Sorting goes
through ``SORT_ROLE`` (numbers stay numbers), never through the display text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from workbench.core.colours import ink_on
from workbench.workshop.compare import ClaimResult, Comparison

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CLAIM_ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.0f}%"


def number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def claim_tag(claim: ClaimResult) -> str:
    return f"#{claim.claim_id}" if claim.claim_id is not None else f"@{claim.start}"


def spread_text(claim: ClaimResult) -> str:
    parts = [f"{label} {n}" for label, n in claim.spread.items()]
    if claim.unrated:
        parts.append(f"not rated {claim.unrated}")
    return " · ".join(parts)


@dataclass
class Column:
    """One column: its header, the text shown, and the value it sorts by."""

    header: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    align_right: bool = False
    tip: str = ""  # the header's tooltip (a short header's full meaning)


def _sortable(value: Any) -> Any:
    # None sorts below every number, so "n/a" rows go to the end of a descending sort.
    return -1.0 if value is None else value


# The claim's text next to its number (the room reads what the claim says, then how it
# split); the two long columns (text, verdicts) wrap.
CLAIM_COLUMNS = [
    Column(
        "#",
        claim_tag,
        lambda c: c.claim_id if c.claim_id is not None else -1,
        tip="The claim's number, as in the participants' claim lists",
    ),
    Column("Text", lambda c: " ".join(c.text.split()), lambda c: c.text),
    Column(
        "Disagree",
        lambda c: percent(c.disagreement),
        lambda c: _sortable(c.disagreement),
        True,
        "Disagreement: the share of pairs of participants who gave different verdicts",
    ),
    Column("Key", lambda c: c.key_verdict or "", lambda c: c.key_verdict or ""),
    Column(
        "Rated",
        lambda c: f"{c.rated} / {c.rated + c.unrated}",
        lambda c: c.rated,
        True,
        "Participants who rated the claim / participants",
    ),
    Column("Verdicts", spread_text, lambda c: max(c.spread.values(), default=0)),
]
WRAPPED_CLAIM_COLUMNS = (1, 5)

PARTICIPANT_COLUMNS = [
    Column("Participant", lambda p: p.name, lambda p: p.name.casefold()),
    Column(
        "Verdicts", lambda p: f"{p.verdicts} / {p.verdicts + p.unrated}", lambda p: p.verdicts, True
    ),
    Column("Exact", lambda p: percent(p.exact), lambda p: _sortable(p.exact), True),
    Column(
        "Within one step", lambda p: percent(p.within_one), lambda p: _sortable(p.within_one), True
    ),
    Column("With evidence", lambda p: str(p.evidence), lambda p: p.evidence, True),
    Column("With rationale", lambda p: str(p.rationales), lambda p: p.rationales, True),
    Column("Claims added", lambda p: str(p.added), lambda p: p.added, True),
]

PAIR_COLUMNS = [
    Column("Pair", lambda p: f"{p.a} · {p.b}", lambda p: f"{p.a} {p.b}".casefold()),
    Column("Cohen's κ", lambda p: number(p.kappa), lambda p: _sortable(p.kappa), True),
    Column("Claims both rated", lambda p: str(p.claims), lambda p: p.claims, True),
]


class RowsModel(QAbstractTableModel):
    """A read-only table of result objects described by a list of ``Column``."""

    def __init__(self, columns: list[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[Any] = []
        self.colours: dict[str, str] = {}

    def set_rows(self, rows: list[Any], colours: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.colours = dict(colours or {})
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.columns[section].tip or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            if isinstance(row, ClaimResult):  # the whole claim, however the table is cut
                return f"{claim_tag(row)} {' '.join(row.text.split())}\n{spread_text(row)}"
            return column.text(row)
        if role == SORT_ROLE:
            return (column.sort or column.text)(row)
        if role == CLAIM_ID_ROLE:
            return getattr(row, "claim_id", None)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column.header == "Key":
            colour = self.colours.get(getattr(row, "key_verdict", None) or "")
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and column.header == "Key":
            colour = self.colours.get(getattr(row, "key_verdict", None) or "")
            return QBrush(QColor(ink_on(colour))) if colour else None
        return None


class ConfusionModel(QAbstractTableModel):
    """The key's verdicts (rows) against the participants' (columns), labels the scale's."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.matrix: list[list[int]] = []

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        if comparison is None or comparison.key_file is None:
            self.labels, self.matrix = [], []
        else:
            used = [
                i
                for i, _ in enumerate(comparison.labels)
                if any(comparison.confusion[i]) or any(r[i] for r in comparison.confusion)
            ]
            self.labels = [comparison.labels[i] for i in used]
            self.matrix = [[comparison.confusion[i][j] for j in used] for i in used]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.labels)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.labels)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.labels):
            prefix = "key: " if orientation == Qt.Orientation.Vertical else ""
            return prefix + self.labels[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (
            0 <= index.row() < len(self.labels) and 0 <= index.column() < len(self.labels)
        ):
            return None
        value = self.matrix[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return value if role == SORT_ROLE else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and value:
            peak = max(max(row) for row in self.matrix) or 1
            strength = int(60 + 150 * value / peak)
            diagonal = index.row() == index.column()
            return QBrush(
                QColor(46, 125, 50, strength) if diagonal else QColor(198, 40, 40, strength)
            )
        return None
