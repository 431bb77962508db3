"""``workbench extract`` and ``workbench eval-claims``: claim detection from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.commands import help_of
from workbench.cli.output import Progress, print_json, threshold_value
from workbench.core.errors import ValidationError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help=help_of("extract"),
        description="Print the claims the app would list for ARTICLE, with score, reasons and "
        "claimant. Offsets are into the article's canonical text (as stored in a project).",
    )
    p.add_argument("article", type=Path)
    p.add_argument("--json", action="store_true", help="print one JSON object with a claims list")
    p.add_argument("--all", action="store_true", help="add the passed-over sentences and why")
    p.add_argument("--threshold", type=threshold_value, help="check-worthiness threshold, 0-1")
    p.add_argument("--encoding", help="the article's encoding when it is not UTF-8")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser(
        "eval-claims",
        help=help_of("eval-claims"),
        description="Score FILE.tsv (Sentence_id, Text, class_label Yes/No) and print precision, "
        "recall and F1 of the Yes class, accuracy, the number of sentences and sentences/s.",
    )
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p.add_argument("--threshold", type=threshold_value)
    layout = p.add_mutually_exclusive_group()
    layout.add_argument(
        "--as-article",
        action="store_true",
        help="score with the article (news) scorer, the sentences laid out as one article",
    )
    layout.add_argument(
        "--as-transcript",
        action="store_true",
        help="score as the app scores a pasted transcript: every sentence a turn "
        "opening with its speaker's label",
    )
    p.set_defaults(func=cmd_eval)


def cmd_extract(args: argparse.Namespace) -> int:
    from workbench import nlp, ops

    article = ops.read_article(args.article, encoding=args.encoding)
    threshold = nlp.default_threshold() if args.threshold is None else args.threshold
    candidates = nlp.extract(
        article.text,
        threshold=threshold,
        include_passed=args.all,
        progress=Progress("detecting claims"),
    )
    if args.json:
        print_json(
            {
                "article": article.title,
                "threshold": threshold,
                "claims": [
                    {
                        "text": c.text,
                        "start": c.start,
                        "end": c.end,
                        "score": c.score,
                        "reasons": c.reasons,
                        "claimant": c.claimant,
                        **({"checkworthy": c.checkworthy} if args.all else {}),
                    }
                    for c in candidates
                ],
            }
        )
        return 0
    listed = [c for c in candidates if c.checkworthy]
    print(f"{article.title}: {len(listed)} claims to check (threshold {threshold:.2f})")
    for c in candidates:
        mark = "●" if c.checkworthy else "○"
        print(f"\n{mark} {c.score:.2f}  [{c.start}-{c.end}]  {c.text}")
        if c.claimant:
            print(f"    claimant: {c.claimant}")
        for reason in c.reasons:
            if not reason.startswith("claimant:"):
                print(f"    - {reason}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from workbench.nlp.evaluate import evaluate

    if args.file.suffix.lower() not in {".tsv", ".txt"}:
        raise ValidationError(f"{args.file.name}: expected a tab-separated .tsv file")
    layout = "article" if args.as_article else "transcript" if args.as_transcript else ""
    report = evaluate(args.file, args.threshold, layout=layout)
    if args.json:
        print_json(report)
        return 0
    print(f"{args.file.name}: {report['n']} sentences, threshold {report['threshold']:.2f}")
    print(
        f"  precision {report['precision']:.3f}  recall {report['recall']:.3f}  "
        f"F1 {report['f1']:.3f}  accuracy {report['accuracy']:.3f}"
    )
    print(f"  {report['sentences_per_second']:,.0f} sentences/s")
    if report["skipped_rows"]:
        print(f"  ({report['skipped_rows']} malformed rows skipped)")
    return 0
