"""Evidence commands: ``evidence add|list|remove|settings`` and ``fetch``.

Adding evidence never needs the network: the URL is stored and its capture is
pending until ``workbench fetch`` (or the window) gets it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from workbench.cli.output import print_json, print_notices
from workbench.core.errors import WorkbenchError
from workbench.core.models import CaptureStatus, Evidence, Stance
from workbench.evidence.fetch import human_size
from workbench.evidence.pool import CaptureOutcome
from workbench.evidence.project import capture_urls, project_settings, urls_to_fetch
from workbench.evidence.settings import MB, SETTING_KEY, FetchSettings
from workbench.io.export.document import evidence_dict
from workbench.store import ProjectStore

STANCES = [s.value for s in Stance]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "evidence", help="attach evidence URLs to claims, list them, set fetch limits",
        description="Evidence: URLs attached to claims, with their captures.",
    )
    ev = p.add_subparsers(dest="evidence_command", metavar="ACTION", required=True)

    a = ev.add_parser(
        "add", help="attach a URL to a claim (works offline: the capture stays pending)",
        description="Attach URL to claim ID. Only http and https URLs; the same URL twice on "
        "one claim is refused. The page is captured later by `workbench fetch` or the window.",
    )
    a.add_argument("project", type=Path)
    a.add_argument("--claim", type=int, required=True, metavar="ID", help="the claim's id")
    a.add_argument("url")
    a.add_argument("--stance", choices=STANCES, default="context",
                   help="what the source does to the claim (default: context)")
    a.add_argument("--note", default="", help="a note on the source")
    a.set_defaults(func=cmd_add)

    a = ev.add_parser(
        "list", help="list evidence with its capture status",
        description="List the evidence of every claim (or one), with stance, status, title, "
        "retrieval time, SHA-256, error and archive link. Reads only.",
    )
    a.add_argument("project", type=Path)
    a.add_argument("--claim", type=int, metavar="ID")
    a.add_argument("--json", action="store_true", help="print a JSON list")
    a.set_defaults(func=cmd_list)

    a = ev.add_parser(
        "remove", help="remove an evidence item (its captures stay on record)",
        description="Remove evidence ID from its claim. The captures of its URL are kept.",
    )
    a.add_argument("project", type=Path)
    a.add_argument("id", type=int, help="the evidence id (see `evidence list`)")
    a.set_defaults(func=cmd_remove)

    a = ev.add_parser(
        "settings", help="show or change how pages are fetched (size cap, timeouts...)",
        description="Show the project's fetch settings; the options given change them "
        "(kept in the project, used by `workbench fetch` and the window).",
    )
    a.add_argument("project", type=Path)
    _limit_options(a)
    a.add_argument("--reset", action="store_true", help="back to the defaults")
    a.set_defaults(func=cmd_settings)

    p = sub.add_parser(
        "fetch", help="capture every pending or failed evidence URL",
        description="Fetch every evidence URL that has no good capture yet (pending or "
        "failed), several at a time, and record each capture in PROJECT. Prints one line "
        "per URL. Exits 0 when it ran, even if some pages could not be fetched.",
    )
    p.add_argument("project", type=Path)
    p.add_argument("--claim", type=int, metavar="ID", help="only this claim's evidence")
    p.add_argument("--again", action="store_true",
                   help="capture already captured URLs anew too (a new version is kept)")
    _limit_options(p)
    p.set_defaults(func=cmd_fetch)


def _limit_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-mb", type=float, metavar="MB",
                   help="keep at most this much of a page (default 10); more is truncated")
    p.add_argument("--connect-timeout", type=float, metavar="S",
                   help="seconds to connect (default 10)")
    p.add_argument("--read-timeout", type=float, metavar="S",
                   help="seconds a server may stay silent (default 20)")
    p.add_argument("--total-timeout", type=float, metavar="S",
                   help="seconds for the whole fetch of a page, from connecting to its last "
                   "byte, headers included (default 120)")
    p.add_argument("--max-redirects", type=int, metavar="N", help="redirects followed (default 10)")
    p.add_argument("--workers", type=int, metavar="N", help="pages fetched at once (default 8)")


def _limits(args: argparse.Namespace, base: FetchSettings) -> FetchSettings:
    return base.with_(
        max_bytes=int(args.max_mb * MB) if args.max_mb is not None else None,
        connect_timeout=args.connect_timeout,
        read_timeout=args.read_timeout,
        total_timeout=args.total_timeout,
        max_redirects=args.max_redirects,
        workers=args.workers,
    )


# -- add / list / remove ---------------------------------------------------------------
def cmd_add(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project) as store:
        with store.transaction(f"workbench evidence add --claim {args.claim}"):
            item = store.evidence.add(args.claim, args.url, args.stance, args.note)
    print(
        f"added evidence {item.id} to claim {item.claim_id}: {item.url} ({item.stance.value}); "
        f"capture pending: run `workbench fetch {args.project}` to fetch it"
    )
    return 0


def describe_status(item: Evidence) -> str:
    """``captured``, ``failed: <error>`` or ``pending``, with what a checker needs to know."""
    if item.capture_status is CaptureStatus.CAPTURED:
        text = f"captured, HTTP {item.http_status}"
        if item.versions > 1:
            text += f", {item.versions} versions"
        if item.error:
            text += f" (latest: {item.error})" if not item.truncated else f" ({item.error})"
        return text
    if item.capture_status is CaptureStatus.FAILED:
        return f"failed: {item.error}"
    return "pending"


def cmd_list(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project, readonly=True) as store:
        if args.claim is not None:
            store.claims.get(args.claim)
        items = store.evidence.all(args.claim)
    if args.json:
        print_json([{"claim_id": item.claim_id, **evidence_dict(item)} for item in items])
        return 0
    if not items:
        print("no evidence" + (f" on claim {args.claim}" if args.claim is not None else ""))
        return 0
    for item in items:
        print(f"{item.id:>4}  claim {item.claim_id:<4} {item.stance.value:<9}{item.url}")
        details = [describe_status(item)]
        if item.title:
            details.append(f"“{item.title}”")
        if item.retrieved_at:
            details.append(item.retrieved_at.replace("T", " ").replace("Z", " UTC"))
        print("      " + "  ·  ".join(details))
        if item.sha256:
            print(f"      sha256 {item.sha256}")
        if item.final_url and item.final_url != item.url:
            print(f"      final URL {item.final_url}")
        if item.note:
            print(f"      note: {item.note}")
        print(f"      archive {item.archive_url}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project) as store:
        with store.transaction(f"workbench evidence remove {args.id}") as txn:
            item = store.evidence.delete(args.id)
    print(f"removed evidence {item.id} ({item.url}) from claim {item.claim_id}")
    print_notices(txn)
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project) as store:
        current = FetchSettings() if args.reset else project_settings(store)
        new = _limits(args, current)
        if args.reset:
            store.settings.set(SETTING_KEY, {})
        elif new != project_settings(store):
            store.settings.set(SETTING_KEY, new.to_dict())
    print(f"max size    {human_size(new.max_bytes)} (bigger pages are truncated and marked)")
    print(f"timeouts    connect {new.connect_timeout:g} s, read {new.read_timeout:g} s, "
          f"whole fetch {new.total_timeout:g} s")
    print(f"redirects   at most {new.max_redirects}")
    print(f"workers     {new.workers} pages at once")
    print(f"user agent  {new.user_agent}")
    return 0


# -- fetch -----------------------------------------------------------------------------
def outcome_line(outcome: CaptureOutcome) -> str:
    capture = outcome.capture
    if not outcome.stored:
        return f"not saved  {outcome.url}  {outcome.store_error}"
    if outcome.ok:
        line = f"captured  {capture.http_status}  {capture.sha256}  {outcome.url}"
        if capture.title:
            line += f"  “{capture.title[:80]}”"
        if capture.truncated:
            line += f"  [{capture.error}]"
        return line
    return f"failed    {outcome.url}  {capture.error}"


def cmd_fetch(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project, readonly=True) as store:
        settings = _limits(args, project_settings(store))
        urls = urls_to_fetch(store, args.claim, again=args.again)
        total = len(store.evidence.all(args.claim))
    if not urls:
        where = f" of claim {args.claim}" if args.claim is not None else ""
        print(f"nothing to fetch: all {total} evidence URLs{where} are captured "
              "(--again captures them anew)", file=sys.stderr)
        return 0
    _check_writable(args.project)
    started = time.monotonic()

    def show(outcome: CaptureOutcome) -> None:
        print(outcome_line(outcome), flush=True)

    outcomes = capture_urls(args.project, urls, settings, on_result=show)
    captured = sum(1 for o in outcomes if o.ok)
    unsaved = sum(1 for o in outcomes if not o.stored)
    summary = (
        f"fetched {len(outcomes)} URL{'s' if len(outcomes) != 1 else ''} in "
        f"{time.monotonic() - started:.1f} s: "
        f"{captured} captured, {len(outcomes) - captured - unsaved} failed"
    )
    print(summary, file=sys.stderr)
    if unsaved:
        first = next(o.store_error for o in outcomes if not o.stored)
        raise WorkbenchError(f"{unsaved} captures could not be saved: {first}")
    return 0


def _check_writable(path: Path) -> None:
    """Open for writing once, so a read-only file is refused before any download."""
    ProjectStore.open(path).close()
