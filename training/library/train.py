"""Fit the matching ranker on CLEF-2020 CheckThat! Task 2 train, by cross-validation.

    .venv/bin/python -m training.library.train [--vectors /tmp/matching-train]

Candidates and features come from the app's own matcher (``Matcher.candidates``,
``rank.features``), so training sees exactly what the window will. With
``--vectors`` (the output of ``scripts/train_matching_model.py``) each fold's
queries and verified claims carry the vectors of a sentence model fine-tuned
without that fold; without it, the shipped model's vectors are used for all.
The figures printed (and stored in ``ranker.json``'s ``meta``) are out-of-fold
MAP@5 on train. Dev is never read here: check it with ``workbench eval-matching``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from workbench.library import rank
from workbench.library.evaluate import average_precision, read_qrels, read_queries

if TYPE_CHECKING:
    from workbench.library.matcher import Matcher

DATA = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "data"
    / "claim-matching"
    / "clef2020-task2"
)
FOLDS = 5


def fit(x: np.ndarray, y: np.ndarray, names: list[str], l2: float = 1.0) -> rank.LinearModel:
    """Logistic regression by Newton's method with an L2 penalty (no bias penalty)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    xs = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(xs.shape[1])
    penalty = np.r_[np.full(len(names), l2), 0.0]
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(xs @ w, -30, 30)))
        gradient = xs.T @ (p - y) + penalty * w
        hessian = (xs * (p * (1 - p))[:, None]).T @ xs + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return rank.LinearModel(
        list(names), mean.tolist(), scale.tolist(), w[:-1].tolist(), float(w[-1])
    )


class FixedEmbedder:
    """Vectors computed elsewhere, looked up by text (the training script's out-of-fold ones)."""

    def __init__(self, model_id: str, table: dict[str, np.ndarray], dimensions: int = 384) -> None:
        self.model_id = model_id
        self.table = table
        self.dimensions = dimensions

    def embed_one(self, text: str) -> np.ndarray:
        return self.table[text]

    def embed(
        self, texts: list[str], progress: Callable[[int, int], None] | None = None
    ) -> np.ndarray:
        return np.stack([self.table[t] for t in texts])


# (feature columns, labels, document ids) of one query's candidates
Row = tuple[dict[str, np.ndarray], np.ndarray, list[str]]


def _rows(
    matcher: Matcher,
    queries: dict[str, str],
    qrels: dict[str, set[str]],
    qids: list[str],
    doc_of: dict[int, str],
) -> list[Row]:
    """(feature columns, labels, document ids) per query."""
    out = []
    for qid in qids:
        query, candidates = matcher.candidates(queries[qid])
        docs = [doc_of[c.id] for c in candidates]
        labels = np.array([d in qrels[qid] for d in docs], dtype=float)
        out.append((rank.features(query, candidates), labels, docs))
    return out


