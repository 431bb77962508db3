"""Running the real command line in a child process, as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

WORKBENCH = [sys.executable, "-m", "workbench"]


def run_workbench(
    *args: object,
    cwd: str | Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 600,
) -> subprocess.CompletedProcess:
    """``workbench ARGS`` in a child, its output captured as text; warnings and the debug
    switch of the calling environment left out, ``env`` added."""
    full = {**os.environ, "PYTHONWARNINGS": "ignore", **(env or {})}
    full.pop("WORKBENCH_DEBUG", None)
    return subprocess.run(
        [*WORKBENCH, *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=full,
        timeout=timeout,
        check=False,
    )
