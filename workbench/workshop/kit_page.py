"""The one page a workshop participant reads first: start the app, work, hand the file back.

Plain HTML that a browser shows and Qt's rich-text engine can draw into a PDF (no
script, no external file, only the simple tags and styles both understand).
"""

from __future__ import annotations

from html import escape

SYSTEM_TITLES = {"windows": "Windows", "macos": "macOS", "linux": "Linux"}
STYLE = """
body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 11pt;
       max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.4; color: #1d1d1f; }
h1 { font-size: 20pt; margin-bottom: 0.2em; }
h2 { font-size: 13pt; margin-top: 1.1em; margin-bottom: 0.3em; }
p.lead { font-size: 12pt; margin-top: 0; }
code { font-family: Consolas, Menlo, "DejaVu Sans Mono", monospace; }
.note { background-color: #fff6d6; padding: 0.5em; }
"""
# For the PDF (Qt's rich text): the page itself gives the margins; tighter, to fit one A4.
PRINT_STYLE = """
body { font-family: "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
       font-size: 10pt; color: #1d1d1f; }
h1 { font-size: 17pt; margin-bottom: 2px; }
h2 { font-size: 12pt; margin-top: 12px; margin-bottom: 3px; }
p.lead { font-size: 11pt; margin-top: 0; }
li { margin-bottom: 2px; }
code { font-family: Consolas, Menlo, "DejaVu Sans Mono", monospace; }
.note { background-color: #fff6d6; }
"""


def _start_steps(system: str, folder: str, name: str, zipped: bool) -> list[str]:
    where = f"<b>{escape(folder)}</b>"
    if zipped:
        first = f"Open {where} and unzip <b>{escape(name)}</b> (double-click it). "
        inside = "the folder that came out of it"
    else:
        first = f"Open {where}. "
        inside = f"the folder <b>{escape(name)}</b>"
    if system == "windows":
        return [
            f"{first}In {inside}, double-click <b>Fact-Check Workbench.exe</b>.",
            "If Windows says <i>Windows protected your PC</i>, click <b>More info</b>, then "
            "<b>Run anyway</b> (the app is not signed).",
        ]
    if system == "macos":
        return [
            f"{first}Double-click <b>Fact-Check Workbench.app</b>.",
            "If macOS says it cannot check the app (it is not notarised by Apple): "
            "<b>Control-click</b> the app and choose <b>Open</b>; on macOS 15 and later, "
            "open <b>System Settings &gt; Privacy &amp; Security</b> and click "
            "<b>Open Anyway</b>.",
        ]
    return [
        f"{first}In {inside}, run <b>workbench</b> (double-click it, or type "
        "<code>./workbench</code> in a terminal there).",
    ]


def instructions_html(
    *,
    title: str,
    exercise: str,
    apps: list[tuple[str, str, str, bool]],
    note: str = "",
    printed: bool = False,
) -> str:
    """The page for ``exercise`` (its file name); ``apps`` as (system, kit folder,
    file or folder name, zipped). ``printed``: styled for the PDF."""
    stem = exercise[:-4] if exercise.lower().endswith(".fcw") else exercise
    yours = f"{stem} - your name.fcw"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(title)}: start here</title>",
        f"<style>{PRINT_STYLE if printed else STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        "<p class='lead'>A fact-checking exercise in Fact-Check Workbench. "
        "No internet is needed.</p>",
    ]
    if note.strip():
        out.append(f"<p class='note'><b>From your trainer:</b> {escape(note.strip())}</p>")
    out += [
        "<h2>1. Copy, then rename your file</h2><ol>",
        "<li>Copy this whole folder from the USB stick to your computer (to the Desktop or "
        "Documents). Work on your computer, not on the stick.</li>",
        f"<li>In the copy, rename <b>{escape(exercise)}</b> to <b>{escape(yours)}</b>, so the "
        "trainer's files do not overwrite each other.</li></ol>",
        "<h2>2. Start the app and open your file</h2><ol>",
    ]
    if apps:
        for system, folder, name, zipped in apps:
            steps = _start_steps(system, folder, name, zipped)
            label = SYSTEM_TITLES[system]
            out.append(f"<li><b>On {label}:</b> " + " ".join(steps) + "</li>")
    else:
        out.append(
            "<li>Start Fact-Check Workbench as installed on your computer (ask your trainer if "
            "it is not).</li>"
        )
    out += [
        f"<li>In the app, choose <b>File &gt; Open…</b> and pick <b>{escape(yours)}</b>. "
        "(You can also drop the file onto the app.)</li>",
        "<li>The first time, the app asks your name: it is saved in the file, so the trainer "
        "can tell the files apart.</li></ol>",
        "<h2>3. Work: everything is saved as you go</h2>",
        "<p>There is no Save button. Every verdict, rationale and piece of evidence is written "
        f"to <b>{escape(yours)}</b> the moment you make it; Ctrl+Z (⌘Z on a Mac) undoes. "
        "Evidence links you add are kept even without a network; their pages are captured "
        "later, when there is one.</p>",
        "<h2>4. Hand your file back</h2><ol>",
        "<li>Close the app (<b>File &gt; Quit</b>; on a Mac, ⌘Q): your file is then complete.</li>",
        f"<li>Copy <b>{escape(yours)}</b> onto the trainer's USB stick (or to the folder your "
        "trainer names). That one file holds all your work.</li></ol>",
        "</body></html>",
    ]
    return "\n".join(out) + "\n"
