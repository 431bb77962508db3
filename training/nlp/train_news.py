"""Fit the page-chrome classifier and the news scorer on labelled news pages, reproducibly.

    .venv/bin/python -m training.nlp.train_news [--folder DIR ...] [--out FILE]

Data (read at run time, never copied into the repository): the train split of each
labelled news folder (default: ``DEFAULT_FOLDERS``, the ``set-2026-11*`` sets of
``../shared/data/news-claims/``; a folder without a ``split.tsv`` is skipped). Dev
splits are never read here.

Each train article is read as the app reads a pasted page (its canonical text),
then:

1. **Page chrome**: every line gets the features of ``chrome.py`` and the label
   BOILER when most of its characters are BOILER units; a logistic regression is
   fitted whose weights are pulled towards the hand-set rule weights
   (``chrome.FALLBACK_WEIGHTS``) rather than towards zero, so a pattern the few
   pages never show keeps its rule weight.
2. **News scorer**: every sentence the app would score (not chrome, not passed
   over by a rule) gets the classifiers' log-odds, the debate signals and the news
   signals (``news.py``), and the label CLAIM when most of its characters are CLAIM
   units; a logistic regression is fitted, pulled towards the sentence scorer's
   own weights (a new signal starts at zero). The CT24 dev sentences (a sentence a
   line, pages of 25) join the fit at a weight of 0.3 each.
3. **Threshold**: the articles are split into folds; each fold is scored by the two
   models fitted on the others, and the threshold is the highest at which the lower
   10% of the out-of-fold recall over page-bootstrap resamples is still
   ``SETTINGS["recall"]`` (0.85; ``SETTINGS["recall_margin"]``): the margin for pages
   never seen comes from how much the recall moves between samples of pages.

The classifiers themselves (``train.py``) are not changed, so the debate figures
stay what they are. Deterministic: same data, same ``news.json``.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
from collections import Counter
from pathlib import Path

from training.nlp import stacking
from training.nlp.news_head import add_news_head
from training.nlp.news_rows import (
    LineRow,
    SentenceRow,
    add_heads,
    debate_rows,
    line_rows_of,
    sentence_rows_of,
)
from workbench.nlp import chrome, encoder, model, news_score
from workbench.nlp.data import DEV, f1_report
from workbench.nlp.newsdata import NEWS_ROOT, NewsArticle, read_folder, read_splits

DEFAULT_FOLDERS = [
    NEWS_ROOT / "set-2026-11",
    NEWS_ROOT / "set-2026-11-wb",
    NEWS_ROOT / "set-2026-11-wb2",
    NEWS_ROOT / "set-2026-11-wb3",
    NEWS_ROOT / "set-2026-11-wb4",
    NEWS_ROOT / "set-2026-11-wb5",
    NEWS_ROOT / "set-2026-11-wb6",
    NEWS_ROOT / "set-2026-11-wb7",
    NEWS_ROOT / "set-2026-11-wb8",
    NEWS_ROOT / "set-2026-11-wb9",
    NEWS_ROOT / "set-2026-11-wb10",
    NEWS_ROOT / "set-2026-11-wb11",
    NEWS_ROOT / "set-2026-11-wb12",
    NEWS_ROOT / "set-2026-11-wb13",
    NEWS_ROOT / "set-2026-11-wb14",
    NEWS_ROOT / "set-2026-11-wb15",
    NEWS_ROOT / "set-2026-11-wb16",
    NEWS_ROOT / "set-2026-11-wb17",
]
SETTINGS: dict = {
    "folds": 5,
    "chrome_l2": 1.0,
    "news_l2": 2.0,
    # The threshold (round 5): the one at which a set of 20 pages never seen (the size of
    # dev) most often meets both of the targets at once, precision >= 0.80 and
    # recall >= 0.85, by page-bootstrap resamples of the out-of-fold outcomes
    # (joint_threshold). Out of fold on 311 pages: P 0.795 R 0.848 (40 pages: 0.798 /
    # 0.848), against P 0.756 R 0.886 for the recall rule below, which bought a margin on
    # recall with precision. {"targets": null} goes back to that rule.
    "targets": {"precision": 0.80, "recall": 0.85, "pages": 20, "resamples": 1000, "seed": 0},
    # The rule of rounds 3-4: the highest threshold at which the lower 10% of the
    # out-of-fold recall over page-bootstrap resamples is still 0.85 (recall_threshold).
    "recall": 0.85,
    "recall_margin": {"quantile": 0.1, "resamples": 1000, "seed": 0},
    # CT24 dev sentences join the news combiner's fit at this weight each (0: none). They
    # keep it from forgetting what a check-worthy sentence is without figures, and on the
    # news folds they raised the precision at the recall target (0.76 -> 0.79). 0.3 was
    # chosen with 1,911 news sentences; 0.45 keeps the debates' share of the fit with the
    # 2,809 of the six sets (out of fold on 163 pages: P 0.752 R 0.886, against 0.752 R 0.880).
    "debate_weight": 0.45,
    "debate_page": 25,
    # The sentence-vector heads (encoder.py): which first scores they rescore, and at most
    # how many sentences per article (the encoder costs ~10 ms of CPU a sentence). Every
    # score since round 5: the news head is what knows a confident-looking forecast or
    # court procedure, and [0.1, 0.85] left the most confident sentences without it (out of
    # fold on 163 pages: P 0.753 R 0.883 against 0.748 R 0.881; on 183: 0.766 / 0.886
    # against 0.761 / 0.885).
    "encoder_band": [0.0, 1.0],
    "encoder_cap": 200,
    # The news head (news_head.py): its L2 strength (0: no head), and the model outputs
    # it reads side by side (encoder.head_vectors). Round 7: the mean token vectors of the
    # middle layers beside the sentence vector (out of fold on 356 pages: P 0.802 R 0.854
    # against 0.788 R 0.849 on the sentence vector alone; L2 0.3: 0.797 / 0.854, 3.0:
    # 0.797 / 0.857; layers 2-3 alone at 0.3: 0.795 / 0.858).
    "news_head_l2": 1.0,
    "news_head_inputs": ["layer2", "layer3", "layer4", "embedding"],
    # Each page's rows weigh n ** power in all (page_weights; 1: every row alike). 0.5 was
    # tried on the 163 train pages and dropped: 0.751 / 0.883 against 0.757 / 0.881.
    "news_page_power": 1,
    "chrome_page_power": 1,
}
CREDIT = (
    "The news scorer and the page-chrome classifier are fitted on the train split of the "
    "labelled news pages in ../shared/data/news-claims/ (real English news pages labelled "
    "with LABELLING.md; the texts are third-party and are not part of this repository)."
)


def page_weights(files: list[str], power: float) -> list[float] | None:
    """Each row's weight when a page of n rows should weigh n ** ``power`` in all (1: every
    row 1, None returned; 0.5: a page with four times the rows weighs twice as much, so one
    page with 55 chrome lines does not outweigh a dozen pages with five), scaled so that
    the weights add up to the number of rows (the L2 strength keeps its meaning)."""
    if power == 1 or not files:
        return None
    counts = Counter(files)
    raw = [counts[f] ** (power - 1) for f in files]
    scale = len(files) / sum(raw)
    return [w * scale for w in raw]


def fit_chrome(rows: list[LineRow], settings: dict) -> dict[str, float]:
    fit = [r for r in rows if not r.headline]
    weights = stacking.fit_logistic(
        [[r.features[k] for k in chrome.FEATURES] for r in fit],
        [r.boiler for r in fit],
        settings["chrome_l2"],
        prior=[chrome.FALLBACK_WEIGHTS.get(k, 0.0) for k in chrome.FEATURES],
        weights=page_weights([r.file for r in fit], settings.get("chrome_page_power", 1)),
    )
    return {"bias": weights[0], **{k: weights[1 + i] for i, k in enumerate(chrome.FEATURES)}}


def fit_news(
    rows: list[SentenceRow],
    settings: dict,
    debate: list[SentenceRow] = (),
    with_heads: bool = False,
) -> list[float]:
    """The news combiner, fitted on the news rows and (with ``settings["debate_weight"]``
    each) the debate rows, leaving out what the app passes over by rule."""
    fit = [r for r in rows if not r.passed]
    extra = [r for r in debate if not r.passed]
    by_page = page_weights([r.file for r in fit], settings.get("news_page_power", 1))
    weights = (by_page or [1.0] * len(fit)) + [settings["debate_weight"]] * len(extra)
    heads = len(fit[0].heads) if with_heads and fit and fit[0].heads else 0
    return stacking.fit_logistic(
        [r.features + (r.heads if heads else []) for r in fit + extra],
        [r.claim for r in fit + extra],
        settings["news_l2"],
        prior=news_score.prior_weights(heads),
        weights=weights,
    )


def _score(weights: list[float], features: list[float]) -> float:
    z = weights[0] + sum(w * x for w, x in zip(weights[1:], features, strict=False))
    return model.sigmoid(max(min(z, 40.0), -40.0))


def recall_threshold(
    scores: list[float],
    gold: list[bool],
    recall: float,
    pages: list[str] | None = None,
    margin: dict | None = None,
) -> tuple[float, dict]:
    """The highest threshold (so the best precision) at which the out-of-fold recall is
    still ``recall``: the news list is judged first on missing no claim (the issue asks
    for recall >= 0.85 with precision >= 0.80).

    With ``pages`` (each score's page) and ``margin`` (``quantile``, ``resamples``), the
    recall that must reach ``recall`` is not the out-of-fold recall itself but its lower
    ``quantile`` over page-bootstrap resamples (the train pages drawn with replacement,
    seeded): the out-of-fold recall is an estimate from a few hundred pages whose claims
    come in clusters, and the threshold should hold where that estimate is optimistic."""
    steps = [step / 100 for step in range(5, 96)]
    if pages is not None and margin:
        lows = _bootstrap_recall(scores, gold, pages, steps, margin)
        passing = [t for t, low in zip(steps, lows, strict=True) if low >= recall]
    else:
        passing = [
            t for t in steps if f1_report([s >= t for s in scores], gold)["recall"] >= recall
        ]
    best = max(passing, default=0.05)
    return best, f1_report([s >= best for s in scores], gold)


def choose_threshold(
    scores: list[float], gold: list[bool], pages: list[str], settings: dict
) -> tuple[float, dict]:
    """The news threshold by the rule ``settings`` names: ``targets`` (both targets at
    once, ``joint_threshold``) when set, else the recall margin (``recall_threshold``)."""
    if settings.get("targets"):
        return joint_threshold(scores, gold, pages, settings["targets"])
    return recall_threshold(scores, gold, settings["recall"], pages, settings.get("recall_margin"))


def joint_threshold(
    scores: list[float], gold: list[bool], pages: list[str], targets: dict
) -> tuple[float, dict]:
    """The threshold at which a set of ``targets["pages"]`` pages never seen most often
    meets both targets at once (precision >= ``targets["precision"]`` and recall >=
    ``targets["recall"]``), estimated by drawing that many of the train pages with
    replacement (``resamples`` times, seed ``seed``) and counting their out-of-fold
    outcomes. The issue judges the list on both figures; a rule on recall alone buys a
    margin on one of them with the other."""
    import numpy as np

    steps = [step / 100 for step in range(5, 96)]
    claims, hits, listed = _page_counts(scores, gold, pages, steps)
    rng = np.random.default_rng(targets.get("seed", 0))
    drawn = rng.integers(0, len(claims), size=(targets["resamples"], targets["pages"]))
    tp = hits[drawn].sum(axis=1)  # resamples x thresholds
    precision = tp / np.maximum(listed[drawn].sum(axis=1), 1)
    recall = tp / np.maximum(claims[drawn].sum(axis=1), 1)[:, None]
    both = ((precision >= targets["precision"]) & (recall >= targets["recall"])).mean(axis=0)
    best = steps[int(np.argmax(both))]
    report = f1_report([s >= best for s in scores], gold)
    report["both_targets_met"] = round(float(both.max()), 4)
    return best, report


def _bootstrap_recall(
    scores: list[float], gold: list[bool], pages: list[str], steps: list[float], margin: dict
) -> list[float]:
    """For each threshold of ``steps``, the ``margin["quantile"]`` of the recall over
    ``margin["resamples"]`` page-bootstrap resamples (seed ``margin.get("seed", 0)``)."""
    import numpy as np

    claims, hits, _listed = _page_counts(scores, gold, pages, steps)
    rng = np.random.default_rng(margin.get("seed", 0))
    drawn = rng.integers(0, len(claims), size=(margin["resamples"], len(claims)))
    total = np.maximum(claims[drawn].sum(axis=1), 1)[:, None]
    recalls = hits[drawn].sum(axis=1) / total  # resamples x thresholds
    return [float(v) for v in np.quantile(recalls, margin["quantile"], axis=0)]


def _page_counts(
    scores: list[float], gold: list[bool], pages: list[str], steps: list[float]
) -> tuple:
    """Per page (sorted by name): its claims, and at each threshold of ``steps`` its claims
    listed and its sentences listed, the counts the page-bootstrap rules resample."""
    import numpy as np

    names = sorted(set(pages))
    where = {name: i for i, name in enumerate(names)}
    cuts = np.asarray(steps)
    claims = np.zeros(len(names))
    hits = np.zeros((len(names), len(steps)))
    listed = np.zeros((len(names), len(steps)))
    for page, score, label in zip(pages, scores, gold, strict=True):
        above = score >= cuts
        listed[where[page]] += above
        if label:
            claims[where[page]] += 1
            hits[where[page]] += above
    return claims, hits, listed


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_train(folders: list[Path]) -> tuple[list[NewsArticle], list[dict]]:
    """The train articles of ``folders`` (a folder without ``split.tsv`` is skipped:
    nothing of it may be dev) and what was read, with the files' SHA-256."""
    articles: list[NewsArticle] = []
    used = []
    for folder in folders:
        if not (folder / "gold.tsv").is_file() or read_splits(folder) is None:
            continue
        found = read_folder(folder, "train")
        articles.extend(found)
        used.append(
            {
                "folder": folder.name,
                "train_articles": len(found),
                "gold_sha256": _sha256(folder / "gold.tsv"),
                "split_sha256": _sha256(folder / "split.tsv"),
            }
        )
    if not articles:
        raise SystemExit("no labelled train articles found in: " + ", ".join(map(str, folders)))
    return articles, used


def fold_of(files: list[str], folds: int) -> dict[str, int]:
    """Each article's fold: the sorted file names dealt out in turn."""
    return {f: i % folds for i, f in enumerate(sorted(files))}


def _encoder_part(
    rows: list[SentenceRow],
    debate: list[SentenceRow],
    settings: dict,
    model_id: str,
    threshold: float,
    oof: tuple[list[float], list[bool], list[str]],
    head: list[float] | None,
) -> dict:
    """The encoder combiner fitted on every row, with its out-of-fold figures (``oof``: the
    mixed scores, the gold labels and each one's page), shifted so that one threshold
    serves both."""
    oof_mixed, oof_gold, pages = oof
    mixed_threshold, mixed_report = choose_threshold(oof_mixed, oof_gold, pages, settings)
    mixed_report["average_precision"] = round(stacking.average_precision(oof_mixed, oof_gold), 4)
    news_e = fit_news(rows, settings, debate, True)
    # One threshold for both: shift the encoder combiner so that its own out-of-fold
    # threshold falls where the first combiner's is.
    news_e[0] += stacking.logit(threshold) - stacking.logit(mixed_threshold)
    names = (*encoder.HEADS, news_score.NEWS_HEAD) if head else encoder.HEADS
    return {
        "combiner": news_score.combiner_from(news_e, names),
        "news_head": head,
        "news_head_inputs": list(settings["news_head_inputs"]) if head else None,
        "band": settings["encoder_band"],
        "cap": settings["encoder_cap"],
        "model_id": model_id,
        "own_threshold": mixed_threshold,
        "cross_validation": {
            "sentences": mixed_report,
            "note": "out-of-fold, by article; the encoder rescores the first scores in the band",
        },
    }


def _out_of_fold(
    files: list[str],
    folds: dict[str, int],
    line_rows: dict[str, list[LineRow]],
    rows: dict[str, list[SentenceRow]],
    chrome_by_fold: list[dict[str, float]],
    debate: list[SentenceRow],
    encoded: bool,
    settings: dict,
) -> tuple[list[float], list[float], list[bool], list[tuple[bool, bool]]]:
    """Each article's sentences scored by the news combiner fitted on the other folds:
    (first scores, scores with the encoder on the sentences in its band, gold labels,
    (chrome found, chrome labelled) per line)."""
    oof_scores: list[float] = []
    oof_mixed: list[float] = []  # with the encoder on the sentences in its band
    oof_gold: list[bool] = []
    chrome_oof: list[tuple[bool, bool]] = []
    for k in range(settings["folds"]):
        news_w = fit_news([r for f in files if folds[f] != k for r in rows[f]], settings, debate)
        if encoded:
            news_e = fit_news(
                [r for f in files if folds[f] != k for r in rows[f]], settings, debate, True
            )
        for f in files:
            if folds[f] != k:
                continue
            for r in line_rows[f]:
                if not r.headline:
                    p = chrome.probability(r.features, chrome_by_fold[k])
                    chrome_oof.append((p >= chrome.THRESHOLD, r.boiler))
            for r in rows[f]:
                first = -1.0 if r.passed else _score(news_w, r.features)
                oof_scores.append(first)
                low, high = settings["encoder_band"]
                if encoded and not r.passed and low <= first <= high:
                    oof_mixed.append(_score(news_e, r.features + r.heads))
                else:
                    oof_mixed.append(first)
                oof_gold.append(r.claim)
    return oof_scores, oof_mixed, oof_gold, chrome_oof


def fit(articles: list[NewsArticle], settings: dict) -> dict:
    """The chrome classifier, the news combiner and its threshold fitted on ``articles``
    (the threshold from an inner cross-validation by article), with the out-of-fold figures."""
    model.load()
    line_rows = {a.file: line_rows_of(a) for a in articles}
    files = sorted(line_rows)
    folds = fold_of(files, settings["folds"])
    # Each article's sentences see the chrome found by a classifier fitted without it,
    # so the scorer learns from the chrome that gets past the classifier, as on new pages.
    chrome_by_fold = [
        fit_chrome([r for f in files if folds[f] != k for r in line_rows[f]], settings)
        for k in range(settings["folds"])
    ]
    rows = {a.file: sentence_rows_of(a, chrome_by_fold[folds[a.file]]) for a in articles}
    chrome_w = fit_chrome([r for f in files for r in line_rows[f]], settings)
    debate = debate_rows(chrome_w, settings) if settings["debate_weight"] else []
    inputs = tuple(settings["news_head_inputs"])
    encoded = add_heads([r for f in files for r in rows[f]] + debate, inputs)
    head = None
    if encoded and settings.get("news_head_l2"):
        head = add_news_head(rows, folds, debate, settings)
    oof_scores, oof_mixed, oof_gold, chrome_oof = _out_of_fold(
        files, folds, line_rows, rows, chrome_by_fold, debate, bool(encoded), settings
    )
    # Each out-of-fold score's page, in the order _out_of_fold scores them.
    pages = [f for k in range(settings["folds"]) for f in files if folds[f] == k for _ in rows[f]]
    threshold, oof_report = choose_threshold(oof_scores, oof_gold, pages, settings)
    oof_report["average_precision"] = round(stacking.average_precision(oof_scores, oof_gold), 4)
    chrome_report = f1_report([p for p, _ in chrome_oof], [g for _, g in chrome_oof])

    news_w = fit_news([r for f in files for r in rows[f]], settings, debate)
    encoder_part = None
    if encoded:
        encoder_part = _encoder_part(
            [r for f in files for r in rows[f]],
            debate,
            settings,
            encoded,
            threshold,
            (oof_mixed, oof_gold, pages),
            head,
        )
    return {
        "settings": settings,
        "chrome": {
            "weights": chrome_w,
            "threshold": chrome.THRESHOLD,
            "cross_validation": chrome_report,
        },
        "combiner": news_score.combiner_from(news_w),
        "encoder": encoder_part,
        "threshold": threshold,
        "cross_validation": {
            "sentences": oof_report,
            "folds": settings["folds"],
            "articles": len(files),
            "note": "out-of-fold, by article",
        },
        "debate_data": {"file": DEV.name, "sha256": _sha256(DEV), "rows": len(debate)}
        if debate
        else None,
        "credit": CREDIT,
    }


def train(folders: list[Path], settings: dict) -> dict:
    articles, used = read_train(folders)
    meta = fit(articles, settings)
    meta["data"] = used
    return {
        k: meta[k]
        for k in (
            "settings",
            "chrome",
            "combiner",
            "encoder",
            "threshold",
            "cross_validation",
            "data",
            "debate_data",
            "credit",
        )
    }


def news_parser(prog: str, doc: str | None) -> argparse.ArgumentParser:
    """The options the news training commands share: ``--folder`` and ``--settings``."""
    parser = argparse.ArgumentParser(
        prog=prog, description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--folder",
        type=Path,
        action="append",
        help="a labelled news folder (repeatable; default: the shared sets)",
    )
    parser.add_argument("--settings", type=Path, help="a JSON file whose keys replace the settings")
    return parser


def settings_of(args: argparse.Namespace) -> dict:
    """``SETTINGS`` with the keys of the ``--settings`` file, if one is given."""
    settings = copy.deepcopy(SETTINGS)
    if args.settings:
        settings.update(json.loads(args.settings.read_text(encoding="utf-8")))
    return settings


def main(argv: list[str] | None = None) -> int:
    parser = news_parser("python -m training.nlp.train_news", __doc__)
    parser.add_argument("--out", type=Path, default=model.MODEL_DIR / model.NEWS_FILE)
    args = parser.parse_args(argv)
    settings = settings_of(args)
    meta = train(args.folder or DEFAULT_FOLDERS, settings)
    args.out.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    model.reload_news()
    print(json.dumps({k: meta[k] for k in ("threshold", "cross_validation", "data")}, indent=2))
    print(json.dumps(meta["chrome"]["cross_validation"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
