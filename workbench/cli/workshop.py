"""``workbench workshop pack|compare|merge|lock|kit``: running a fact-checking workshop offline."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.commands import help_of
from workbench.cli.kit import register_kit
from workbench.cli.output import print_json, warn


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "workshop",
        help=help_of("workshop"),
        description="Workshops without internet: make an exercise from your project (the key), "
        "collect the participants' files, compare their verdicts, merge their evidence.",
    )
    cmds = p.add_subparsers(dest="workshop_command", metavar="ACTION", required=True)

    pack = cmds.add_parser(
        "pack",
        help="make an exercise file for participants from a key project",
        description="Copy KEY.fcw for participants: the same articles and claims (same ids), "
        "with every verdict, rationale, status and history removed and the file compacted, so "
        "none of the key's answers can be recovered from it. KEY.fcw is not changed.",
    )
    pack.add_argument("key", type=Path, metavar="KEY.fcw")
    pack.add_argument("-o", "--output", type=Path, required=True, metavar="EXERCISE.fcw")
    claims = pack.add_mutually_exclusive_group()
    claims.add_argument(
        "--keep-claims",
        dest="keep_claims",
        action="store_true",
        default=True,
        help="hand out the key's claims (default)",
    )
    claims.add_argument(
        "--no-claims",
        dest="keep_claims",
        action="store_false",
        help="no claims: participants find them (compare matches spans)",
    )
    pack.add_argument(
        "--keep-evidence",
        action="store_true",
        help="keep the evidence URLs and captured pages (stance and notes cleared)",
    )
    pack.add_argument(
        "--lock",
        action="store_true",
        help="lock the claim list: participants cannot re-detect claims",
    )
    pack.add_argument("--title", default="", help="the exercise's title (default: the key's)")
    pack.add_argument("--force", action="store_true", help="replace EXERCISE.fcw if it exists")
    pack.set_defaults(func=cmd_pack)
    _register_compare_merge_lock(cmds)
    register_kit(cmds)


def _register_compare_merge_lock(cmds: argparse._SubParsersAction) -> None:
    compare = cmds.add_parser(
        "compare",
        help="compare participants' files: agreement, contested claims, accuracy",
        description="Read the participants' files of one exercise (read-only) and report "
        "Krippendorff's alpha, Fleiss' and Cohen's kappa, percent agreement, the most contested "
        "claims, each participant against the key, and a confusion matrix.",
    )
    compare.add_argument("files", type=Path, nargs="+", metavar="FILE")
    compare.add_argument("--key", type=Path, metavar="KEY.fcw", help="the trainer's answers")
    compare.add_argument("--json", action="store_true", help="print one JSON object")
    compare.add_argument(
        "--report",
        type=Path,
        metavar="OUT.html",
        help="also write a self-contained HTML report for a projector",
    )
    compare.add_argument(
        "--anonymous",
        action="store_true",
        help="show participants as Participant 1, 2... (JSON and report)",
    )
    compare.add_argument(
        "--top",
        type=int,
        default=10,
        help="how many contested claims to list in the text output (default 10)",
    )
    compare.set_defaults(func=cmd_compare)

    merge = cmds.add_parser(
        "merge",
        help="bring participants' evidence and rationales into a curation project",
        description="Attach each participant's evidence (author = the participant) and append "
        "their rationales, tagged with their name and verdict, to CURATION.fcw. It is created "
        "if missing: a copy of the key if given, else a clean copy of the exercise.",
    )
    merge.add_argument("files", type=Path, nargs="+", metavar="FILE")
    merge.add_argument("--into", type=Path, required=True, metavar="CURATION.fcw")
    merge.add_argument("--key", type=Path, metavar="KEY.fcw")
    merge.set_defaults(func=cmd_merge)

    lock = cmds.add_parser(
        "lock",
        help="lock (or --unlock) an exercise's claim list against re-detection",
        description="Lock EXERCISE.fcw so its claims cannot be re-detected, or unlock it.",
    )
    lock.add_argument("exercise", type=Path, metavar="EXERCISE.fcw")
    lock.add_argument("--unlock", action="store_true")
    lock.set_defaults(func=cmd_lock)


def cmd_pack(args: argparse.Namespace) -> int:
    from workbench.workshop.exercise import pack

    exercise = pack(
        args.key,
        args.output,
        keep_claims=args.keep_claims,
        keep_evidence=args.keep_evidence,
        lock=args.lock,
        title=args.title,
        overwrite=args.force,
    )
    what = f"{len(exercise.claims)} claims" if args.keep_claims else "no claims (to be found)"
    extra = ", evidence kept" if exercise.evidence_kept else ""
    locked = ", claim list locked" if args.lock else ""
    print(
        f"created {args.output}: exercise {exercise.title!r} ({exercise.id[:8]}), "
        f"{what}{extra}{locked}"
    )
    return 0


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.0f}%"


def cmd_compare(args: argparse.Namespace) -> int:
    from workbench.workshop.compare import compare_files
    from workbench.workshop.report import write_report

    result = compare_files(args.files, args.key)
    shown = result.anonymised() if args.anonymous else result
    for warning in shown.warnings:
        warn(warning)
    if args.report:
        write_report(result, args.report, anonymous=args.anonymous)
    if args.json:
        print_json(shown.to_dict())
        return 0
    print(
        f"{shown.exercise.title}: {len(shown.participants)} participants, "
        f"{len(shown.claims)} claims{', with the key' if shown.key_file else ''}"
    )
    print(
        f"  Krippendorff's alpha  nominal {_fmt(shown.alpha_nominal)}  "
        f"ordinal {_fmt(shown.alpha_ordinal)}"
    )
    print(
        f"  Fleiss' kappa {_fmt(shown.fleiss_kappa)}  mean Cohen's kappa "
        f"{_fmt(shown.mean_cohen_kappa)}  pairs agreeing {_pct(shown.percent_agreement)}"
    )
    print("\nmost contested claims:")
    for claim in shown.claims[: max(args.top, 0)]:
        spread = ", ".join(f"{label} {n}" for label, n in claim.spread.items())
        if claim.unrated:
            spread += f", not rated {claim.unrated}"
        key = f"  key: {claim.key_verdict or 'none'}" if shown.key_file else ""
        tag = f"#{claim.claim_id}" if claim.claim_id is not None else f"@{claim.start}"
        print(f"  {tag:>6}  {_pct(claim.disagreement):>4} disagree  {spread}{key}")
        print(f"          {claim.text[:90]}")
    print("\nparticipants:")
    for p in shown.participants:
        print(
            f"  {p.name}: {p.verdicts}/{p.verdicts + p.unrated} rated, exact {_pct(p.exact)}, "
            f"within one step {_pct(p.within_one)}, evidence on {p.evidence}, "
            f"rationale on {p.rationales}"
        )
    if args.report:
        print(f"\nreport written to {args.report}")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from workbench.workshop.merge import merge

    result = merge(args.files, args.into, key=args.key)
    for warning in result.warnings:
        warn(warning)
    print(result.message())
    return 0


def cmd_lock(args: argparse.Namespace) -> int:
    from workbench.store import ProjectStore
    from workbench.workshop.exercise import set_locked

    with ProjectStore.open(args.exercise) as store:
        set_locked(store, not args.unlock)
    state = "unlocked" if args.unlock else "locked: claims cannot be re-detected"
    print(f"{args.exercise}: {state}")
    return 0
