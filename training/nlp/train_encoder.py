"""Fit the sentence-vector heads of the news scorer (``encoder.json``), reproducibly.

    .venv/bin/python -m training.nlp.train_encoder [--out FILE] [--vectors FILE.npz]

Data (read at run time, never copied into the repository): the ClaimBuster
crowdsourced sentences (= CT24 train, with its three classes), minus the sentences that
also occur in CT24 dev or dev-test, as ``train.py`` reads them. Every sentence is turned
into a vector by the shipped matching model (all-MiniLM-L6-v2, ``resources/matching/``;
about ten minutes on two busy cores, one thread), then two L2-regularised logistic
regressions are fitted on the vectors:

- ``factual``: factual (ClaimBuster's unimportant or check-worthy factual) vs non-factual;
- ``important``: check-worthy vs unimportant, among the factual sentences.

The regularisation is chosen by four-fold cross-validation by debate year (average
precision of each head). CT24 dev is scored only to report. ``--vectors`` keeps the
vectors in a file and reads them from it the next time (the same model gives the same
vectors). Deterministic: the same data and model give the same file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from training.nlp import stacking
from training.nlp.claimbuster import read_claimbuster
from workbench.nlp import model
from workbench.nlp.data import CLAIMBUSTER_TRAIN, DEV, DEV_TEST, read_tsv
from workbench.nlp.encoder import ENCODER_FILE, HEADS

if TYPE_CHECKING:
    import numpy as np

SETTINGS = {"l2": [0.3, 1.0, 3.0, 10.0], "folds": 4}
CREDIT = (
    "The heads are fitted on sentence vectors of the ClaimBuster dataset (F. Arslan, N. Hassan, "
    "C. Li and M. Tremayne, ICWSM 2020, CC BY 4.0); the vectors come from all-MiniLM-L6-v2 "
    "(sentence-transformers, Apache-2.0), shipped in resources/matching/."
)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def vectors_for(texts: list[str], cache: Path | None) -> tuple[np.ndarray, str]:
    """The vectors of ``texts`` from the shipped model (read from ``cache`` when it holds
    them all, written to it otherwise)."""
    import numpy as np

    from workbench.library.embed import load_embedder

    embedder = load_embedder()
    if embedder is None:
        raise SystemExit("the matching model (resources/matching/) or onnxruntime is missing")
    if cache is not None and cache.is_file():
        stored = np.load(cache, allow_pickle=False)
        known = dict(zip(stored["texts"].tolist(), stored["vectors"], strict=False))
        if str(stored["model_id"]) == embedder.model_id and all(t in known for t in texts):
            return np.stack([known[t] for t in texts]), embedder.model_id
    unique = list(dict.fromkeys(texts))
    found = embedder.embed(
        unique,
        progress=lambda done, total: (
            print(f"\rvectors {done:,}/{total:,}", end="", flush=True)
            if done % 2048 < 32 or done == total
            else None
        ),
    )
    print()
    if cache is not None:
        np.savez(cache, texts=np.array(unique), vectors=found, model_id=np.array(embedder.model_id))
    where = {t: i for i, t in enumerate(unique)}
    return found[[where[t] for t in texts]], embedder.model_id


def _fit(x: np.ndarray, y: list[bool], l2: float) -> list[float]:
    return [round(w, 6) for w in stacking.fit_logistic(x.tolist(), y, l2)]


def _score(w: list[float], x: np.ndarray) -> list[float]:
    import numpy as np

    return (x @ np.array(w[1:]) + w[0]).tolist()


def train(settings: dict, cache: Path | None = None) -> dict:
    import numpy as np

    crowd = read_claimbuster(CLAIMBUSTER_TRAIN)
    dev, dev_test = read_tsv(DEV), read_tsv(DEV_TEST)
    held_out = {t.strip().lower() for t in dev.texts + dev_test.texts}
    rows = [r for r in crowd if r.text.strip().lower() not in held_out]
    x, model_id = vectors_for([r.text for r in rows] + dev.texts, cache)
    x_train, x_dev = x[: len(rows)], x[len(rows) :]
    folds = stacking.debate_folds(rows, settings["folds"])
    targets = {
        "factual": ([True] * len(rows), [r.verdict >= 0 for r in rows]),
        "important": ([r.verdict >= 0 for r in rows], [r.verdict == 1 for r in rows]),
    }
    heads, report = {}, {}
    for head in HEADS:
        use, labels = targets[head]
        index = np.array([i for i, u in enumerate(use) if u])
        chosen, best = settings["l2"][0], -1.0
        for l2 in settings["l2"]:
            scores, gold = [], []
            for k in range(settings["folds"]):
                train_i = [i for i in index if folds[i] != k]
                test_i = [i for i in index if folds[i] == k]
                w = _fit(x_train[train_i], [labels[i] for i in train_i], l2)
                scores += _score(w, x_train[test_i])
                gold += [labels[i] for i in test_i]
            ap = stacking.average_precision(scores, gold)
            report.setdefault(head, {})[f"cv_average_precision_l2_{l2}"] = round(ap, 4)
            if ap > best + 1e-9:
                chosen, best = l2, ap
        heads[head] = _fit(x_train[index], [labels[i] for i in index], chosen)
        report[head]["l2"] = chosen
    # Reported only: how well each head alone ranks CT24 dev's check-worthy sentences.
    for head in HEADS:
        report[head]["ct24_dev_average_precision"] = round(
            stacking.average_precision(_score(heads[head], x_dev), dev.labels), 4
        )
    return {
        "model_id": model_id,
        "heads": heads,
        "settings": settings,
        "figures": report,
        "data": {
            "file": CLAIMBUSTER_TRAIN.name,
            "sha256": _sha256(CLAIMBUSTER_TRAIN),
            "rows": len(rows),
        },
        "credit": CREDIT,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m training.nlp.train_encoder",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--out", type=Path, default=model.MODEL_DIR / ENCODER_FILE)
    parser.add_argument("--vectors", type=Path, help="keep the sentence vectors in this .npz file")
    args = parser.parse_args(argv)
    meta = train(SETTINGS, args.vectors)
    args.out.write_text(json.dumps(meta) + "\n", encoding="utf-8")
    print(json.dumps(meta["figures"], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
