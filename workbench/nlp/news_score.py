"""The news combiner: the article scorer's logistic regression over the classifiers'
log-odds, the debate signals and the news signals (``news.py``), fitted by
``training/nlp/train_news.py`` and stored in ``news.json``.

Two combiners are stored. ``combiner`` scores every sentence; ``encoder.combiner`` has
the same inputs and the two sentence-vector heads of ``encoder.py`` besides, and rescores
the sentences whose first score is in ``encoder.band`` when the encoder can be loaded.
Its bias is shifted so that the one threshold (``threshold``) serves both: a sentence
crosses it with the encoder where the encoder combiner's own out-of-fold threshold is.
When ``encoder.news_head`` is stored (a logistic regression on the sentence vector,
fitted on the news train sentences), its log-odds are a third head input (``NEWS_HEAD``).
"""

from __future__ import annotations

import math
from functools import lru_cache

from workbench.nlp import signals
from workbench.nlp.news import FEATURES, NewsSignals
from workbench.nlp.signals import Signals

NEWS_HEAD = "news"  # the encoder combiner's input from ``encoder.news_head``


_HEDGE = signals.FEATURES.index("opinion")


def feature_vector(logits: list[float] | None, debate: Signals, found: NewsSignals) -> list[float]:
    """The news combiner's inputs: each classifier's log-odds (0 without a model), the
    debate signals, then the news signals. A hedge in a clause of its own beside a
    checkable one (``found.mixed``) does not count: LABELLING.md makes a sentence that
    mixes opinion with a checkable fact a claim."""
    debate_inputs = signals.feature_vector(debate)
    if found.mixed:
        debate_inputs[_HEDGE] = 0.0
    return [
        *(logits or [0.0] * len(_classifier_names())),
        *debate_inputs,
        *found.vector(),
    ]


def _classifier_names() -> list[str]:
    from workbench.nlp import model

    return list(model.combiner()["classifiers"])


def prior_weights(heads: int = 0) -> list[float]:
    """Where the news combiner's weights start: the sentence scorer's fitted weights for
    the classifiers and the debate signals, nothing for the news signals (nor for the
    ``heads`` sentence-vector heads)."""
    from workbench.nlp import model

    weights = model.combiner()
    return [
        *(float(w) for _label, w in weights["classifiers"].values()),
        *(float(weights["signals"].get(name, 0.0)) for name in signals.FEATURES),
        *(0.0 for _ in FEATURES),
        *(0.0 for _ in range(heads)),
    ]


def combiner_from(weights: list[float], heads: tuple[str, ...] = ()) -> dict:
    names = _classifier_names()
    values = weights[1:]
    k = len(names)
    d = len(signals.FEATURES)
    n = len(FEATURES)
    out = {
        "bias": weights[0],
        "classifiers": dict(zip(names, values[:k])),
        "signals": dict(zip(signals.FEATURES, values[k : k + d])),
        "news": dict(zip(FEATURES, values[k + d : k + d + n])),
    }
    if heads:
        out["encoder"] = dict(zip(heads, values[k + d + n :]))
    return out


def _weights_vector(combiner: dict, heads: tuple[str, ...] = ()) -> tuple[float, list[float]]:
    names = _classifier_names()
    return float(combiner["bias"]), [
        *(float(combiner["classifiers"].get(n, 0.0)) for n in names),
        *(float(combiner["signals"].get(n, 0.0)) for n in signals.FEATURES),
        *(float(combiner["news"].get(n, 0.0)) for n in FEATURES),
        *(float(combiner.get("encoder", {}).get(h, 0.0)) for h in heads),
    ]


@lru_cache(maxsize=1)
def _fitted() -> tuple[float, list[float], float] | None:
    from workbench.nlp import model

    meta = model.news_meta()
    if not meta.get("combiner") or model.load() is None:
        return None
    bias, weights = _weights_vector(meta["combiner"])
    return bias, weights, float(meta["threshold"])


def head_names(part: dict) -> tuple[str, ...]:
    """The sentence-vector heads an encoder combiner (``news.json``'s ``encoder``) reads."""
    from workbench.nlp import encoder

    return (*encoder.HEADS, NEWS_HEAD) if part.get("news_head") else encoder.HEADS


@lru_cache(maxsize=1)
def _fitted_encoder() -> tuple[float, list[float], tuple[float, float], int] | None:
    """The encoder combiner's bias and weights, the band of first scores it rescores, and
    how many sentences of an article at most; None when ``news.json`` has none."""
    from workbench.nlp import model

    part = model.news_meta().get("encoder")
    if not part or _fitted() is None:
        return None
    bias, weights = _weights_vector(part["combiner"], head_names(part))
    low, high = part["band"]
    return bias, weights, (float(low), float(high)), int(part["cap"])


def news_head() -> list[float] | None:
    """The news head (bias, then one weight per vector dimension), or None."""
    from workbench.nlp import model

    part = model.news_meta().get("encoder") or {}
    head = part.get("news_head")
    return [float(v) for v in head] if head else None


def news_head_inputs() -> tuple[str, ...]:
    """The model outputs the news head reads, side by side (``encoder.head_vectors``):
    the sentence vector alone in a ``news.json`` from before round 7 of issue 13."""
    from workbench.nlp import encoder, model

    part = model.news_meta().get("encoder") or {}
    return tuple(part.get("news_head_inputs") or (encoder.EMBEDDING,))


def heads_wanted() -> int:
    """How many head log-odds ``score_with_encoder`` expects (0: no encoder combiner)."""
    from workbench.nlp import model

    part = model.news_meta().get("encoder")
    return len(head_names(part)) if part else 0


def clear_cache() -> None:
    """Forget the fitted news combiners (read again from ``model.news_meta()``)."""
    _fitted.cache_clear()
    _fitted_encoder.cache_clear()


def threshold() -> float:
    """The threshold of the news scorer (chosen on the news train split), else the
    sentence scorer's."""
    from workbench.nlp import model

    fitted = _fitted()
    return fitted[2] if fitted else model.threshold()


def score(logits: list[float] | None, debate: Signals, found: NewsSignals) -> float:
    """P(claim) of a sentence of a news page."""
    from workbench.nlp import model

    fitted = _fitted()
    if fitted is None:  # no news combiner: the sentence scorer as it is
        base = None if logits is None else model.base_logits_from(logits)
        return model.combine(base, debate)
    bias, weights = fitted[0], fitted[1]
    return _sigmoid(
        bias + sum(w * x for w, x in zip(weights, feature_vector(logits, debate, found)))
    )


def encoder_plan() -> tuple[tuple[float, float], int] | None:
    """The band of first scores the encoder rescores and the most sentences per article,
    or None when there is no encoder combiner."""
    fitted = _fitted_encoder()
    return (fitted[2], fitted[3]) if fitted else None


def score_with_encoder(
    logits: list[float] | None, debate: Signals, found: NewsSignals, heads: list[float]
) -> float:
    """P(claim) of a sentence of a news page, with its sentence-vector heads' log-odds."""
    fitted = _fitted_encoder()
    if fitted is None:
        return score(logits, debate, found)
    bias, weights = fitted[0], fitted[1]
    inputs = [*feature_vector(logits, debate, found), *heads]
    return _sigmoid(bias + sum(w * x for w, x in zip(weights, inputs)))


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(min(z, 40.0), -40.0)))
