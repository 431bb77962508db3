"""The check-worthiness classifier the project trains itself (``python -m workbench.nlp.train``).

A spaCy ``textcat`` pipeline stored in ``resources/claim_model/``, with
``meta_workbench.json`` beside it: the threshold tuned on the dev set, the figures
measured when it was trained, and the data it was trained on. Loaded once, lazily,
thread-safely.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from workbench.paths import RESOURCES

MODEL_DIR = RESOURCES / "claim_model"
META_FILE = "meta_workbench.json"
LABEL = "YES"
BATCH = 256
FALLBACK_THRESHOLD = 0.5

_lock = threading.Lock()
_model = None


def model_dir() -> Path:
    return MODEL_DIR


def meta() -> dict:
    path = MODEL_DIR / META_FILE
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def threshold() -> float:
    return float(meta().get("threshold", FALLBACK_THRESHOLD))


def load():
    """The trained pipeline, or None when it has not been trained (scores then use signals only)."""
    global _model
    with _lock:
        if _model is None and (MODEL_DIR / "config.cfg").is_file():
            import spacy

            _model = spacy.load(MODEL_DIR)
        return _model


def probabilities(
    texts: list[str], progress: Callable[[int, int], None] | None = None
) -> list[float | None]:
    """P(check-worthy) for each text, in batches; None for every text when there is no model."""
    model = load()
    if model is None:
        if progress:
            progress(len(texts), len(texts))
        return [None] * len(texts)
    out: list[float | None] = []
    for start in range(0, len(texts), BATCH):
        batch = texts[start:start + BATCH]
        out.extend(doc.cats[LABEL] for doc in model.pipe(batch, batch_size=BATCH))
        if progress:
            progress(min(start + BATCH, len(texts)), len(texts))
    return out


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def combine(probability: float | None, adjustment: float) -> float:
    """The final score: the model's log-odds moved by the linguistic signals."""
    base = logit(probability) if probability is not None else -0.8
    return sigmoid(base + adjustment)


def iter_batches(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
