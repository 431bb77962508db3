"""Sentence vectors for the news scorer: all-MiniLM-L6-v2 (the matching model of
``resources/matching/``, run by onnxruntime) and two logistic-regression heads on them,
fitted on ClaimBuster's three classes (``training/nlp/train_encoder.py``, ``encoder.json``):

- ``factual``: a factual sentence (unimportant or check-worthy) rather than an opinion;
- ``important``: among factual sentences, a check-worthy one rather than a trivial one.

Their log-odds are two more inputs of the news combiner, and so is a third head's, when
``news.json`` has one: ``news``, fitted by ``train_news`` on the vectors of the labelled
news pages' sentences (claim or not, as LABELLING.md has it), which learns what the
ClaimBuster heads cannot: a forecast, a procedural line, a site's own description.
The news head reads the model outputs ``news.json`` names (``news_head_inputs``; the
sentence vector alone before round 7 of issue 13): since round 7 the mean token vectors
of middle layers too, each L2-normalised, side by side (``head_vectors``). Whether a
sentence is a claim (its tense, a hedge, who speaks) sits in the middle layers more than
in the last, which the model's training made a vector of topic for matching.

The encoder costs about ten milliseconds of CPU a sentence, so the article scorer runs
it only on the sentences whose score without it is in the band ``news.json`` names
(since round 5 of issue 13 every score, 0 to 1: the news head is what knows a
confident-looking forecast), the nearest the threshold first, at most ``cap`` of them
per article (``page_score.refine``), never on a sentence passed over by a rule.
Without onnxruntime, tokenizers or the model file, or with
``WORKBENCH_CLAIM_ENCODER=none`` (or the matching model turned off with
``WORKBENCH_MATCHING_MODEL=none``), ``load()`` returns None and articles are scored
without it, as before.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from workbench.nlp import model

if TYPE_CHECKING:
    import numpy as np

    from workbench.library.embed import Embedder

ENCODER_FILE = "encoder.json"
ENV_SWITCH = "WORKBENCH_CLAIM_ENCODER"
HEADS = ("factual", "important")
EMBEDDING = "embedding"  # the model's sentence vector, the one matching uses

_lock = threading.Lock()
_loaded: dict[str, Encoder | None] = {}


class Encoder:
    """The sentence embedder and the heads: ``features(texts)`` gives each text's log-odds
    from each head, in the order of ``HEADS``."""

    def __init__(self, embedder: Embedder, heads: dict[str, list[float]]) -> None:
        import numpy as np

        self.embedder = embedder
        self.bias = np.array([heads[h][0] for h in HEADS], dtype=np.float32)
        self.weights = np.array([heads[h][1:] for h in HEADS], dtype=np.float32).T

    def features(
        self,
        texts: Sequence[str],
        memo: dict[str, list[float]] | None = None,
        extra: Sequence[float] | None = None,
        extra_inputs: Sequence[str] = (EMBEDDING,),
    ) -> list[list[float]]:
        """Each text's head log-odds; ``memo`` (text -> features) saves work when the same
        sentences are scored again (training, cross-validation). ``extra`` (bias, then one
        weight per dimension) is one more head, on the model outputs ``extra_inputs`` side
        by side (``head_vectors``: the news head of ``news.json``); its log-odds come last.
        It is left out when its size does not fit those outputs or the model lacks them.
        ``memo`` holds only the shipped heads."""
        import numpy as np

        inputs = tuple(extra_inputs)
        want_extra = (
            extra is not None
            and self.embedder.has_outputs(inputs)
            and len(extra) == self.embedder.dimensions * len(inputs) + 1
        )
        todo = [t for t in dict.fromkeys(texts) if memo is None or t not in memo or want_extra]
        found: dict[str, list[float]] = {}
        more: dict[str, float] = {}
        if todo:
            names = tuple(dict.fromkeys((EMBEDDING, *inputs))) if want_extra else (EMBEDDING,)
            outputs = dict(zip(names, self.embedder.embed_outputs(todo, names), strict=True))
            vectors = outputs[EMBEDDING]
            for text, row in zip(todo, (vectors @ self.weights + self.bias).tolist()):
                found[text] = [round(v, 6) for v in row]
            if want_extra and extra is not None:
                head = np.asarray(extra[1:], dtype=np.float32)
                side = side_by_side([outputs[name] for name in inputs])
                for text, value in zip(todo, (side @ head + float(extra[0])).tolist()):
                    more[text] = round(float(value), 6)
            if memo is not None:
                memo.update(found)
        source = found if memo is None else {**memo, **found}
        if not want_extra:
            return [source[t] for t in texts]
        return [[*source[t], more[t]] for t in texts]


def side_by_side(arrays: Sequence[np.ndarray]) -> np.ndarray:
    """Model outputs (a row per text) as one vector per text: each L2-normalised (the
    embedding already is; a layer's mean token vector is not), then joined."""
    import numpy as np

    parts = []
    for array in arrays:
        norms = np.linalg.norm(array, axis=1, keepdims=True)
        parts.append(array / np.maximum(norms, 1e-9))
    return np.hstack(parts).astype(np.float32)


def head_vectors(embedder: Embedder, texts: Sequence[str], inputs: Sequence[str]) -> np.ndarray:
    """The vectors a head on the model outputs ``inputs`` reads (``side_by_side``)."""
    return side_by_side(embedder.embed_outputs(texts, tuple(inputs)))


@lru_cache(maxsize=1)
def meta() -> dict:
    """``encoder.json``: the heads, the model they were fitted on, the figures; {} without one."""
    path = model.MODEL_DIR / ENCODER_FILE
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def switched_off() -> bool:
    return os.environ.get(ENV_SWITCH, "").lower() == "none"


def load() -> Encoder | None:
    """The encoder, loaded once (about half a second); None when it cannot be used."""
    if switched_off():
        return None
    with _lock:
        if "encoder" not in _loaded:
            _loaded["encoder"] = _make()
        return _loaded["encoder"]


def _make() -> Encoder | None:
    heads = meta().get("heads")
    if not heads or any(h not in heads for h in HEADS):
        return None
    try:
        from workbench.library.embed import load_embedder
    except ImportError:  # numpy or the library package missing
        return None
    embedder = load_embedder()
    if embedder is None or meta().get("model_id") != embedder.model_id:
        return None  # no runtime, or heads fitted on another model's vectors
    return Encoder(embedder, heads)


def reset() -> None:
    """Forget the loaded encoder and ``encoder.json`` (tests switch it on and off)."""
    with _lock:
        _loaded.clear()
    meta.cache_clear()
