"""Item 5: the projector. Ctrl++ zooms the whole window; the compare window at text
size 22 keeps its text column, legend and figure captions readable, and its chart names
each bar with the claim's (shortened) text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt

from tests.ui.helpers import settle
from tests.ui.test_workshop_view import room  # noqa: F401 (the fixture)
from workbench.ui.models import ClaimTableModel


def point_size(widget) -> float:
    return widget.font().pointSizeF()


def test_ctrl_plus_zooms_list_detail_and_article_and_ctrl_0_resets(window, qtbot):
    window.claim_list.table.setFocus()
    window.claim_list.table.selectRow(0)
    widgets = {
        "article": window.article_view.text,
        "claim list": window.claim_list.table,
        "search": window.claim_list.search,
        "wording": window.detail.text,
        "rationale": window.detail.rationale,
        "verdict": window.detail.verdict,
        "evidence": window.detail.evidence,
        "claim title": window.detail.title,
    }
    before = {name: point_size(w) for name, w in widgets.items()}
    row_height = window.claim_list.table.rowHeight(0)
    for _ in range(5):
        qtbot.keyClick(
            window.claim_list.table, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier
        )
    settle()
    for name, widget in widgets.items():
        assert point_size(widget) >= 1.9 * before[name], name  # x2 after five steps
    assert window.claim_list.table.rowHeight(0) > 1.5 * row_height
    assert window.zoom_factor() == 2.0
    qtbot.keyClick(window.claim_list.table, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom_factor() == 1.75
    qtbot.keyClick(window.claim_list.table, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert {name: point_size(w) for name, w in widgets.items()} == before


def test_dialogs_opened_from_a_zoomed_window_are_zoomed_too(window, qtbot):
    from workbench.ui.menus import show_shortcuts

    normal = show_shortcuts(window).browser.font().pointSizeF()
    window.zoom(4)
    assert show_shortcuts(window).browser.font().pointSizeF() > 1.4 * normal
    window.actions["scale"].trigger()  # a dialog opened after zooming
    settle()
    assert window._scale_editor.table.font().pointSizeF() > 1.4 * normal


@pytest.fixture
def compared(qtbot, room):  # noqa: F811
    from workbench.ui.workshop_view import CompareWindow

    key, _exercise, files = room
    win = CompareWindow()
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    win.add_files(files)
    win.set_key(key)
    with qtbot.waitSignal(win.comparison_shown, timeout=20000):
        win.compare()
    win.text_size.setValue(22)
    settle()
    return win


def test_compare_window_at_text_size_22_stays_readable(compared):
    win = compared
    assert win.width() <= 1280 and win.height() <= 720  # nothing forces the window larger
    # The claims table: the text column is on screen and wide enough for words.
    view = win.claims_view
    header = view.horizontalHeader()
    text_column = 1
    assert header.model().headerData(text_column, Qt.Orientation.Horizontal) == "Text"
    left = header.sectionViewportPosition(text_column)
    width = header.sectionSize(text_column)
    assert left >= 0 and left + width <= view.viewport().width()
    assert width >= view.fontMetrics().horizontalAdvance("Unemployment fell")
    assert header.length() <= view.viewport().width() + 1  # no sideways scrolling
    # The legend: every entry inside the chart.
    chart = win.chart
    for label, rect in chart.legend_items():
        assert rect.left() >= 0 and rect.right() <= chart.width(), label
    # The figures: each caption whole, none over another.
    captions = list(win.captions.values())
    rects = [QRect(c.mapTo(win, c.rect().topLeft()), c.size()) for c in captions]
    for caption, rect in zip(captions, rects):
        assert caption.height() >= caption.heightForWidth(caption.width()), caption.text()
        assert all(not rect.intersects(other) for other in rects if other is not rect)
    values = [QRect(v.mapTo(win, v.rect().topLeft()), v.size()) for v in win.figures.values()]
    for value in values:
        assert value.width() >= win.figures["alpha_nominal"].sizeHint().width() - 2
        assert all(not value.intersects(other) for other in values if other is not value)


def test_the_chart_names_each_bar_with_the_claims_text(compared):
    chart = compared.chart
    assert chart.claims
    for row, claim in enumerate(chart.claims):
        shown = chart.shown_label(row)
        assert shown.startswith(f"#{claim.claim_id}  ")
        first_words = " ".join(claim.text.split()[:3])
        assert first_words in shown
        assert chart.fontMetrics().horizontalAdvance(shown) <= chart.label_rect(row).width()
        label_rect, bar = chart.label_rect(row), chart.bar_rect(row)
        assert label_rect.bottom() <= bar.top() and bar.bottom() <= chart.height()


def test_ctrl_plus_in_the_compare_window_grows_its_text(compared, qtbot):
    qtbot.keyClick(compared, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert compared.text_size.value() == 24
    qtbot.keyClick(compared, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert compared.text_size.value() == 14


def test_claim_list_columns_follow_the_zoom(window):
    header = window.claim_list.table.horizontalHeader()
    status = header.sectionSize(ClaimTableModel.STATUS)
    window.zoom(5)
    settle()
    assert header.sectionSize(ClaimTableModel.STATUS) > 1.5 * status
