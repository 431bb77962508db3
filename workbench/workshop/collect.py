"""Collecting participants' files: read each one, check it belongs to the exercise, match claims.

A file that cannot be read (damaged, not a project, a newer version) is skipped
with a warning, so one broken USB stick does not stop the room's comparison. A
file of another exercise, or an ordinary project, is refused outright: mixing it
in would silently change every figure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.errors import ProjectFileError, WorkbenchError
from workbench.core.models import Origin, stored_id
from workbench.core.scale import VerdictScale
from workbench.store import ProjectStore
from workbench.workshop.exercise import (
    MODE_NO_CLAIMS,
    Exercise,
    ReferenceClaim,
    exercise_of,
    is_locked,
    participant_name,
)

Progress = Callable[[int, int], None]


class ExerciseMismatchError(WorkbenchError):
    """A file that belongs to another exercise (or to none): comparing it would mislead."""


@dataclass
class Work:
    """One person's work on one claim, as read from their file."""

    id: int
    article_id: int
    start: int
    end: int
    text: str
    verdict: str | None
    rationale: str
    evidence: int
    manual: bool

    def overlap(self, start: int, end: int) -> int:
        return max(0, min(self.end, end) - max(self.start, start))


@dataclass
class Sheet:
    """A participant's (or the key's) file, read once: who, which exercise, and the work."""

    path: Path
    name: str
    named: bool
    exercise: Exercise | None
    locked: bool
    scale: VerdictScale
    articles: dict[int, str]  # article id -> SHA-256 of its text
    claims: list[Work] = field(default_factory=list)

    def by_id(self) -> dict[int, Work]:
        return {w.id: w for w in self.claims}


def read_sheet(path: str | Path) -> Sheet:
    """Read one project file (read-only: a participant's file is never changed)."""
    path = Path(path)
    with ProjectStore.open(path, readonly=True) as store:
        name = participant_name(store)
        claims = [
            Work(
                id=stored_id(c.id),
                article_id=c.article_id,
                start=c.start,
                end=c.end,
                text=c.text,
                verdict=c.verdict,
                rationale=c.rationale,
                evidence=c.evidence_count,
                manual=c.origin is Origin.MANUAL,
            )
            for c in store.claims.all()
        ]
        return Sheet(
            path=path,
            name=name or path.stem,
            named=bool(name),
            exercise=exercise_of(store),
            locked=is_locked(store),
            scale=store.scale.get(),
            articles={stored_id(a.id): a.sha256 for a in store.articles.all()},
            claims=claims,
        )


@dataclass
class Collection:
    """The participants' sheets of one exercise, the key's if given, and what was skipped."""

    exercise: Exercise
    sheets: list[Sheet]
    key: Sheet | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def scale(self) -> VerdictScale:
        return (self.key or self.sheets[0]).scale


def _describe(exercise: Exercise) -> str:
    made = f", made {exercise.created_at[:10]}" if exercise.created_at else ""
    return f"“{exercise.title}”, exercise {exercise.id[:8]}{made}"


def _exercise_of(sheet: Sheet, first: Sheet | None) -> Exercise:
    """The sheet's exercise; refused if it has none or is not the first sheet's."""
    if sheet.exercise is None:
        raise ExerciseMismatchError(
            f"{sheet.path.name}: not a workshop exercise file (hand out files made with "
            "`workbench workshop pack`); nothing was compared"
        )
    if first is not None and first.exercise is not None:
        if sheet.exercise.id != first.exercise.id:
            raise ExerciseMismatchError(
                f"{sheet.path.name} belongs to another exercise ({_describe(sheet.exercise)}), "
                f"not to {_describe(first.exercise)} like {first.path.name}; "
                "compare the files of one exercise at a time"
            )
        return first.exercise
    return sheet.exercise


def _read_key(key: str | Path, exercise: Exercise) -> Sheet:
    key_sheet = read_sheet(key)
    if not set(exercise.articles) <= set(key_sheet.articles.values()):
        raise ExerciseMismatchError(
            f"{Path(key).name} is not the key of {_describe(exercise)}: "
            "its article text differs from the exercise's"
        )
    return key_sheet


def collect(
    paths: Sequence[str | Path],
    key: str | Path | None = None,
    progress: Progress | None = None,
) -> Collection:
    """Read the participants' files (and the key) of one exercise."""
    if not paths:
        raise WorkbenchError("no participant files to compare")
    sheets: list[Sheet] = []
    warnings: list[str] = []
    seen: set[Path] = set()
    exercise: Exercise | None = None
    first: Sheet | None = None
    total = len(paths) + (1 if key else 0)
    for done, raw in enumerate(paths, start=1):
        path = Path(raw)
        resolved = path.resolve()
        if resolved in seen:
            warnings.append(f"{path.name}: given twice; counted once")
            continue
        seen.add(resolved)
        try:
            sheet = read_sheet(path)
        except ProjectFileError as exc:
            warnings.append(f"skipped {exc}")
            continue
        exercise = _exercise_of(sheet, first)
        first = first or sheet
        if not sheet.named:
            warnings.append(
                f"{path.name}: no participant name in the file; shown as {sheet.name!r}"
            )
        sheets.append(sheet)
        if progress:
            progress(done, total)
    if exercise is None:
        raise WorkbenchError("none of the participant files could be read")
    _unique_names(sheets, warnings)
    key_sheet = None
    if key is not None:
        key_sheet = _read_key(key, exercise)
        if progress:
            progress(total, total)
    if exercise.mode == MODE_NO_CLAIMS and key_sheet is None:
        warnings.append("no key given: claims are the spans the participants marked")
    return Collection(exercise, sheets, key_sheet, warnings)


