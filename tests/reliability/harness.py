"""Running a workbench command as a child process, watched: exit status, time, peak memory.

Every reliability case runs the real command line (``python -m workbench``) and checks
the contract: success, or one line ``workbench: error: ...`` with exit status 1;
never a traceback, never exit status 70; within its time bound (a child still running
then is killed and the case fails as a hang) and its memory bound (the child's peak
resident set, from ``wait4``); and, for a refusal, the files it was given left byte
for byte as they were, with nothing created beside them.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
WORKBENCH = [sys.executable, "-m", "workbench"]
# A safety net under the measured bound: a runaway child gets MemoryError, not the machine.
ADDRESS_SPACE_LIMIT = 6 * 1024**3


@dataclass
class Outcome:
    args: list[str]
    status: int | None  # None: killed at the time bound (a hang)
    out: str
    err: str
    seconds: float
    peak_mb: float

    @property
    def refused(self) -> bool:
        return self.status == 1

    def describe(self) -> str:
        return (
            f"workbench {' '.join(self.args)} -> status {self.status} in {self.seconds:.1f} s, "
            f"{self.peak_mb:.0f} MB; stderr: {self.err.strip()[:500]!r}"
        )


def _limit_memory() -> None:  # in the child, before exec
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))


def run(*args: str, timeout: float = 60, env: dict | None = None) -> Outcome:
    """Run ``workbench ARGS`` in a child; kill it after ``timeout`` seconds."""
    started = time.monotonic()
    child = subprocess.Popen(
        [*WORKBENCH, *args],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
        preexec_fn=_limit_memory,
        start_new_session=True,
    )
    streams: dict[str, bytes] = {}

    def drain(name: str, stream) -> None:
        streams[name] = stream.read()

    readers = [
        threading.Thread(target=drain, args=(n, s), daemon=True)
        for n, s in (("out", child.stdout), ("err", child.stderr))
    ]
    for reader in readers:
        reader.start()
    killed = threading.Timer(timeout, lambda: os.killpg(child.pid, signal.SIGKILL))
    killed.start()
    try:
        _, wait_status, usage = os.wait4(child.pid, 0)
    finally:
        killed.cancel()
    child.returncode = os.waitstatus_to_exitcode(wait_status)
    for reader in readers:
        reader.join(10)
    seconds = time.monotonic() - started
    hung = child.returncode == -signal.SIGKILL and seconds >= timeout
    return Outcome(
        list(args),
        None if hung else child.returncode,
        streams.get("out", b"").decode("utf-8", "replace"),
        streams.get("err", b"").decode("utf-8", "replace"),
        seconds,
        usage.ru_maxrss / 1024,
    )


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` with its SHA-256 (side files included)."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "(not a file)"
        for p in sorted(folder.iterdir())
    }


def check_contract(outcome: Outcome, *, memory_mb: float) -> list[str]:
    """What the outcome breaks of the contract (an empty list when it keeps it)."""
    problems = []
    if outcome.status is None:
        problems.append("hang: killed at the time bound")
    elif outcome.status not in (0, 1):
        problems.append(f"crash: exit status {outcome.status}")
    if outcome.status == 1:
        lines = outcome.err.strip().splitlines()
        if len(lines) != 1 or not lines[0].startswith("workbench: error: "):
            problems.append("not a one-line refusal")
    if "Traceback" in outcome.err:
        problems.append("traceback")
    if outcome.peak_mb > memory_mb:
        problems.append(f"memory: {outcome.peak_mb:.0f} MB > {memory_mb:.0f} MB")
    return problems


def first_of_each_kind(cases: list) -> list:
    """The first case of each ``kind``, in order: the start of CI's fixed samples."""
    chosen, seen = [], set()
    for case in cases:
        if case.kind not in seen:
            seen.add(case.kind)
            chosen.append(case)
    return chosen
