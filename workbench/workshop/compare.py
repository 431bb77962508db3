"""The comparison a trainer shows the room: agreement, contested claims, each person
against the key.

``compare_files`` reads and matches the files (see ``collect``), ``compare`` turns
the matched claims into a ``Comparison``: plain data that the command line prints
as JSON, the HTML report lays out and the window shows as a table and a chart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from workbench.workshop import agreement
from workbench.workshop.collect import Collection, Progress, Unit, build_units, collect
from workbench.workshop.exercise import MODE_NO_CLAIMS, Exercise


@dataclass
class ClaimResult:
    """One claim: how the room rated it, the key's verdict, and how contested it was."""

    claim_id: int | None
    article_id: int
    start: int
    end: int
    text: str
    key_verdict: str | None
    verdicts: dict[str, str | None]  # participant name -> verdict (None: not rated)
    spread: dict[str, int]  # label -> how many gave it, in the scale's order
    rated: int
    unrated: int
    found_by: int
    agreement: float | None
    disagreement: float | None
    ordinal_range: int | None
    majority: list[str]
    key_agreement: float | None


@dataclass
class ParticipantResult:
    """One participant: what they did and how it compares with the key."""

    name: str
    file: str
    named: bool
    locked: bool
    claims: int
    verdicts: int
    unrated: int
    compared: int  # claims both the key and this participant rated
    exact: float | None
    within_one: float | None
    evidence: int
    rationales: int
    added: int


@dataclass
class PairResult:
    a: str
    b: str
    kappa: float | None
    claims: int


@dataclass
class Comparison:
    """Everything the trainer's view shows, as plain data (see ``to_dict`` for JSON)."""

    exercise: Exercise
    key_file: str | None
    labels: list[str]
    ordinal_labels: list[str]
    colours: dict[str, str]
    participants: list[ParticipantResult]
    claims: list[ClaimResult]
    alpha_nominal: float | None
    alpha_ordinal: float | None
    fleiss_kappa: float | None
    percent_agreement: float | None
    cohen: list[PairResult]
    confusion: list[list[int]]  # rows: key's label, columns: participants' label
    warnings: list[str] = field(default_factory=list)

    @property
    def mean_cohen_kappa(self) -> float | None:
        values = [p.kappa for p in self.cohen if p.kappa is not None]
        return sum(values) / len(values) if values else None

    def anonymised(self) -> Comparison:
        """The same comparison with each name replaced by "Participant N" (file order)."""
        alias = {p.name: f"Participant {i}" for i, p in enumerate(self.participants, start=1)}
        secret = [*alias, *(Path(p.file).name for p in self.participants if p.file)]
        return replace(
            self,
            participants=[replace(p, name=alias[p.name], file="") for p in self.participants],
            claims=[
                replace(c, verdicts={alias[k]: v for k, v in c.verdicts.items()})
                for c in self.claims
            ],
            cohen=[replace(p, a=alias[p.a], b=alias[p.b]) for p in self.cohen],
            warnings=[w for w in self.warnings if not any(n in w for n in secret)],
        )

    def to_dict(self) -> dict:
        return {
            "exercise": {
                "id": self.exercise.id,
                "title": self.exercise.title,
                "mode": self.exercise.mode,
                "created_at": self.exercise.created_at,
            },
            "key": self.key_file,
            "labels": self.labels,
            "ordinal_labels": self.ordinal_labels,
            "krippendorff_alpha": {"nominal": self.alpha_nominal, "ordinal": self.alpha_ordinal},
            "fleiss_kappa": self.fleiss_kappa,
            "percent_agreement": self.percent_agreement,
            "cohen_kappa": [asdict(p) for p in self.cohen],
            "mean_cohen_kappa": self.mean_cohen_kappa,
            "claims": [asdict(c) for c in self.claims],
            "participants": [asdict(p) for p in self.participants],
            "confusion": {
                "rows": "key",
                "columns": "participants",
                "labels": self.labels,
                "matrix": self.confusion,
            },
            "warnings": self.warnings,
        }


def compare_files(
    paths: Sequence[str | Path], key: str | Path | None = None, progress: Progress | None = None
) -> Comparison:
    """Read, check and compare participants' files (read-only)."""
    collection = collect(paths, key, progress)
    return compare(collection)


def _labels(collection: Collection, units: list[Unit]) -> list[str]:
    labels = collection.scale.names()
    seen = {w.verdict for u in units for w in [*u.works, u.key] if w and w.verdict}
    return labels + sorted(seen - set(labels))


def _contest_order(c: ClaimResult) -> tuple[bool, float, int, float, int, int, int]:
    """Most contested first: disagreement, then spread on the scale, then the key's share."""
    return (
        c.disagreement is None,
        -(c.disagreement or 0),
        -(c.ordinal_range or 0),
        -(1 - c.key_agreement if c.key_agreement is not None else 0),
        -c.rated,
        c.article_id,
        c.start,
    )


