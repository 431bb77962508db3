"""The keys that belong to a widget (arrows, Tab, Esc...) and the compare window's keys.

They have no menu entry: F1 lists them, after the menu commands of ``shortcuts``.
"""

from __future__ import annotations

from workbench.ui.command_spec import (
    IN_COMPARE,
    IN_EVIDENCE,
    IN_FIELD,
    IN_LIST,
    Command,
)

WIDGET_KEYS: list[Command] = [
    # Keys that belong to a widget: listed by F1, no menu entry.
    Command("move", None, "Move between claims", ("↑ ↓", "PgUp PgDn", "Home End"), where=IN_LIST),
    Command(
        "next_field",
        None,
        "Next / previous field",
        ("Tab", "Shift+Tab"),
        help="Tab leaves the lists too; the order follows the window from left to right",
    ),
    Command(
        "cancel_edit",
        None,
        "Put back the text and return to the list",
        ("Esc",),
        where=IN_FIELD,
        help="Drops what was typed since the field was entered",
    ),
    Command(
        "switch_detail_tab",
        None,
        "Claim / Evidence tab",
        ("Ctrl+PgUp", "Ctrl+PgDn"),
        where="in the claim details",
    ),
    Command(
        "context_menu", None, "Menu of the selected item", ("Menu", "Shift+F10"), where=IN_EVIDENCE
    ),
    Command("menus", None, "Open a menu", ("Alt+ the underlined letter",)),
    # The workshop compare window (its own window, for the projector).
    Command(
        "compare_run",
        None,
        "Compare the files",
        ("Ctrl+Return",),
        where=IN_COMPARE,
        group="Workshop compare window",
    ),
    Command(
        "compare_bigger",
        None,
        "Larger text",
        ("Ctrl++", "Ctrl+="),
        where=IN_COMPARE,
        group="Workshop compare window",
    ),
    Command(
        "compare_smaller",
        None,
        "Smaller text",
        ("Ctrl+-",),
        where=IN_COMPARE,
        group="Workshop compare window",
    ),
    Command(
        "compare_normal",
        None,
        "Normal text size",
        ("Ctrl+0",),
        where=IN_COMPARE,
        group="Workshop compare window",
    ),
    Command(
        "compare_side",
        None,
        "Hide or show the files panel",
        ("F9",),
        where=IN_COMPARE,
        group="Workshop compare window",
    ),
    Command(
        "compare_full_screen",
        None,
        "Full screen",
        ("F11",),
        where=IN_COMPARE,
        group="Workshop compare window",
    ),
]
