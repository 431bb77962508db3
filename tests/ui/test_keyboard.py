"""Item 6: the keyboard. Tab leaves the claim list and follows the layout, Esc cancels
typing in a field, F1 lists every shortcut from the table the actions are built from,
and every menu entry can be reached from the keyboard."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from tests.ui.helpers import settle


def focused():
    return QApplication.focusWidget()


def tab(qtbot, backwards=False):
    widget = focused()
    qtbot.keyClick(
        widget,
        Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab,
        Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier,
    )
    settle(2)
    return focused()


def select_first(window):
    window.activateWindow()
    window.claim_list.table.setFocus()
    window.claim_list.table.selectRow(0)
    settle()


def test_tab_leaves_the_claim_list_both_ways(window, qtbot):
    select_first(window)
    table = window.claim_list.table
    assert focused() is table
    after = tab(qtbot)
    assert after is not table and not table.isAncestorOf(after)
    assert window.detail.isAncestorOf(after)  # on to the claim's details, below the list
    table.setFocus()
    before = tab(qtbot, backwards=True)
    assert before is window.claim_list.needs_evidence  # back to the filters, above it


def test_focus_order_follows_the_layout(window, qtbot):
    select_first(window)
    window.article_view.text.setFocus()
    detail, claims = window.detail, window.claim_list
    expected = [
        claims.search,
        claims.status_filter,
        claims.verdict_filter,
        claims.needs_evidence,
        claims.table,
        detail.tabs.tabBar(),
        detail.text,
        detail.claimant,
        detail.status,
        detail.verdict,
        detail.rationale,
        detail.checked_before.toggle,
        window.article_switch,
        window.article_view.text,
    ]
    seen = [tab(qtbot) for _ in expected]
    names = [w.accessibleName() or type(w).__name__ for w in seen]
    assert seen == expected, names


def test_checked_before_matches_are_in_the_focus_order(window, qtbot):
    """Each match's buttons come right after the panel's toggle, before the evidence."""
    from workbench.core.reviews import Review
    from workbench.library.matcher import Match

    panel = window.detail.checked_before
    panel.show_matches(
        [
            Match(Review(claim=f"Claim {i}.", url=f"https://x.example/{i}"), 0.9, True)
            for i in range(2)
        ],
        "2 similar fact-checks",
    )
    chain = [panel.toggle]
    for row in panel.rows:
        chain += [row.open_button, row.copy_button]
    for first, second in zip(chain, chain[1:]):
        assert first.nextInFocusChain() is second


def test_f6_moves_between_the_panes(window, qtbot):
    select_first(window)
    window.article_view.text.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_F6)
    assert focused() is window.claim_list.table
    qtbot.keyClick(focused(), Qt.Key.Key_F6)
    assert window.detail.isAncestorOf(focused())
    qtbot.keyClick(focused(), Qt.Key.Key_F6)
    assert focused() is window.article_view.text


def test_escape_in_the_wording_puts_it_back_and_returns_to_the_list(window, qtbot, on_disk):
    select_first(window)
    claim_id = window.claim_list.current_claim_id()
    original = on_disk(claim_id).text
    qtbot.keyClick(window.claim_list.table, Qt.Key.Key_Return)  # Enter: edit the wording
    assert focused() is window.detail.text
    qtbot.keyClicks(window.detail.text, " and more")
    window.detail.save_text_fields()  # as the pause after typing does
    assert on_disk(claim_id).text.endswith("and more")
    qtbot.keyClick(window.detail.text, Qt.Key.Key_Escape)
    assert window.detail.text.toPlainText() == original
    assert on_disk(claim_id).text == original
    assert focused() is window.claim_list.table
    # the claimant too
    window.detail.claimant.setFocus()
    qtbot.keyClicks(window.detail.claimant, "Someone else")
    qtbot.keyClick(window.detail.claimant, Qt.Key.Key_Escape)
    assert window.detail.claimant.text() == on_disk(claim_id).claimant
    assert focused() is window.claim_list.table


def f1_text(window, qtbot):
    qtbot.keyClick(window.claim_list.table, Qt.Key.Key_F1)
    dialog = window._shortcuts_dialog
    assert dialog.isVisible()
    return dialog.browser.toPlainText()


def test_f1_lists_every_shortcut_and_which_number_is_which_verdict(window, qtbot):
    from workbench.ui.shortcuts import COMMANDS

    select_first(window)
    text = f1_text(window, qtbot)
    flat = " ".join(text.split())
    for name in (
        "split",
        "merge",
        "redetect",
        "export",
        "import",
        "history",
        "passed_over",
        "find",
        "undo",
        "redo",
        "zoom_in",
        "new_claim",
        "set_span",
        "drop",
        "evidence_add",
        "evidence_edit",
        "evidence_remove",
        "next_pane",
        "cancel_edit",
    ):
        command = next(c for c in COMMANDS if c.name == name)
        assert command.keys_text() in flat and command.label in flat, name
    for command in COMMANDS:  # everything with a key, from the one table
        if command.keys:
            assert command.label in flat, command.name
    # every shortcut an action of the window really has is listed
    for action in window.actions.values():
        for sequence in action.shortcuts():
            shown = sequence.toString(QKeySequence.SequenceFormat.NativeText)
            assert shown in flat, (action.text(), shown)
    for number, label in enumerate(window.store.scale.get().names(), start=1):
        assert re.search(rf"\b{number} {re.escape(label)}\b", flat), label
    assert "0 clear the verdict" in flat


def menu_actions(menu: QMenu):
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield action
        if action.menu() is not None:
            yield from menu_actions(action.menu())


def test_every_menu_entry_is_reachable_from_the_keyboard(window):
    bar = window.menuBar()
    tops = [a for a in bar.actions() if a.menu() is not None]
    letters = [re.search(r"&(\w)", a.text()).group(1).lower() for a in tops]
    assert len(letters) == len(set(letters))  # Alt+letter opens each menu
    for top in tops:
        menu = top.menu()
        menu.aboutToShow.emit()  # fill the menus made on opening (recent files, verdicts)
        for sub in (a.menu() for a in menu_actions(menu) if a.menu() is not None):
            sub.aboutToShow.emit()
        for container in [menu, *[a.menu() for a in menu_actions(menu) if a.menu() is not None]]:
            keys = []
            for action in container.actions():
                if action.isSeparator() or not action.isVisible():
                    continue
                mnemonic = re.search(r"&(\w)", action.text())
                assert mnemonic or not action.shortcut().isEmpty() or not action.isEnabled(), (
                    action.text()
                )
                if mnemonic:
                    keys.append(mnemonic.group(1).lower())
            assert len(keys) == len(set(keys)), (container.title(), keys)


def test_ctrl_l_goes_to_the_evidence_url_and_enter_adds_it(window, qtbot, on_disk):
    select_first(window)
    claim_id = window.claim_list.current_claim_id()
    qtbot.keyClick(window.claim_list.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.detail.url
    qtbot.keyClicks(window.detail.url, "https://example.org/by-keyboard")
    qtbot.keyClick(window.detail.url, Qt.Key.Key_Return)
    assert [e.url for e in window.store.evidence.all(claim_id)] == [
        "https://example.org/by-keyboard"
    ]
