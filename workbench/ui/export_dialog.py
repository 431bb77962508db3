"""File > Export: choose a format and a file, watch the progress, read what was written.

The export runs in an ``ExportWorker`` on its own connection; the dialog only
shows the worker's progress and result (for ClaimReview: which claims were
exported, only those marked done unless the box asks for every rated one, and how
many were left out and why).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from workbench.io.export import formats
from workbench.ui.workers import JobRunner, Worker


class ExportWorker(Worker):
    title = "Exporting"

    def __init__(self, project: Path, fmt: str, out: Path, **options) -> None:
        super().__init__()
        self.project, self.fmt, self.out = Path(project), fmt, Path(out)
        self.options = options

    def work(self):
        from workbench.io.export import export
        from workbench.store import ProjectStore

        with ProjectStore.open(self.project, readonly=True) as store:
            return export(store, self.fmt, self.out, self.report, **self.options).message


class ExportDialog(QDialog):
    """A format, a file name, an Export button and a progress bar."""

    exported = Signal(str)  # the export's one-line summary, for the window's status bar

    def __init__(self, project: Path, jobs: JobRunner, parent=None) -> None:
        super().__init__(parent)
        self.project = Path(project)
        self.jobs = jobs
        self.worker: ExportWorker | None = None
        self.progress_reports = 0  # how many progress reports reached the bar (for tests)
        self.setWindowTitle("Export")
        self.format = QComboBox()
        self.format.setAccessibleName("Export format")
        for name, fmt in sorted(formats().items()):
            self.format.addItem(f"{name} — {fmt.description}", name)
        self.all_claims = QCheckBox("Every rated claim, not only those marked done")
        self.all_claims.setAccessibleName("Export every rated claim")
        self.all_claims.setToolTip(
            "ClaimReview is what gets published: by default only the "
            "claims whose status is done are exported."
        )
        self.path = QLineEdit()
        self.path.setAccessibleName("Export to file")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self.browse)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Export progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setAccessibleName("Export result")
        self.export_button = QPushButton("&Export")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        close = QPushButton("Close")
        close.clicked.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow("Format", self.format)
        form.addRow("File", row)
        form.addRow("", self.all_claims)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addLayout(buttons)
        self.format.currentIndexChanged.connect(self._suggest_path)
        self.format.currentIndexChanged.connect(
            lambda: self.all_claims.setVisible(self.selected_format() == "claimreview")
        )
        self.all_claims.setVisible(self.selected_format() == "claimreview")
        self._suggest_path()
        self.resize(560, 0)

    def selected_format(self) -> str:
        return self.format.currentData()

    def _suggest_path(self) -> None:
        suffix = formats()[self.selected_format()].suffix
        current = self.path.text().strip()
        base = Path(current) if current else self.project
        self.path.setText(str(base.with_suffix(suffix)))

    def browse(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, "Export to", self.path.text())
        if target:
            self.path.setText(target)

    def start(self) -> ExportWorker | None:
        target = self.path.text().strip()
        if not target:
            self.result.setText("Choose a file to export to.")
            return None
        self.export_button.setEnabled(False)
        self.result.setText("Exporting…")
        self.progress.setRange(0, 0)  # busy until the first progress report
        options = (
            {"all_claims": True}
            if (self.selected_format() == "claimreview" and self.all_claims.isChecked())
            else {}
        )
        self.worker = ExportWorker(self.project, self.selected_format(), Path(target), **options)
        self.worker.progressed.connect(self._progressed)
        self.jobs.start(self.worker, finished=self._finished, failed=self._failed)
        return self.worker

    def _progressed(self, done: int, total: int) -> None:
        self.progress_reports += 1
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finished(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.result.setText(message)
        self.export_button.setEnabled(True)
        self.exported.emit(message[:1].upper() + message[1:])

    def _failed(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.result.setText(f"Export failed: {message}")
        self.export_button.setEnabled(True)
