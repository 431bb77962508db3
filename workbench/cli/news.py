"""``workbench eval-news``: the claim list measured on labelled news pages."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.commands import help_of
from workbench.cli.output import print_json, threshold_value


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "eval-news",
        help=help_of("eval-news"),
        description="Run the app's extraction on every article of one or more labelled folders "
        "(articles/, gold.tsv, split.tsv: see news-claims/LABELLING.md) and print precision, "
        "recall and F1 of CLAIM (a unit is listed when one listed claim covers more than half "
        "of it), how many BOILER units were listed, claimant accuracy on the listed CLAIM "
        "units that have a claimant, and articles per second.",
    )
    p.add_argument("folders", type=Path, nargs="+", metavar="FOLDER")
    p.add_argument(
        "--split",
        choices=["dev", "train", "all"],
        default="all",
        help="the articles of this split in split.tsv (default: all)",
    )
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    p.add_argument(
        "--errors",
        action="store_true",
        help="also print every unit the app got wrong (and wrong claimants)",
    )
    p.add_argument("--threshold", type=threshold_value, help="check-worthiness threshold, 0-1")
    p.set_defaults(func=cmd_eval_news)


def cmd_eval_news(args: argparse.Namespace) -> int:
    from workbench.core.errors import WorkbenchError
    from workbench.nlp.news_eval import evaluate_articles
    from workbench.nlp.newsdata import read_folders

    articles = read_folders(args.folders, args.split)
    if not articles:
        raise WorkbenchError(
            f"no labelled articles in the {args.split} split of the folder(s) given"
        )
    report = evaluate_articles(articles, args.threshold)
    report["split"] = args.split
    report["folders"] = [str(f) for f in args.folders]
    units = report.pop("unit_results")
    wrong = wrong_units(units)
    if args.json:
        if args.errors:
            report["errors"] = wrong
        print_json(report)
        return 0
    print_report(
        report,
        f"{report['articles']} articles, {report['units']} units "
        f"({args.split}), threshold {report['threshold']:.2f}",
    )
    print(f"  {report['articles_per_second']:.1f} articles/s")
    if args.errors:
        print_errors(wrong)
    return 0


def wrong_units(units: list[dict]) -> list[dict]:
    """The units the app got wrong: listed or missed, or given the wrong claimant."""
    return [
        u for u in units if u["listed"] != (u["label"] == "CLAIM") or u["claimant_right"] is False
    ]


def print_report(report: dict, heading: str) -> None:
    """An ``eval-news`` report's figures, under ``heading`` (also the training's
    cross-validated figures, ``training/nlp/news_cv.py``)."""
    claim, boiler, claimant = report["claim"], report["boiler"], report["claimant"]
    print(heading)
    print(
        f"  CLAIM     precision {claim['precision']:.3f}  recall {claim['recall']:.3f}  "
        f"F1 {claim['f1']:.3f}  ({claim['tp']} listed of {claim['n']}, "
        f"{claim['fp']} others listed)"
    )
    print(f"  BOILER    {boiler['listed']} of {boiler['n']} listed ({boiler['share']:.1%})")
    print(f"  NOT       {report['not']['listed']} of {report['not']['n']} listed")
    print(
        f"  claimant  {claimant['right']} of {claimant['attributed']} right "
        f"({claimant['accuracy']:.1%}); {claimant['own_voice_given_a_claimant']} of "
        f"{claimant['own_voice_listed']} claims in the article's own voice given one"
    )


def print_errors(wrong: list[dict]) -> None:
    """Each unit of ``wrong`` (see ``wrong_units``) with its text."""
    for u in wrong:
        if u["listed"] != (u["label"] == "CLAIM"):
            state = "listed" if u["listed"] else "missed"
            extra = f" [{u['why']}]" if u["why"] else ""
            print(
                f"\n{u['label']:6} {state} {u['score'] if u['score'] is not None else '-'}"
                f"{extra} {u['file']}:{u['start']}\n    {u['text'][:200]}"
            )
        else:
            print(
                f"\nCLAIMANT {u['file']}:{u['start']} gold {u['gold_claimant']!r} "
                f"got {u['claimant']!r}\n    {u['text'][:200]}"
            )
    return 0
