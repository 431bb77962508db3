"""Store speed: a 10,000-claim, 50,000-evidence project.

Prints: time to create it; to open it and list all claims; to commit one verdict
change; and a full-text search. Targets (2-core machine): open+list < 0.3 s,
one edit < 5 ms, one search < 20 ms.

    .venv/bin/python benchmarks/store.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.core.models import Article, Claim, Evidence, Stance  # noqa: E402
from workbench.presets import load_preset  # noqa: E402
from workbench.store import ProjectStore  # noqa: E402

N_CLAIMS = 10_000
EVIDENCE_PER_CLAIM = 5
WORDS = "minister budget troops million percent border election vaccine tariff report".split()


def make_text() -> tuple[str, list[tuple[int, int]]]:
    parts, spans, pos = [], [], 0
    for i in range(N_CLAIMS):
        sentence = (
            f"Sentence {i}: the {WORDS[i % 10]} rose by {i % 97} percent "
            f"in {1990 + i % 35}, officials said of {WORDS[(i * 7) % 10]}."
        )
        # Paragraphs of five sentences, as articles are written.
        separator = "\n\n" if i % 5 == 4 else " "
        parts.append(sentence + separator)
        spans.append((pos, pos + len(sentence)))
        pos += len(sentence) + len(separator)
    return "".join(parts).rstrip(), spans


def build(path: Path) -> float:
    text, spans = make_text()
    t0 = time.perf_counter()

    def setup(store: ProjectStore) -> None:
        article = store.articles.add(Article(title="Benchmark", text=text))
        claims = store.claims.add_many(
            Claim(article_id=article.id, start=s, end=e, quote="", score=0.5, reasons=["figure"])
            for s, e in spans
        )
        items = [
            Evidence(
                claim_id=c.id,
                url=f"https://example.org/{c.id}/{k}",
                stance=Stance.CONTEXT,
                note=f"source {k} for claim {c.id}",
            )
            for c in claims
            for k in range(EVIDENCE_PER_CLAIM)
        ]
        store.evidence.add_many(items)

    ProjectStore.create(path, scale=load_preset(), title="bench", setup=setup).close()
    return time.perf_counter() - t0


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.fcw"
        created = build(path)
        print(
            f"create: {N_CLAIMS:,} claims + {N_CLAIMS * EVIDENCE_PER_CLAIM:,} evidence in "
            f"{created:.2f} s"
        )

        opens = []
        for _ in range(5):
            t0 = time.perf_counter()
            store = ProjectStore.open(path)
            claims = store.claims.all()
            opens.append(time.perf_counter() - t0)
            store.close()
        assert len(claims) == N_CLAIMS
        print(
            f"open + list {len(claims):,} claims: {statistics.median(opens) * 1000:.0f} ms "
            f"(median of 5; target < 300 ms)"
        )

        store = ProjectStore.open(path)
        edits = []
        labels = ["True", "False", "Mixture"]
        for i in range(50):
            t0 = time.perf_counter()
            store.claims.set_verdict(claims[i * 100].id, labels[i % 3], rationale=f"reason {i}")
            edits.append(time.perf_counter() - t0)
        print(
            f"one verdict change committed: {statistics.median(edits) * 1000:.2f} ms "
            f"(median of 50; max {max(edits) * 1000:.2f} ms; target < 5 ms)"
        )

        searches = []
        for word in ["vaccine", "tariff border", "officials 1999", "reason", "source 3"]:
            t0 = time.perf_counter()
            hits = store.search.find(word)
            searches.append(time.perf_counter() - t0)
        print(
            f"full-text search: {statistics.median(searches) * 1000:.1f} ms "
            f"(median of 5, up to 500 hits each; last found {len(hits)}; target < 20 ms)"
        )
        store.close()


if __name__ == "__main__":
    main()
