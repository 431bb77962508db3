"""Merging participants' work into a curation project, to discuss it with the room.

Each participant's evidence is attached to the matching claim with the participant
as its ``author``; each rationale is appended to the claim's rationale under a
"[Name · Verdict]" heading. A claim a participant found that the curation project
lacks is added as a manual claim. A participant is merged at most once (their
name is recorded in the project), and each participant is one transaction: all
of their work goes in, or none of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.errors import NotFoundError, ValidationError
from workbench.core.models import Claim, Evidence, Origin, stored_id
from workbench.store import ProjectStore
from workbench.store.exercise import (
    keep_only_settings,
    one_transaction,
    open_memory_copy,
    strip_work,
    write_compact_copy,
)
from workbench.workshop.collect import Progress, Sheet, Work, collect
from workbench.workshop.exercise import EXERCISE_KEY, KEPT_SETTINGS, MODE_CLAIMS

MERGED_KEY = "workshop_merged"


@dataclass
class MergeResult:
    path: Path
    merged: list[str] = field(default_factory=list)
    rationales: int = 0
    evidence: int = 0
    claims_added: int = 0
    warnings: list[str] = field(default_factory=list)

    def message(self) -> str:
        who = ", ".join(self.merged) if self.merged else "nobody new"
        return (
            f"{self.path.name}: merged {who} — {self.rationales} rationales, "
            f"{self.evidence} evidence links, {self.claims_added} claims added"
        )


def _create_curation(into: Path, sheet: Sheet, key: Path | None) -> None:
    """A new curation project: a copy of the key, or else a clean copy of the exercise."""
    exercise = sheet.exercise
    assert exercise is not None  # collect() refuses files that are no exercise
    store = open_memory_copy(key if key is not None else sheet.path)
    try:
        if key is None:
            strip_work(store, keep_claims=exercise.mode == MODE_CLAIMS, keep_evidence=False)
            keep_only_settings(store, KEPT_SETTINGS | {EXERCISE_KEY})
        store.settings.set("title", f"Curation: {exercise.title}")
        store.settings.set(EXERCISE_KEY, exercise.to_dict())
        write_compact_copy(store, into)
    finally:
        store.close()


def merge(
    paths: Sequence[str | Path],
    into: str | Path,
    *,
    key: str | Path | None = None,
    progress: Progress | None = None,
) -> MergeResult:
    """Bring the participants' evidence and rationales into ``into`` (created if missing)."""
    into = Path(into)
    if into.suffix.lower() != ".fcw":
        raise ValidationError(f"{into.name}: a curation project must end in .fcw")
    given = {Path(p).resolve() for p in paths} | ({Path(key).resolve()} if key else set())
    if into.resolve() in given:
        raise ValidationError(f"{into.name}: is one of the files being merged; choose another file")
    collection = collect(paths, key)
    result = MergeResult(into, warnings=list(collection.warnings))
    if not into.exists():
        _create_curation(into, collection.sheets[0], Path(key) if key else None)
    with ProjectStore.open(into) as store:
        shas = {a.sha256: stored_id(a.id) for a in store.articles.all()}
        if not set(collection.exercise.articles) <= set(shas):
            raise ValidationError(f"{into.name}: its articles are not the exercise's")
        done = list(store.settings.get(MERGED_KEY, []) or [])
        total = len(collection.sheets)
        for number, sheet in enumerate(collection.sheets, start=1):
            tag = f"{collection.exercise.id}:{sheet.name}"
            if tag in done:
                result.warnings.append(f"{sheet.name}: already merged into {into.name}; skipped")
                continue
            with ProjectStore.open(sheet.path, readonly=True) as source:
                evidence = source.evidence.all()
            with one_transaction(store):
                _merge_sheet(store, sheet, evidence, shas, result)
                done.append(tag)
                store.settings.set(MERGED_KEY, done)
            result.merged.append(sheet.name)
            if progress:
                progress(number, total)
    return result


def _target(store: ProjectStore, work: Work, article_id: int, by_id: bool) -> Claim | None:
    """The curation claim a participant's claim belongs to: same id, else the largest overlap."""
    if by_id and not work.manual:
        try:
            claim = store.claims.get(work.id)
        except NotFoundError:  # the curation project lacks it: match by span instead
            claim = None
        if claim and claim.article_id == article_id and work.overlap(claim.start, claim.end):
            return claim
    best, best_overlap = None, 0
    for claim in store.claims.all(article_id):
        overlap = work.overlap(claim.start, claim.end)
        if overlap > best_overlap:
            best, best_overlap = claim, overlap
    return best


def _merge_sheet(
    store: ProjectStore,
    sheet: Sheet,
    evidence: list[Evidence],
    shas: dict[str, int],
    result: MergeResult,
) -> None:
    items_by_claim: dict[int, list[Evidence]] = {}
    for item in evidence:
        items_by_claim.setdefault(item.claim_id, []).append(item)
    assert sheet.exercise is not None  # collect() refuses files that are no exercise
    by_id = sheet.exercise.mode == MODE_CLAIMS
    for work in sheet.claims:
        items = items_by_claim.get(work.id, [])
        if not (work.rationale.strip() or items):
            continue
        article_id = shas.get(sheet.articles.get(work.article_id, ""))
        if article_id is None:
            result.warnings.append(
                f"{sheet.name}: claim {work.id} is on an article not in the exercise"
            )
            continue
        claim = _target_or_new(store, work, article_id, by_id, result)
        claim_id = stored_id(claim.id)
        if work.rationale.strip():
            heading = f"[{sheet.name} · {work.verdict or 'no verdict'}]"
            parts = [claim.rationale.rstrip(), f"{heading} {work.rationale.strip()}"]
            store.claims.update(claim_id, rationale="\n\n".join(p for p in parts if p))
            result.rationales += 1
        _merge_evidence(store, sheet, claim_id, items)
        result.evidence += len(items)


def _target_or_new(
    store: ProjectStore, work: Work, article_id: int, by_id: bool, result: MergeResult
) -> Claim:
    """The curation claim for a participant's claim, added (as manual) when there is none."""
    claim = _target(store, work, article_id, by_id)
    if claim is None:
        claim = store.claims.add(
            Claim(
                article_id=article_id,
                start=work.start,
                end=work.end,
                quote="",
                text=work.text,
                origin=Origin.MANUAL,
            )
        )
        result.claims_added += 1
    return claim


def _merge_evidence(
    store: ProjectStore, sheet: Sheet, claim_id: int, items: list[Evidence]
) -> None:
    """Add a participant's evidence to a claim; a URL already cited gets a note instead."""
    cited = {e.url: e for e in store.evidence.all(claim_id)}
    new: list[Evidence] = []
    for item in items:
        if item.url in cited:
            earlier = cited[item.url]
            extra = f"Also cited by {sheet.name} ({item.stance.value})"
            extra += f": {item.note}" if item.note else "."
            store.evidence.update(
                stored_id(earlier.id), note="\n".join(x for x in (earlier.note, extra) if x)
            )
        else:
            new.append(
                Evidence(
                    claim_id=claim_id,
                    url=item.url,
                    stance=item.stance,
                    note=item.note,
                    author=sheet.name,
                )
            )
            cited[item.url] = new[-1]
    if new:
        store.evidence.add_many(new)
