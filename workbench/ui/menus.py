"""Menus, toolbar and shortcuts of the main window: every action reachable by keyboard."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QToolBar,
    QUndoView,
    QVBoxLayout,
)

from workbench.ui.export_dialog import ExportDialog, ExportWorker  # noqa: F401 (re-exported)
from workbench.ui.theme import THEMES, apply_theme, theme_choice
from workbench.ui.workers import ImportArticleWorker, NewProjectWorker, Worker
from workbench.ui.workshop_menu import build_workshop_menu

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

ARTICLE_FILTER = "Articles (*.txt *.md *.html *.htm *.docx);;All files (*)"
PROJECT_FILTER = "Fact-Check Workbench projects (*.fcw)"

SHORTCUTS = """
<table cellpadding=3>
<tr><td><b>N</b> (in the article)</td><td>new claim from the selected text</td></tr>
<tr><td><b>S</b> (in the article)</td><td>set the selected claim's span to the selected text</td></tr>
<tr><td><b>↑ ↓</b> (in the list)</td><td>move between claims</td></tr>
<tr><td><b>1–9</b>, <b>0</b> (in the list)</td><td>set the verdict to label 1–9 of the scale, or clear it</td></tr>
<tr><td><b>Enter</b> (in the list)</td><td>edit the claim's wording</td></tr>
<tr><td><b>Delete</b> (in the list)</td><td>drop the claim (undoable)</td></tr>
<tr><td><b>Ctrl+Z / Ctrl+Shift+Z</b></td><td>undo / redo</td></tr>
<tr><td><b>Ctrl+F</b></td><td>search</td></tr>
<tr><td><b>Ctrl++ / Ctrl+- / Ctrl+0</b></td><td>zoom the article text</td></tr>
</table>
"""


class PassedOverWorker(Worker):
    title = "Finding passed-over sentences"

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def work(self):
        from workbench import nlp

        return [(c.start, c.end) for c in nlp.extract(self.text, include_passed=True) if not c.checkworthy]


def _action(window, menu, text: str, slot, shortcut=None, name: str | None = None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    menu.addAction(action)
    window.addAction(action)
    return action


def build_menus(window: "MainWindow") -> dict[str, QAction]:
    bar = window.menuBar()
    actions: dict[str, QAction] = {}

    file = bar.addMenu("&File")
    actions["new"] = _action(window, file, "&New project from article…", lambda: new_project(window), QKeySequence.StandardKey.New)
    actions["open"] = _action(window, file, "&Open…", lambda: open_dialog(window), QKeySequence.StandardKey.Open)
    recent = file.addMenu("Open &recent")
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    actions["import"] = _action(window, file, "&Import article into project…", lambda: import_article(window), "Ctrl+I")
    actions["import_url"] = _action(window, file, "Import article from &URL…", lambda: import_article_url(window))
    actions["export"] = _action(window, file, "&Export…", lambda: export_dialog(window), "Ctrl+E")
    file.addSeparator()
    actions["quit"] = _action(window, file, "&Quit", window.close, QKeySequence.StandardKey.Quit)

    edit = bar.addMenu("&Edit")
    # Undo and redo go through the window, which first saves typing in progress as
    # its own step (so the project's undo and the text fields always agree).
    undo = _action(window, edit, "&Undo", window.undo, "Ctrl+Z")
    redo = _action(window, edit, "&Redo", window.redo, "Ctrl+Shift+Z")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    actions["undo"], actions["redo"] = undo, redo
    actions["history"] = _action(window, edit, "Undo &history…", lambda: show_undo_view(window), "Ctrl+H")
    edit.addSeparator()
    actions["find"] = _action(window, edit, "&Find…", lambda: window.claim_list.search.setFocus(), QKeySequence.StandardKey.Find)

    view = bar.addMenu("&View")
    actions["zoom_in"] = _action(window, view, "Zoom &in", lambda: window.zoom(1), QKeySequence.StandardKey.ZoomIn)
    window.addAction(_shortcut_only(window, "Ctrl+=", lambda: window.zoom(1)))
    actions["zoom_out"] = _action(window, view, "Zoom &out", lambda: window.zoom(-1), QKeySequence.StandardKey.ZoomOut)
    actions["zoom_reset"] = _action(window, view, "&Actual size", window.reset_zoom, "Ctrl+0")
    view.addSeparator()
    passed = _action(window, view, "Show &passed-over sentences", lambda on: show_passed_over(window, on), "Ctrl+Shift+P")
    passed.setCheckable(True)
    actions["passed_over"] = passed
    themes = view.addMenu("&Theme")
    group = QActionGroup(window)
    for choice in THEMES:
        action = QAction(choice.capitalize() if choice != "system" else "Follow the &system", window)
        action.setCheckable(True)
        action.setChecked(choice == theme_choice())
        action.triggered.connect(lambda _on=False, c=choice: apply_theme(QApplication.instance(), c))
        group.addAction(action)
        themes.addAction(action)
        actions[f"theme_{choice}"] = action

    claim = bar.addMenu("&Claim")
    actions["new_claim"] = _action(window, claim, "&New claim from selection\tN", window.article_view.text.request_new_claim)
    actions["set_span"] = _action(window, claim, "Set &span to selection\tS", lambda: _set_span(window))
    actions["split"] = _action(window, claim, "S&plit at cursor", window.split_claim, "Ctrl+Shift+S")
    actions["merge"] = _action(window, claim, "&Merge with next", window.merge_with_next, "Ctrl+Shift+M")
    actions["drop"] = _action(window, claim, "&Drop claim\tDel", window.drop_claim)
    claim.addSeparator()
    verdicts = claim.addMenu("Set &verdict")
    verdicts.aboutToShow.connect(lambda: _fill_verdicts(window, verdicts))
    actions["redetect"] = _action(window, claim, "&Re-detect claims", window.redetect, "Ctrl+R")

    project = bar.addMenu("&Project")
    actions["scale"] = _action(window, project, "Verdict &scale…", lambda: open_scale_editor(window))
    actions["settings"] = _action(window, project, "Project se&ttings…", lambda: open_project_settings(window))

    build_workshop_menu(window, bar, actions)

    help_menu = bar.addMenu("&Help")
    actions["shortcuts"] = _action(window, help_menu, "&Keyboard shortcuts", lambda: QMessageBox.information(window, "Keyboard shortcuts", SHORTCUTS), "F1")
    actions["about"] = _action(window, help_menu, "&About", lambda: QMessageBox.about(
        window, "Fact-Check Workbench",
        "Find the claims in an article, attach evidence, rate and publish.\n"
        "Everything is saved in the project file at every change."))

    tools = QToolBar("Main")
    tools.setObjectName("main-toolbar")
    tools.setMovable(False)
    for key in ("open", "new_claim", "drop", "undo", "redo", "redetect"):
        tools.addAction(actions[key])
    tools.addSeparator()
    tools.addWidget(window.article_switch)
    window.addToolBar(tools)
    return actions


def _shortcut_only(window, keys, slot) -> QAction:
    action = QAction(window)
    action.setShortcut(QKeySequence(keys))
    action.triggered.connect(slot)
    return action


def _set_span(window: "MainWindow") -> None:
    span = window.article_view.text.selected_span()
    if span:
        window.set_span(*span)


def _fill_recent(window: "MainWindow", menu) -> None:
    menu.clear()
    for path in window.recent_files():
        menu.addAction(path, lambda p=path: window.open_project(p))
    if menu.isEmpty():
        menu.addAction("(none)").setEnabled(False)


def _fill_verdicts(window: "MainWindow", menu) -> None:
    menu.clear()
    if window.store is None:
        return
    for number, name in enumerate(window.store.scale().names(), start=1):
        menu.addAction(f"{name}\t{number}" if number <= 9 else name, lambda n=number: window.rate_by_number(n))
    menu.addAction("Clear verdict\t0", lambda: window.rate_by_number(0))


def open_dialog(window: "MainWindow") -> None:
    path, _ = QFileDialog.getOpenFileName(window, "Open project", "", PROJECT_FILTER)
    if path:
        window.open_project(path)


def new_project(window: "MainWindow") -> None:
    article, _ = QFileDialog.getOpenFileName(window, "Article to check", "", ARTICLE_FILTER)
    if not article:
        return
    target, _ = QFileDialog.getSaveFileName(window, "Save the new project as", str(Path(article).with_suffix(".fcw")), PROJECT_FILTER)
    if not target:
        return
    from workbench.core.scale import DEFAULT_SCALE, preset_names

    presets = preset_names()
    scale, ok = QInputDialog.getItem(window, "Verdict scale", "Rate the claims on the scale:",
                                     presets, presets.index(DEFAULT_SCALE), False)
    if not ok:
        return
    worker = NewProjectWorker(Path(target), Path(article), scale=scale)
    window.jobs.start(
        worker,
        finished=lambda path: window.open_project(path),
        failed=lambda msg: window.show_error("Cannot create the project", msg),
    )


def import_article(window: "MainWindow", source: str | Path | None = None) -> None:
    if window.store is None:
        return
    if source is None:
        source, _ = QFileDialog.getOpenFileName(window, "Import article", "", ARTICLE_FILTER)
        if not source:
            return
        source = Path(source)
    worker = ImportArticleWorker(window.store.path, source)
    store = window.store
    window.jobs.start(
        worker,
        finished=lambda read: window.curation.store_import(store, read),
        failed=lambda msg: window.show_error("Cannot import the article", msg),
    )


def import_article_url(window: "MainWindow") -> None:
    if window.store is None:
        return
    url, ok = QInputDialog.getText(window, "Import article from URL",
                                   "Address of the article (needs a connection):")
    if ok and url.strip():
        import_article(window, url.strip())


def export_dialog(window: "MainWindow") -> ExportDialog | None:
    if window.store is None:
        return None
    window.detail.save_text_fields()  # the export reads the file: let pending typing land
    dialog = ExportDialog(window.store.path, window.jobs, window)
    window._export_dialog = dialog
    dialog.show()
    return dialog


def open_scale_editor(window: "MainWindow") -> None:
    from workbench.ui.scale_editor import open_scale_editor as open_editor

    open_editor(window)


def open_project_settings(window: "MainWindow") -> None:
    if window.store is None:
        return
    from workbench.ui.project_settings import ProjectSettingsDialog

    dialog = ProjectSettingsDialog(window.store, window)
    window._settings_dialog = dialog
    dialog.finished.connect(lambda _result: window._show_detail(window.detail.claim.id
                                                                if window.detail.claim else None))
    dialog.open()


def show_undo_view(window: "MainWindow") -> None:
    if window.undo_view is None:
        dialog = QDialog(window)
        dialog.setWindowTitle("Undo history")
        layout = QVBoxLayout(dialog)
        window.undo_view = QUndoView(window.undo_stack)
        window.undo_view.setEmptyLabel("Project opened")
        window.undo_view.setAccessibleName("Undo history")
        layout.addWidget(window.undo_view)
        dialog.resize(380, 420)
        window._undo_dialog = dialog
    window._undo_dialog.show()
    window._undo_dialog.raise_()


def show_passed_over(window: "MainWindow", on: bool) -> None:
    text_view = window.article_view.text
    if not on or window.store is None or window.article_id is None:
        text_view.set_faint_spans([])
        return
    worker = PassedOverWorker(window.store.article(window.article_id).text)
    window.jobs.start(
        worker,
        finished=text_view.set_faint_spans,
        failed=lambda msg: window.statusBar().showMessage(msg, 8000),
    )
