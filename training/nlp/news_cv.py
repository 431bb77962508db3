"""Cross-validated news figures on the train pages: what ``eval-news`` would print on
pages the models never saw, without looking at dev.

    .venv/bin/python -m training.nlp.news_cv [--folder DIR ...] [--settings FILE]
        [--json] [--errors]

The train articles are dealt into folds (by page); each fold is read by the app's
whole extraction (page chrome, the news scorer, its threshold, claimants) with the
models ``train_news.fit`` makes from the other folds (which choose their own
threshold by an inner cross-validation), and the units' outcomes of all folds are
counted together as ``eval-news`` counts them. This is the figure variants are chosen
by; dev is only reported.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

from training.nlp import train_news
from workbench.cli.news import print_errors, print_report, wrong_units
from workbench.nlp import model, news_eval
from workbench.nlp.newsdata import NewsArticle


def cross_validate(
    articles: list[NewsArticle],
    settings: dict,
    folds: int = 5,
    log: Callable[[str], None] | None = None,
) -> dict:
    """The ``eval-news`` figures of ``articles``, each fold read by models fitted on the others."""
    where = train_news.fold_of([a.file for a in articles], folds)
    units: list[dict] = []
    thresholds = []
    for k in range(folds):
        held = [a for a in articles if where[a.file] == k]
        meta = train_news.fit([a for a in articles if where[a.file] != k], settings)
        thresholds.append(meta["threshold"])
        with model.using_news_meta(meta):
            report = news_eval.evaluate_articles(held)
        units.extend(report["unit_results"])
        if log:
            log(
                f"fold {k + 1}/{folds}: {len(held)} articles, threshold {meta['threshold']:.2f}, "
                f"P {report['claim']['precision']:.3f} R {report['claim']['recall']:.3f}"
            )
    out = news_eval.summarise(units)
    out["articles"] = len(articles)
    out["folds"] = folds
    out["thresholds"] = thresholds
    out["unit_results"] = units
    return out


def main(argv: list[str] | None = None) -> int:
    parser = train_news.news_parser("python -m training.nlp.news_cv", __doc__)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", action="store_true", help="print the units got wrong")
    args = parser.parse_args(argv)
    settings = train_news.settings_of(args)
    articles, _used = train_news.read_train(args.folder or train_news.DEFAULT_FOLDERS)
    report = cross_validate(articles, settings, args.folds, log=lambda m: print(m, file=sys.stderr))
    units = report.pop("unit_results")
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        thresholds = ", ".join(f"{t:.2f}" for t in report["thresholds"])
        print_report(
            report,
            f"{report['articles']} train articles, {report['units']} units, "
            f"{args.folds} folds (thresholds {thresholds})",
        )
    if args.errors:
        print_errors(wrong_units(units))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
