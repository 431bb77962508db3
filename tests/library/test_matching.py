"""Matching: query construction, both paths (sentence model and BM25 alone), projects, IVF."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from workbench import ops
from workbench.core.reviews import Review
from workbench.library import text as T
from workbench.library import vectors as V
from workbench.library.embed import from_blobs, load_embedder, to_blob
from workbench.library.matcher import Matcher
from workbench.library.sync import project_key, sync_store
from workbench.store import ProjectStore
from workbench.store.library import LibraryStore

DATA = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "data"
    / "claim-matching"
    / "clef2020-task2"
)

DISTRACTORS = [
    "The city council approved a new budget for road repairs in 2023.",
    "A celebrity was seen buying groceries in a small town supermarket.",
    "Scientists discovered a new species of frog in the Amazon rainforest.",
    "The national football team won the championship after a penalty shoot-out.",
    "Drinking eight glasses of water a day is required for good health.",
    "The president signed an executive order on student loans.",
    "Bill Gates plans to put microchips in vaccines.",
    "Onions placed in a room absorb viruses from the air.",
]


def test_the_query_keeps_names_and_figures_and_drops_sharing_noise():
    tweet = (
        "BREAKING: RT this!! Kim Jong-Un sends 10,000 troops to #DonetskRegion "
        "https://t.co/abc pic.twitter.com/xyz — Jane Doe (@JaneDoe) October 5, 2023"
    )
    assert T.clean(tweet) == (
        "BREAKING: RT this!! Kim Jong-Un sends 10,000 troops to Donetsk Region Jane Doe"
    )
    terms = T.fts_terms(tweet)
    assert {"kim", "jong", "un", "10,000", "troops", "donetsk", "region", "jane", "doe"} <= set(
        terms
    )
    assert not {"breaking", "rt", "this", "to", "https", "t", "co", "october"} & set(terms)
    assert T.signature_author(tweet) == "Jane Doe"
    assert T.numbers("It rose 3.50% to 1,000 from 0") == {"3.5", "1000"}
    assert T.fts_query('say "hi" OR') == '"hi"'


@pytest.fixture
def library(tmp_path):
    lib = LibraryStore(tmp_path / "library.sqlite")
    lib.add_reviews(
        [
            Review(claim=c, url=f"https://d.example/{i}", verdict="False")
            for i, c in enumerate(DISTRACTORS)
        ],
        "distractors",
    )
    yield lib
    lib.close()


def rated_project(tmp_path, seed_path, name="desk-a.fcw"):
    path = tmp_path / name
    ops.new_project(path, seed_path).close()
    with ProjectStore.open(path) as store:
        claims = store.claims.all()
        store.settings.set("organisation", {"name": "Desk A"})
        store.claims.update(
            claims[1].id,
            verdict="Mostly True",
            rationale="The ministry's figure. It was confirmed later.",
        )
    return path, claims[1]


@pytest.mark.parametrize("model", ["sentence model", "BM25 alone"])
def test_a_claim_rated_in_another_project_is_found(
    tmp_path, seed_path, library, model, monkeypatch
):
    if model == "BM25 alone":
        monkeypatch.setenv("WORKBENCH_MATCHING_MODEL", "none")
    elif load_embedder() is None:
        pytest.skip("onnxruntime or the model is not installed")
    first, rated = rated_project(tmp_path, seed_path)
    with ProjectStore.open(first, readonly=True) as store:
        assert sync_store(library, store) == (1, 0)
    second = tmp_path / "desk-b.fcw"
    ops.new_project(second, seed_path).close()
    with ProjectStore.open(second, readonly=True) as store:
        same_claim = store.claims.get(rated.id)
    matcher = Matcher(library)
    assert matcher.dense is (model == "sentence model")
    if matcher.dense:
        assert matcher.index() == len(DISTRACTORS) + 1
    best = matcher.match(same_claim.text, k=3)[0]
    assert best.review.project == project_key(first)
    assert best.review.project_claim_id == rated.id
    assert (best.review.verdict, best.review.publisher) == ("Mostly True", "Desk A")
    assert best.review.rationale == "The ministry's figure."
    assert best.strong and best.score > 0.9
    # Matching the rated claim from its own project does not find itself.
    exclude = f"project:{project_key(first)}#{rated.id}"
    assert all(
        m.review.project_claim_id != rated.id
        for m in matcher.match(same_claim.text, exclude_key=exclude)
    )


def test_a_reworded_claim_is_matched_and_a_new_topic_is_not_strong(library):
    if load_embedder() is None:
        pytest.skip("onnxruntime or the model is not installed")
    matcher = Matcher(library)
    matcher.index()
    best = matcher.match("Vaccines contain tracking microchips from Gates, a post says", k=1)[0]
    assert best.review.claim == "Bill Gates plans to put microchips in vaccines."
    unrelated = matcher.match("The price of copper fell on the London Metal Exchange.", k=1)
    assert not unrelated or not unrelated[0].strong


def test_entries_without_vectors_yet_are_still_matched_by_meaning(library):
    """Right after an import (no vectors yet) BM25 candidates are embedded on the spot."""
    if load_embedder() is None:
        pytest.skip("onnxruntime or the model is not installed")
    matcher = Matcher(library)
    assert library.count_missing_vectors() == len(DISTRACTORS)
    best = matcher.match("Put an onion in the bedroom: it absorbs the virus.", k=1)[0]
    assert best.review.claim.startswith("Onions placed in a room")
    assert best.cosine is not None


def test_vectors_of_an_earlier_model_are_not_compared_and_are_recomputed(library):
    """A library indexed by an earlier model (e.g. the original all-MiniLM-L6-v2, before the
    shipped one was fine-tuned): its vectors mean nothing to this model; they are ignored,
    then replaced by this model's."""
    embedder = load_embedder()
    if embedder is None:
        pytest.skip("onnxruntime or the model is not installed")
    earlier = "minilm-l6-v2-int8.onnx:f43dece63fd9a979"  # the first shipped model's tag
    if embedder.model_id == earlier:
        earlier = "an-earlier-model.onnx:0123456789abcdef"
    query = "Put an onion in the bedroom: it absorbs the virus."
    reviews = list(library.reviews())
    onion = next(r.id for r in reviews if r.claim.startswith("Onions"))
    wrong = embedder.embed_one(query)
    # Stale vectors that point the wrong way: were they read, the onion claim's cosine
    # would be -1 and an unrelated claim's +1.
    library.set_vectors(
        [(r.id, to_blob(-wrong if r.id == onion else wrong)) for r in reviews], earlier
    )
    assert library.count_missing_vectors() == 0
    matcher = Matcher(library)
    best = matcher.match(query, k=1)[0]
    assert best.review.id == onion and best.cosine is not None and best.cosine > 0.5
    assert matcher.index() == len(DISTRACTORS)  # every one recomputed
    assert library.vector_model() == embedder.model_id
    assert library.count_missing_vectors() == 0
    stored = from_blobs([library.vectors([onion])[onion]], embedder.dimensions)[0]
    fresh = embedder.embed_one(next(r.claim for r in reviews if r.id == onion))
    assert float(stored @ fresh) > 0.99
    best = matcher.match(query, k=1)[0]
    assert best.review.id == onion and best.cosine > 0.5


