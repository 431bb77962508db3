"""Reading labelled check-worthiness data: the CheckThat! format and ClaimBuster's own.

CheckThat!: tab-separated ``Sentence_id``, ``Text``, ``class_label`` (Yes/No) with
a header; some texts are quoted with doubled quotes inside, so a CSV reader is
used. A row with the wrong number of fields (one is known in the CT24 train file,
two rows run together) is skipped and counted.

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

DATA_ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "checkworthiness"
CT24 = DATA_ROOT / "ct24_checkthat_task1_english"
TRAIN = CT24 / "CT24_checkworthy_english_train.tsv"
DEV = CT24 / "CT24_checkworthy_english_dev.tsv"
DEV_TEST = CT24 / "CT24_checkworthy_english_dev-test.tsv"
CLAIMBUSTER_TRAIN = DATA_ROOT / "claimbuster_2020" / "crowdsourced.csv"


@dataclass
class Labelled:
    rows: list[tuple[str, str, bool]]  # (id, text, is check-worthy)
    skipped: int = 0

    @property
    def texts(self) -> list[str]:
        return [text for _, text, _ in self.rows]

    @property
    def labels(self) -> list[bool]:
        return [label for _, _, label in self.rows]


def read_tsv(path: str | Path) -> Labelled:
    path = Path(path)
    if not path.is_file():
        raise WorkbenchError(f"{path}: no such file")
    rows: list[tuple[str, str, bool]] = []
    skipped = 0
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, delimiter="\t")
            header = next(reader, None)
            if not header or [h.strip().lower() for h in header[:3]] != [
                "sentence_id",
                "text",
                "class_label",
            ]:
                raise WorkbenchError(
                    f"{path.name}: not a CheckThat! file (expected the columns "
                    "Sentence_id, Text, class_label)"
                )
            for row in reader:
                if len(row) != 3 or row[2].strip() not in {"Yes", "No"}:
                    skipped += 1
                    continue
                rows.append((row[0], row[1], row[2].strip() == "Yes"))
    except UnicodeDecodeError:
        raise WorkbenchError(f"{path.name}: is not UTF-8 text") from None
    except csv.Error as exc:
        raise WorkbenchError(f"{path.name}: cannot be read as TSV ({exc})") from None
    if not rows:
        raise WorkbenchError(f"{path.name}: no labelled sentences")
    return Labelled(rows, skipped)


def f1_report(predicted: list[bool], gold: list[bool]) -> dict:
    tp = sum(p and g for p, g in zip(predicted, gold))
    fp = sum(p and not g for p, g in zip(predicted, gold))
    fn = sum(g and not p for p, g in zip(predicted, gold))
    tn = len(gold) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "accuracy": round((tp + tn) / len(gold), 4) if gold else 0.0,
        "n": len(gold),
    }


@dataclass
class ClaimBusterRow:
    id: str
    text: str
    verdict: int  # -1 non-factual, 0 unimportant factual, 1 check-worthy factual
    debate: str  # the transcript file, e.g. "1988-09-25.txt"

    @property
    def checkworthy(self) -> bool:
        return self.verdict == 1


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
