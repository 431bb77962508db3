"""Item 1: a claim list that can be read where it is listed, ten claims at 1280x720."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextLayout, QTextOption

from tests.ui.helpers import long_article, open_window, rows_fully_visible, settle
from workbench import ops
from workbench.ui.models import ClaimTableModel


@pytest.fixture
def long_project(tmp_path, seed_path):
    path = tmp_path / "long.fcw"
    ops.new_project(path, long_article(tmp_path, seed_path)).close()
    return path


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_ten_claims_are_listed_with_two_readable_lines_each(qtbot, long_project, size):
    window = open_window(qtbot, long_project, size)
    table = window.claim_list.table
    assert window.claim_list.proxy.rowCount() >= 20
    assert rows_fully_visible(table) >= 10
    # The claim's details stay on screen too, not collapsed away to make room.
    assert window.detail.isVisible() and window.detail.height() >= 150
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    claim_width = header.sectionSize(ClaimTableModel.TEXT)
    # Two lines of text per row, each of at least 35 average characters: 70 or more
    # characters of every claim can be read in the list.
    assert table.rowHeight(0) >= 2 * metrics.lineSpacing()
    assert claim_width >= 35 * metrics.averageCharWidth()
    # The claim column is the wide one; score, status and evidence are narrow.
    total = header.length()
    assert claim_width >= 0.35 * total
    for column in (ClaimTableModel.SCORE, ClaimTableModel.STATUS, ClaimTableModel.EVIDENCE):
        assert header.sectionSize(column) <= 0.12 * total, ClaimTableModel.COLUMNS[column]


def two_lines(text, font, width):
    """What two lines of ``width`` pixels hold of ``text``, wrapped at words as Qt wraps."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    shown = ""
    for _ in range(2):
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        shown += text[line.textStart() : line.textStart() + line.textLength()]
    layout.endLayout()
    return shown


def test_a_rows_text_wraps_onto_two_lines_and_the_tooltip_has_it_all(qtbot, long_project):
    window = open_window(qtbot, long_project, (1280, 720))
    table = window.claim_list.table
    assert table.wordWrap()  # the cell's text goes on to a second line
    index = window.claim_list.proxy.index(0, ClaimTableModel.TEXT)
    text = index.data()
    width = table.horizontalHeader().sectionSize(ClaimTableModel.TEXT) - 12
    assert table.rowHeight(0) >= 2 * table.fontMetrics().lineSpacing() + 4
    assert len(two_lines(text, table.font(), width)) >= 70
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith(text)


def test_splitter_proportions_and_a_hidden_detail_are_remembered(qtbot, long_project):
    window = open_window(qtbot, long_project, (1280, 720))
    window.right.setSizes([300, 280])
    settle()
    sizes = window.right.sizes()
    window.close()
    again = open_window(qtbot, long_project, (1280, 720))
    assert abs(again.right.sizes()[0] - sizes[0]) <= 2
    # Ctrl+D hides the claim's details: the list takes the whole height, and stays so.
    qtbot.keyClick(again, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert not again.detail.isVisible()
    assert rows_fully_visible(again.claim_list.table) >= 13
    again.close()
    third = open_window(qtbot, long_project, (1280, 720))
    assert not third.detail.isVisible() and not third.actions["toggle_detail"].isChecked()
    qtbot.keyClick(third, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert third.detail.isVisible() and third.detail.height() > 100


def test_zoomed_rows_keep_two_lines(qtbot, long_project):
    window = open_window(qtbot, long_project, (1920, 1080))
    before = window.claim_list.table.rowHeight(0)
    window.zoom(3)
    settle()
    table = window.claim_list.table
    assert table.rowHeight(0) > before
    assert table.rowHeight(0) >= 2 * table.fontMetrics().lineSpacing()


@pytest.mark.parametrize("size", [(1280, 720), (1400, 900)])
def test_the_app_as_started_opens_with_the_same_first_layout(qtbot, long_project, size):
    """``workbench`` and ``workbench open`` build the panels after the window appears
    (``deferred``): the first opening's layout must still be applied then."""
    from workbench.ui.app import start_window

    window = start_window(long_project)
    qtbot.addWidget(window)
    window.resize(*size)
    qtbot.waitUntil(
        lambda: window.built and window.claim_list.proxy.rowCount() >= 20, timeout=20000
    )
    settle()
    assert rows_fully_visible(window.claim_list.table) >= 10
    assert window.article_view.width() >= 0.35 * window.width()
    assert window.detail.isVisible() and window.detail.height() >= 150


LONG_STATUS = (
    "your library is empty: rate claims, or import fact-checks (workbench library import"
    " FILE) to see here whether a claim was checked before"
)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_verdict_column_stays_readable_beside_a_long_checked_before_status(
    qtbot, long_project, size
):
    """A long "Checked before" status wraps: on one line it widened the claim tab's left
    column until Status and Verdict were a few characters wide and the tab scrolled."""
    window = open_window(qtbot, long_project, size)
    detail = window.detail
    for claim in window.store.claims.all()[:5]:
        window.claim_list.select_claim(claim.id)
        detail.checked_before.show_status(LONG_STATUS)
        settle()
        assert detail.claim_scroll.horizontalScrollBar().maximum() == 0, size
        for box in (detail.status, detail.verdict):
            assert box.width() >= box.sizeHint().width(), (size, box.width())
        assert detail.checked_before.status.height() > 0
