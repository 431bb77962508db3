"""Output that cannot fail on a character, wherever the command runs."""

from __future__ import annotations

import os
import subprocess
import sys


def test_a_terminal_that_cannot_show_curly_quotes_gets_escapes_not_a_crash(seed_path):
    # As on a Windows console redirected to a file (cp1252) or a POSIX locale with ASCII only.
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    env.pop("WORKBENCH_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "extract", str(seed_path)],
        capture_output=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode("ascii")  # nothing but ASCII came out
    assert "\\u201c" in out or "\\u2019" in out  # the article's curly quotes, escaped
    assert "Kim Jong-Un" in out
