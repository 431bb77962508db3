"""``workbench workshop kit``: a folder for USB sticks (the app, the exercise, one page)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from workbench.cli.output import warn
from workbench.core.errors import WorkbenchError


def register_kit(cmds: argparse._SubParsersAction) -> None:
    kit = cmds.add_parser(
        "kit",
        help="write a folder for USB sticks: the app, the exercise and instructions",
        description="Write FOLDER for a room without internet: the exercise (a fresh copy), "
        "the one-folder app for this system if it has been built (or those given with "
        "--bundle), and START HERE.html / .pdf telling participants how to start, where their "
        "work is saved and how to hand their file back.",
    )
    kit.add_argument(
        "exercise",
        type=Path,
        metavar="EXERCISE.fcw",
        help="an exercise made by `workbench workshop pack`",
    )
    kit.add_argument("-o", "--output", type=Path, required=True, metavar="FOLDER")
    kit.add_argument(
        "--bundle",
        type=Path,
        action="append",
        metavar="APP",
        help="an app to include (a folder made by scripts/dev.sh bundle, a macOS "
        ".app, or a zip of one); repeat for several systems (default: this "
        "system's app, if built)",
    )
    kit.add_argument("--no-bundle", action="store_true", help="include no app")
    kit.add_argument("--note", default="", help="a line from you at the top of the page")
    kit.add_argument("--no-pdf", action="store_true", help="write the HTML page only")
    kit.add_argument("--force", action="store_true", help="replace FOLDER if it is an earlier kit")
    kit.set_defaults(func=cmd_kit)


def _pdf_writer() -> Callable[[str, str], bytes]:
    try:
        from workbench.ui.pdf_page import html_to_pdf
    except ImportError as exc:
        reason = str(exc)

        def unavailable(html: str, title: str) -> bytes:
            raise WorkbenchError(f"Qt is not available here: {reason}")

        return unavailable
    return html_to_pdf


def cmd_kit(args: argparse.Namespace) -> int:
    from workbench.workshop.kit import make_kit

    bundles = [] if args.no_bundle else args.bundle
    kit = make_kit(
        args.exercise,
        args.output,
        bundles=bundles,
        note=args.note,
        pdf=None if args.no_pdf else _pdf_writer(),
        force=args.force,
    )
    for warning in kit.warnings:
        warn(warning)
    apps = ", ".join(f"{a.folder}/{a.name}" for a in kit.apps) or "no app"
    pages = "START HERE.html" + (" and .pdf" if kit.pdf else "")
    print(f"wrote {kit.folder}: {kit.exercise} ({kit.title!r}), {apps}, {pages}")
    return 0
