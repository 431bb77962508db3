"""Long articles: `workbench extract` on 1 MB and 5 MB of news prose, and a 1 MB line of words.

Each run is a fresh process (`python -m workbench extract ARTICLE --json`), as a user
runs it: the time includes Python, spaCy and the models loading. Peak memory is the
process's maximum resident set size (wait4). Targets (2-core machine): a 5 MB article
in under 30 s and under 1 GB.

    .venv/bin/python benchmarks/extract.py [--sizes 1 5] [--line]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_d19ec3c93edcc5fb.txt"


def long_article(megabytes: float) -> str:
    """The sample article's paragraphs again and again, each copy numbered so that no two
    paragraphs are the same (a long report, as far as the detector can tell)."""
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    out, size, copy = [], 0, 0
    while size < megabytes * 1_000_000:
        copy += 1
        for paragraph in paragraphs[1:]:
            text = f"In part {copy}, {paragraph[0].lower()}{paragraph[1:]}"
            out.append(text)
            size += len(text.encode("utf-8")) + 2
    return paragraphs[0] + "\n\n" + "\n\n".join(out) + "\n"


def one_line_of_words(megabytes: float) -> str:
    words = "the minister said that troops and budget figures rose across the border".split()
    count = int(megabytes * 1_000_000 / 6)
    return " ".join(words[i % len(words)] for i in range(count)) + "\n"


def run(path: Path) -> tuple[float, float, int, int]:
    """(seconds, peak MB, claims listed, exit status) of one `workbench extract`."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "workbench", "extract", str(path), "--json"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    claims = len(json.loads(out)["claims"]) if process.returncode == 0 else 0
    return seconds, usage.ru_maxrss / 1024, claims, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="*", default=[1, 5], metavar="MB")
    parser.add_argument("--line", action="store_true", help="also a 1 MB single line of words")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cases = [(f"{mb:g} MB article", long_article(mb)) for mb in args.sizes]
        if args.line or not args.sizes:
            cases.append(("1 MB single line of words", one_line_of_words(1)))
        for label, text in cases:
            path = Path(tmp) / "article.txt"
            path.write_text(text, encoding="utf-8")
            seconds, peak, claims, status = run(path)
            result = f"{claims:,} claims" if status == 0 else f"exit status {status}"
            print(
                f"{label} ({len(text) / 1e6:.2f} MB, {text.count(chr(10)) + 1:,} lines): "
                f"{seconds:.1f} s, peak {peak:,.0f} MB, {result}",
                flush=True,
            )


if __name__ == "__main__":
    main()
