"""Curating the claim list: trimming spans, splitting and merging claims, re-detection plans.

Pure functions over the core dataclasses: the store applies what they decide in
one transaction, the window and the command line show what they say. Nothing
here drops a person's work without saying so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.core.errors import ValidationError
from workbench.core.models import Claim, ClaimStatus

# Workflow order: a merged claim takes the least advanced status of the two.
STATUS_ORDER = [
    ClaimStatus.NEW,
    ClaimStatus.IN_PROGRESS,
    ClaimStatus.NEEDS_REVIEW,
    ClaimStatus.DONE,
]


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``..``end`` without the whitespace at either end (a claim never starts with a
    space)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_spans(
    text: str, start: int, end: int, at: int
) -> tuple[tuple[int, int], tuple[int, int]]:
    """The two trimmed spans of a claim split at ``at``; refused when one would be empty."""
    if not start < at < end:
        raise ValidationError("put the cursor inside the claim's text to split it")
    first = trim_span(text, start, at)
    second = trim_span(text, at, end)
    if first[0] == first[1] or second[0] == second[1]:
        raise ValidationError("nothing would be left on one side of the split")
    return first, second


def carries_work(claim: Claim) -> bool:
    """Work a merge could lose: a verdict, rationale, wording, status or evidence."""
    return (
        bool(claim.verdict)
        or bool(claim.rationale.strip())
        or claim.text != claim.quote
        or claim.status is not ClaimStatus.NEW
        or claim.evidence_count > 0
    )


@dataclass
class MergePlan:
    """What merging ``second`` into ``first`` gives, and what happens to each one's work.

    ``conflict`` is the reason the merge is refused (e.g. two different verdicts);
    ``notes`` say, in words, where each piece of work goes; when both claims carry
    work (``needs_confirmation``) the window asks before merging.
    """

    first: Claim
    second: Claim
    start: int
    end: int
    fields: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    conflict: str | None = None

    @property
    def needs_confirmation(self) -> bool:
        return carries_work(self.first) and carries_work(self.second)

    def question(self) -> str:
        a, b = self.first, self.second
        lines = [
            f"Claims {a.position} and {b.position} both carry work. The merged claim will have:"
        ]
        lines += [f"• {note}" for note in self.notes]
        lines.append("\nUndo (Ctrl+Z) brings both claims back as they are now.")
        return "\n".join(lines)


def _joined(a: str, b: str, sep: str) -> str:
    a, b = a.strip(), b.strip()
    if not a or a == b:
        return b
    if not b:
        return a
    return f"{a}{sep}{b}"


def plan_merge(first: Claim, second: Claim, text: str) -> MergePlan:
    """How ``first`` and ``second`` (claims of one article, whose text is ``text``) merge."""
    if first.article_id != second.article_id:
        raise ValidationError("only claims of the same article can be merged")
    if second.start < first.start:
        first, second = second, first
    start, end = trim_span(text, min(first.start, second.start), max(first.end, second.end))
    plan = MergePlan(first=first, second=second, start=start, end=end)
    a, b = first, second
    fields: dict = {}
    # Each step sets its fields and says, in plan.notes, where the work goes (in this order).
    _merge_verdict(plan, fields)
    _merge_rationale(plan, fields)
    _merge_wording(plan, fields)
    _merge_claimant(plan, fields)
    _merge_status(plan, fields)
    if a.evidence_count or b.evidence_count:
        plan.notes.append(
            f"the evidence of both ({a.evidence_count} + {b.evidence_count} items; "
            "a source both cite is kept once)"
        )
    notes = [n for n in (a.anchor_note, b.anchor_note) if n]
    if notes:
        fields["anchor_note"] = " / ".join(dict.fromkeys(notes))
    plan.fields = fields
    return plan


def _merge_verdict(plan: MergePlan, fields: dict) -> None:
    a, b = plan.first, plan.second
    if a.verdict and b.verdict and a.verdict != b.verdict:
        plan.conflict = (
            f"claims {a.position} and {b.position} have different verdicts "
            f"({a.verdict}, {b.verdict}): "
            "give them the same verdict, or clear one, before merging"
        )
    verdict = a.verdict or b.verdict
    fields["verdict"] = verdict
    if verdict:
        plan.notes.append(f"verdict {verdict}")


def _merge_rationale(plan: MergePlan, fields: dict) -> None:
    a, b = plan.first, plan.second
    rationale = _joined(a.rationale, b.rationale, "\n\n")
    fields["rationale"] = rationale
    if a.rationale.strip() and b.rationale.strip() and a.rationale.strip() != b.rationale.strip():
        plan.notes.append("both rationales, one after the other")
    elif rationale:
        plan.notes.append(
            f"the rationale of claim {a.position if a.rationale.strip() else b.position}"
        )


def _merge_wording(plan: MergePlan, fields: dict) -> None:
    a, b = plan.first, plan.second
    reworded = [c for c in (a, b) if c.text != c.quote]
    if reworded:
        fields["text"] = _joined(a.text, b.text, " ")
        plan.notes.append(
            "both wordings, one after the other"
            if len(reworded) == 2
            else f"the wording of claim {reworded[0].position}, then the other claim's quote"
        )


def _merge_claimant(plan: MergePlan, fields: dict) -> None:
    a, b = plan.first, plan.second
    claimant = (
        a.claimant
        if (a.claimant and (not b.claimant or a.claimant == b.claimant))
        else (b.claimant if not a.claimant else f"{a.claimant}; {b.claimant}")
    )
    fields["claimant"] = claimant
    if a.claimant and b.claimant and a.claimant != b.claimant and plan.needs_confirmation:
        plan.notes.append(f"both claimants ({claimant})")


def _merge_status(plan: MergePlan, fields: dict) -> None:
    a, b = plan.first, plan.second
    worked = [c for c in (a, b) if carries_work(c)] or [a, b]
    status = min((c.status for c in worked), key=STATUS_ORDER.index)
    if status is ClaimStatus.DONE and (
        a.status is not ClaimStatus.DONE or b.status is not ClaimStatus.DONE
    ):
        status = ClaimStatus.IN_PROGRESS
    fields["status"] = status
    done = [c for c in (a, b) if c.status is ClaimStatus.DONE]
    if done and status is not ClaimStatus.DONE:
        plan.notes.append(
            f"status {status.label} (claim {done[0].position} was done: check the merged claim "
            "before marking it done again)"
        )
    elif status is not ClaimStatus.NEW:
        plan.notes.append(f"status {status.label}")


@dataclass
class RedetectPlan:
    """What re-detecting an article's claims will do: claims added, removed and kept.

    Kept are every claim a person touched, and the untouched claims detection finds
    again exactly (``refresh`` holds their new score and reasons); removed are the
    other untouched claims; added are new candidates that overlap no kept claim and
    no claim a person deleted.
    """

    article_id: int
    add: list[Claim] = field(default_factory=list)
    remove: list[int] = field(default_factory=list)
    keep: list[int] = field(default_factory=list)
    refresh: dict[int, dict] = field(default_factory=dict)

    def summary(self) -> str:
        added = len(self.add)
        return (
            f"{added} claim{'s' if added != 1 else ''} added, "
            f"{len(self.remove)} removed, {len(self.keep)} kept"
        )

    @property
    def changes_anything(self) -> bool:
        return bool(self.add or self.remove or self.refresh)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def plan_redetect(
    article_id: int,
    existing: list[Claim],
    candidates: list[Claim],
    dismissed: list[tuple[int, int, str]],
) -> RedetectPlan:
    """Re-detection as a plan: keep worked-on claims, replace the rest, never resurrect.

    ``dismissed`` are (start, end, quote) of claims a person deleted from this
    article (start and end are -1 for those deleted from an earlier version of
    it: they are matched by quote).
    """
    plan = RedetectPlan(article_id)
    by_span = {(c.start, c.end): c for c in candidates}
    kept_spans = []
    for claim in existing:
        assert claim.id is not None  # read from the store
        span = (claim.start, claim.end)
        again = by_span.get(span)
        if claim.has_work or again is not None:
            plan.keep.append(claim.id)
            kept_spans.append(span)
            if not claim.has_work and again is not None:
                fresh = {
                    "score": again.score,
                    "reasons": list(again.reasons),
                    "claimant": again.claimant,
                }
                if any(getattr(claim, k) != v for k, v in fresh.items()):
                    plan.refresh[claim.id] = fresh
        else:
            plan.remove.append(claim.id)
    gone_spans = [(s, e) for s, e, _q in dismissed if s >= 0]
    gone_quotes = {" ".join(q.split()) for _s, _e, q in dismissed if q}
    for candidate in candidates:
        span = (candidate.start, candidate.end)
        if any(overlaps(span, other) for other in kept_spans):
            continue
        if any(overlaps(span, other) for other in gone_spans):
            continue
        if " ".join(candidate.quote.split()) in gone_quotes:
            continue
        plan.add.append(candidate)
    return plan
