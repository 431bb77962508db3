"""Fact-check library speed: importing 100,000 ClaimReviews, matching one claim against them.

    .venv/bin/python benchmarks/library.py [--reviews 100000] [--queries 200] [--real-vectors]

1. Writes 100,000 synthetic ClaimReview objects (real fact-checked claims from the
   shared CLEF data with a third of their words swapped, so the vocabulary is as in
   real collections; templates without the data) as one JSON-LD ``@graph`` file, and times
   ``workbench library import`` of it: reading, parsing, deduplicating and writing
   the reviews with their FTS5 index, in one transaction. Sentence vectors are not
   part of this figure: the window computes them in the background afterwards
   (until then matching uses BM25, with the few BM25 candidates embedded on the spot).
2. Measures the sentence model's rate on 2,000 of the claims (what the background
   indexing takes for the whole library follows from it).
3. Fills the other vectors (unless ``--real-vectors``: then all are computed, which
   takes many minutes) with vectors of the measured claims, slightly perturbed, so
   the library has realistic clusters; then times matching claims against the
   100,000: the claim's vector, BM25, the nearest vectors (inverted file), features
   and re-ranking, as ``Matcher.match`` runs in the window. The first match loads
   the vectors and builds the index; it is reported apart.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

import workbench  # noqa: E402, F401  (before numpy: it sets numpy's BLAS threads, as the app does)

# fmt: off
NAMES = ["Joe Biden", "Donald Trump", "Emmanuel Macron", "Olaf Scholz", "Narendra Modi",
         "Jacinda Ardern", "Boris Johnson", "Angela Merkel", "Kim Jong-Un", "Vladimir Putin",
         "Bill Gates", "Greta Thunberg", "Elon Musk", "Pope Francis", "Lula da Silva",
         "Cyril Ramaphosa", "Justin Trudeau", "Giorgia Meloni", "Pedro Sanchez", "Xi Jinping"]
# fmt: on
# fmt: off
PLACES = ["Ukraine", "Texas", "Paris", "Lagos", "Brazil", "Scotland", "Manila", "Kenya",
          "Florida", "Berlin", "Mumbai", "Chile", "Ontario", "Gaza", "Sydney", "Madrid"]
# fmt: on
TOPICS = [
    ("vaccines", "cause", "infertility in young women"),
    ("5G towers", "spread", "the virus in cities"),
    ("the minimum wage", "rose by", "{n}% last year"),
    ("unemployment", "fell to", "{n}% in {y}"),
    ("crime", "doubled", "since {y}"),
    ("the government", "spent", "${n} million on a new airport"),
    ("immigrants", "receive", "{n} dollars a month in benefits"),
    ("a photo", "shows", "a shark on a flooded highway"),
    ("drinking hot water", "kills", "the coronavirus"),
    ("the election", "was rigged with", "{n},000 fake ballots"),
    ("the army", "sent", "{n},000 troops to the border"),
    ("inflation", "reached", "{n}% in {y}, the highest in decades"),
    ("the ozone hole", "closed", "in {y}"),
    ("wind farms", "kill", "{n} million birds a year"),
    ("electric cars", "emit more carbon than", "diesel cars over {n} years"),
    ("the president", "banned", "cash payments above {n} euros"),
]
VERDICTS = [
    "False",
    "Mostly False",
    "Half True",
    "Mostly True",
    "True",
    "Misleading",
    "Unproven",
    "Pants on Fire",
]


def claim_text(rng: random.Random) -> str:
    subject, verb, rest = rng.choice(TOPICS)
    rest = rest.format(n=rng.randint(2, 950), y=rng.randint(1990, 2024))
    who = rng.choice(NAMES)
    where = rng.choice(PLACES)
    form = rng.randrange(4)
    if form == 0:
        return f"{who} said {subject} {verb} {rest} in {where}."
    if form == 1:
        return f"In {where}, {subject} {verb} {rest}, according to {who}."
    if form == 2:
        return f"{subject.capitalize()} {verb} {rest} in {where}."
    return f"{who} claims {subject} in {where} {verb} {rest}."


CLEF = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "data"
    / "claim-matching"
    / "clef2020-task2"
    / "verified_claims.docs.tsv"
)


class RealisticClaims:
    """Claims with a real vocabulary: CLEF's 10,375 verified claims, a third of the words of
    each replaced by words drawn from the whole collection (so 100,000 differ, and terms
    are as frequent as in real fact-checks). Without the shared data: the templates above."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.claims: list[list[str]] = []
        if CLEF.exists():
            import csv

            with CLEF.open(encoding="utf-8", newline="") as handle:
                rows = list(csv.reader(handle, delimiter="\t"))[1:]
            self.claims = [r[1].split() for r in rows if len(r) > 1 and r[1].strip()]
        self.words = [w for c in self.claims for w in c]

    def __call__(self) -> str:
        if not self.claims:
            return claim_text(self.rng)
        words = list(self.rng.choice(self.claims))
        for i in range(len(words)):
            if self.rng.random() < 0.33:
                words[i] = self.rng.choice(self.words)
        return " ".join(words)


