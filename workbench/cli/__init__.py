"""The ``workbench`` command: headless, scriptable, and never a traceback in the user's face.

Each command group lives in its own module with a ``register(subparsers)`` function
that adds its sub-commands; a handler takes the parsed arguments and returns an
exit status. ``WorkbenchError`` becomes one line on stderr and exit status 1.

The modules are imported only when one of their commands runs: ``commands.COMMANDS``
names every command with its one-line help, which is all ``workbench --help`` needs.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Iterable, Sequence

from workbench import __version__
from workbench.cli.commands import COMMAND_MODULES, COMMANDS, command_in, module_of
from workbench.core.errors import WorkbenchError

__all__ = ["COMMAND_MODULES", "build_parser", "main"]

EXIT_ERROR = 1
EXIT_INTERNAL = 70


class VersionAction(argparse.Action):
    """``--version``: the app's version and what it is made of (no spaCy, no window)."""

    def __init__(
        self,
        option_strings: Sequence[str],
        dest: str = argparse.SUPPRESS,
        default: object = argparse.SUPPRESS,
        help: str | None = None,
    ) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from workbench.about import version_text

        print(version_text())
        parser.exit()


def _safe_output() -> None:
    """Output that cannot fail on a character: UTF-8 on Windows when redirected (the
    console itself is UTF-8 already), and escapes instead of an error where the
    locale's encoding cannot show a character (e.g. an ASCII-only environment)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if stream is None or encoding == "utf8" or not hasattr(stream, "reconfigure"):
            continue
        if sys.platform == "win32":
            stream.reconfigure(encoding="utf-8")
        else:
            stream.reconfigure(errors="backslashreplace")


def build_parser(commands: Iterable[str] = ()) -> argparse.ArgumentParser:
    """The ``workbench`` parser. The modules of ``commands`` (names; unknown ones are
    ignored) add their sub-commands in full; every other command is listed with its
    one-line help only, from the table, without importing its module."""
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Fact-Check Workbench: find the claims in an article, attach evidence, "
        "rate them and publish. With no command, opens the window on a demo project.",
    )
    parser.add_argument(
        "--version",
        action=VersionAction,
        help=f"print the version ({__version__}) and those of Qt, spaCy and the English pipeline",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = {module_of(name) for name in commands} - {None}
    registered: set[str] = set()
    for name, (module, one_line) in COMMANDS.items():
        if module not in wanted:
            sub.add_parser(name, help=one_line)
        elif module not in registered:  # its commands sit together in the table
            importlib.import_module(module).register(sub)
            registered.add(module)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _safe_output()
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list == ["--version"]:  # before the command modules are imported: quicker
        from workbench.about import version_text

        print(version_text())
        return 0
    command = command_in(args_list)
    parser = build_parser([command] if command else [])
    args = parser.parse_args(args_list)
    if args.command is None:
        from workbench.cli.project import run_demo

        handler = run_demo
    else:
        handler = args.func
        if args.command != "open":
            from workbench.store.base import StoreBase

            StoreBase.source = "command line"  # recorded with each transaction
    try:
        return int(handler(args) or 0)
    except WorkbenchError as exc:
        # One line, whatever the message holds (a file name, a server's words...).
        print(f"workbench: error: {' '.join(str(exc).split())}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("workbench: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: one line, not a traceback
        if os.environ.get("WORKBENCH_DEBUG"):
            raise
        where = ""
        try:  # errors are never lost: the traceback goes to the log file
            from workbench.logs import log_exception

            where = f"details in {log_exception('command line: ' + ' '.join(args_list), exc)}; "
        except Exception:  # a log that cannot be written must not hide the error itself
            pass
        print(
            f"workbench: internal error: {type(exc).__name__}: {exc} "
            f"({where}set WORKBENCH_DEBUG=1 to see it here, and please report it)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
