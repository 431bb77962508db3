"""Menus, toolbar and shortcuts of the main window, built from the table in ``shortcuts.py``.

Only a builder: each command of the table is bound to a public method of the window
(or of its panels), or to a function of ``project_actions.py`` / ``workshop_menu.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QSizePolicy, QToolBar, QToolButton

from workbench.ui import project_actions as do
from workbench.ui.command_spec import Command
from workbench.ui.project_actions import import_article  # noqa: F401 (re-exported)
from workbench.ui.shortcuts import COMMANDS, command
from workbench.ui.theme import theme_choice
from workbench.ui.workshop_menu import make_exercise

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.ui.export_dialog import ExportDialog
    from workbench.ui.main_window import MainWindow

TOOLBAR = ("open", "new_claim", "drop", "undo", "redo", "redetect")


def _slots(window: MainWindow) -> dict[str, Callable]:
    """What each command does (the table says where it is and which keys it has)."""
    evidence = window.detail.evidence_panel
    return {
        "new": lambda: do.new_project(window),
        "open": lambda: do.open_dialog(window),
        "recent": lambda menu: do.fill_recent(window, menu),
        "import": lambda: do.import_article(window),
        "import_url": lambda: do.import_article_url(window),
        "export": window.open_export,
        "quit": window.close,
        "history": window.show_undo_history,
        "find": window.focus_search,
        "zoom_in": lambda: window.zoom(1),
        "zoom_out": lambda: window.zoom(-1),
        "zoom_reset": window.reset_zoom,
        "toggle_detail": window.show_detail_pane,
        "next_pane": lambda: window.cycle_pane(1),
        "previous_pane": lambda: window.cycle_pane(-1),
        "passed_over": lambda on: do.show_passed_over(window, on),
        "theme_system": lambda: do.set_theme(window, "system"),
        "theme_light": lambda: do.set_theme(window, "light"),
        "theme_dark": lambda: do.set_theme(window, "dark"),
        "new_claim": window.article_view.text.request_new_claim,
        "set_span": lambda: do.set_span_from_selection(window),
        "split": window.split_claim,
        "merge": window.merge_with_next,
        "drop": window.drop_claim,
        "edit_wording": window.edit_wording,
        "verdicts": lambda menu: do.fill_verdicts(window, menu),
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
        "scale": window.open_scale_editor,
        "settings": window.open_project_settings,
        "workshop_compare": window.open_compare_window,
        "workshop_pack": lambda: make_exercise(window),
        "workshop_name": lambda: window.workshop_mode.ask_name(),
        "shortcuts": window.show_shortcuts,
        "about": lambda: QMessageBox.about(
            window,
            "Fact-Check Workbench",
            "Find the claims in an article, attach evidence, rate and publish.\n"
            "Everything is saved in the project file at every change.",
        ),
    }


def show_shortcuts(window: MainWindow) -> QDialog:
    """Help > Keyboard shortcuts (F1), for callers holding a window: it keeps the dialog."""
    return window.show_shortcuts()


def export_dialog(window: MainWindow) -> ExportDialog | None:
    """File > Export, for callers holding a window: it keeps the dialog."""
    return window.open_export()


def _describe(action: QAction, cmd: Command) -> None:
    action.setToolTip(cmd.tooltip())
    action.setStatusTip(cmd.help or cmd.label)
    if cmd.toolbar:
        action.setIconText(cmd.toolbar)  # the toolbar shows this, never the shortcut text


def _menu(window: MainWindow, menus: dict[str, QMenu], path: str) -> QMenu:
    if path not in menus:
        parent, _, title = path.rpartition("/")
        menus[path] = (
            _menu(window, menus, parent).addMenu(title)
            if parent
            else window.menuBar().addMenu(title)
        )
    return menus[path]


def build_menus(window: MainWindow) -> dict[str, QAction]:
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
            do_it = window.undo if cmd.name == "undo" else window.redo
            action.triggered.connect(lambda _checked=False, f=do_it: f())
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
    window.addToolBar(_toolbar(window, actions))
    return actions


def _toolbar(window: MainWindow, actions: dict[str, QAction]) -> QToolBar:
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
    return tools


def _describe_undo(window: MainWindow, actions: dict[str, QAction]) -> None:
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