def test_eval_matching_recomputes_the_vectors_of_an_earlier_model(library, tmp_path):
    """Its cached library (like a user's) may hold another model's vectors, none NULL: they
    are recomputed, not left unread (dense search would find nothing)."""
    from workbench.library.evaluate import evaluate

    embedder = load_embedder()
    if embedder is None:
        pytest.skip("onnxruntime or the model is not installed")
    reviews = list(library.reviews())
    stale = np.zeros(embedder.dimensions, dtype=np.float32)
    library.set_vectors([(r.id, to_blob(stale)) for r in reviews], "an-earlier-model.onnx:0")
    onion = next(r for r in reviews if r.claim.startswith("Onions"))
    (tmp_path / "q.tsv").write_text(
        "id\ttext\n1\tPut an onion in the bedroom: it absorbs the virus.\n"
    )
    (tmp_path / "qrels").write_text(f"1 0 {onion.key.split(':', 1)[-1]} 1\n")
    result = evaluate(tmp_path / "q.tsv", tmp_path / "qrels", library=library)
    assert result["mode"] == "hybrid" and result["map@5"] == 1.0
    assert library.vector_model() == embedder.model_id
    assert library.count_missing_vectors(embedder.model_id) == 0


def test_the_inverted_file_finds_what_the_exact_scan_finds(monkeypatch):
    monkeypatch.setattr(V, "EXACT_LIMIT", 500)
    rng = np.random.default_rng(1)
    centres = rng.normal(size=(40, 32))
    points = np.repeat(centres, 60, axis=0) + 0.3 * rng.normal(size=(2400, 32))
    points = (points / np.linalg.norm(points, axis=1, keepdims=True)).astype(np.float32)
    ids = np.arange(100, 2500)
    index = V.VectorIndex(ids[:2000], points[:2000])
    assert index.centroids is not None
    index.add(ids[2000:], points[2000:])
    exact = V.VectorIndex.__new__(V.VectorIndex)
    exact.ids, exact.matrix, exact.centroids = ids, points, None
    exact.extra_ids, exact.extra = np.zeros(0, dtype=np.int64), np.zeros((0, 32), np.float32)
    recall = []
    for q in points[::97]:
        want = {i for i, _ in exact.search(q, 10)}
        got = {i for i, _ in index.search(q, 10)}
        recall.append(len(want & got) / 10)
    assert np.mean(recall) > 0.9
    assert index.search(points[5], 1)[0][0] == 105


