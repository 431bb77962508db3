"""How long ``workbench --help`` takes, in a fresh process each time.

The top-level help is built from the command table alone (``workbench/cli/commands.py``):
no command's module is imported. The baseline, measured in the same run, is a fresh
Python importing ``workbench.cli`` and nothing else, and a bare ``python -c pass``.
Also times one command's own help (``workbench export --help``), which does import
that command's module. Target: ``workbench --help`` under 0.3 s.

    .venv/bin/python benchmarks/cli_help.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def workbench_program() -> Path:
    """The ``workbench`` script of the environment this benchmark runs in."""
    folder = Path(sys.executable).parent
    return folder / ("workbench.exe" if os.name == "nt" else "workbench")


def wall(command: list[str]) -> float:
    """Wall time in seconds of one run of ``command``, process start to exit."""
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args(argv)
    cases = [
        ("workbench --help", [str(workbench_program()), "--help"]),
        (
            "python -c 'import workbench.cli' (baseline)",
            [sys.executable, "-c", "import workbench.cli"],
        ),
        ("python -c pass (bare interpreter)", [sys.executable, "-c", "pass"]),
        (
            "workbench export --help (one command's module)",
            [str(workbench_program()), "export", "--help"],
        ),
    ]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{args.runs} runs each, interleaved; load average {load:.1f} on {os.cpu_count()} cores")
    results: dict[str, list[float]] = {label: [] for label, _ in cases}
    for _ in range(args.runs):  # interleaved, so a busy moment hits every case alike
        for label, command in cases:
            results[label].append(wall(command))
    for label, times in results.items():
        print(
            f"{label:50} median {statistics.median(times) * 1000:6.0f} ms "
            f"(fastest {min(times) * 1000:.0f}, slowest {max(times) * 1000:.0f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
