"""``workbench verdict``, ``scale`` and ``settings``: rating from the command line."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from workbench.cli.commands import help_of
from workbench.cli.output import print_json, print_notices
from workbench.core.checks import SETTING_KEY as DONE_CHECKS_KEY
from workbench.core.errors import ValidationError
from workbench.core.scale import VerdictLabel, conclusion_of
from workbench.core.urls import check_web_address
from workbench.io.export.report import ORGANISATION_KEY, REVIEW_URL_KEY
from workbench.presets import load_preset, preset_names
from workbench.store import ProjectStore


def _on_off(value: str) -> bool:
    key = value.strip().lower()
    if key in ("on", "yes", "true", "1"):
        return True
    if key in ("off", "no", "false", "0"):
        return False
    raise argparse.ArgumentTypeError("use on or off")


def _rating(value: str) -> int | None:
    if value.strip().lower() in ("none", ""):
        return None
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError("a whole number, or none") from None


def _library_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--library",
        type=Path,
        metavar="FILE",
        help="the fact-check library to keep up to date (default: yours)",
    )
    p.add_argument(
        "--no-library",
        action="store_true",
        help="leave the fact-check library as it is (the window updates it on opening)",
    )


def _update_library(store: ProjectStore, args: argparse.Namespace) -> None:
    """The library holds the project's rated claims after each change, as in the window."""
    if getattr(args, "no_library", False):
        return
    from workbench.library.sync import sync_after_edit

    problem = sync_after_edit(store, args.library)
    if problem:
        print(f"note: {problem}", file=sys.stderr)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "verdict",
        help=help_of("verdict"),
        description="Set a claim's verdict. LABEL is matched without regard to case; an unknown "
        "label is refused with the list of valid ones. --status done is refused, with what is "
        "missing, unless the claim passes the project's checks (see `workbench settings`).",
    )
    p.add_argument("project", type=Path)
    p.add_argument("--claim", type=int, required=True, help="the claim's id")
    p.add_argument("--label", help="a label of the project's scale ('' clears the verdict)")
    p.add_argument("--rationale", help="why: what the evidence shows")
    p.add_argument("--status", help="new, in_progress, needs_review or done")
    _library_options(p)
    p.set_defaults(func=cmd_verdict)

    p = sub.add_parser(
        "scale",
        help=help_of("scale"),
        description="With no option, list the labels. Renaming a label renames it on every claim; "
        "deleting a label that claims use is refused unless --move-to names where they go.",
    )
    p.add_argument("project", type=Path)
    p.add_argument("--json", action="store_true")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--add", metavar="LABEL")
    group.add_argument("--rename", nargs=2, metavar=("LABEL", "NEW"))
    group.add_argument(
        "--edit", metavar="LABEL", help="change --colour/--description/--rating/--ordinal"
    )
    group.add_argument("--move", nargs=2, metavar=("LABEL", "POSITION"), help="1 = first")
    group.add_argument("--delete", metavar="LABEL")
    group.add_argument("--use-preset", metavar="NAME", help=f"one of: {', '.join(preset_names())}")
    p.add_argument("--colour", "--color", dest="colour", help="#rrggbb")
    p.add_argument("--description")
    p.add_argument(
        "--rating", type=_rating, default=argparse.SUPPRESS, help="ClaimReview ratingValue"
    )
    p.add_argument("--ordinal", type=_on_off, help="on: part of the true-false order")
    p.add_argument("--move-to", metavar="LABEL", help="with --delete: move its claims here first")
    _library_options(p)
    p.set_defaults(func=cmd_scale)
    _register_settings(sub)


def _register_settings(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "settings",
        help=help_of("settings"),
        description="Organisation and review URL (for ClaimReview), and what a claim needs "
        "before it can be marked done.",
    )
    p.add_argument("project", type=Path)
    p.add_argument("--json", action="store_true")
    p.add_argument("--organisation", "--organization", dest="organisation", metavar="NAME")
    p.add_argument("--organisation-url", dest="organisation_url", metavar="URL")
    p.add_argument(
        "--review-url",
        metavar="BASE",
        help="base URL of published reviews; {id} is replaced by the claim id, "
        "otherwise #claim-ID is added",
    )
    p.add_argument("--min-evidence", type=int, metavar="N")
    p.add_argument("--require-verdict", type=_on_off, metavar="on|off")
    p.add_argument("--require-rationale", type=_on_off, metavar="on|off")
    _library_options(p)
    p.set_defaults(func=cmd_settings)


def cmd_verdict(args: argparse.Namespace) -> int:
    if args.label is None and args.rationale is None and args.status is None:
        raise ValidationError("give at least one of --label, --rationale, --status")
    with ProjectStore.open(args.project) as store:
        # One transaction: the claim is read after the write lock is taken, so a
        # concurrent writer is waited for, never overwritten.
        with store.transaction(f"workbench verdict --claim {args.claim}") as txn:
            current = store.claims.get(args.claim)
            label = current.verdict if args.label is None else args.label
            claim = store.claims.set_verdict(
                args.claim, label, rationale=args.rationale, status=args.status
            )
        claim = store.claims.get(args.claim)
        conclusion_only = store.scale.get().conclusion_only
        _update_library(store, args)
    if conclusion_only:
        verdict = (
            f"“{conclusion_of(claim.rationale)}”"
            if claim.rationale.strip()
            else "no conclusion yet"
        )
    else:
        verdict = claim.verdict or "not rated"
    print(f"claim {claim.id}: {verdict}, {claim.status.label}")
    print_notices(txn)
    return 0


