"""Small helpers shared by the command modules."""

from __future__ import annotations

import argparse
import json
import sys


def threshold_value(value: str) -> float:
    """``--threshold``: a number from 0 to 1, else argparse's usage error."""
    number = float(value)
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError("the threshold is between 0 and 1")
    return number


def print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def warn(message: str) -> None:
    print(f"workbench: warning: {message}", file=sys.stderr)


def print_notices(txn: object) -> None:
    """What a command's transaction wants the user to know (a done claim moved back...)."""
    for notice in getattr(txn, "notices", []) or []:
        print(f"note: {notice}")


class Progress:
    """Progress of a long job on stderr: ``workbench: detecting claims: 40%``.

    Shown only for work worth waiting for (``total`` at least ``min_total``: claim
    detection counts two steps a sentence, so 4,000 is a 2,000-sentence article); on a
    terminal one line is rewritten, otherwise a line is printed every 10%.
    """

    def __init__(self, what: str, *, min_total: int = 4000) -> None:
        self.what = what
        self.min_total = min_total
        self.tty = sys.stderr.isatty()
        self._shown = -1

    def __call__(self, done: int, total: int) -> None:
        if total < self.min_total:
            return
        percent = min(100, done * 100 // total)
        step = percent if self.tty else percent // 10 * 10
        if step <= self._shown:
            return
        self._shown = step
        end = "\r" if self.tty and percent < 100 else "\n"
        print(f"workbench: {self.what}: {step}%", end=end, file=sys.stderr, flush=True)
