"""The window's library thread (plain Python, no Qt): indexing in the background."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from workbench.core.reviews import Review
from workbench.library.embed import load_embedder, to_blob
from workbench.library.service import LibraryService
from workbench.store.library import LibraryStore


def test_a_library_indexed_by_an_earlier_model_is_reindexed(tmp_path):
    """After the shipped model changes, a user's library holds the old model's vectors and
    none is NULL: the thread still recomputes them all, then says it is done."""
    embedder = load_embedder()
    if embedder is None:
        pytest.skip("onnxruntime or the model is not installed")
    path = tmp_path / "library.sqlite"
    with LibraryStore(path) as library:
        library.add_reviews(
            [
                Review(claim=f"Claim number {i} about roads.", url=f"https://r.example/{i}")
                for i in range(5)
            ],
            "roads",
        )
        stale = to_blob(np.zeros(embedder.dimensions, dtype=np.float32))
        library.set_vectors([(r.id, stale) for r in library.reviews()], "an-earlier-model.onnx:0")
        assert library.count_missing_vectors() == 0
    indexed = threading.Event()
    events: list[str] = []

    def on_event(kind: str, _payload: object) -> None:
        events.append(kind)
        if kind == "indexed":
            indexed.set()

    service = LibraryService(on_event, path)
    service.match(1, "A claim about roads.")  # the library is opened for a first request
    try:
        assert indexed.wait(60), f"never reindexed (events: {events})"
    finally:
        service.stop()
    assert "indexing" in events
    with LibraryStore(path) as library:
        assert library.vector_model() == embedder.model_id
        assert library.count_missing_vectors(embedder.model_id) == 0
