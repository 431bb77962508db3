"""Re-ranking the candidates of a claim: features and a fitted logistic regression.

No SQL, no Qt: the matcher gathers candidates (BM25 from the library's FTS5 index,
nearest sentence vectors) and this module scores them. The same ``features()`` is
used to fit the weights (``training/library/train.py``, not shipped with the app) and
at run time, so the two cannot drift apart. The output is the probability that a
candidate checks the claim, which the window shows as "similarity" and uses for the
"strong" marker.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from workbench import paths
from workbench.library import text as T

RANKER_FILE = paths.RESOURCES / "matching" / "ranker.json"

# Ordering: relative features (how a candidate compares with the others) rank best.
# fmt: off
HYBRID = ["bm25_share", "bm25_rr", "dense_rr", "cosine", "cosine_gap", "cover_review",
          "cover_claim", "numbers_shared", "numbers_unmatched", "names_shared", "claimant_named"]
# fmt: on
LEXICAL = [
    "bm25_share",
    "bm25_rr",
    "cover_review",
    "cover_claim",
    "numbers_shared",
    "numbers_unmatched",
    "names_shared",
    "claimant_named",
]
# Similarity shown (and "strong"): only what a pair says on its own, so a library with
# nothing relevant gives low figures, and the same claim word for word gives a high one.
ABSOLUTE_HYBRID = [
    "cosine",
    "cover_review",
    "cover_claim",
    "numbers_shared",
    "numbers_unmatched",
    "names_shared",
]
ABSOLUTE_LEXICAL = [
    "cover_review",
    "cover_claim",
    "numbers_shared",
    "numbers_unmatched",
    "names_shared",
]


@dataclass
class Candidate:
    """One library entry considered for a claim, with what retrieval said about it."""

    id: int
    claim: str
    title: str = ""
    claimant: str = ""
    bm25: float = 0.0
    bm25_rank: int | None = None
    dense_rank: int | None = None
    cosine: float | None = None


@dataclass
class Query:
    """The claim being matched, analysed once."""

    text: str
    terms: set[str] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    claimant: frozenset[str] = frozenset()

    @classmethod
    def of(cls, text: str, claimant: str = "") -> Query:
        """``claimant``: who makes the claim (else the author of a tweet's signature)."""
        cleaned = T.clean(text)
        who = T.name_terms(claimant or T.signature_author(text))
        return cls(
            cleaned, set(T.content_terms(cleaned)), T.numbers(cleaned), T.names(cleaned), who
        )


def features(query: Query, candidates: list[Candidate], depth: int = 30) -> dict[str, np.ndarray]:
    """Every feature for every candidate, as columns (rows follow ``candidates``)."""
    n = len(candidates)
    top_bm25 = max((c.bm25 for c in candidates), default=0.0) or 1.0
    cosines = [c.cosine for c in candidates if c.cosine is not None]
    top_cosine = max(cosines, default=0.0)
    columns = {name: np.zeros(n) for name in HYBRID}
    for row, c in enumerate(candidates):
        terms, figures, names = T.analyse(f"{c.claim}\n{c.title}")
        shared = len(query.terms & terms)
        columns["bm25_share"][row] = c.bm25 / top_bm25
        columns["bm25_rr"][row] = 1.0 / (1 + (depth if c.bm25_rank is None else c.bm25_rank))
        columns["dense_rr"][row] = 1.0 / (1 + (depth if c.dense_rank is None else c.dense_rank))
        columns["cosine"][row] = c.cosine if c.cosine is not None else 0.0
        columns["cosine_gap"][row] = (c.cosine - top_cosine) if c.cosine is not None else -1.0
        columns["cover_review"][row] = shared / max(1, len(terms))
        columns["cover_claim"][row] = shared / max(1, len(query.terms))
        columns["numbers_shared"][row] = float(bool(query.numbers & figures))
        columns["numbers_unmatched"][row] = float(bool(figures - query.numbers))
        columns["names_shared"][row] = len(query.names & names) / max(1, len(names))
        # The claimant named in the review (or as its claimant): "Did X tweet…?" for a
        # tweet of X, "X said…" for X's claim.
        columns["claimant_named"][row] = float(
            bool(query.claimant) and bool(query.claimant & (terms | T.name_terms(c.claimant)))
        )
    return columns


@dataclass
class LinearModel:
    """Standardised features → logistic regression."""

    names: list[str]
    mean: list[float]
    scale: list[float]
    weights: list[float]
    bias: float

    def probabilities(self, columns: dict[str, np.ndarray]) -> np.ndarray:
        if not self.names:
            return np.zeros(0)
        x = np.column_stack([columns[name] for name in self.names])
        z = ((x - np.array(self.mean)) / np.array(self.scale)) @ np.array(self.weights) + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def to_json(self) -> dict:
        return {
            "features": self.names,
            "mean": self.mean,
            "scale": self.scale,
            "weights": self.weights,
            "bias": self.bias,
        }

    @classmethod
    def from_json(cls, data: dict) -> LinearModel:
        return cls(
            list(data["features"]),
            list(map(float, data["mean"])),
            list(map(float, data["scale"])),
            list(map(float, data["weights"])),
            float(data["bias"]),
        )


@dataclass
class Ranker:
    """Fitted models, with and without sentence vectors: one orders, one says how similar.

    ``strong`` is the similarity from which the best match was right at least 95% of
    the time (out of fold, on train).
    """

    hybrid: LinearModel
    lexical: LinearModel
    similarity_hybrid: LinearModel
    similarity_lexical: LinearModel
    strong: float = 0.5
    strong_lexical: float = 0.5
    meta: dict = field(default_factory=dict)

    def score(
        self, query: Query, candidates: list[Candidate], *, dense: bool
    ) -> tuple[np.ndarray, np.ndarray]:
        """(ordering scores, similarities) for the candidates."""
        columns = features(query, candidates)
        if dense:
            return (
                self.hybrid.probabilities(columns),
                self.similarity_hybrid.probabilities(columns),
            )
        return (self.lexical.probabilities(columns), self.similarity_lexical.probabilities(columns))

    def threshold(self, dense: bool) -> float:
        return self.strong if dense else self.strong_lexical

    @classmethod
    def load(cls, path: Path = RANKER_FILE) -> Ranker:
        if not Path(path).exists():
            return default_ranker()
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        m = LinearModel.from_json
        return cls(
            m(data["hybrid"]),
            m(data["lexical"]),
            m(data["similarity_hybrid"]),
            m(data["similarity_lexical"]),
            float(data.get("strong", 0.5)),
            float(data.get("strong_lexical", 0.5)),
            data.get("meta", {}),
        )

    def save(self, path: Path = RANKER_FILE) -> None:
        data = {
            "hybrid": self.hybrid.to_json(),
            "lexical": self.lexical.to_json(),
            "similarity_hybrid": self.similarity_hybrid.to_json(),
            "similarity_lexical": self.similarity_lexical.to_json(),
            "strong": self.strong,
            "strong_lexical": self.strong_lexical,
            "meta": self.meta,
        }
        Path(path).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def default_ranker() -> Ranker:
    """Hand-set weights, used only if ``ranker.json`` is missing: BM25 share, then cosine."""

    def model(names: list[str], weights: dict[str, float]) -> LinearModel:
        return LinearModel(
            names,
            [0.0] * len(names),
            [1.0] * len(names),
            [weights.get(n, 0.0) for n in names],
            -3.0,
        )

    return Ranker(
        model(HYBRID, {"bm25_share": 2.0, "cosine": 4.0, "cosine_gap": 4.0}),
        model(LEXICAL, {"bm25_share": 4.0, "cover_review": 2.0}),
        model(ABSOLUTE_HYBRID, {"cosine": 6.0}),
        model(ABSOLUTE_LEXICAL, {"cover_review": 4.0, "cover_claim": 2.0}),
    )
