"""Claim detection (placeholder until issue 3 lands: one candidate per sentence).

The public interface the rest of the workbench relies on:

- ``Candidate``: a sentence with its exact span, score, reasons and claimant;
- ``extract(text, threshold=None, include_passed=False, progress=None)``;
- ``DEFAULT_THRESHOLD``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

DEFAULT_THRESHOLD = 0.5

Progress = Callable[[int, int], None]


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    score: float
    reasons: list[str] = field(default_factory=list)
    claimant: str = ""
    checkworthy: bool = True


_SENTENCE = re.compile(r"[^\n.!?]+(?:[.!?]+[\"”’]?|$)", re.MULTILINE)


def extract(
    text: str,
    *,
    threshold: float | None = None,
    include_passed: bool = False,
    progress: Progress | None = None,
) -> list[Candidate]:
    out = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start < 2:
            continue
        out.append(Candidate(start, end, text[start:end], 0.5))
    if progress:
        progress(len(out), len(out))
    return out