def write_collection(path: Path, count: int, rng: random.Random) -> list[str]:
    claims, graph = [], []
    make = RealisticClaims(rng)
    for i in range(count):
        claim = make()
        claims.append(claim)
        graph.append(
            {
                "@type": "ClaimReview",
                "url": f"https://factcheck.example.org/{i}",
                "claimReviewed": claim,
                "datePublished": (
                    f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
                ),
                "author": {
                    "@type": "Organization",
                    "name": rng.choice(["Desk A", "Desk B", "Verify"]),
                },
                "reviewRating": {"@type": "Rating", "alternateName": rng.choice(VERDICTS)},
                "itemReviewed": {
                    "@type": "Claim",
                    "author": {"@type": "Person", "name": rng.choice(NAMES)},
                },
            }
        )
    path.write_text(
        json.dumps({"@context": "https://schema.org", "@graph": graph}), encoding="utf-8"
    )
    return claims


def main() -> int:
    from workbench.library.embed import load_embedder, to_blob
    from workbench.library.importer import import_file
    from workbench.library.matcher import Matcher
    from workbench.store.library import LibraryStore

    parser = argparse.ArgumentParser()
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--real-vectors", action="store_true")
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        collection = Path(tmp) / "collection.jsonld"
        claims = write_collection(collection, args.reviews, rng)
        size = collection.stat().st_size
        library = LibraryStore(Path(tmp) / "library.sqlite")
        ticks = []
        started, cpu = time.perf_counter(), time.process_time()
        report = import_file(library, collection, progress=lambda d, t: ticks.append(d))
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(
            f"import {args.reviews:,} ClaimReviews ({size / 1e6:.0f} MB JSON-LD): "
            f"{elapsed:.1f} s wall, {cpu:.1f} s CPU ({args.reviews / elapsed:,.0f}/s; "
            f"{len(ticks)} progress reports); {report.counts.describe()}"
        )

        embedder = load_embedder()
        if embedder is None:
            print("no sentence model: matching figures are for BM25 alone")
        else:
            sample = library.missing_vectors(2000)
            cpu = time.process_time()
            vectors = embedder.embed([text for _id, text in sample])
            rate = len(sample) / (time.process_time() - cpu)
            print(
                f"sentence vectors: {rate:,.0f} claims per CPU second: the whole library "
                f"in the background in about {args.reviews / rate / 60:.0f} min"
            )
            library.set_vectors(
                [(i, to_blob(v)) for (i, _t), v in zip(sample, vectors)], embedder.model_id
            )
            if args.real_vectors:
                Matcher(library, embedder=embedder).index()
            else:
                noise = np.random.default_rng(3)
                while todo := library.missing_vectors(5000):
                    base = vectors[noise.integers(0, len(vectors), len(todo))]
                    fake = base + 0.05 * noise.normal(size=base.shape).astype(np.float32)
                    fake /= np.linalg.norm(fake, axis=1, keepdims=True)
                    library.set_vectors(
                        [(i, to_blob(v)) for (i, _t), v in zip(todo, fake)], embedder.model_id
                    )

        queries = []
        make = RealisticClaims(rng)
        for _ in range(args.queries):
            words = rng.choice(claims).split()
            rng.shuffle(words)  # the same words in another order: reworded, not copied
            queries.append(" ".join(words) if rng.random() < 0.5 else make())
        print(f"load average before matching: {os.getloadavg()[0]:.1f} (on {os.cpu_count()} cores)")
        for name, matcher in (
            ("hybrid", Matcher(library)),
            ("BM25 alone", Matcher(library, embedder=None)),
        ):
            started = time.perf_counter()
            matcher.match(queries[0])
            first = time.perf_counter() - started
            times, cpu_times = [], []
            for query in queries:
                started, cpu = time.perf_counter(), time.process_time()
                matcher.match(query)
                times.append((time.perf_counter() - started) * 1000)
                cpu_times.append((time.process_time() - cpu) * 1000)
            times.sort()
            print(
                f"match one claim against {args.reviews:,} ({name}): median "
                f"{statistics.median(times):.1f} ms wall ({statistics.median(cpu_times):.1f} ms "
                f"CPU), 90th percentile {times[int(len(times) * 0.9)]:.1f} ms "
                f"(first match {first:.2f} s; load average {os.getloadavg()[0]:.1f})"
            )
            if not matcher.dense:
                break
        library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
