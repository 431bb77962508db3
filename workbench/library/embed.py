"""Sentence vectors for claims: all-MiniLM-L6-v2 as int8 ONNX, run by onnxruntime.

The model and its tokenizer ship in ``resources/matching/`` (made by
``scripts/export_matching_model.py``); nothing is downloaded. When onnxruntime,
tokenizers or the model file is missing, ``load_embedder()`` returns None and
matching falls back to BM25 alone. Set ``WORKBENCH_MATCHING_MODEL=none`` to force
that fallback (tests use it to check both paths).
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from workbench import paths

MODEL_DIR = paths.RESOURCES / "matching"
MODEL_FILE = "minilm-l6-v2-int8.onnx"  # unless model.json names another
BATCH = 32

_lock = threading.Lock()
_loaded: dict[str, Embedder | None] = {}


class Embedder:
    """Turns texts into L2-normalised float32 vectors (one row per text)."""

    def __init__(self, folder: Path, *, threads: int | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
        self.dimensions = int(meta["dimensions"])
        model_file = str(meta.get("file", MODEL_FILE))
        # The id that vectors in the library carry: another model's are recomputed.
        self.model_id = f"{model_file}:{meta['model_sha256'][:16]}"
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(int(meta.get("max_length", 128)))
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = ort.SessionOptions()
        # One thread: a claim is a few dozen tokens, and on a busy machine a second
        # thread costs more in waiting than it saves (6 ms against 30 ms, measured here).
        options.intra_op_num_threads = threads or 1
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        # All graph rewrites (layer-norm and GELU fusion...), onnxruntime's default, named
        # here on purpose: 3.2 ms CPU for a claim of 25 tokens, 3.6 ms with the basic ones.
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        self.session = ort.InferenceSession(
            str(folder / model_file), options, providers=["CPUExecutionProvider"]
        )
        self.outputs = frozenset(o.name for o in self.session.get_outputs())
        self._run_lock = threading.Lock()

    def embed(
        self, texts: Sequence[str], progress: Callable[[int, int], None] | None = None
    ) -> np.ndarray:
        """Vectors for ``texts``; batches of similar length, so little padding is computed."""
        return self.embed_outputs(texts, ("embedding",), progress)[0]

    def has_outputs(self, names: Sequence[str]) -> bool:
        return all(name in self.outputs for name in names)

    def embed_outputs(
        self,
        texts: Sequence[str],
        names: Sequence[str],
        progress: Callable[[int, int], None] | None = None,
    ) -> list[np.ndarray]:
        """The model's outputs ``names`` for ``texts`` (one array per name, a row per text),
        from one run of the model: ``embedding`` (the sentence vector) or ``layer0`` ...
        ``layer4`` (each layer's mean token vector, not normalised; a model exported
        before them has none, see ``has_outputs``). Only the outputs asked for are computed."""
        out = [np.zeros((len(texts), self.dimensions), dtype=np.float32) for _ in names]
        if not texts:
            return out
        encoded = self.tokenizer.encode_batch([t or "" for t in texts])
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i].ids))
        done = 0
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            width = max(sum(encoded[i].attention_mask) for i in chunk)
            ids = np.array([encoded[i].ids[:width] for i in chunk], dtype=np.int64)
            mask = np.array([encoded[i].attention_mask[:width] for i in chunk], dtype=np.int64)
            with self._run_lock:
                found = self.session.run(list(names), {"input_ids": ids, "attention_mask": mask})
            for array, values in zip(out, found, strict=True):
                array[chunk] = values
            done += len(chunk)
            if progress:
                progress(done, len(texts))
        return out

    def embed_one(self, text: str) -> np.ndarray:
        return self.embed([text])[0]


def load_embedder(folder: Path | None = None) -> Embedder | None:
    """The shared embedder, loaded once; None when the model or its runtime is missing."""
    if os.environ.get("WORKBENCH_MATCHING_MODEL", "").lower() == "none":
        return None
    folder = Path(folder) if folder is not None else MODEL_DIR
    key = str(folder)
    with _lock:
        if key not in _loaded:
            try:
                _loaded[key] = Embedder(folder)
            except (ImportError, OSError, ValueError, KeyError, RuntimeError):
                _loaded[key] = None
            except Exception:  # onnxruntime raises its own types for a damaged model
                _loaded[key] = None
        return _loaded[key]


def to_blob(vector: np.ndarray) -> bytes:
    """A vector as stored in the library: float16, 768 bytes for 384 dimensions."""
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_blobs(blobs: Sequence[bytes], dimensions: int) -> np.ndarray:
    if not blobs:
        return np.zeros((0, dimensions), dtype=np.float32)
    return (
        np.frombuffer(b"".join(blobs), dtype=np.float16)
        .reshape(len(blobs), dimensions)
        .astype(np.float32)
    )
