"""Reading a captured page offline: its text, when it was taken, its hash, and its versions.

The page is shown as plain text in a read-only pane: nothing from it is rendered,
run or loaded. Every capture of the URL is listed; a version whose SHA-256 differs
from the one before is marked "content changed".
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from workbench.core.models import Capture, CaptureStatus, Evidence
from workbench.evidence.fetch import human_size


def version_label(capture: Capture) -> str:
    when = capture.retrieved_at.replace("T", " ").replace("Z", " UTC")
    if capture.status is CaptureStatus.CAPTURED:
        label = f"{when} · HTTP {capture.http_status} · {capture.sha256[:12]}…"
        if capture.changed:
            label += " · content changed"
        return label
    return f"{when} · failed: {capture.error}"


class CapturedPageDialog(QDialog):
    """A window with the captured text of one evidence URL (plain data in: no store access)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Captured page")
        self.setModal(False)
        self.resize(760, 640)
        self.evidence: Evidence | None = None
        self._captures: list[Capture] = []

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight:600; font-size:11pt")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.facts.setOpenExternalLinks(True)  # only the links we wrote: the URL and the archive
        self.facts.setAccessibleName("Capture details")
        self.versions = QComboBox()
        self.versions.setAccessibleName("Captured versions")
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Captured text")
        self.text.setPlaceholderText("No text was captured.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)

        form = QFormLayout()
        form.addRow("Version", self.versions)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.versions.currentIndexChanged.connect(self._show_version)

    def show_capture(self, evidence: Evidence, captures: list[Capture]) -> None:
        """Show ``evidence`` and its ``captures`` (newest first); the newest good one is picked."""
        self.evidence = evidence
        self._captures = list(captures)
        self.versions.blockSignals(True)
        self.versions.clear()
        for capture in self._captures:
            self.versions.addItem(version_label(capture), capture.id)
        good = next(
            (i for i, c in enumerate(self._captures) if c.status is CaptureStatus.CAPTURED), 0
        )
        self.versions.setCurrentIndex(good if self._captures else -1)
        self.versions.blockSignals(False)
        changes = sum(1 for c in self._captures if c.changed)
        total = sum(1 for c in self._captures if c.status is CaptureStatus.CAPTURED)
        self.versions.setToolTip(
            f"{total} captured versions, content changed {changes} times" if total > 1 else ""
        )
        self._show_version(self.versions.currentIndex())

    def current_capture(self) -> Capture | None:
        index = self.versions.currentIndex()
        return self._captures[index] if 0 <= index < len(self._captures) else None

    def _show_version(self, index: int) -> None:
        evidence = self.evidence
        capture = self.current_capture()
        if evidence is None:
            return
        self.heading.setText((capture.title if capture and capture.title else "") or evidence.url)
        self.setWindowTitle(f"Captured page — {evidence.title or evidence.url}")
        rows = [("URL", _link(evidence.url))]
        if capture is None:
            rows.append(("Status", "not captured yet"))
        else:
            if capture.final_url and capture.final_url != evidence.url:
                rows.append(("Final URL", escape(capture.final_url)))
            if capture.http_status is not None:
                kind = escape(capture.content_type or "—")
                rows.append(("HTTP", f"{capture.http_status} · {kind}"))
            when = capture.retrieved_at.replace("T", " ").replace("Z", " UTC")
            rows.append(("Retrieved", escape(when)))
            if capture.sha256:
                rows.append(("SHA-256", f"<code>{capture.sha256}</code>"))
                size = human_size(capture.size) + (" (truncated)" if capture.truncated else "")
                rows.append(("Size", size))
            if capture.error:
                rows.append(
                    (
                        "Error" if capture.status is CaptureStatus.FAILED else "Note",
                        f"<span style='color:#c62828'>{escape(capture.error)}</span>",
                    )
                )
        rows.append(("Archive", _link(evidence.archive_url)))
        self.facts.setText(
            "<table cellspacing=2>"
            + "".join(
                f"<tr><td style='color:#666;padding-right:8px'>{k}</td><td>{v}</td></tr>"
                for k, v in rows
            )
            + "</table>"
        )
        self.text.setPlainText(capture.text if capture else "")


def _link(url: str) -> str:
    return f"<a href='{escape(url, quote=True)}'>{escape(url)}</a>"
