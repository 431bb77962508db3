"""Reading a labelled set of news pages (the format of ``news-claims/LABELLING.md``).

A set is a folder with ``articles/NAME.txt`` (verbatim UTF-8, the headline on line
1), ``gold.tsv`` (``file``, ``start``, ``end``, ``label``, ``claimant``, ``note``;
offsets are characters of the file as written), and optionally ``split.tsv``
(``file``, ``split``) and ``sources.tsv``. Every problem is one readable
``WorkbenchError`` naming the file.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.errors import WorkbenchError

LABELS = ("CLAIM", "NOT", "BOILER")
SPLITS = ("train", "dev", "all")
NEWS_ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "news-claims"


@dataclass(frozen=True)
class Unit:
    """One labelled unit: ``text[start:end]`` of its article, with a label and claimant."""

    start: int
    end: int
    label: str
    claimant: str = ""
    note: str = ""


@dataclass
class NewsArticle:
    folder: Path
    file: str
    text: str  # the file as written: gold offsets point into it
    units: list[Unit] = field(default_factory=list)
    split: str = ""


def _read_tsv(path: Path, needed: set[str]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            missing = needed - set(reader.fieldnames or [])
            if missing:
                raise WorkbenchError(
                    f"{path}: not a labelled-set file "
                    f"(missing columns: {', '.join(sorted(missing))})"
                )
            return [{k: (v or "") for k, v in row.items() if k is not None} for row in reader]
    except UnicodeDecodeError:
        raise WorkbenchError(f"{path}: is not UTF-8 text") from None
    except OSError as exc:
        raise WorkbenchError(f"{path}: cannot be read ({exc.strerror})") from None


def read_splits(folder: Path) -> dict[str, str] | None:
    """``file -> split`` from ``split.tsv``, or None when the folder has none."""
    path = folder / "split.tsv"
    if not path.is_file():
        return None
    return {row["file"]: row["split"].strip() for row in _read_tsv(path, {"file", "split"})}


def read_folder(folder: str | Path, split: str = "all") -> list[NewsArticle]:
    """The labelled articles of ``folder`` in ``split`` ("train", "dev" or "all"), in file order."""
    folder = Path(folder)
    if split not in SPLITS:
        raise WorkbenchError(f"unknown split {split!r} (expected one of: {', '.join(SPLITS)})")
    if not folder.is_dir():
        raise WorkbenchError(f"{folder}: no such folder")
    gold = folder / "gold.tsv"
    if not gold.is_file():
        raise WorkbenchError(f"{folder}: not a labelled set (no gold.tsv)")
    splits = read_splits(folder)
    if split != "all" and splits is None:
        raise WorkbenchError(
            f"{folder}: has no split.tsv yet, so no {split} split (use --split all)"
        )
    articles: dict[str, NewsArticle] = {}
    for number, row in enumerate(_read_tsv(gold, {"file", "start", "end", "label"}), start=2):
        name = row["file"].strip()
        if splits is not None and split != "all" and splits.get(name) != split:
            continue
        article = articles.get(name)
        if article is None:
            path = folder / "articles" / name
            if "/" in name or "\\" in name or not path.is_file():
                raise WorkbenchError(
                    f"{gold}: line {number}: no article {name!r} in {folder / 'articles'}"
                )
            try:
                text = path.read_bytes().decode("utf-8")  # as written: "\r\n" stays two characters
            except UnicodeDecodeError:
                raise WorkbenchError(f"{path}: is not UTF-8 text") from None
            article = articles[name] = NewsArticle(
                folder, name, text, split=(splits or {}).get(name, "")
            )
        label = row["label"].strip().upper()
        if label not in LABELS:
            raise WorkbenchError(f"{gold}: line {number}: unknown label {row['label']!r}")
        try:
            start, end = int(row["start"]), int(row["end"])
        except ValueError:
            raise WorkbenchError(f"{gold}: line {number}: offsets are not numbers") from None
        if not 0 <= start < end <= len(article.text):
            raise WorkbenchError(f"{gold}: line {number}: offsets {start}-{end} outside {name}")
        article.units.append(
            Unit(start, end, label, row.get("claimant", "").strip(), row.get("note", "").strip())
        )
    return sorted(articles.values(), key=lambda a: a.file)


def read_folders(folders: list[str | Path], split: str = "all") -> list[NewsArticle]:
    out: list[NewsArticle] = []
    for folder in folders:
        out.extend(read_folder(folder, split))
    return out
