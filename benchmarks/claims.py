"""Claim detection speed on this machine.

Prints: pipeline load times; scoring speed (sentences/s, classifier + signals) on the
CT24 train sentences; whole-extraction speed with and without the English pipeline;
the time to extract the seed article and a 100,000-word article. Targets: scoring
>= 5,000 sentences/s, the seed article < 0.3 s once loaded, load < 1.5 s.

    .venv/bin/python benchmarks/claims.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.io.article_text import read_text_article  # noqa: E402
from workbench.nlp import detector, english, model  # noqa: E402
from workbench.nlp.data import TRAIN, read_tsv  # noqa: E402
from workbench.paths import SEED_ARTICLE  # noqa: E402


def timed(func, *args, **kwargs):
    started = time.perf_counter()
    result = func(*args, **kwargs)
    return result, time.perf_counter() - started


def main() -> None:
    _, load_model = timed(model.load)
    print(f"load classifier: {load_model:.2f} s")
    _, load_english = timed(english.load)
    print(f"load English pipeline ({english.available()}): {load_english:.2f} s")
    print(f"pipeline load in all: {load_model + load_english:.2f} s (target < 1.5 s)")

    texts = read_tsv(TRAIN).texts[:10_000]
    detector.score_texts(texts[:500])
    _, elapsed = timed(detector.score_texts, texts)
    print(f"scoring: {len(texts) / elapsed:,.0f} sentences/s over {len(texts):,} sentences "
          "(classifier + signals; target >= 5,000)")

    seed = read_text_article(SEED_ARTICLE).text
    detector.extract(seed)
    runs = [timed(detector.extract, seed)[1] for _ in range(5)]
    print(f"seed article ({len(seed.split())} words): {statistics.median(runs) * 1000:.0f} ms "
          "(median of 5, pipeline loaded; target < 300 ms)")

    body = "\n\n".join(seed.split("\n\n")[2:])
    words_per_copy = len(body.split())
    big = "\n\n".join([body] * (100_000 // words_per_copy + 1))
    for label, switch in (("with the English pipeline", ""), ("without (patterns only)", "none")):
        os.environ[english.ENV_SWITCH] = switch
        candidates, elapsed = timed(detector.extract, big, include_passed=True)
        print(f"100,000-word article {label}: {elapsed:.1f} s, "
              f"{len(candidates) / elapsed:,.0f} sentences/s over {len(candidates):,} sentences "
              f"({len(big.split()):,} words)")
    os.environ[english.ENV_SWITCH] = ""


if __name__ == "__main__":
    main()
