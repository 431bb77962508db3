"""The checks before "done" hold on every path.

A claim is marked done only when it passes the project's checks, and an edit
that breaks them on a done claim (a verdict cleared, the last source removed, a
merge, a scale edit) moves it back to "in progress" in the same transaction, with
a notice for the user. A source whose capture failed (a 404...) does not count.
"""

from __future__ import annotations

from collections.abc import Iterable

from workbench.core.checks import SETTING_KEY as DONE_CHECKS_KEY
from workbench.core.checks import DoneRules, missing_for_done
from workbench.core.models import Claim, ClaimStatus, utc_now
from workbench.store.base import StoreBase


class DoneChecksMixin(StoreBase):
    def done_rules(self) -> DoneRules:
        """The project's checks before "done" (settings key ``done_checks``)."""
        return DoneRules.from_setting(self.setting(DONE_CHECKS_KEY))

    def usable_evidence_count(self, claim_id: int) -> int:
        """Evidence that counts for "done": a good capture, or not fetched yet (a failed one does not)."""
        row = self.db.execute(
            "SELECT COUNT(*) FROM evidence e WHERE e.claim_id = ? AND ("
            "EXISTS (SELECT 1 FROM captures c WHERE c.url = e.url AND c.status = 'captured') "
            "OR NOT EXISTS (SELECT 1 FROM captures c WHERE c.url = e.url))",
            [claim_id],
        ).fetchone()
        return row[0]

    def missing_for_done(self, claim: Claim | int) -> list[str]:
        """What a claim lacks to be marked done under the project's rules (empty: nothing)."""
        if isinstance(claim, int):
            claim = self.claim(claim)
        usable = self.usable_evidence_count(claim.id) if claim.id is not None else None
        return missing_for_done(claim, self.done_rules(), self.scale(), usable_evidence=usable)

    def _done_missing(self, claim_ids: Iterable[int]) -> dict[int, list[str]]:
        """For the done claims among ``claim_ids``: what each lacks now (usually nothing)."""
        done = [c for c in self.claims_by_ids(list(dict.fromkeys(claim_ids)))
                if c.status is ClaimStatus.DONE]
        if not done:
            return {}
        rules, scale = self.done_rules(), self.scale()
        return {
            claim.id: missing_for_done(
                claim, rules, scale, usable_evidence=self.usable_evidence_count(claim.id)
            )
            for claim in done
        }

    def _recheck_done(self, before: dict[int, list[str]]) -> list[int]:
        """Move done claims that an edit made fail the checks back to "in progress" (in a write).

        ``before`` is ``_done_missing`` from before the edit. The checks before done
        hold on every path: an edit that breaks them (a verdict cleared, the last
        evidence removed, a merge...) does not leave a claim marked done, and the
        user is told (``Transaction.notices``). What was already missing before the
        edit (a source whose capture failed since) does not move it.
        """
        moved = []
        after = self._done_missing(before)
        for claim_id, missing in after.items():
            new = [m for m in missing if m not in before.get(claim_id, [])]
            if not new:
                continue
            position = self.db.execute(
                "SELECT position FROM claims WHERE id = ?", [claim_id]).fetchone()[0]
            self.db.execute(
                "UPDATE claims SET status = ?, updated_at = ? WHERE id = ?",
                [ClaimStatus.IN_PROGRESS.value, utc_now(), claim_id],
            )
            self._log(
                "claim", claim_id, "update", {"status": "done"},
                {"status": ClaimStatus.IN_PROGRESS.value, "why": "missing: " + "; ".join(new)},
            )
            self._changed("claim", "update", claim_id)
            self._notice(
                f"claim {position} (id {claim_id}) moved back to “in progress”: "
                f"missing {'; '.join(new)}"
            )
            moved.append(claim_id)
        return moved

    def _all_done_missing(self) -> dict[int, list[str]]:
        """``_done_missing`` for every done claim (before a change to the scale)."""
        ids = [r[0] for r in self.db.execute("SELECT id FROM claims WHERE status = 'done'")]
        return self._done_missing(ids)
