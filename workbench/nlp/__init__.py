"""Claim detection (spaCy). No Qt here; nothing heavy is loaded at import time.

The interface the rest of the workbench uses:

- ``extract(text, threshold=None, include_passed=False, progress=None) -> list[Candidate]``
- ``Candidate``: start, end, text (exactly ``article[start:end]``), score, reasons,
  claimant, checkworthy, kind ("sentence", "heading", "caption")
- ``default_threshold()`` and ``DEFAULT_THRESHOLD``
- ``warm_up()``: load the models ahead of time (in a worker thread)
"""

from __future__ import annotations

from workbench.nlp.detector import Candidate, default_threshold, extract, warm_up

DEFAULT_THRESHOLD = 0.5  # used when no trained model is present; see default_threshold()

__all__ = ["Candidate", "DEFAULT_THRESHOLD", "default_threshold", "extract", "warm_up"]
