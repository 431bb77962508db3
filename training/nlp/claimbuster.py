"""ClaimBuster's own CSV, the training data of the check-worthiness classifiers.

ClaimBuster (``crowdsourced.csv``, the same sentences as CT24 train): the training
data is read from here because it keeps what the CT24 copy lost: the debate each
sentence comes from (to cross-validate by debate), the three classes (non-factual,
unimportant factual, check-worthy factual), the two sentences the CT24 copy runs
together, and six texts a spreadsheet turned into ``#NAME?``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import WorkbenchError


@dataclass
class ClaimBusterRow:
    id: str
    text: str
    verdict: int  # -1 non-factual, 0 unimportant factual, 1 check-worthy factual
    debate: str  # the transcript file, e.g. "1988-09-25.txt"


def read_claimbuster(path: str | Path) -> list[ClaimBusterRow]:
    """The rows of a ClaimBuster CSV (``crowdsourced.csv`` or ``groundtruth.csv``)."""
    path = Path(path)
    if not path.is_file():
        raise WorkbenchError(f"{path}: no such file")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if not {"Sentence_id", "Text", "File_id", "Verdict"} <= set(reader.fieldnames or []):
            raise WorkbenchError(f"{path.name}: not a ClaimBuster file")
        return [
            ClaimBusterRow(row["Sentence_id"], row["Text"], int(row["Verdict"]), row["File_id"])
            for row in reader
        ]