def _against_key(
    units: list[Unit],
    p: int,
    rank: dict[str, int],
    index: dict[str, int],
    confusion: list[list[int]],
) -> tuple[int, int, int]:
    """(exact, within one step, compared) of participant ``p`` against the key; counts
    each pair into ``confusion``."""
    exact = near = compared = 0
    for unit in units:
        work = unit.works[p]
        if not (work and work.verdict and unit.key and unit.key.verdict):
            continue
        truth, given = unit.key.verdict, work.verdict
        compared += 1
        confusion[index[truth]][index[given]] += 1
        if truth == given:
            exact += 1
            near += 1
        elif truth in rank and given in rank and abs(rank[truth] - rank[given]) <= 1:
            near += 1
    return exact, near, compared


def _participants(
    collection: Collection, units: list[Unit], labels: list[str], rank: dict[str, int]
) -> tuple[list[ParticipantResult], list[list[int]]]:
    """Each participant's results, and the key-against-participants confusion matrix."""
    index = {label: i for i, label in enumerate(labels)}
    confusion = [[0] * len(labels) for _ in labels]
    participants = []
    reference_ids = {c.id for c in collection.exercise.claims}
    for p, sheet in enumerate(collection.sheets):
        exact, near, compared = _against_key(units, p, rank, index, confusion)
        works = [w for u in units if (w := u.works[p]) is not None]
        if collection.exercise.mode == MODE_NO_CLAIMS:
            added = len(sheet.claims)
        else:
            added = sum(1 for w in sheet.claims if w.id not in reference_ids)
        rated = sum(1 for w in works if w.verdict)
        participants.append(
            ParticipantResult(
                name=sheet.name,
                file=str(sheet.path),
                named=sheet.named,
                locked=sheet.locked,
                claims=len(works),
                verdicts=rated,
                unrated=len(units) - rated,
                compared=compared,
                exact=exact / compared if compared else None,
                within_one=near / compared if compared else None,
                evidence=sum(1 for w in works if w.evidence),
                rationales=sum(1 for w in works if w.rationale.strip()),
                added=added,
            )
        )
    return participants, confusion


def compare(collection: Collection) -> Comparison:
    units = build_units(collection)
    scale = collection.scale
    labels = _labels(collection, units)
    order = scale.ordinal_labels()
    rank = {label: i for i, label in enumerate(order)}
    names = [s.name for s in collection.sheets]
    matrix = [[w.verdict if w else None for w in u.works] for u in units]
    raters = [list(column) for column in zip(*matrix)] if matrix else [[] for _ in names]
    has_key = collection.key is not None

    claims = [_claim_result(u, row, names, labels, rank, has_key) for u, row in zip(units, matrix)]
    claims.sort(key=_contest_order)
    participants, confusion = _participants(collection, units, labels, rank)
    cohen = [
        PairResult(names[i], names[j], kappa, n)
        for i, j, kappa, n in agreement.pairwise_cohen(raters)
    ]
    warnings = list(collection.warnings)
    if len(names) < 2:
        warnings.append("only one participant: agreement needs two or more")
    if not has_key:
        warnings.append("no key given: accuracy and the confusion matrix need --key")
    return Comparison(
        exercise=collection.exercise,
        key_file=str(collection.key.path) if collection.key else None,
        labels=labels,
        ordinal_labels=order,
        colours={label.name: label.colour for label in scale.labels},
        participants=participants,
        claims=claims,
        alpha_nominal=agreement.krippendorff_alpha(matrix),
        alpha_ordinal=agreement.krippendorff_alpha(matrix, order) if order else None,
        fleiss_kappa=agreement.fleiss_kappa(matrix),
        percent_agreement=agreement.percent_agreement(matrix),
        cohen=cohen,
        confusion=confusion,
        warnings=warnings,
    )


def _claim_result(
    unit: Unit,
    row: list[str | None],
    names: list[str],
    labels: list[str],
    rank: dict[str, int],
    has_key: bool,
) -> ClaimResult:
    counts = Counter(v for v in row if v is not None)
    rated = sum(counts.values())
    share = agreement.unit_agreement(row)
    ranks = [rank[v] for v in row if v in rank]
    top = max(counts.values()) if counts else 0
    key_verdict = unit.key.verdict if unit.key else None
    return ClaimResult(
        claim_id=unit.claim_id,
        article_id=unit.article_id,
        start=unit.start,
        end=unit.end,
        text=unit.text,
        key_verdict=key_verdict,
        verdicts=dict(zip(names, row)),
        spread={label: counts[label] for label in labels if counts[label]},
        rated=rated,
        unrated=len(row) - rated,
        found_by=sum(1 for w in unit.works if w is not None),
        agreement=share,
        disagreement=None if share is None else 1.0 - share,
        ordinal_range=(max(ranks) - min(ranks)) if ranks else None,
        majority=[label for label in labels if counts[label] == top and top],
        key_agreement=(counts[key_verdict] / rated)
        if (has_key and key_verdict and rated)
        else None,
    )