def _unique_names(sheets: list[Sheet], warnings: list[str]) -> None:
    counts = Counter(s.name.casefold() for s in sheets)
    seen: Counter = Counter()
    for sheet in sheets:
        folded = sheet.name.casefold()
        if counts[folded] > 1:
            seen[folded] += 1
            if seen[folded] > 1:
                new = f"{sheet.name} ({seen[folded]})"
                warnings.append(f"{sheet.path.name}: a second {sheet.name!r}; shown as {new!r}")
                sheet.name = new


@dataclass
class Unit:
    """One claim as compared: where it is, and each participant's work on it (or None)."""

    claim_id: int | None
    article_id: int
    start: int
    end: int
    text: str
    works: list[Work | None]
    key: Work | None = None


def _pick(candidates: list[Work], start: int, end: int) -> Work | None:
    """A participant's claim for a unit: a rated one first, then the largest overlap."""
    if not candidates:
        return None
    return max(candidates, key=lambda w: (w.verdict is not None, w.overlap(start, end), -w.start))


def units_by_id(collection: Collection) -> list[Unit]:
    """Claims handed out with the exercise, matched by id (and a span that still overlaps)."""
    indexes = [s.by_id() for s in collection.sheets]
    key_index = collection.key.by_id() if collection.key else {}

    def find(index: dict[int, Work], ref: ReferenceClaim) -> Work | None:
        work = index.get(ref.id)
        if (
            work is None
            or work.article_id != ref.article_id
            or not work.overlap(ref.start, ref.end)
        ):
            return None
        return work

    return [
        Unit(
            claim_id=ref.id,
            article_id=ref.article_id,
            start=ref.start,
            end=ref.end,
            text=ref.text,
            works=[find(index, ref) for index in indexes],
            key=find(key_index, ref),
        )
        for ref in collection.exercise.claims
    ]


def units_by_span(collection: Collection) -> list[Unit]:
    """Claims found by the participants themselves, matched by overlapping spans.

    Each participant's claim goes to the key's claim it overlaps most; claims that
    overlap no key claim are grouped with the other participants' overlapping ones,
    so the room also sees what the key missed.
    """
    n = len(collection.sheets)
    anchors = list(collection.key.claims) if collection.key else []
    pools: list[list[list[Work]]] = [[[] for _ in range(n)] for _ in anchors]
    leftovers: list[tuple[int, Work]] = []
    for p, sheet in enumerate(collection.sheets):
        for work in sheet.claims:
            best, best_overlap = None, 0
            for i, anchor in enumerate(anchors):
                if anchor.article_id == work.article_id:
                    overlap = work.overlap(anchor.start, anchor.end)
                    if overlap > best_overlap:
                        best, best_overlap = i, overlap
            if best is None:
                leftovers.append((p, work))
            else:
                pools[best][p].append(work)
    units = [
        Unit(
            a.id,
            a.article_id,
            a.start,
            a.end,
            a.text,
            [_pick(pool, a.start, a.end) for pool in pools[i]],
            key=a,
        )
        for i, a in enumerate(anchors)
    ]
    leftovers.sort(key=lambda pw: (pw[1].article_id, pw[1].start, pw[1].end))
    cluster: list[tuple[int, Work]] = []
    ends: list[tuple[int, Work | None]] = [*leftovers, (-1, None)]
    for p, following in ends:
        if cluster and (
            following is None
            or following.article_id != cluster[0][1].article_id
            or following.start >= max(w.end for _, w in cluster)
        ):
            units.append(_cluster_unit(cluster, n))
            cluster = []
        if following is not None:
            cluster.append((p, following))
    units.sort(key=lambda u: (u.article_id, u.start, u.end))
    return units


def _cluster_unit(cluster: list[tuple[int, Work]], n: int) -> Unit:
    start = min(w.start for _, w in cluster)
    end = max(w.end for _, w in cluster)
    spans = Counter((w.start, w.end) for _, w in cluster)
    common = spans.most_common(1)[0][0]
    text = next(w.text for _, w in cluster if (w.start, w.end) == common)
    pools: list[list[Work]] = [[] for _ in range(n)]
    for p, work in cluster:
        pools[p].append(work)
    return Unit(
        None,
        cluster[0][1].article_id,
        start,
        end,
        text,
        [_pick(pool, start, end) for pool in pools],
    )


def build_units(collection: Collection) -> list[Unit]:
    if collection.exercise.mode == MODE_NO_CLAIMS:
        return units_by_span(collection)
    return units_by_id(collection)