def _stack(rows: list[Row], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    x = np.vstack([np.column_stack([cols[n] for n in names]) for cols, _l, _d in rows if len(_d)])
    y = np.concatenate([labels for _c, labels, d in rows if len(d)])
    return x, y


def _map5(
    model: rank.LinearModel,
    rows: list[Row],
    qrels_of: list[set[str]],
    similarity: rank.LinearModel | None = None,
) -> tuple[float, list[tuple[float, bool]]]:
    """MAP@5 of ordering by ``model``; and (similarity of the first, was it right) per query."""
    scores, tops = [], []
    for (cols, _labels, docs), relevant in zip(rows, qrels_of, strict=True):
        if not docs:
            scores.append(0.0)
            continue
        order = list(np.argsort(-model.probabilities(cols), kind="stable"))
        ranked = [docs[i] for i in order]
        scores.append(average_precision(ranked, relevant))
        if similarity is not None:
            tops.append((float(similarity.probabilities(cols)[order[0]]), ranked[0] in relevant))
    return float(np.mean(scores)), tops


def cross_validate(
    folds: list[list[Row]],
    names: list[str],
    qrels_by_fold: list[list[set[str]]],
    absolute: list[str] | None = None,
) -> tuple[float, list]:
    """Out-of-fold MAP@5 (and the top match's similarity, right or not, for the threshold)."""
    results, tops = [], []
    for k in range(len(folds)):
        train = [r for j, f in enumerate(folds) if j != k for r in f]
        model = fit(*_stack(train, names), names)
        similarity = fit(*_stack(train, absolute), absolute) if absolute else None
        score, top = _map5(model, folds[k], qrels_by_fold[k], similarity)
        results.append(score)
        tops += top
    return float(np.mean(results)), tops


def strong_threshold(
    tops: list[tuple[float, bool]], precision: float = 0.98, floor: float = 0.8
) -> float:
    """The lowest similarity from which the best match was right ``precision`` of the time.

    Not under ``floor``: here every query has a match in the library; at a desk most
    claims have none, so a "strong" marker must ask for more than this data shows.
    """
    best = 0.99
    for cut in np.arange(0.99, floor - 0.005, -0.01):
        above = [ok for p, ok in tops if p >= cut]
        if len(above) >= 20 and sum(above) / len(above) >= precision:
            best = float(cut)
    return round(best, 2)


def _fold_rows(
    data: Path, vectors: Path | None, queries: dict[str, str], qrels: dict[str, set[str]]
) -> tuple[list[list[str]], list, list]:
    """The folds' query ids and, per fold, the candidates' rows with and without vectors."""
    from workbench.library.embed import to_blob
    from workbench.library.importer import import_file
    from workbench.library.matcher import Matcher
    from workbench.library.text import clean
    from workbench.store.library import LibraryStore

    with tempfile.TemporaryDirectory() as tmp:
        library = LibraryStore(Path(tmp) / "train.sqlite")
        import_file(library, data / "verified_claims.docs.tsv", fmt="clef")
        id_of = {r.key.split(":", 1)[1]: r.id for r in library.reviews()}
        doc_of = {v: k for k, v in id_of.items()}
        if vectors:
            doc_ids = json.loads((vectors / "doc_ids.json").read_text())
            fold_qids = [
                json.loads((vectors / f"fold{k}" / "qids.json").read_text()) for k in range(FOLDS)
            ]
        else:
            order = sorted((q for q in queries if q in qrels), key=int)
            random.Random(0).shuffle(order)
            fold_qids = [order[k::FOLDS] for k in range(FOLDS)]
        lexical = Matcher(library, embedder=None)
        hybrid_folds, lexical_folds = [], []
        for k, qids in enumerate(fold_qids):
            print(f"fold {k}: {len(qids)} queries", file=sys.stderr, flush=True)
            if vectors:
                folder = vectors / f"fold{k}"
                docs = np.load(folder / "docs.npy")
                table = dict(
                    zip(
                        (clean(queries[q]) for q in qids),
                        np.load(folder / "queries.npy"),
                        strict=True,
                    )
                )
                embedder = FixedEmbedder(f"fold{k}", table)
                library.set_vectors(
                    [(id_of[d], to_blob(v)) for d, v in zip(doc_ids, docs, strict=True)],
                    embedder.model_id,
                )
            else:
                from workbench.library.embed import load_embedder

                embedder = load_embedder()
                if library.count_missing_vectors():
                    Matcher(library, embedder=embedder).index()
            dense = Matcher(library, embedder=embedder)
            hybrid_folds.append(_rows(dense, queries, qrels, qids, doc_of))
            lexical_folds.append(_rows(lexical, queries, qrels, qids, doc_of))
        library.close()
    return fold_qids, hybrid_folds, lexical_folds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m training.library.train", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--vectors", type=Path, help="out-of-fold vectors (train script output)")
    parser.add_argument("--out", type=Path, default=rank.RANKER_FILE)
    args = parser.parse_args(argv)

    queries = read_queries(args.data / "train" / "tweets.queries.tsv")
    qrels = read_qrels(args.data / "train" / "tweet-vclaim-pairs.qrels")
    fold_qids, hybrid_folds, lexical_folds = _fold_rows(args.data, args.vectors, queries, qrels)
    qrels_by_fold = [[qrels[q] for q in qids] for qids in fold_qids]
    cv_hybrid, tops = cross_validate(hybrid_folds, rank.HYBRID, qrels_by_fold, rank.ABSOLUTE_HYBRID)
    cv_lexical, tops_lexical = cross_validate(
        lexical_folds, rank.LEXICAL, qrels_by_fold, rank.ABSOLUTE_LEXICAL
    )
    bm25_only = rank.LinearModel(["bm25_share"], [0.0], [1.0], [1.0], 0.0)
    cv_bm25 = float(
        np.mean(
            [_map5(bm25_only, f, q)[0] for f, q in zip(lexical_folds, qrels_by_fold, strict=True)]
        )
    )
    hybrid_rows = [r for f in hybrid_folds for r in f]
    lexical_rows = [r for f in lexical_folds for r in f]
    ranker = rank.Ranker(
        fit(*_stack(hybrid_rows, rank.HYBRID), rank.HYBRID),
        fit(*_stack(lexical_rows, rank.LEXICAL), rank.LEXICAL),
        fit(*_stack(hybrid_rows, rank.ABSOLUTE_HYBRID), rank.ABSOLUTE_HYBRID),
        fit(*_stack(lexical_rows, rank.ABSOLUTE_LEXICAL), rank.ABSOLUTE_LEXICAL),
        strong_threshold(tops),
        strong_threshold(tops_lexical),
        {
            "train_cv_map5": {
                "hybrid": round(cv_hybrid, 4),
                "lexical": round(cv_lexical, 4),
                "bm25": round(cv_bm25, 4),
            },
            "folds": FOLDS,
            "vectors": "given, out of fold" if args.vectors else "shipped model",
        },
    )
    ranker.save(args.out)
    print(
        json.dumps(
            ranker.meta | {"strong": ranker.strong, "strong_lexical": ranker.strong_lexical},
            indent=1,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
