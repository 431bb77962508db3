"""The check-worthiness classifier the project trains itself (``python -m workbench.nlp.train``).

A spaCy pipeline stored in ``resources/claim_model/`` with one or more ``textcat``
components, and ``meta_workbench.json`` beside it: how their scores and the
linguistic signals combine (``combiner``, fitted by logistic regression), the
threshold tuned on the dev set, the figures measured when it was trained, and the
data it was trained on. Loaded once, lazily, thread-safely.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.nlp import signals
from workbench.paths import RESOURCES

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_DIR = RESOURCES / "claim_model"
META_FILE = "meta_workbench.json"
NEWS_FILE = "news.json"  # the news combiner and the page-chrome classifier (train_news.py)
LABEL = "YES"
BATCH = 256
FALLBACK_THRESHOLD = 0.5
NO_MODEL_LOGIT = -0.8  # the prior log-odds when there is no trained model: about 0.3

_lock = threading.Lock()
_model = None


def model_dir() -> Path:
    return MODEL_DIR


@lru_cache(maxsize=1)
def meta() -> dict:
    path = MODEL_DIR / META_FILE
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def threshold() -> float:
    """The threshold of the sentence scorer, chosen on the debates' dev set."""
    return float(meta().get("threshold", FALLBACK_THRESHOLD))


_news_override: list[dict] = []  # models being cross-validated (``using_news_meta``)


def news_meta() -> dict:
    """The news scorer and the page-chrome classifier (``news.json``), or {} without one."""
    if _news_override:
        return _news_override[-1]
    return _news_file()


@lru_cache(maxsize=1)
def _news_file() -> dict:
    path = MODEL_DIR / NEWS_FILE
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def reload_news() -> None:
    """Read ``news.json`` again on next use (after ``train_news`` wrote a new one)."""
    from workbench.nlp import news_score

    _news_file.cache_clear()
    news_score.clear_cache()


@contextmanager
def using_news_meta(meta: dict) -> Iterator[None]:
    """Score with ``meta`` instead of the shipped ``news.json`` inside the block (for
    cross-validation: each fold is scored by models fitted without it)."""
    from workbench.nlp import news_score

    _news_override.append(meta)
    news_score.clear_cache()
    try:
        yield
    finally:
        _news_override.pop()
        news_score.clear_cache()


def combiner() -> dict:
    """The weights of the final score: ``bias``, ``classifiers`` (component -> [label,
    weight]) and ``signals`` (signal -> weight). A model trained before the combiner was
    fitted uses its ``textcat`` as it is and the hand-set signal weights."""
    found = meta().get("combiner")
    if found:
        return found
    return {"bias": 0.0, "classifiers": {"textcat": [LABEL, 1.0]}, "signals": signals.WEIGHTS}


def load() -> Language | None:
    """The trained pipeline, or None when it has not been trained (scores then use signals only)."""
    global _model
    with _lock:
        if _model is None and (MODEL_DIR / "config.cfg").is_file():
            from workbench.nlp.spacy_import import import_spacy

            spacy = import_spacy()
            # The tokenizer is spaCy's English one, rebuilt from its rules when the
            # pipeline is created; reading it again from disk costs time and changes nothing.
            _model = spacy.load(MODEL_DIR, exclude=["tokenizer"])
        return _model


def classifier_logits(
    texts: list[str], progress: Callable[[int, int], None] | None = None
) -> list[list[float]] | None:
    """Each text's log-odds of check-worthy from each classifier of the combiner, in its
    order; None when there is no model.

    Each text is tokenised once and every classifier scores the same Docs; their
    scores are read as arrays (``predict``) rather than written to each Doc's
    ``cats`` and read back, which saves a tenth of the time.
    """
    model = load()
    if model is None:
        if progress:
            progress(len(texts), len(texts))
        return None
    import numpy

    columns = []
    for name, (label, _weight) in combiner()["classifiers"].items():
        pipe: Any = model.get_pipe(name)  # a text classifier: labels, predict()
        columns.append((pipe, pipe.labels.index(label)))
    out: list[list[float]] = []
    for start in range(0, len(texts), BATCH):
        docs = [model.make_doc(text) for text in texts[start : start + BATCH]]
        rows = []
        for pipe, column in columns:
            p = numpy.clip(pipe.predict(docs)[:, column], 1e-6, 1 - 1e-6).astype(float)
            rows.append(numpy.log(p / (1 - p)))
        out.extend(numpy.stack(rows, axis=1).tolist() if docs else [])
        if progress:
            progress(min(start + BATCH, len(texts)), len(texts))
    return out


def base_logits(
    texts: list[str], progress: Callable[[int, int], None] | None = None
) -> list[float | None]:
    """The classifiers' part of each text's log-odds in the sentence scorer, in batches;
    None for every text when there is no model."""
    logits = classifier_logits(texts, progress)
    if logits is None:
        return [None] * len(texts)
    bias, factors = _base_weights()
    return [bias + sum(w * x for w, x in zip(factors, row)) for row in logits]


@lru_cache(maxsize=1)
def _base_weights() -> tuple[float, tuple[float, ...]]:
    weights = combiner()
    return float(weights["bias"]), tuple(float(w) for _label, w in weights["classifiers"].values())


def base_logits_from(row: list[float]) -> float:
    """The sentence scorer's classifier part from the classifiers' log-odds."""
    bias, factors = _base_weights()
    return bias + sum(w * x for w, x in zip(factors, row))


def probabilities(texts: list[str]) -> list[float | None]:
    """P(check-worthy) from the classifiers alone, without the signals."""
    return [None if z is None else sigmoid(z) for z in base_logits(texts)]


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def combine(base: float | None, found: signals.Signals) -> float:
    """The final score: the classifiers' log-odds moved by the linguistic signals."""
    if base is None:
        return sigmoid(NO_MODEL_LOGIT + signals.adjustment(found))
    return sigmoid(base + signals.adjustment(found, combiner()["signals"]))


def iter_batches(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
