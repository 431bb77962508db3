"""Item 10: toolbar buttons show short labels (the shortcut is in the tooltip), and the
Undo button keeps its width, so the article switch after it never moves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar

from tests.ui.helpers import settle


def toolbar(window):
    return window.findChild(QToolBar, "main-toolbar")


def buttons(window):
    bar = toolbar(window)
    return {
        action.iconText(): bar.widgetForAction(action)
        for action in bar.actions()
        if bar.widgetForAction(action) is not None
        and not action.isSeparator()
        and action.iconText()
    }


def test_toolbar_labels_carry_no_shortcut_text_and_tooltips_do(window):
    shown = {label: button.text() for label, button in buttons(window).items()}
    assert {"Open", "New claim", "Drop claim", "Undo", "Redo", "Re-detect claims"} <= set(
        shown.values()
    )
    for text in shown.values():
        assert "Del" not in text and "\t" not in text and "Ctrl" not in text, text
    tips = {a.iconText(): a.toolTip() for a in toolbar(window).actions()}
    assert "(Delete, in the claim list)" in tips["Drop claim"]
    assert "(N / Insert, in the article)" in tips["New claim"]
    assert "(Ctrl+R)" in tips["Re-detect claims"] and "(Ctrl+O)" in tips["Open"]


def test_undo_keeps_its_width_and_the_article_switch_stays_put(window, qtbot):
    settle()
    switch_x = window.article_switch.mapTo(window, window.article_switch.rect().topLeft()).x()
    undo = buttons(window)["Undo"]
    width = undo.width()
    window.claim_list.table.setFocus()
    for row in range(3):
        window.claim_list.table.selectRow(row)
        qtbot.keyClick(window.claim_list.table, Qt.Key.Key_5)  # "Edit claim #N: verdict"
        window.detail.rationale.setPlainText("a long rationale " * 10)
        window.detail.save_text_fields()
        settle()
        assert undo.width() == width and undo.text() == "Undo"
        assert (
            window.article_switch.mapTo(window, window.article_switch.rect().topLeft()).x()
            == switch_x
        )
        assert "Undo: Edit rationale of claim #" in window.actions["undo"].toolTip()
        assert "(Ctrl+Z)" in window.actions["undo"].toolTip()
    window.undo_stack.undo()
    settle()
    assert (
        window.article_switch.mapTo(window, window.article_switch.rect().topLeft()).x() == switch_x
    )
