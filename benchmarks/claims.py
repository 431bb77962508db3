"""Claim detection speed on this machine.

Prints: pipeline load times, each the median of fresh processes, beside the plain
way of loading (``import spacy``, the saved tokenizer read again, every English
component) measured in the same run; scoring speed (sentences/s, classifier +
signals) on the CT24 train sentences, and the article (news) scorer on the same sentences
laid out as a page, the median of several passes; whole-extraction
speed with and without the English pipeline; the time to extract the seed article
and a 100,000-word article. Targets: scoring >= 5,000 sentences/s, the seed article
< 0.3 s once loaded, load < 1.5 s.

    .venv/bin/python benchmarks/claims.py [--runs N]

Other jobs on the machine make single figures noisy: compare medians.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.io.article_text import read_text_article  # noqa: E402
from workbench.nlp import detector, english, model, page_score  # noqa: E402
from workbench.nlp.data import TRAIN, read_tsv  # noqa: E402
from workbench.nlp.sentences import split_sentences  # noqa: E402
from workbench.paths import SEED_ARTICLE  # noqa: E402

# Each load is timed in a fresh interpreter, as the app starts.
LOAD = """
import json, time
started = time.perf_counter()
from workbench.nlp import english, model
if {plain}:
    import importlib, spacy
    spacy.load(model.MODEL_DIR)
    classifier = time.perf_counter()
    name = english.available()
    if name:
        importlib.import_module(name).load(exclude=["lemmatizer"])
else:
    model.load()
    classifier = time.perf_counter()
    english.load()
done = time.perf_counter()
print(json.dumps([classifier - started, done - classifier]))
"""


def timed(func, *args, **kwargs):
    started = time.perf_counter()
    result = func(*args, **kwargs)
    return result, time.perf_counter() - started


def load_times(plain: bool, runs: int) -> tuple[float, float]:
    classifier, pipeline = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", LOAD.format(plain=plain)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        )
        a, b = json.loads(out.stdout.strip().splitlines()[-1])
        classifier.append(a)
        pipeline.append(b)
    return statistics.median(classifier), statistics.median(pipeline)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per load figure")
    runs = parser.parse_args().runs

    times = {}
    for _ in range(runs):  # interleaved, so both ways see the same machine load
        for plain in (True, False):
            a, b = load_times(plain, 1)
            times.setdefault(plain, []).append((a, b))
    for plain, label in ((True, "plain spacy.load"), (False, "workbench")):
        a = statistics.median(t[0] for t in times[plain])
        b = statistics.median(t[1] for t in times[plain])
        total = statistics.median(t[0] + t[1] for t in times[plain])
        print(
            f"load, {label:16s}: classifier (with spaCy's import) {a:.2f} s + English pipeline "
            f"({english.available()}) {b:.2f} s = {total:.2f} s (median of {runs}; target < 1.5 s)"
        )

    model.load()
    english.load()
    texts = read_tsv(TRAIN).texts[:10_000]
    detector.score_texts(texts[:500])
    speeds = [len(texts) / timed(detector.score_texts, texts)[1] for _ in range(3)]
    print(
        f"scoring: {statistics.median(speeds):,.0f} sentences/s over {len(texts):,} sentences "
        f"(median of 3: {', '.join(f'{s:,.0f}' for s in speeds)}; classifier + signals; "
        "target >= 5,000)"
    )

    # The article scorer: page chrome, the classifiers, debate and news signals, page context.
    page = "\n\n".join(" ".join(texts[i : i + 4]) for i in range(0, len(texts), 4))
    sentences = split_sentences(page)
    page_score.score_page(page, sentences[:500])
    speeds = [len(sentences) / timed(page_score.score_page, page, sentences)[1] for _ in range(3)]
    print(
        f"news scoring: {statistics.median(speeds):,.0f} sentences/s over "
        f"{len(sentences):,} sentences "
        f"(median of 3: {', '.join(f'{s:,.0f}' for s in speeds)}; chrome + classifier + debate and "
        "news signals; target >= 5,000)"
    )

    seed = read_text_article(SEED_ARTICLE).text
    detector.extract(seed)
    seed_runs = [timed(detector.extract, seed)[1] for _ in range(5)]
    print(
        f"seed article ({len(seed.split())} words): {statistics.median(seed_runs) * 1000:.0f} ms "
        "(median of 5, pipeline loaded; target < 300 ms)"
    )

    body = "\n\n".join(seed.split("\n\n")[2:])
    words_per_copy = len(body.split())
    big = "\n\n".join([body] * (100_000 // words_per_copy + 1))
    for label, switch in (("with the English pipeline", ""), ("without (patterns only)", "none")):
        os.environ[english.ENV_SWITCH] = switch
        candidates, elapsed = timed(detector.extract, big, include_passed=True)
        print(
            f"100,000-word article {label}: {elapsed:.1f} s, "
            f"{len(candidates) / elapsed:,.0f} sentences/s over {len(candidates):,} sentences "
            f"({len(big.split()):,} words)"
        )
    os.environ[english.ENV_SWITCH] = ""


if __name__ == "__main__":
    main()
