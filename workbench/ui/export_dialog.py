"""File > Export: choose a format and a file, watch the progress, read what was written.

The export runs in an ``ExportWorker`` on its own connection; the dialog only
shows the worker's progress and result (for ClaimReview: how many claims were
left out for want of a verdict).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
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

    def __init__(self, project: Path, fmt: str, out: Path) -> None:
        super().__init__()
        self.project, self.fmt, self.out = Path(project), fmt, Path(out)

    def work(self):
        from workbench.io.export import export
        from workbench.store import ProjectStore

        with ProjectStore.open(self.project, readonly=True) as store:
            return export(store, self.fmt, self.out, self.report).message


class ExportDialog(QDialog):
    """A format, a file name, an Export button and a progress bar."""

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
        self.worker = ExportWorker(self.project, self.selected_format(), Path(target))
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

    def _failed(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.result.setText(f"Export failed: {message}")
        self.export_button.setEnabled(True)
