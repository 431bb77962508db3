"""The news head: a logistic regression on the sentence's vectors (all-MiniLM-L6-v2,
``encoder.py``), fitted on the news train sentences, whose log-odds are the encoder
combiner's third head input (``news_score.NEWS_HEAD``). Which vectors: the model outputs
``SETTINGS["news_head_inputs"]`` names, side by side (``encoder.head_vectors``); since
round 7 the mean token vectors of layers 2-4 beside the sentence vector (out of fold on
356 pages: P 0.802 R 0.854, against 0.788 R 0.849 for the sentence vector alone).

The ClaimBuster heads know what a factual, check-worthy debate sentence is; they do not
know the kinds of news text LABELLING.md makes NOT whatever figures they hold (a
forecast, a meeting's procedure, a court's adjournment, a site describing itself) nor
the chrome that gets past the line classifier. The news head learns them from the
labelled pages. The combiner must see its log-odds as they are on a page it never saw,
so the rows the combiner is fitted on get out-of-fold values (folds by article, the
same as the threshold's); the debate rows, never in the head's fit, get the full head's.

Chosen by the train pages' cross-validation (``news_cv.py``, five folds by page, 112
pages, the whole extraction as ``eval-news`` counts it): precision 0.768 at recall 0.887
without the head, 0.789 at 0.880 with it (L2 0.3, shipped; L2 0.1: 0.786 at 0.878, 1.0:
0.785 at 0.882, 3.0: 0.781 at 0.878). On the first 82 pages, scoring every sentence with the encoder
combiner, average precision rose from 0.900 to 0.906.
"""

from __future__ import annotations

from training.nlp import stacking
from training.nlp.news_rows import SentenceRow


def fit_head(rows: list[SentenceRow], l2: float) -> list[float]:
    """The head's weights (bias, then one per dimension) fitted on ``rows`` that the app
    would score (not passed over by a rule)."""
    fit = [r for r in rows if not r.passed and r.vector is not None]
    if not fit:  # nothing to learn from (a tiny folder): a head that says nothing
        size = len(next((r.vector for r in rows if r.vector is not None), []))
        return [0.0] * (size + 1)
    x = [r.vector or [] for r in fit]
    return [round(w, 6) for w in stacking.fit_logistic(x, [r.claim for r in fit], l2)]


def head_value(weights: list[float], row: SentenceRow) -> float:
    """The head's log-odds for ``row`` (0 when the row has no vector)."""
    if row.vector is None or len(weights) != len(row.vector) + 1:
        return 0.0
    return round(weights[0] + sum(w * x for w, x in zip(weights[1:], row.vector, strict=True)), 6)


def add_news_head(
    rows: dict[str, list[SentenceRow]],
    folds: dict[str, int],
    debate: list[SentenceRow],
    settings: dict,
) -> list[float]:
    """Append the news head's log-odds to every row's ``heads``: out of fold for the news
    rows (``folds``: each article's fold), from the head fitted on every news row for the
    debate rows; that head's weights are returned (what ``news.json`` stores)."""
    files = sorted(rows)
    l2 = settings["news_head_l2"]
    for k in range(settings["folds"]):
        weights = fit_head([r for f in files if folds[f] != k for r in rows[f]], l2)
        for f in files:
            if folds[f] == k:
                for r in rows[f]:
                    r.heads = [*(r.heads or []), head_value(weights, r)]
    full = fit_head([r for f in files for r in rows[f]], l2)
    for r in debate:
        r.heads = [*(r.heads or []), head_value(full, r)]
    return full
