"""Matching a claim against the library: BM25 and sentence-vector candidates, re-ranked.

1. The claim is cleaned (links, handles, a tweet's signature) and its content
   words and figures become an FTS5 query (from 20,000 reviews on, only its rarest
   terms): the library's 30 best by BM25.
2. With the sentence model: the claim's vector against the stored vectors, held in
   memory and reloaded when the library changes (``vectors.VectorIndex``: an exact
   scan, or an inverted file for large libraries): the 30 nearest. A BM25
   candidate without a stored vector yet (an import whose vectors are still being
   computed) is embedded on the spot.
3. The union is scored by the fitted ranker (``rank.py``); the best ``k`` are kept.

Without onnxruntime, the tokenizer or the model file, step 2 is skipped and the
lexical ranker is used. The matcher is used from one thread at a time (a lock).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from workbench.core.reviews import Review
from workbench.library import text as T
from workbench.library.embed import Embedder, from_blobs, load_embedder, to_blob
from workbench.library.rank import Candidate, Query, Ranker
from workbench.library.vectors import VectorIndex

if TYPE_CHECKING:
    from workbench.store.library import LibraryStore

BM25_DEPTH = 30
DENSE_DEPTH = 30
BM25_WEIGHTS = (1.0, 1.0, 0.5)  # claim, title, claimant
# In a large library the BM25 query keeps the claim's rarest terms, and none found in
# more than this share of the reviews: FTS5 scores every review that has any query
# term, so common terms cost the most and tell the least (at 100,000 reviews: 16 ms
# for all terms, 10 ms for the 8 rarest). Not applied below PRUNE_FROM reviews.
PRUNE_FROM = 20_000
COMMON_SHARE = 0.02
MAX_TERMS = 8
_UNSET = object()


@dataclass
class Match:
    """A library entry that may check the claim: ``score`` in [0, 1]."""

    review: Review
    score: float
    strong: bool
    bm25: float = 0.0
    cosine: float | None = None

    def to_json(self) -> dict:
        r = self.review
        return {
            "score": round(self.score, 4),
            "strong": self.strong,
            "claim": r.claim,
            "title": r.title,
            "verdict": r.verdict,
            "colour": r.colour,
            "publisher": r.publisher,
            "date": r.date,
            "url": r.url,
            "claimant": r.claimant,
            "rationale": r.rationale,
            "source": r.source,
            "project": r.project,
            "project_claim_id": r.project_claim_id,
            "key": r.key,
            "cosine": None if self.cosine is None else round(self.cosine, 4),
            "bm25": round(self.bm25, 3),
        }


class Matcher:
    """Matches claims against one open LibraryStore."""

    def __init__(
        self, library: LibraryStore, *, embedder: object = _UNSET, ranker: Ranker | None = None
    ) -> None:
        self.library = library
        self.embedder: Embedder | None = (
            load_embedder() if embedder is _UNSET else embedder  # type: ignore[assignment]
        )
        self.ranker = ranker or Ranker.load()
        self._lock = threading.RLock()
        self._generation = -1
        self._index: VectorIndex | None = None
        self._count: tuple[int, int] | None = None
        self._frequency: dict[str, int] = {}

    @property
    def dense(self) -> bool:
        return self.embedder is not None

    # -- vectors -------------------------------------------------------------------------
    def _model(self) -> Embedder:
        """The sentence model; only dense matching, which has one, asks for it."""
        if self.embedder is None:
            raise RuntimeError("no sentence model: matching is BM25 only")
        return self.embedder

    def _refresh(self) -> VectorIndex:
        """(Re)load the stored vectors when another write changed the library."""
        generation = self.library.generation()
        if generation == self._generation and self._index is not None:
            return self._index
        ids, blobs = [], []
        if self.library.vector_model() == self._model().model_id:
            for id_, blob in self.library.all_vectors():
                ids.append(id_)
                blobs.append(blob)
        self._index = VectorIndex(
            np.array(ids, dtype=np.int64), from_blobs(blobs, self._model().dimensions)
        )
        self._generation = generation
        return self._index

    def index(
        self,
        progress: Callable[[int, int], None] | None = None,
        batch: int = 256,
        stop: Callable[[], bool] | None = None,
        max_batches: int | None = None,
    ) -> int:
        """Compute missing vectors (all, or ``max_batches`` batches, or until ``stop()``)."""
        if self.embedder is None:
            return 0
        with self._lock:
            if self.library.vector_model() not in ("", self.embedder.model_id):
                self.library.set_vectors([], self.embedder.model_id)  # drops the old ones
            total = self.library.count_missing_vectors()
            done = batches = 0
            while not (stop and stop()) and (max_batches is None or batches < max_batches):
                batches += 1
                todo = self.library.missing_vectors(batch)
                if not todo:
                    break
                vectors = self.embedder.embed([text for _id, text in todo])
                index = self._index
                current = index is not None and self._generation == self.library.generation()
                self.library.set_vectors(
                    [(id_, to_blob(v)) for (id_, _t), v in zip(todo, vectors, strict=True)],
                    self.embedder.model_id,
                )
                if current and index is not None:  # keep the loaded vectors in step
                    stored = from_blobs([to_blob(v) for v in vectors], self.embedder.dimensions)
                    index.add(np.array([id_ for id_, _t in todo], dtype=np.int64), stored)
                    self._generation = self.library.generation()
                done += len(todo)
                if progress:
                    progress(done, max(total, done))
            return done

    # -- matching ------------------------------------------------------------------------
    def fts_query(self, text: str) -> str:
        """The BM25 query; in a large library without the terms too common to matter."""
        terms = T.fts_terms(text)
        generation = self.library.generation()
        if self._count is None or self._count[0] != generation:
            self._count = (generation, self.library.review_count())
            self._frequency = {}
        total = self._count[1]
        if total >= PRUNE_FROM and terms:
            # Document frequencies only change with the library: each term is looked
            # up once per generation (a claim's terms recur in the next ones).
            unknown = [t for t in terms if t not in self._frequency]
            if unknown:
                self._frequency.update(self.library.document_frequencies(unknown))
            frequency = self._frequency
            rare = sorted(terms, key=lambda t: frequency.get(t, 0))
            kept = [t for t in rare if frequency.get(t, 0) <= COMMON_SHARE * total]
            terms = (kept or rare[:3])[:MAX_TERMS]
        return T.query_of(terms)

    def candidates(
        self, text: str, exclude_key: str = "", claimant: str = ""
    ) -> tuple[Query, list[Candidate]]:
        """The claim analysed, and its candidates with what retrieval found (no scores yet)."""
        query = Query.of(text, claimant)
        found: dict[int, Candidate] = {}
        rows = self.library.bm25(self.fts_query(text), BM25_DEPTH, BM25_WEIGHTS, exclude_key)
        for rank, (id_, score) in enumerate(rows):
            found[id_] = Candidate(id_, "", bm25=score, bm25_rank=rank)
        texts = self.library.candidate_texts(list(found)) if found else {}
        if self.embedder is not None:
            self._dense_candidates(query, found, texts, exclude_key)
        candidates = [c for c in found.values() if c.id in texts]
        for c in candidates:
            c.claim, c.title, c.claimant = texts[c.id]
        return query, candidates

    def match(
        self,
        text: str,
        *,
        k: int = 5,
        exclude_key: str = "",
        claimant: str = "",
        min_score: float = 0.0,
    ) -> list[Match]:
        """The ``k`` best entries for a claim (made by ``claimant``, if known), best first."""
        if not text or not text.strip():
            return []
        with self._lock:
            query, candidates = self.candidates(text, exclude_key, claimant)
            if not candidates:
                return []
            order_by, similarity = self.ranker.score(query, candidates, dense=self.dense)
            strong = self.ranker.threshold(self.dense)
            order = [
                i for i in np.argsort(-order_by, kind="stable")[:k] if similarity[i] >= min_score
            ]
            # Only the few shown are read whole (evidence, rationale...).
            reviews = self.library.reviews_by_id([candidates[i].id for i in order])
            return [
                Match(
                    reviews[candidates[i].id],
                    float(similarity[i]),
                    bool(similarity[i] >= strong),
                    candidates[i].bm25,
                    candidates[i].cosine,
                )
                for i in order
                if candidates[i].id in reviews
            ]

    def _dense_candidates(
        self,
        query: Query,
        found: dict[int, Candidate],
        texts: dict[int, tuple[str, str, str]],
        exclude_key: str,
    ) -> None:
        index = self._refresh()
        embedder = self._model()
        vector = embedder.embed_one(query.text)
        hidden = self.library.id_of(exclude_key) if exclude_key else None
        cosines: dict[int, float] = {}
        for id_, cosine in index.search(vector, DENSE_DEPTH + 1):
            if id_ != hidden and len(cosines) < DENSE_DEPTH:
                cosines[id_] = cosine
                found.setdefault(id_, Candidate(id_, ""))
        dense_only = [id_ for id_ in cosines if id_ not in texts]
        if dense_only:
            texts.update(self.library.candidate_texts(dense_only))
        missing = [id_ for id_ in found if id_ not in cosines]
        if missing:
            # BM25's candidates: their vectors are in memory (the index holds them all).
            stored = index.lookup(missing)
            for id_, v in stored.items():
                cosines[id_] = float(v @ vector)
            lacking = [id_ for id_ in missing if id_ not in stored and id_ in texts]
            if lacking:  # not indexed yet (an import still being embedded): these few now
                fresh = embedder.embed([texts[i][0] for i in lacking])
                for id_, v in zip(lacking, fresh, strict=True):
                    cosines[id_] = float(v @ vector)
        for id_, cosine in cosines.items():
            found[id_].cosine = cosine
        # The rank among all candidates by cosine: the same as the rank in the nearest
        # vectors for those, and defined for candidates whose vectors were computed here.
        ranked = sorted(cosines, key=lambda i: -cosines[i])
        for rank, id_ in enumerate(ranked):
            found[id_].dense_rank = rank
