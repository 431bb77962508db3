"""``workbench import``: add an article (file or URL) to a project and detect its claims."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench import ops
from workbench.cli.commands import help_of
from workbench.cli.output import Progress
from workbench.io.articles import is_url
from workbench.store import ProjectStore


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help=help_of("import"),
        description="Import FILE_OR_URL into PROJECT and detect its claims. A changed version "
        "of an article already there (same canonical URL or same file) becomes a new version: "
        "the claims are found again in it by their quote, and those whose text changed or "
        "vanished are flagged. A URL is fetched only when the machine is online.",
    )
    p.add_argument("project", type=Path)
    p.add_argument("source", metavar="FILE_OR_URL")
    p.add_argument("--encoding", help="the article's encoding when it does not declare it")
    p.add_argument(
        "--version-of",
        type=int,
        metavar="ARTICLE_ID",
        help="treat it as a new version of this article",
    )
    p.add_argument("--threshold", type=float, help="check-worthiness threshold (0-1)")
    p.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    source = args.source if is_url(args.source) else Path(args.source)
    with ProjectStore.open(args.project) as store:
        result = ops.import_article(
            store,
            source,
            encoding=args.encoding,
            version_of=args.version_of,
            threshold=args.threshold,
            progress=Progress("detecting claims"),
        )
    print(result.message())
    return 0