def _print_scale(store: ProjectStore, as_json: bool) -> None:
    scale = store.scale.get()
    usage = store.scale.usage()
    if as_json:
        print_json({**scale.to_dict(), "usage": usage})
        return
    print(
        f"{scale.name}"
        + (
            ": no labels, the written conclusion (the rationale) is the verdict"
            if scale.conclusion_only
            else ""
        )
    )
    for n, label in enumerate(scale.labels, start=1):
        rating = "-" if label.rating is None else str(label.rating)
        order = "" if label.ordinal else "  (outside the order)"
        print(
            f"  {n}. {label.name:22s} {label.colour}  rating {rating:>2}  "
            f"{usage.get(label.name, 0)} claims{order}"
        )


def cmd_scale(args: argparse.Namespace) -> int:
    editing = any(
        getattr(args, k) for k in ("add", "rename", "edit", "move", "delete", "use_preset")
    )
    with (
        ProjectStore.open(args.project, readonly=not editing) as store,
        store.transaction("workbench scale") if editing else contextlib.nullcontext() as txn,
    ):
        if args.add:
            store.scale.add_label(
                VerdictLabel(
                    name=args.add,
                    colour=args.colour or "#9e9e9e",
                    description=args.description or "",
                    rating=getattr(args, "rating", None),
                    ordinal=True if args.ordinal is None else args.ordinal,
                )
            )
        elif args.rename:
            n = store.scale.rename_label(*args.rename)
            print(f"renamed {args.rename[0]!r} to {args.rename[1]!r} on {n} claims")
        elif args.edit:
            extra = {"rating": args.rating} if hasattr(args, "rating") else {}
            store.scale.update_label(
                args.edit,
                colour=args.colour,
                description=args.description,
                ordinal=args.ordinal,
                **extra,
            )
        elif args.move:
            try:
                position = int(args.move[1]) - 1
            except ValueError:
                raise ValidationError(f"a position is a number, not {args.move[1]!r}") from None
            store.scale.move_label(args.move[0], position)
        elif args.delete:
            moved = store.scale.delete_label(args.delete, move_to=args.move_to)
            if moved:
                print(f"moved {moved} claims to {args.move_to!r}")
        elif args.use_preset:
            store.scale.set(load_preset(args.use_preset))
    with ProjectStore.open(args.project, readonly=True) as store:
        if editing:
            _update_library(store, args)
        _print_scale(store, args.json)
    if not args.json:
        print_notices(txn)
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    changes = [
        args.organisation,
        args.organisation_url,
        args.review_url,
        args.min_evidence,
        args.require_verdict,
        args.require_rationale,
    ]
    editing = any(value is not None for value in changes)
    # Checked before the file is opened for writing: a bad address changes nothing.
    if args.organisation_url is not None:
        args.organisation_url = check_web_address(args.organisation_url, "organisation URL")
    if args.review_url is not None:
        args.review_url = check_web_address(args.review_url, "review URL")
    with (
        ProjectStore.open(args.project, readonly=not editing) as store,
        store.transaction("workbench settings") if editing else contextlib.nullcontext(),
    ):
        if args.organisation is not None or args.organisation_url is not None:
            organisation = dict(store.settings.get(ORGANISATION_KEY) or {})
            if args.organisation is not None:
                organisation["name"] = args.organisation.strip()
            if args.organisation_url is not None:
                organisation["url"] = args.organisation_url.strip()
            store.settings.set(ORGANISATION_KEY, organisation)
        if args.review_url is not None:
            store.settings.set(REVIEW_URL_KEY, args.review_url.strip())
        rules = store.done.rules()
        new_rules = rules.replace(
            min_evidence=args.min_evidence,
            require_verdict=args.require_verdict,
            require_rationale=args.require_rationale,
        )
        if new_rules != rules:
            store.settings.set(DONE_CHECKS_KEY, new_rules.to_setting())
        organisation = store.settings.get(ORGANISATION_KEY) or {}
        shown = {
            "organisation": organisation.get("name", ""),
            "organisation_url": organisation.get("url", ""),
            "review_url": store.settings.get(REVIEW_URL_KEY, ""),
            "done_checks": store.done.rules().to_setting(),
        }
        described = store.done.rules().describe()
    if editing:
        with ProjectStore.open(args.project, readonly=True) as store:
            _update_library(store, args)
    if args.json:
        print_json(shown)
        return 0
    print(f"organisation:      {shown['organisation'] or '(not set)'}")
    print(f"organisation URL:  {shown['organisation_url'] or '(not set)'}")
    print(f"review base URL:   {shown['review_url'] or '(not set)'}")
    print(f"before done:       {described}")
    return 0
