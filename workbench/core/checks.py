"""The checks a claim must pass before it is marked done, configurable per project.

Newsrooms differ: AFP asks for two independent sources, others for one; a
conclusion-only scale (Full Fact) has no label to set. The rules live in the
project's settings under ``done_checks``; this module says what is missing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from workbench.core.errors import ValidationError
from workbench.core.models import Claim
from workbench.core.scale import VerdictScale

SETTING_KEY = "done_checks"
MAX_MIN_EVIDENCE = 20


@dataclass(frozen=True)
class DoneRules:
    """What "done" requires: a verdict, a rationale, and at least ``min_evidence`` sources."""

    require_verdict: bool = True
    require_rationale: bool = True
    min_evidence: int = 1

    @classmethod
    def from_setting(cls, value: dict | None) -> DoneRules:
        """The rules stored in the settings (missing keys take the defaults)."""
        value = value if isinstance(value, dict) else {}
        default = cls()
        try:
            minimum = int(value.get("min_evidence", default.min_evidence))
        except (TypeError, ValueError):
            minimum = default.min_evidence
        return cls(
            require_verdict=bool(value.get("require_verdict", default.require_verdict)),
            require_rationale=bool(value.get("require_rationale", default.require_rationale)),
            min_evidence=max(0, min(minimum, MAX_MIN_EVIDENCE)),
        )

    def to_setting(self) -> dict:
        return asdict(self)

    def replace(self, **changes: Any) -> DoneRules:
        data = {**self.to_setting(), **{k: v for k, v in changes.items() if v is not None}}
        minimum = data["min_evidence"]
        if not isinstance(minimum, int) or not 0 <= minimum <= MAX_MIN_EVIDENCE:
            raise ValidationError(
                f"the minimum number of evidence items is 0 to {MAX_MIN_EVIDENCE}, not {minimum!r}"
            )
        return DoneRules(**data)

    def describe(self) -> str:
        parts = []
        if self.require_verdict:
            parts.append("a verdict")
        if self.require_rationale:
            parts.append("a rationale")
        if self.min_evidence:
            parts.append(
                f"at least {self.min_evidence} evidence item{'s' if self.min_evidence > 1 else ''}"
            )
        return ", ".join(parts) if parts else "nothing"


def missing_for_done(
    claim: Claim, rules: DoneRules, scale: VerdictScale, *, usable_evidence: int | None = None
) -> list[str]:
    """What ``claim`` lacks to be marked done under ``rules``, in words; empty when nothing.

    On a conclusion-only scale the written conclusion is the verdict, so "a verdict"
    is asked for as the rationale. ``usable_evidence`` is how many of the claim's
    evidence items count (a failed capture, e.g. a 404, does not); by default all.
    """
    missing: list[str] = []
    has_rationale = bool(claim.rationale.strip())
    if rules.require_verdict:
        if scale.conclusion_only:
            if not has_rationale:
                missing.append("a written conclusion (this scale has no labels)")
        elif not claim.verdict:
            missing.append("a verdict")
    if (
        rules.require_rationale
        and not has_rationale
        and not (scale.conclusion_only and rules.require_verdict)
    ):
        missing.append("a rationale")
    count = claim.evidence_count if usable_evidence is None else usable_evidence
    failed = max(0, claim.evidence_count - count)
    why = (
        f"; {failed} failed capture{'s do' if failed > 1 else ' does'} not count" if failed else ""
    )
    short = rules.min_evidence - count
    if short > 0:
        if count:
            missing.append(
                f"{short} more evidence item{'s' if short > 1 else ''} "
                f"(has {count} of {rules.min_evidence}{why})"
            )
        else:
            missing.append(
                f"{rules.min_evidence} evidence item{'s' if rules.min_evidence > 1 else ''}"
                + (f" ({why[2:]})" if why else "")
            )
    return missing


def newly_missing(
    before: dict[int, list[str]], after: dict[int, list[str]]
) -> dict[int, list[str]]:
    """The done claims an edit made fail their checks, with what the edit took away.

    ``before`` and ``after`` map each done claim to what it lacked before and after
    the edit. What was already missing before (a source whose capture failed since)
    does not count: only what the edit broke moves a claim back to "in progress".
    """
    broken: dict[int, list[str]] = {}
    for claim_id, missing in after.items():
        new = [m for m in missing if m not in before.get(claim_id, [])]
        if new:
            broken[claim_id] = new
    return broken


def moved_back_notice(position: int, claim_id: int, missing: list[str]) -> str:
    """What the user is told when an edit moves a done claim back to "in progress"."""
    return (
        f"claim {position} (id {claim_id}) moved back to “in progress”: "
        f"missing {'; '.join(missing)}"
    )
