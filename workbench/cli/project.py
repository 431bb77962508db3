"""Project commands: new, info, open, history, search (and the demo with no command)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench import ops
from workbench.cli.output import Progress, print_json
from workbench.core.errors import WorkbenchError
from workbench.io.articles import is_url
from workbench.store import ProjectStore


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "new",
        help="create a project from an article file and detect its claims",
        description="Create PROJECT.fcw from an article (text, Markdown, web page, Word file or "
        "URL), strip web boilerplate, and list the claims worth checking.",
    )
    p.add_argument("project", type=Path, help="the project file to create (.fcw)")
    p.add_argument("--article", required=True,
                   help="the article: a .txt, .md, .html or .docx file, or an http(s) URL")
    p.add_argument("--title", default="", help="project title (default: the article's title)")
    p.add_argument("--encoding", help="the article's encoding when it is not UTF-8 (e.g. cp1252)")
    p.add_argument("--scale", help="verdict scale preset (default: default)")
    p.add_argument("--threshold", type=float, help="check-worthiness threshold (0-1)")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser(
        "info",
        help="summarise a project: articles, claims by status and verdict, evidence",
        description="Print a project's title, articles and counts. Reads only; never changes the file.",
    )
    p.add_argument("project", type=Path)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("open", help="open a project in the window", description="Open PROJECT in the window.")
    p.add_argument("project", type=Path)
    p.add_argument(
        "--screenshot", type=Path, metavar="OUT.png",
        help="render the window at 1400x900 to a PNG once claims are shown, then exit",
    )
    p.set_defaults(func=cmd_open)

    p = sub.add_parser(
        "history", help="show the project's change log, newest first",
        description="Every change ever made to the project: what, when, before and after, "
        "grouped by user action (one transaction: a merge, an import, a re-detection...).",
    )
    p.add_argument("project", type=Path)
    p.add_argument("--claim", type=int, help="only the changes to this claim")
    p.add_argument("--limit", type=int, default=50,
                   help="how many user actions (default 50; 0 = all); with --json, entries")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser(
        "search", help="full-text search over claims, rationales and evidence",
        description="List the claims whose text, rationale, evidence or captured pages match.",
    )
    p.add_argument("project", type=Path)
    p.add_argument("query")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)


def cmd_new(args: argparse.Namespace) -> int:
    if args.project.suffix.lower() != ".fcw":
        raise WorkbenchError(f"{args.project.name}: a project file must end in .fcw")
    article = args.article if is_url(args.article) else Path(args.article)
    with ops.new_project(
        args.project, article, encoding=args.encoding, scale=args.scale,
        title=args.title, threshold=args.threshold, progress=Progress("detecting claims"),
    ) as store:
        claims = store.claims.all()
        article = store.articles.all()[0]
    print(f"created {args.project}: {article.title!r}, {len(claims)} claims to check")
    return 0


def info_dict(store: ProjectStore) -> dict:
    counts = store.claims.counts()
    return {
        "path": str(store.path),
        "title": store.settings.title(),
        "schema_version": store.schema_version,
        "scale": store.scale.get().name,
        "articles": [
            {
                "id": a.id,
                "title": a.title,
                "source_url": a.source_url,
                "author": a.author,
                "published": a.published,
                "language": a.language,
                "sha256": a.sha256,
                "characters": len(a.text),
                "imported_from": a.imported_from,
                "imported_at": a.imported_at,
                "claims": len(store.claims.all(a.id)),
            }
            for a in store.articles.all()
        ],
        **counts,
    }


def cmd_info(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project, readonly=True) as store:
        info = info_dict(store)
    if args.json:
        print_json(info)
        return 0
    print(f"{info['title']}  ({info['path']}, format {info['schema_version']}, scale {info['scale']})")
    for article in info["articles"]:
        print(f"  article {article['id']}: {article['title']}  ({article['claims']} claims)")
    print(f"claims: {info['claims']}")
    for status, n in sorted(info["by_status"].items()):
        print(f"  {status.replace('_', ' ')}: {n}")
    print("verdicts:")
    for verdict, n in sorted(info["by_verdict"].items()):
        print(f"  {verdict}: {n}")
    print(f"evidence: {info['evidence']}")
    for status, n in sorted(info["evidence_by_status"].items()):
        print(f"  {status}: {n}")
    return 0


def _launch(project: Path | None, screenshot: Path | None = None) -> int:
    try:
        from workbench.ui.app import run_app
    except ImportError as exc:
        raise WorkbenchError(f"the window is not available here ({exc})") from None
    return run_app(project, screenshot=screenshot)


def cmd_open(args: argparse.Namespace) -> int:
    # Check the file before starting Qt, so a bad file gives the same one-line error.
    ProjectStore.open(args.project, readonly=True).close()
    return _launch(args.project, args.screenshot)


def run_demo(args: argparse.Namespace) -> int:
    # The window creates the demo project itself (in a worker) the first time.
    print(f"opening the demo project {ops.demo_project_path()}", file=sys.stderr)
    return _launch(None)


def cmd_history(args: argparse.Namespace) -> int:
    entity = "claim" if args.claim is not None else None
    with ProjectStore.open(args.project, readonly=True) as store:
        if args.json:
            entries = store.history.entries(entity=entity, entity_id=args.claim, limit=args.limit or None)
            print_json([e.__dict__ for e in entries])
            return 0
        groups = store.history.groups(entity=entity, entity_id=args.claim,
                                      limit=args.limit or None)
    for group in groups:
        first = group[0]
        if first.txn is None:  # written before actions were grouped (schema 2)
            print(first.describe())
            continue
        source = f"  ({first.txn_source})" if first.txn_source else ""
        label = first.txn_label or group[-1].describe().split("  ", 1)[-1]
        print(f"{group[-1].at}  #{first.txn} {label}{source}")
        for entry in reversed(group):
            print("    " + entry.describe().split("  ", 1)[-1])
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project, readonly=True) as store:
        hits = store.search.find(args.query)
        claims = {c.id: c for c in store.claims.all()}
    if args.json:
        print_json([{"claim": h.claim_id, "where": h.where, "snippet": h.snippet} for h in hits])
        return 0
    for hit in hits:
        claim = claims.get(hit.claim_id)
        text = claim.text if claim else ""
        print(f"#{hit.claim_id} [{hit.where}] {hit.snippet}\n    {text[:100]}")
    if not hits:
        print("no matches")
    return 0
