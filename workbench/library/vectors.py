"""Nearest sentence vectors in memory: an exact scan, or an inverted file for large libraries.

Up to ``EXACT_LIMIT`` vectors one matrix product is fast enough. Beyond, scanning
every vector reads 1.5 KB per review per query (150 MB at 100,000), so the vectors
are grouped around √n centroids (spherical k-means on a sample, seeds fixed) and
a query scans only the groups of its nearest centroids, about a twelfth of the
library: the "IVF" of vector search engines, in a few lines of numpy. Vectors
added afterwards (the background indexing) go to a small buffer that is scanned
exactly, until it is large enough to rebuild.
"""

from __future__ import annotations

import numpy as np

EXACT_LIMIT = 20_000
KMEANS_SAMPLE = 20_000
KMEANS_ROUNDS = 6


class VectorIndex:
    """Ids and L2-normalised float32 vectors; ``search`` returns (id, cosine), best first."""

    def __init__(self, ids: np.ndarray, matrix: np.ndarray) -> None:
        self.dimensions = matrix.shape[1] if matrix.ndim == 2 else 0
        self.centroids: np.ndarray | None = None
        self._build(np.asarray(ids, dtype=np.int64), np.asarray(matrix, dtype=np.float32))

    def __len__(self) -> int:
        return len(self.ids) + len(self.extra_ids)

    def _build(self, ids: np.ndarray, matrix: np.ndarray) -> None:
        self.extra_ids = np.zeros(0, dtype=np.int64)
        self.extra = np.zeros((0, max(self.dimensions, 1)), dtype=np.float32)
        self.centroids = None
        self._sorted: tuple[np.ndarray, np.ndarray] | None = None
        if len(ids) <= EXACT_LIMIT:
            self.ids, self.matrix = ids, matrix
            return
        rng = np.random.default_rng(0)
        lists = int(np.sqrt(len(ids)))
        sample = matrix[rng.choice(len(ids), min(len(ids), KMEANS_SAMPLE), replace=False)]
        centroids = sample[rng.choice(len(sample), lists, replace=False)].copy()
        for _ in range(KMEANS_ROUNDS):
            nearest = np.argmax(sample @ centroids.T, axis=1)
            sums = np.zeros_like(centroids)
            np.add.at(sums, nearest, sample)
            norms = np.linalg.norm(sums, axis=1, keepdims=True)
            filled = norms[:, 0] > 0
            centroids[filled] = sums[filled] / norms[filled]
        assign = np.concatenate(
            [
                np.argmax(matrix[s : s + 20_000] @ centroids.T, axis=1)
                for s in range(0, len(matrix), 20_000)
            ]
        )
        order = np.argsort(assign, kind="stable")
        self.ids, self.matrix = ids[order], matrix[order]
        self.offsets = np.searchsorted(assign[order], np.arange(lists + 1))
        self.centroids = centroids
        self.probe = max(8, lists // 12)

    def _positions(self) -> tuple[np.ndarray, np.ndarray]:
        """The ids in sorted order and their rows, for looking vectors up by id."""
        if self._sorted is None:
            order = np.argsort(self.ids, kind="stable")
            self._sorted = (self.ids[order], order)
        return self._sorted

    def lookup(self, ids: list[int]) -> dict[int, np.ndarray]:
        """The vectors of these ids that the index holds (no SQL: they are in memory)."""
        found: dict[int, np.ndarray] = {}
        if not ids:
            return found
        wanted = np.asarray(ids, dtype=np.int64)
        if len(self.ids):
            sorted_ids, rows = self._positions()
            at = np.minimum(np.searchsorted(sorted_ids, wanted), len(sorted_ids) - 1)
            for id_, i, hit in zip(ids, at, sorted_ids[at] == wanted, strict=True):
                if hit:
                    found[id_] = self.matrix[rows[i]]
        if len(self.extra_ids):
            for row in np.flatnonzero(np.isin(self.extra_ids, wanted)):
                found[int(self.extra_ids[row])] = self.extra[row]
        return found

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """New vectors (their ids must not be in the index yet)."""
        if not len(ids):
            return
        if self.centroids is None and len(self.ids) + len(ids) <= EXACT_LIMIT:
            self.ids = np.concatenate([self.ids, ids])
            self.matrix = np.vstack([self.matrix.reshape(-1, vectors.shape[1]), vectors])
            self._sorted = None
            return
        self.extra_ids = np.concatenate([self.extra_ids, ids])
        self.extra = np.vstack([self.extra.reshape(-1, vectors.shape[1]), vectors])
        self.dimensions = vectors.shape[1]
        if len(self.extra_ids) > max(EXACT_LIMIT // 2, len(self.ids) // 4):
            self._build(
                np.concatenate([self.ids, self.extra_ids]),
                np.vstack([self.matrix.reshape(-1, self.dimensions), self.extra]),
            )

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        parts_ids, parts_scores = [], []
        if self.centroids is None:
            if len(self.ids):
                parts_ids.append(self.ids)
                parts_scores.append(self.matrix @ vector)
        else:
            near = np.argpartition(-(self.centroids @ vector), self.probe - 1)[: self.probe]
            for c in near:
                start, end = self.offsets[c], self.offsets[c + 1]
                if end > start:
                    parts_ids.append(self.ids[start:end])
                    parts_scores.append(self.matrix[start:end] @ vector)
        if len(self.extra_ids):
            parts_ids.append(self.extra_ids)
            parts_scores.append(self.extra @ vector)
        if not parts_ids:
            return []
        ids = np.concatenate(parts_ids)
        scores = np.concatenate(parts_scores)
        depth = min(k, len(scores))
        top = np.argpartition(-scores, depth - 1)[:depth]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(ids[i]), float(scores[i])) for i in top]
