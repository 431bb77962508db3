"""The ``workbench`` command: headless, scriptable, and never a traceback in the user's face.

Each command group lives in its own module with a ``register(subparsers)`` function
that adds its sub-commands; a handler takes the parsed arguments and returns an
exit status. ``WorkbenchError`` becomes one line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from workbench import __version__
from workbench.core.errors import WorkbenchError

# Modules that add sub-commands, in the order they appear in --help.
COMMAND_MODULES = [
    "workbench.cli.project",
    "workbench.cli.claims",
    "workbench.cli.imports",
    "workbench.cli.verdicts",
    "workbench.cli.export",
    "workbench.cli.evidence",
    "workbench.cli.workshop",
    "workbench.cli.library",
]

EXIT_ERROR = 1
EXIT_INTERNAL = 70


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Fact-Check Workbench: find the claims in an article, attach evidence, "
        "rate them and publish. With no command, opens the window on a demo project.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.command is None:
        from workbench.cli.project import run_demo

        handler = run_demo
    else:
        handler = args.func
    try:
        return int(handler(args) or 0)
    except WorkbenchError as exc:
        print(f"workbench: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("workbench: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: one line, not a traceback
        if os.environ.get("WORKBENCH_DEBUG"):
            raise
        print(
            f"workbench: internal error: {type(exc).__name__}: {exc} "
            "(set WORKBENCH_DEBUG=1 for details, and please report it)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
