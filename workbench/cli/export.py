"""``workbench export``: write a project in one of the export formats."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.commands import help_of
from workbench.io.export import export, formats
from workbench.store import ProjectStore


def register(sub: argparse._SubParsersAction) -> None:
    names = ", ".join(sorted(formats()))
    p = sub.add_parser(
        "export",
        help=help_of("export"),
        description=f"Write PROJECT in FORMAT to OUT. Formats: {names}.",
    )
    p.add_argument("project", type=Path)
    p.add_argument("--format", "-f", required=True, help=f"one of: {names}")
    p.add_argument("-o", "--output", type=Path, required=True, help="the file to write")
    p.add_argument(
        "--all-claims",
        action="store_true",
        help="claimreview: every rated claim, not only those marked done (the default)",
    )
    p.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project, readonly=True) as store:
        result = export(store, args.format, args.output, all_claims=args.all_claims)
    print(result.message)
    return 0
