"""The trainer's "Compare workshop files" window: agreement, contested claims, each participant.

A window of its own, so it can be dragged to the projector's screen while the main
window stays on the laptop. Files are read in a worker (each file through its own
read-only connection); the window only lays out the plain ``Comparison`` it gets
back. Text size is one control for everything, tables and chart alike, and names
can be hidden before the room sees them. Its layout is in ``compare_layout.py``.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QStringListModel, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow

from workbench.core.errors import WorkbenchError
from workbench.ui.compare_layout import DEFAULT_TEXT_SIZE, CompareLayout
from workbench.ui.theme import settings
from workbench.ui.workers import JobRunner, Worker
from workbench.ui.workshop_models import number, percent
from workbench.workshop.compare import Comparison

PROJECT_FILTER = "Fact-Check Workbench projects (*.fcw)"


class CompareWorker(Worker):
    """Reads and compares participants' files off the UI thread."""

    title = "Comparing workshop files"

    def __init__(self, paths: list[Path], key: Path | None) -> None:
        super().__init__()
        self.paths, self.key = list(paths), key

    def work(self) -> Comparison:
        from workbench.workshop.compare import compare_files

        return compare_files(self.paths, self.key, progress=self.report)


class MergeWorker(Worker):
    """Merges participants' evidence and rationales into a curation project."""

    title = "Merging participants' work"

    def __init__(self, paths: list[Path], into: Path, key: Path | None) -> None:
        super().__init__()
        self.paths, self.into, self.key = list(paths), into, key

    def work(self) -> str:
        from workbench.workshop.merge import merge

        result = merge(self.paths, self.into, key=self.key, progress=self.report)
        return "\n".join([result.message(), *result.warnings])


class CompareWindow(CompareLayout, QMainWindow):
    """Pick the participants' files (and the key), compare, and show the room the result."""

    comparison_shown = Signal(object)
    comparison_failed = Signal(str)
    merge_finished = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare workshop files — Fact-Check Workbench")
        self.setAccessibleName("Compare workshop files")
        self.jobs = JobRunner(self)
        self.key: Path | None = None
        self.comparison: Comparison | None = None
        self.files = QStringListModel(self)
        self._build()
        size = int(settings().value("workshop/text_size", DEFAULT_TEXT_SIZE))
        self.text_size.setValue(size)
        self._apply_text_size(size)
        self.resize(1500, 950)

    # -- files ----------------------------------------------------------------------------
    def paths(self) -> list[Path]:
        return [Path(p) for p in self.files.stringList()]

    def add_files(self, paths: list[str | Path]) -> None:
        current = self.files.stringList()
        self.files.setStringList(current + [str(p) for p in paths if str(p) not in current])

    def set_key(self, path: str | Path | None) -> None:
        self.key = Path(path) if path else None
        self.key_label.setText(self.key.name if self.key else "none: agreement only")
        self.key_label.setToolTip(str(self.key) if self.key else "")

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Participants' files", "", PROJECT_FILTER)
        self.add_files(paths)

    def _remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.file_list.selectedIndexes()}, reverse=True)
        for row in rows:
            self.files.removeRows(row, 1)

    def _choose_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "The key (trainer's project)", "", PROJECT_FILTER
        )
        if path:
            self.set_key(path)

    # -- comparing --------------------------------------------------------------------------
    def compare(self) -> None:
        if not self.paths():
            self._fail("Add the participants' files first.")
            return
        self.compare_button.setEnabled(False)
        self.message.setText("Comparing…")
        self.jobs.start(
            CompareWorker(self.paths(), self.key), finished=self._shown, failed=self._fail
        )

    def _shown(self, comparison: Comparison) -> None:
        self.compare_button.setEnabled(True)
        self.comparison = comparison
        self._show()
        self.comparison_shown.emit(comparison)

    def _fail(self, message: str) -> None:
        self.compare_button.setEnabled(True)
        self.message.setText(f"<span style='color:#c62828'><b>{escape(message)}</b></span>")
        self.comparison_failed.emit(message)

    def shown_comparison(self) -> Comparison | None:
        """What the room sees: the comparison, anonymised when names are hidden."""
        if self.comparison is None:
            return None
        return self.comparison.anonymised() if self.hide_names.isChecked() else self.comparison

    def _show(self) -> None:
        c = self.shown_comparison()
        if c is None:
            return
        key = "with the key" if c.key_file else "no key"
        self.title_label.setText(
            f"<b>{escape(c.exercise.title)}</b> — {len(c.participants)} participants, "
            f"{len(c.claims)} claims, {key}"
        )
        values = {
            "alpha_nominal": number(c.alpha_nominal),
            "alpha_ordinal": number(c.alpha_ordinal),
            "fleiss": number(c.fleiss_kappa),
            "cohen": number(c.mean_cohen_kappa),
            "percent": percent(c.percent_agreement),
        }
        for key_name, text in values.items():
            self.figures[key_name].setText(text)
        self.message.setText("<br>".join(escape(w) for w in c.warnings))
        self.claims_model.set_rows(c.claims, c.colours)
        self._fit_claim_columns()
        self.people_model.set_rows(c.participants)
        self.pairs_model.set_rows(c.cohen)
        self.confusion_model.set_comparison(c)
        self.chart.set_comparison(c)
        self.confusion_view.resizeColumnsToContents()
        # Names on the side panel would undo "hide names" on a projector.
        hidden = self.hide_names.isChecked()
        self.file_list.setVisible(not hidden)
        self.hidden_note.setVisible(hidden)
        self.hidden_note.setText(f"{len(self.paths())} files (names hidden)")

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def save_report(self, path: str | Path) -> Path:
        from workbench.workshop.report import write_report

        if self.comparison is None:
            raise WorkbenchError("compare the files first")
        return write_report(self.comparison, path, anonymous=self.hide_names.isChecked())

    def _choose_report(self) -> None:
        if self.comparison is None:
            self._fail("Compare the files first.")
            return
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the report", "workshop.html", "Web pages (*.html)"
        )
        if not path:
            return
        try:
            self.save_report(path)
        except WorkbenchError as exc:
            self._fail(str(exc))
            return
        self.statusBar().showMessage(f"Report saved to {path}", 10000)

    def merge_into(self, into: str | Path) -> None:
        self.jobs.start(
            MergeWorker(self.paths(), Path(into), self.key),
            finished=self._merged,
            failed=self._fail,
        )

    def _merged(self, message: str) -> None:
        self.message.setText(escape(message).replace("\n", "<br>"))
        self.merge_finished.emit(message)

    def _choose_curation(self) -> None:
        if not self.paths():
            self._fail("Add the participants' files first.")
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Curation project (new or existing)",
            "curation.fcw",
            PROJECT_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.merge_into(path)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.jobs.wait_all()
        super().closeEvent(event)
