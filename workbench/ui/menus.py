"""Menus, toolbar and shortcuts of the main window, built from the table in ``shortcuts.py``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QUndoView,
    QVBoxLayout,
)

from workbench.ui.export_dialog import ExportDialog, ExportWorker  # noqa: F401 (re-exported)
from workbench.ui.shortcuts import COMMANDS, Command, command, help_html
from workbench.ui.theme import apply_theme, theme_choice
from workbench.ui.workers import ImportArticleWorker, NewProjectWorker, Worker
from workbench.ui.workshop_menu import make_exercise, open_compare_window, start_participant_mode

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

ARTICLE_FILTER = "Articles (*.txt *.md *.html *.htm *.docx);;All files (*)"
PROJECT_FILTER = "Fact-Check Workbench projects (*.fcw)"
TOOLBAR = ("open", "new_claim", "drop", "undo", "redo", "redetect")


class PassedOverWorker(Worker):
    title = "Finding passed-over sentences"

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def work(self):
        from workbench import nlp

        return [(c.start, c.end) for c in nlp.extract(self.text, include_passed=True) if not c.checkworthy]


def _slots(window: "MainWindow") -> dict:
    """What each command does (the table says where it is and which keys it has)."""
    evidence = window.detail.evidence_panel
    return {
        "new": lambda: new_project(window),
        "open": lambda: open_dialog(window),
        "recent": lambda menu: _fill_recent(window, menu),
        "import": lambda: import_article(window),
        "import_url": lambda: import_article_url(window),
        "export": lambda: export_dialog(window),
        "quit": window.close,
        "history": lambda: show_undo_view(window),
        "find": window.focus_search,
        "zoom_in": lambda: window.zoom(1),
        "zoom_out": lambda: window.zoom(-1),
        "zoom_reset": window.reset_zoom,
        "toggle_detail": window.show_detail_pane,
        "next_pane": lambda: window.cycle_pane(1),
        "previous_pane": lambda: window.cycle_pane(-1),
        "passed_over": lambda on: show_passed_over(window, on),
        "theme_system": lambda: set_theme(window, "system"),
        "theme_light": lambda: set_theme(window, "light"),
        "theme_dark": lambda: set_theme(window, "dark"),
        "new_claim": window.article_view.text.request_new_claim,
        "set_span": lambda: _set_span(window),
        "split": window.split_claim,
        "merge": window.merge_with_next,
        "drop": window.drop_claim,
        "edit_wording": window.edit_wording,
        "verdicts": lambda menu: _fill_verdicts(window, menu),
        "redetect": window.redetect,
        "evidence_add": window.focus_evidence_url,
        "evidence_edit": evidence.edit_current,
        "evidence_text": evidence.text_action.trigger,
        "evidence_open": evidence.open_action.trigger,
        "evidence_refetch": evidence.refetch_action.trigger,
        "evidence_archive": evidence.archive_action.trigger,
        "evidence_archive_save": evidence.archive_save_action.trigger,
        "evidence_remove": evidence.remove_action.trigger,
        "fetch_pending": evidence.fetch_pending_action.trigger,
        "auto_fetch": evidence.auto_fetch.setChecked,
        "scale": lambda: open_scale_editor(window),
        "settings": lambda: open_project_settings(window),
        "workshop_compare": lambda: open_compare_window(window),
        "workshop_pack": lambda: make_exercise(window),
        "workshop_name": lambda: window.workshop_mode.ask_name(),
        "shortcuts": lambda: show_shortcuts(window),
        "about": lambda: QMessageBox.about(
            window, "Fact-Check Workbench",
            "Find the claims in an article, attach evidence, rate and publish.\n"
            "Everything is saved in the project file at every change."),
    }


def _describe(action: QAction, cmd: Command) -> None:
    action.setToolTip(cmd.tooltip())
    action.setStatusTip(cmd.help or cmd.label)
    if cmd.toolbar:
        action.setIconText(cmd.toolbar)  # the toolbar shows this, never the shortcut text


def _menu(window: "MainWindow", menus: dict[str, QMenu], path: str) -> QMenu:
    if path not in menus:
        parent, _, title = path.rpartition("/")
        menus[path] = (_menu(window, menus, parent).addMenu(title) if parent
                       else window.menuBar().addMenu(title))
    return menus[path]


def build_menus(window: "MainWindow") -> dict[str, QAction]:
    """Build every menu entry and the toolbar from ``COMMANDS``; returns the actions by name."""
    slots = _slots(window)
    menus: dict[str, QMenu] = {}
    actions: dict[str, QAction] = {}
    themes = QActionGroup(window)
    for cmd in COMMANDS:
        if cmd.menu is None:
            continue
        menu = _menu(window, menus, cmd.menu)
        if cmd.separator:
            menu.addSeparator()
        if cmd.submenu:
            sub = menu.addMenu(cmd.text)
            sub.aboutToShow.connect(lambda s=sub, fill=slots[cmd.name]: fill(s))
            sub.menuAction().setStatusTip(cmd.help)
            actions[cmd.name] = sub.menuAction()
            continue
        if cmd.name in ("undo", "redo"):
            # Through the window, which first saves typing in progress as its own step,
            # so the text fields and the project's undo stack always agree.
            action = QAction(cmd.text, window)
            action.triggered.connect(lambda _checked=False, f=getattr(window, cmd.name): f())
        else:
            action = QAction(cmd.text + (f"\t{cmd.keys_text()}" if cmd.where else ""), window)
            action.setCheckable(cmd.checkable)
            slot = slots[cmd.name]
            if cmd.checkable and not cmd.name.startswith("theme_"):
                action.toggled.connect(slot)
            else:
                # Qt's triggered(bool) must not reach a slot's optional argument.
                action.triggered.connect(lambda _checked=False, s=slot: s())
        action.setShortcuts(cmd.shortcuts)
        _describe(action, cmd)
        menu.addAction(action)
        window.addAction(action)  # shortcuts work wherever the focus is in the window
        actions[cmd.name] = action
        if cmd.name.startswith("theme_"):
            themes.addAction(action)
            action.setChecked(cmd.name == f"theme_{theme_choice()}")

    actions["auto_fetch"].setChecked(window.detail.evidence_panel.auto_fetch.isChecked())
    window.detail.evidence_panel.auto_fetch.toggled.connect(actions["auto_fetch"].setChecked)
    actions["toggle_detail"].setChecked(True)
    window.undo_stack.indexChanged.connect(lambda _i: _describe_undo(window, actions))
    _describe_undo(window, actions)
    start_participant_mode(window, actions)
    window.addToolBar(_toolbar(window, actions))
    return actions


def _toolbar(window: "MainWindow", actions: dict[str, QAction]) -> QToolBar:
    tools = QToolBar("Main")
    tools.setObjectName("main-toolbar")
    tools.setMovable(False)
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for key in TOOLBAR:
        tools.addAction(actions[key])
        button = tools.widgetForAction(actions[key])
        if key in ("undo", "redo") and isinstance(button, QToolButton):
            # The label never changes ("Undo"; what would be undone is in the tooltip) and
            # the size policy is fixed: the article switch after it never moves.
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.setAccessibleName(command(key).label)
    tools.addSeparator()
    tools.addWidget(window.article_switch)
    window.main_toolbar = tools
    return tools


def _describe_undo(window: "MainWindow", actions: dict[str, QAction]) -> None:
    try:
        texts = (("undo", window.undo_stack.undoText()), ("redo", window.undo_stack.redoText()))
    except RuntimeError:  # the window is being destroyed and its stack with it
        return
    for key, text in texts:
        cmd = command(key)
        action = actions[key]
        action.setIconText(cmd.toolbar)
        what = f"{cmd.label}: {text}" if text else f"Nothing to {cmd.label.lower()}"
        action.setToolTip(f"{what} ({cmd.keys_text()})")


def set_theme(window: "MainWindow", choice: str) -> None:
    apply_theme(QApplication.instance(), choice)
    window.say(f"Theme: {'as the system' if choice == 'system' else choice}")


def show_shortcuts(window: "MainWindow") -> QDialog:
    """F1: every command with its keys, from the table the menus are built from."""
    dialog = getattr(window, "_shortcuts_dialog", None)
    if dialog is None:
        dialog = QDialog(window)
        dialog.setWindowTitle("Keyboard shortcuts")
        dialog.browser = QTextBrowser()
        dialog.browser.setAccessibleName("Keyboard shortcuts")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(dialog.browser)
        layout.addWidget(buttons)
        window._shortcuts_dialog = dialog
    verdicts = window.store.scale.get().names() if window.store is not None else []
    dialog.browser.setHtml(help_html(verdicts))
    metrics = window.fontMetrics()
    dialog.resize(metrics.horizontalAdvance("M") * 60, min(metrics.height() * 40, 900))
    dialog.show()
    dialog.raise_()
    return dialog


def _set_span(window: "MainWindow") -> None:
    span = window.article_view.text.selected_span()
    if span:
        window.set_span(*span)
    else:
        window.say("Select text in the article first: it becomes the claim's span.")


def _fill_recent(window: "MainWindow", menu) -> None:
    menu.clear()
    for number, path in enumerate(window.recent_files(), start=1):
        menu.addAction(f"&{number}  {path.replace('&', '&&')}", lambda p=path: window.open_project(p))
    if menu.isEmpty():
        menu.addAction("(none)").setEnabled(False)


def _fill_verdicts(window: "MainWindow", menu) -> None:
    menu.clear()
    if window.store is None:
        return
    for number, name in enumerate(window.store.scale.get().names(), start=1):
        text = f"&{number}  {name}" if number <= 9 else name
        menu.addAction(text, lambda n=number: window.rate_by_number(n))
    menu.addAction("&0  Clear verdict", lambda: window.rate_by_number(0))


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
    from workbench.core.scale import DEFAULT_SCALE
    from workbench.presets import preset_names

    presets = preset_names()
    scale, ok = QInputDialog.getItem(window, "Verdict scale", "Rate the claims on the scale:",
                                     presets, presets.index(DEFAULT_SCALE), False)
    if not ok:
        return
    worker = NewProjectWorker(Path(target), Path(article), scale=scale)
    window.say(f"Creating {Path(target).name} and finding its claims…")
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
    window.say(f"Importing {source}…")
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
    dialog.exported.connect(window.say)
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
    dialog.accepted.connect(lambda: window.say("Project settings saved."))
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
        if window.store is not None:
            window.say("Passed-over sentences hidden.")
        return
    worker = PassedOverWorker(window.store.articles.get(window.article_id).text)

    def shown(spans) -> None:
        text_view.set_faint_spans(spans)
        window.say(f"{len(spans)} passed-over sentences shown in grey.")

    window.jobs.start(worker, finished=shown, failed=lambda msg: window.say(msg))
