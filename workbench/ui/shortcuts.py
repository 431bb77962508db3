"""Every command of the main window in one table: menus, toolbar, shortcuts and F1 come from it.

A ``Command`` with a ``menu`` becomes a QAction in that menu (``"Claim/&Evidence"``
is a submenu). Its ``keys`` are the action's shortcuts when it works anywhere in
the window (``where`` empty); when it works only in one place (N in the article,
Delete in the claim list) the widget there handles the key and the table only
shows it, in the menu, the tooltip and F1. Entries without a menu are keys that
belong to a widget (arrows, Tab, Esc...), listed by F1 only. So F1 cannot forget
a shortcut: it is drawn from the very table the actions are built from.
"""

from __future__ import annotations

from html import escape

from workbench.ui.command_spec import IN_ARTICLE, IN_EVIDENCE, IN_LIST, Command
from workbench.ui.widget_keys import WIDGET_KEYS

MENU_COMMANDS: list[Command] = [
    # File
    Command(
        "new",
        "&File",
        "&New project from article…",
        ("Ctrl+N",),
        help="Make a project from an article file and find its claims",
    ),
    Command("open", "&File", "&Open…", ("Ctrl+O",), help="Open a project", toolbar="Open"),
    Command("recent", "&File", "Open &recent", submenu=True, help="Reopen a recent project"),
    Command(
        "import",
        "&File",
        "&Import article into project…",
        ("Ctrl+I",),
        separator=True,
        help="Add another article (or a new version of one) to this project",
    ),
    Command(
        "import_url",
        "&File",
        "Import article from &URL…",
        ("Ctrl+Shift+I",),
        help="Add an article from a web address (needs a connection)",
    ),
    Command(
        "export",
        "&File",
        "&Export…",
        ("Ctrl+E",),
        help="Write the project as a report, CSV, ClaimReview or JSON",
    ),
    Command("quit", "&File", "&Quit", ("Ctrl+Q",), separator=True, help="Close the window"),
    # Edit
    Command("undo", "&Edit", "&Undo", ("Ctrl+Z",), help="Undo the last change", toolbar="Undo"),
    Command(
        "redo",
        "&Edit",
        "&Redo",
        ("Ctrl+Shift+Z", "Ctrl+Y"),
        help="Redo what was undone",
        toolbar="Redo",
    ),
    Command(
        "history",
        "&Edit",
        "Undo &history…",
        ("Ctrl+H",),
        help="Every change since the project was opened; click one to go back to it",
    ),
    Command(
        "find",
        "&Edit",
        "&Find…",
        ("Ctrl+F",),
        separator=True,
        help="Search claims, rationales, evidence and captured pages",
    ),
    # View
    Command(
        "zoom_in",
        "&View",
        "Zoom &in",
        ("Ctrl++", "Ctrl+="),
        help="Make everything in the window larger (for a projector)",
    ),
    Command("zoom_out", "&View", "Zoom &out", ("Ctrl+-",), help="Make everything smaller"),
    Command("zoom_reset", "&View", "&Actual size", ("Ctrl+0",), help="Back to the normal size"),
    Command(
        "toggle_detail",
        "&View",
        "Claim &details",
        ("Ctrl+D",),
        checkable=True,
        separator=True,
        help="Show or hide the selected claim's details under the list",
    ),
    Command(
        "next_pane",
        "&View",
        "&Next pane",
        ("F6",),
        help="Move the keyboard focus to the next pane: article, claim list, claim details",
    ),
    Command(
        "previous_pane",
        "&View",
        "Pre&vious pane",
        ("Shift+F6",),
        help="Move the keyboard focus to the previous pane",
    ),
    Command(
        "passed_over",
        "&View",
        "Show &passed-over sentences",
        ("Ctrl+Shift+P",),
        checkable=True,
        separator=True,
        help="Grey out the article's sentences that were not picked as claims",
    ),
    Command(
        "theme_system",
        "&View/&Theme",
        "Follow the &system",
        checkable=True,
        help="Light or dark, as the system is",
    ),
    Command("theme_light", "&View/&Theme", "&Light", checkable=True, help="Light theme"),
    Command("theme_dark", "&View/&Theme", "&Dark", checkable=True, help="Dark theme"),
    # Claim
    Command(
        "new_claim",
        "&Claim",
        "&New claim from selection",
        ("N", "Insert"),
        where=IN_ARTICLE,
        help="Make the selected text a claim",
        toolbar="New claim",
    ),
    Command(
        "set_span",
        "&Claim",
        "Set &span to selection",
        ("S",),
        where=IN_ARTICLE,
        help="Make the selected text the selected claim's span",
    ),
    Command(
        "split",
        "&Claim",
        "S&plit at cursor",
        ("Ctrl+Shift+S",),
        help="Split the selected claim where the article's cursor is",
    ),
    Command(
        "merge",
        "&Claim",
        "&Merge with next",
        ("Ctrl+Shift+M",),
        help="Merge the selected claim with the claim after it",
    ),
    Command(
        "drop",
        "&Claim",
        "&Drop claim",
        ("Delete",),
        where=IN_LIST,
        help="Drop the selected claim (undoable)",
        toolbar="Drop claim",
    ),
    Command(
        "edit_wording",
        "&Claim",
        "Edit the &wording",
        ("Enter",),
        where=IN_LIST,
        separator=True,
        help="Go to the claim's wording for the report",
    ),
    Command(
        "verdicts",
        "&Claim",
        "Set &verdict",
        ("1–9", "0"),
        where=IN_LIST,
        submenu=True,
        help="Rate the selected claim: the number of its label on the scale; 0 clears",
    ),
    Command(
        "redetect",
        "&Claim",
        "&Re-detect claims",
        ("Ctrl+R",),
        separator=True,
        help="Find the claims again; claims with work on them are kept",
        toolbar="Re-detect claims",
    ),
    # Evidence (a submenu of Claim)
    Command(
        "evidence_add",
        "&Claim/&Evidence",
        "&Add a URL…",
        ("Ctrl+L",),
        help="Go to the evidence URL field of the selected claim",
    ),
    Command(
        "evidence_edit",
        "&Claim/&Evidence",
        "&Edit stance and note",
        ("F2",),
        where=IN_EVIDENCE,
        help="Change the selected evidence's stance or note (undoable)",
    ),
    Command(
        "evidence_text",
        "&Claim/&Evidence",
        "Read captured &text",
        ("Enter",),
        where=IN_EVIDENCE,
        help="The page's text as captured, offline, with its versions",
    ),
    Command(
        "evidence_open",
        "&Claim/&Evidence",
        "&Open in browser",
        help="Open the evidence page in your web browser",
    ),
    Command(
        "evidence_refetch",
        "&Claim/&Evidence",
        "&Re-fetch",
        help="Capture the page again; earlier captures are kept",
    ),
    Command(
        "evidence_archive",
        "&Claim/&Evidence",
        "Open the archi&ved copy",
        help="The Wayback Machine's copy nearest the capture time",
    ),
    Command(
        "evidence_archive_save",
        "&Claim/&Evidence",
        "Ask the archive to &save it",
        help="Opens web.archive.org/save in your browser",
    ),
    Command(
        "evidence_remove",
        "&Claim/&Evidence",
        "Re&move",
        ("Delete",),
        where=IN_EVIDENCE,
        help="Remove the evidence from the claim (undoable)",
    ),
    Command(
        "fetch_pending",
        "&Claim/&Evidence",
        "&Fetch pending",
        separator=True,
        help="Capture every evidence URL of the project that is pending or failed",
    ),
    Command(
        "auto_fetch",
        "&Claim/&Evidence",
        "A&uto-fetch",
        checkable=True,
        help="Capture a URL as soon as it is added (untick to work offline)",
    ),
    # Project
    Command("scale", "&Project", "Verdict &scale…", help="Add, rename, recolour or delete labels"),
    Command(
        "settings",
        "&Project",
        "Project se&ttings…",
        help="Organisation, review address, and what 'done' requires",
    ),
    # Workshop
    Command(
        "workshop_compare",
        "W&orkshop",
        "&Compare workshop files…",
        help="Agreement and contested claims across participants' files",
    ),
    Command(
        "workshop_pack",
        "W&orkshop",
        "&Make an exercise from this project…",
        help="A copy for participants without your verdicts",
    ),
    Command(
        "workshop_name",
        "W&orkshop",
        "Participant &name…",
        help="The name saved in an exercise file",
    ),
    # Help
    Command("shortcuts", "&Help", "&Keyboard shortcuts", ("F1",), help="This list"),
    Command("about", "&Help", "&About", help="About Fact-Check Workbench"),
]

