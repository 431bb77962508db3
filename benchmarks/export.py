"""Export speed: a 10,000-claim project written in every format.

The project: 20 articles of 500 claims each (five claims to a paragraph), every
claim rated with a two-sentence rationale, a claimant, and two evidence items
each with a capture (retrieval time, SHA-256). That is a full report: every claim
appears in the ClaimReview, and the HTML and PDF reports hold all of it.

Prints the time of each format (median of 3 runs, the PDF of 1 to 3 runs) and
the size written. Target on this 2-core machine: under 3 s each, PDF included.

    .venv/bin/python benchmarks/export.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.core.models import (  # noqa: E402
    Article,
    Capture,
    CaptureStatus,
    Claim,
    ClaimStatus,
    Evidence,
    Stance,
)
from workbench.io.export import export, formats  # noqa: E402
from workbench.presets import load_preset  # noqa: E402
from workbench.store import ProjectStore  # noqa: E402

ARTICLES = 20
CLAIMS_PER_ARTICLE = 500
WORDS = "minister budget troops million percent border election vaccine tariff report".split()
LABELS = ["True", "Mostly True", "Mixture", "Mostly False", "False", "Misleading", "Unproven"]


def make_article(a: int) -> tuple[str, list[tuple[int, int]]]:
    parts: list[str] = []
    spans, pos = [], 0
    for i in range(CLAIMS_PER_ARTICLE):
        sentence = (
            f"In {1990 + i % 35} the {WORDS[i % 10]} rose by {i % 97} percent, "
            f"officials of region {a} said about the {WORDS[(i * 7) % 10]}."
        )
        sep = "\n\n" if i and i % 5 == 0 else (" " if i else "")
        pos += len(sep)
        parts.append(sep + sentence)
        spans.append((pos, pos + len(sentence)))
        pos += len(sentence)
    return "".join(parts), spans


def build(path: Path) -> float:
    t0 = time.perf_counter()

    def setup(store: ProjectStore) -> None:
        store.settings.set(
            "organisation", {"name": "Example Checks", "url": "https://checks.example"}
        )
        store.settings.set("review_base_url", "https://checks.example/reviews/{id}")
        for a in range(ARTICLES):
            text, spans = make_article(a)
            article = store.articles.add(
                Article(
                    title=f"Benchmark article {a}",
                    text=text,
                    author="A. Writer",
                    published="2024-03-05",
                    source_url=f"https://news.example/{a}",
                )
            )
            claims = store.claims.add_many(
                Claim(
                    article_id=article.id,
                    start=s,
                    end=e,
                    quote="",
                    score=0.7,
                    claimant=f"Official {i % 13}",
                    verdict=LABELS[i % len(LABELS)],
                    rationale="The official figures say otherwise. See the two sources below.",
                    status=ClaimStatus.DONE,
                )
                for i, (s, e) in enumerate(spans)
            )
            items = [
                Evidence(
                    claim_id=c.id,
                    url=f"https://stats.example/{c.id}/{k}",
                    stance=Stance.REFUTES if k else Stance.CONTEXT,
                    note="table 3",
                )
                for c in claims
                for k in range(2)
            ]
            store.evidence.add_many(items)
            for item in items:
                store.captures.add(
                    Capture(
                        url=item.url,
                        status=CaptureStatus.CAPTURED,
                        final_url=item.url,
                        http_status=200,
                        content_type="text/html",
                        title="Statistics table",
                        retrieved_at="2024-03-06T10:00:00Z",
                        sha256=f"{item.claim_id:064x}",
                        size=1000,
                    )
                )

    ProjectStore.create(path, scale=load_preset(), title="Export benchmark", setup=setup).close()
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "bench.fcw"
        made = build(project)
        print(
            f"project: {ARTICLES * CLAIMS_PER_ARTICLE:,} claims, "
            f"{ARTICLES * CLAIMS_PER_ARTICLE * 2:,} evidence items (built in {made:.1f} s)"
        )
        with ProjectStore.open(project, readonly=True) as store:
            for name in sorted(formats()):
                out = Path(tmp) / f"out{formats()[name].suffix}"
                times, cpu = [], []
                for _ in range(args.runs):
                    t0, c0 = time.perf_counter(), time.process_time()
                    result = export(store, name, out)
                    times.append(time.perf_counter() - t0)
                    cpu.append(time.process_time() - c0)
                size = out.stat().st_size / 1e6
                print(
                    f"{name:12s} {statistics.median(times):6.2f} s  (CPU "
                    f"{statistics.median(cpu):.2f} s, "
                    f"{size:.1f} MB)  target < 3 s   {result.message.split(': ', 1)[1]}"
                )
        print(f"load average during the run: {os.getloadavg()[0]:.1f} (2 cores)")


if __name__ == "__main__":
    main()