@pytest.mark.parametrize("size", [300, 2000])
def test_vectors_are_looked_up_by_id_in_memory(monkeypatch, size):
    """BM25's candidates get their cosine from the loaded vectors (exact, IVF, and buffer)."""
    monkeypatch.setattr(V, "EXACT_LIMIT", 500)
    rng = np.random.default_rng(2)
    points = rng.normal(size=(size + 50, 16)).astype(np.float32)
    ids = rng.permutation(np.arange(10, 10 + 3 * (size + 50), 3))
    index = V.VectorIndex(ids[:size], points[:size])
    assert (index.centroids is not None) is (size > 500)
    index.add(ids[size:], points[size:])
    wanted = [int(ids[0]), int(ids[size // 2]), int(ids[-1]), 11, 10**9]
    found = index.lookup(wanted)
    assert set(found) == set(wanted[:3])  # 11 and 10**9 are not in the index
    for at in (0, size // 2, -1):
        assert np.array_equal(found[int(ids[at])], points[at])
    assert index.lookup([]) == {}


def test_term_frequencies_are_reread_when_the_library_changes(library, monkeypatch):
    """In a large library the query keeps rare terms; their counts follow the library."""
    import workbench.library.matcher as M

    monkeypatch.setattr(M, "PRUNE_FROM", 5)
    monkeypatch.setattr(M, "COMMON_SHARE", 0.3)
    matcher = Matcher(library, embedder=None)
    assert '"frog"' in matcher.fts_query("frog council")
    library.add_reviews(
        [
            Review(claim=f"A frog crossed road number {i}.", url=f"https://f.example/{i}")
            for i in range(10)
        ],
        "frogs",
    )
    query = matcher.fts_query("frog council")
    assert '"council"' in query and '"frog"' not in query
    assert matcher.match("a frog crossed the road", k=1)[0].review.source == "frogs"


@pytest.mark.skipif(not DATA.exists(), reason="the shared claim-matching data is not here")
def test_eval_matching_on_dev_beats_a_plain_bm25_query(tmp_path, monkeypatch):
    """BM25 alone, with our query construction, on the real dev split (a few seconds)."""
    from workbench.library.evaluate import evaluate

    result = evaluate(
        DATA / "dev" / "tweets.queries.tsv",
        DATA / "dev" / "tweet-vclaim-pairs.qrels",
        mode="lexical",
    )
    assert result["queries"] == 197
    assert result["map@5"] > 0.78  # the plain BM25 query's figure
    assert 0 < result["p@1"] <= result["mrr"] <= 1