# The menu commands first, then the keys without a menu (F1 lists them in this order).
COMMANDS: list[Command] = [*MENU_COMMANDS, *WIDGET_KEYS]

BY_NAME = {command.name: command for command in COMMANDS}


def command(name: str) -> Command:
    return BY_NAME[name]


def help_html(verdicts: list[str] | None = None) -> str:
    """The F1 page: every command with keys, by menu, then which number is which verdict."""
    rows: list[str] = []
    section = None
    for cmd in COMMANDS:
        if not cmd.keys:
            continue
        heading = (cmd.menu or cmd.group or "Moving around").split("/")[0].replace("&", "")
        if heading != section:
            section = heading
            rows.append(f"<tr><td colspan=3><br><b>{escape(heading)}</b></td></tr>")
        where = escape(cmd.where)
        rows.append(
            f"<tr><td><b>{escape(cmd.keys_text())}</b></td><td>{escape(cmd.label)}</td>"
            f"<td><i>{where}</i></td></tr>"
        )
    if verdicts:
        rows.append("<tr><td colspan=3><br><b>Verdict keys</b> (in the claim list)</td></tr>")
        for number, name in enumerate(verdicts[:9], start=1):
            rows.append(f"<tr><td><b>{number}</b></td><td>{escape(name)}</td><td></td></tr>")
        rows.append("<tr><td><b>0</b></td><td>clear the verdict</td><td></td></tr>")
    intro = (
        "<p>Every menu opens with Alt and its underlined letter. Keys without a place "
        "work anywhere in the window.</p>"
    )
    return intro + "<table cellpadding=3>" + "".join(rows) + "</table>"
