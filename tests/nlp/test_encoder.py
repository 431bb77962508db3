"""The sentence encoder of the news scorer: loaded lazily, run only on the uncertain
sentences of a page (at most the cap), and a detector that works the same way without it
(switched off, or onnxruntime missing)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from workbench import nlp
from workbench.nlp import encoder, model, news_score, page_score
from workbench.nlp.sentences import split_sentences
from workbench.paths import SEED_ARTICLE

PAGE = (
    "Council approves $12m road budget\n\n"
    "The council approved a $12 million budget for road repairs on Tuesday, by seven votes to"
    " two.\n\n"
    "The roads have been in a poor state for some years and residents have complained.\n\n"
    "Councillors met in the town hall, which was built in 1902.\n\n"
    "The repairs will start in May and should take about six months.\n"
)


def test_shipped_heads_match_the_shipped_model_and_news_scorer():
    meta = encoder.meta()
    assert set(meta["heads"]) == set(encoder.HEADS)
    assert all(len(w) == 385 for w in meta["heads"].values())  # bias + 384 dimensions
    assert "ClaimBuster" in meta["credit"] and "MiniLM" in meta["credit"]
    part = model.news_meta()["encoder"]
    assert part["model_id"] == meta["model_id"]
    assert set(part["combiner"]["encoder"]) == {*encoder.HEADS, news_score.NEWS_HEAD}
    inputs = news_score.news_head_inputs()
    assert inputs[-1] == encoder.EMBEDDING and len(set(inputs)) == len(inputs)
    # the news head: bias + 384 dimensions for each model output it reads
    assert len(part["news_head"]) == 384 * len(inputs) + 1
    low, high = part["band"]
    assert 0 <= low < news_score.threshold() < high <= 1 and part["cap"] > 0


def test_the_encoder_rescores_the_sentences_in_its_band_never_a_passed_over_one(encoder_on):
    assert encoder.load() is not None
    sentences = split_sentences(PAGE)
    page = page_score.page_signals(PAGE, sentences)
    first = [news_score.score(row, d, f) for row, d, f in zip(page.logits, page.debate, page.found)]
    scored = page_score.score_page(PAGE, sentences)
    (low, high), _cap = news_score.encoder_plan()
    changed = [i for i, (a, s) in enumerate(zip(first, scored)) if abs(a - s.score) > 1e-9]
    assert changed, "no sentence was rescored"
    for i in changed:
        assert low <= first[i] <= high and not page_score.why_passed(scored[i], sentences[i])
    for a, s in zip(first, scored):
        if not low <= a <= high:
            assert s.score == a


def test_the_news_head_is_one_more_head_on_the_model_outputs_it_names(encoder_on):
    import numpy as np

    found = encoder.load()
    texts = ["The council approved a $12 million budget.", "Councillors met in the town hall."]
    head, inputs = news_score.news_head(), news_score.news_head_inputs()
    assert head is not None
    shipped = found.features(texts)
    with_news = found.features(texts, extra=head, extra_inputs=inputs)
    vectors = encoder.head_vectors(found.embedder, texts, inputs)
    assert vectors.shape == (2, 384 * len(inputs))
    for text_i, row in enumerate(with_news):
        assert row[:-1] == shipped[text_i]
        expected = float(vectors[text_i] @ np.asarray(head[1:], dtype=np.float32) + head[0])
        assert row[-1] == pytest.approx(expected, abs=1e-4)
    assert news_score.heads_wanted() == len(encoder.HEADS) + 1


def test_the_model_gives_each_layers_mean_beside_the_embedding_from_one_run(encoder_on):
    """``layer0`` ... ``layer4``: the mean token vector of the first five layers, which the
    news head reads; ``embedding`` from the same run is the matching vector, unchanged."""
    import numpy as np

    embedder = encoder.load().embedder
    texts = ["Unemployment fell to 3.5% in September.", "The repairs will start in May."]
    names = ("layer2", "layer3", "embedding")
    assert embedder.has_outputs(names) and not embedder.has_outputs(("layer5",))
    layer2, layer3, embedding = embedder.embed_outputs(texts, names)
    assert np.array_equal(embedding, embedder.embed(texts))
    assert not np.allclose(layer2, layer3) and not np.allclose(
        layer3 / np.linalg.norm(layer3, axis=1, keepdims=True), embedding, atol=0.05
    )
    side = encoder.head_vectors(embedder, texts, names)
    for k in range(3):  # each output normalised on its own before they are joined
        part = side[:, 384 * k : 384 * (k + 1)]
        assert np.allclose(np.linalg.norm(part, axis=1), 1.0, atol=1e-5)
    assert np.allclose(side[:, 768:], embedding, atol=1e-6)


def test_a_news_head_on_outputs_the_model_lacks_is_left_out(encoder_on, monkeypatch):
    """A news.json whose head reads an output the model file does not have (a model from
    before the layer outputs): the page is scored without the encoder, not with a wrong
    vector."""
    found = encoder.load()
    head = news_score.news_head()
    rows = found.features(["The council met."], extra=head, extra_inputs=("layer9",))
    assert len(rows[0]) == len(encoder.HEADS)
    sentences = split_sentences(PAGE)
    page = page_score.page_signals(PAGE, sentences)
    first = [news_score.score(row, d, f) for row, d, f in zip(page.logits, page.debate, page.found)]
    monkeypatch.setattr(news_score, "news_head_inputs", lambda: ("layer9",))
    scored = [
        page_score.Scored(a, d, f, k)
        for a, d, f, k in zip(first, page.debate, page.found, page.chrome)
    ]
    assert page_score.refine(PAGE, sentences, page, scored) == 0
    assert [s.score for s in scored] == first


def test_a_news_head_of_another_size_leaves_the_scores_as_they_were(encoder_on, monkeypatch):
    """A news head fitted on another model's vectors (its size differs): the page is
    scored without the encoder, never with a head missing."""
    sentences = split_sentences(PAGE)
    page = page_score.page_signals(PAGE, sentences)
    first = [news_score.score(row, d, f) for row, d, f in zip(page.logits, page.debate, page.found)]
    monkeypatch.setattr(news_score, "news_head", lambda: [0.0] * 17)
    scored = [
        page_score.Scored(a, d, f, k)
        for a, d, f, k in zip(first, page.debate, page.found, page.chrome)
    ]
    assert page_score.refine(PAGE, sentences, page, scored) == 0
    assert [s.score for s in scored] == first


def test_no_more_sentences_than_the_cap_are_encoded(encoder_on, monkeypatch):
    sentences = split_sentences(PAGE)
    page = page_score.page_signals(PAGE, sentences)
    scored = [
        page_score.Scored(0.4, d, f, k) for d, f, k in zip(page.debate, page.found, page.chrome)
    ]
    (band, _cap) = news_score.encoder_plan()
    monkeypatch.setattr(news_score, "encoder_plan", lambda: (band, 2))
    assert page_score.refine(PAGE, sentences, page, scored) == 2


def test_without_the_encoder_the_page_is_scored_as_before(encoder_off):
    assert encoder.load() is None
    sentences = split_sentences(PAGE)
    page = page_score.page_signals(PAGE, sentences)
    first = [news_score.score(row, d, f) for row, d, f in zip(page.logits, page.debate, page.found)]
    assert [s.score for s in page_score.score_page(PAGE, sentences)] == first
    listed = [c.text for c in nlp.extract(PAGE)]
    assert any("$12 million" in text for text in listed)


@pytest.mark.parametrize("switch", ["", "none"], ids=["encoder", "no-encoder"])
def test_the_seed_article_lists_its_claims_either_way(switch, monkeypatch):
    monkeypatch.setenv(encoder.ENV_SWITCH, switch)
    encoder.reset()
    try:
        text = SEED_ARTICLE.read_text(encoding="utf-8")
        listed = [c.text for c in nlp.extract(text)]
    finally:
        encoder.reset()
    for fragment in (
        "two million rounds of ammunition",
        "annual sum of $115 million",
        "has not fought in a war since the 1950s",
    ):
        assert any(fragment in t for t in listed), (switch, fragment)
    assert not any("Spread the love" in t or "Skip to content" in t for t in listed)


def test_without_onnxruntime_extraction_still_works():
    """onnxruntime missing (a bundle without it): the encoder is None and the claims of a
    page are listed, in a process of their own."""
    code = (
        "import sys, json; sys.modules['onnxruntime'] = None\n"
        "from workbench import nlp\nfrom workbench.nlp import encoder\n"
        f"text = {PAGE!r}\n"
        "print(json.dumps([encoder.load() is None, [c.text for c in nlp.extract(text)]]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    missing, listed = json.loads(out.stdout.strip().splitlines()[-1])
    assert missing is True
    assert any("$12 million" in text for text in listed)
