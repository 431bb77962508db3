"""The Qt item model over the selected claim's evidence.

``data()`` never runs SQL: the model holds a cache of core objects that the
window refreshes when the store reports a change (``ProjectStore.subscribe``).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from workbench.core.models import Capture, CaptureStatus, Evidence
from workbench.ui.models import EVIDENCE_ID_ROLE, EVIDENCE_ROLE
from workbench.ui.theme import tone


class EvidenceTableModel(QAbstractTableModel):
    """The evidence of the selected claim: stance, source, capture status, time and hash.

    ``set_busy`` marks the URLs being fetched, so a row says "fetching…" until
    its result arrives.
    """

    COLUMNS = ["Stance", "Note", "Source", "Status", "Retrieved (UTC)", "SHA-256"]
    STANCE, NOTE, SOURCE, STATUS, RETRIEVED, HASH = range(6)
    _TONES = {"captured": "ok", "failed": "error", "pending": "muted", "warning": "warning"}

    # The cells the user edits (stance, note): the request goes to the window's undo
    # stack; the row changes when the store reports the change.
    edit_requested = Signal(int, dict)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[Evidence] = []
        self._busy: set[str] = set()

    def set_items(self, items: list[Evidence]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def set_busy(self, urls: set[str]) -> None:
        if urls != self._busy:
            self._busy = set(urls)
            if self._items:
                self.dataChanged.emit(
                    self.index(0, self.STATUS), self.index(len(self._items) - 1, self.STATUS)
                )

    def apply_capture(self, capture: Capture) -> None:
        """Show a just-recorded capture in the rows citing its URL (no query needed)."""
        for row, item in enumerate(self._items):
            if item.url == capture.url:
                self._items[row] = item.with_capture(capture)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def item(self, row: int) -> Evidence:
        return self._items[row]

    def items(self) -> list[Evidence]:
        return list(self._items)

    def row_of(self, evidence_id: int) -> int | None:
        return next((i for i, e in enumerate(self._items) if e.id == evidence_id), None)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in (self.STANCE, self.NOTE):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        item = self._items[index.row()]
        field = {self.STANCE: "stance", self.NOTE: "note"}.get(index.column())
        if field is None:
            return False
        value = str(value or "").strip()
        current = item.stance.value if field == "stance" else item.note
        if value != current:
            self.edit_requested.emit(item.id, {field: value})
        return True

    def status_text(self, item: Evidence) -> str:
        """What the Status column says: pending / fetching… / captured / failed: why."""
        busy = item.url in self._busy
        if item.capture_status is CaptureStatus.CAPTURED:
            text = "captured"
            if item.truncated:
                text += " (truncated)"
            elif item.error:
                text += " · last try failed"
            return text + (" · re-fetching…" if busy else "")
        if busy:
            return "fetching…"
        if item.capture_status is CaptureStatus.FAILED:
            return f"failed: {short_error(item.error)}"
        return "pending"

    def _tone(self, item: Evidence) -> str:
        if item.capture_status is CaptureStatus.CAPTURED:
            return "warning" if item.error else "captured"
        return item.capture_status.value

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.EditRole:
            if column == self.STANCE:
                return item.stance.value
            if column == self.NOTE:
                return item.note
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return tone(self._TONES[self._tone(item)])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.details(item)
        if role == EVIDENCE_ID_ROLE:
            return item.id
        if role == EVIDENCE_ROLE:
            return item
        return None

    def _display(self, item: Evidence, column: int) -> str | None:
        """What a cell shows."""
        if column == self.STANCE:
            return item.stance.value
        if column == self.NOTE:
            return item.note.replace("\n", " ")
        if column == self.SOURCE:
            # The site first: checkers weigh a source by who publishes it.
            return f"{_host(item.url)} — {item.title}" if item.title else item.url
        if column == self.STATUS:
            return self.status_text(item)
        if column == self.RETRIEVED:
            return item.retrieved_at.replace("T", " ")[:16] if item.sha256 else ""
        if column == self.HASH:
            return f"{item.sha256[:12]}…" if item.sha256 else ""
        return None

    @staticmethod
    def details(item: Evidence) -> str:
        lines = [item.url]
        if item.title:
            lines.append(item.title)
        if item.final_url and item.final_url != item.url:
            lines.append(f"redirected to {item.final_url}")
        if item.http_status is not None:
            lines.append(f"HTTP {item.http_status} · {item.content_type or 'no content type'}")
        if item.retrieved_at:
            lines.append(f"retrieved {item.retrieved_at}")
        if item.sha256:
            lines.append(f"SHA-256 {item.sha256}")
        if item.versions > 1:
            lines.append(f"{item.versions} captured versions")
        if item.error:
            lines.append(f"error: {item.error}")
        if item.note:
            lines.append(f"note: {item.note}")
        return "\n".join(lines)


def _host(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host


def short_error(error: str) -> str:
    """The kind of failure, for the Status column ("DNS", "refused", "HTTP 404 Not Found");
    the whole message is in the row's tooltip and the captured-page pane."""
    head = error.split(":", 1)[0] if ":" in error[:16] else error.split(" (", 1)[0]
    words = head.split()
    return " ".join(words[:4]) + ("…" if len(words) > 4 else "")
