"""Workshop speed: compare 40 participants' files of a 200-claim exercise.

Builds a key (200 claims, each rated with a rationale), packs the exercise, makes
40 participant copies rated at random (about 1 in 10 claims left unrated, some
evidence and rationales), then times ``compare_files`` (read + check + match +
every coefficient) end to end, as ``workbench workshop compare --key`` runs it.
Target on this 2-core machine: under 2 s. Also prints the pack and the HTML report.

    .venv/bin/python benchmarks/workshop.py
"""

from __future__ import annotations

import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.core.models import Article, Claim  # noqa: E402
from workbench.presets import load_preset  # noqa: E402
from workbench.store import ProjectStore  # noqa: E402
from workbench.store.exercise import one_transaction  # noqa: E402
from workbench.workshop.compare import compare_files  # noqa: E402
from workbench.workshop.exercise import pack, set_participant_name  # noqa: E402
from workbench.workshop.report import render_html  # noqa: E402

N_CLAIMS = 200
N_PARTICIPANTS = 40
RUNS = 5


def build_key(path: Path, labels: list[str], rng: random.Random) -> None:
    sentences = [
        f"Claim {i}: the budget rose by {i % 97} percent in {1990 + i % 35}, officials said."
        for i in range(N_CLAIMS)
    ]
    text = "Benchmark article\n\n" + " ".join(sentences)

    def setup(store: ProjectStore) -> None:
        article = store.articles.add(Article(title="Benchmark article", text=text))
        claims = store.claims.add_many(
            Claim(article_id=article.id, start=text.index(s), end=text.index(s) + len(s), quote="")
            for s in sentences
        )
        with one_transaction(store):
            for claim in claims:
                store.claims.set_verdict(
                    claim.id, rng.choice(labels), rationale=f"Key reason {claim.id}"
                )

    ProjectStore.create(path, scale=load_preset(), setup=setup).close()


def participant(
    exercise: Path, path: Path, name: str, labels: list[str], truth: list[str], rng: random.Random
) -> None:
    shutil.copy2(exercise, path)
    with ProjectStore.open(path) as store, one_transaction(store):
        set_participant_name(store, name)
        for claim, answer in zip(store.claims.all(), truth):
            if rng.random() < 0.1:
                continue
            verdict = answer if rng.random() < 0.6 else rng.choice(labels)
            rationale = "Checked the budget report" if rng.random() < 0.3 else None
            store.claims.set_verdict(claim.id, verdict, rationale=rationale)
            if rng.random() < 0.2:
                store.evidence.add(claim.id, f"https://example.org/{claim.id}", "supports")


def main() -> None:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        key, exercise = folder / "key.fcw", folder / "exercise.fcw"

        labels = load_preset().names()
        t0 = time.perf_counter()
        build_key(key, labels, rng)
        build_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        pack(key, exercise)
        pack_s = time.perf_counter() - t0
        with ProjectStore.open(key, readonly=True) as store:
            truth = [c.verdict for c in store.claims.all()]
        t0 = time.perf_counter()
        files = []
        for i in range(N_PARTICIPANTS):
            path = folder / f"p{i:02d}.fcw"
            participant(exercise, path, f"Participant {i:02d}", labels, truth, rng)
            files.append(path)
        make_s = time.perf_counter() - t0

        times = []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            result = compare_files(files, key)
            times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        html = render_html(result)
        html_s = time.perf_counter() - t0

    print(
        f"key with {N_CLAIMS} rated claims built in {build_s:.2f} s; "
        f"exercise packed in {pack_s * 1000:.0f} ms; "
        f"{N_PARTICIPANTS} participant files made in {make_s:.1f} s"
    )
    print(
        f"compare {N_PARTICIPANTS} files x {N_CLAIMS} claims, with the key "
        f"(read, check, match, alpha x2, Fleiss, {len(result.cohen)} Cohen pairs): "
        f"median {statistics.median(times):.3f} s, best {min(times):.3f} s, "
        f"first {times[0]:.3f} s  (target < 2 s)"
    )
    print(f"HTML report: {html_s * 1000:.0f} ms, {len(html) / 1024:.0f} KiB")
    print(
        f"alpha nominal {result.alpha_nominal:.3f}, ordinal {result.alpha_ordinal:.3f}, "
        f"Fleiss {result.fleiss_kappa:.3f}"
    )


if __name__ == "__main__":
    main()
