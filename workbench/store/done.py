"""The checks before "done" hold on every path.

A claim is marked done only when it passes the project's checks, and an edit
that breaks them on a done claim (a verdict cleared, the last source removed, a
merge, a scale edit) moves it back to "in progress" in the same transaction, with
a notice for the user. A source whose capture failed (a 404...) does not count.
The rules themselves are in ``workbench.core.checks``; this is the SQL around them.
"""

from __future__ import annotations

from collections.abc import Iterable

from workbench.core.checks import SETTING_KEY as DONE_CHECKS_KEY
from workbench.core.checks import DoneRules, missing_for_done, moved_back_notice, newly_missing
from workbench.core.models import Claim, ClaimStatus, utc_now
from workbench.store.repo import Repository


class DoneChecks(Repository):
    """``store.done``: what a claim lacks to be done, and the guard other writes go through."""

    def rules(self) -> DoneRules:
        """The project's checks before "done" (settings key ``done_checks``)."""
        return DoneRules.from_setting(self._store.settings.get(DONE_CHECKS_KEY))

    def usable_evidence(self, claim_id: int) -> int:
        """Evidence that counts for "done": captured, or not fetched yet (a failed one does not)."""
        row = self._db.execute(
            "SELECT COUNT(*) FROM evidence e WHERE e.claim_id = ? AND ("
            "EXISTS (SELECT 1 FROM captures c WHERE c.url = e.url AND c.status = 'captured') "
            "OR NOT EXISTS (SELECT 1 FROM captures c WHERE c.url = e.url))",
            [claim_id],
        ).fetchone()
        return int(row[0])

    def missing(self, claim: Claim | int) -> list[str]:
        """What a claim lacks to be marked done under the project's rules (empty: nothing)."""
        if isinstance(claim, int):
            claim = self._store.claims.get(claim)
        usable = self.usable_evidence(claim.id) if claim.id is not None else None
        return missing_for_done(
            claim, self.rules(), self._store.scale.get(), usable_evidence=usable
        )

    def snapshot(self, claim_ids: Iterable[int]) -> dict[int, list[str]]:
        """For the done claims among ``claim_ids``: what each lacks now (usually nothing)."""
        done = [
            c
            for c in self._store.claims.by_ids(list(dict.fromkeys(claim_ids)))
            if c.status is ClaimStatus.DONE
        ]
        if not done:
            return {}
        rules, scale = self.rules(), self._store.scale.get()
        return {
            claim.id: missing_for_done(
                claim, rules, scale, usable_evidence=self.usable_evidence(claim.id)
            )
            for claim in done
            if claim.id is not None
        }

    def snapshot_all(self) -> dict[int, list[str]]:
        """``snapshot`` of every done claim (before a change to the scale)."""
        ids = [r[0] for r in self._db.execute("SELECT id FROM claims WHERE status = 'done'")]
        return self.snapshot(ids)

    def recheck(self, before: dict[int, list[str]]) -> list[int]:
        """Move done claims that an edit made fail the checks back to "in progress" (in a write).

        ``before`` is ``snapshot`` from before the edit. The user is told
        (``Transaction.notices``); see ``core.checks.newly_missing`` for what counts.
        """
        store = self._store
        broken = newly_missing(before, self.snapshot(before))
        for claim_id, new in broken.items():
            position = self._db.execute(
                "SELECT position FROM claims WHERE id = ?", [claim_id]
            ).fetchone()[0]
            self._db.execute(
                "UPDATE claims SET status = ?, updated_at = ? WHERE id = ?",
                [ClaimStatus.IN_PROGRESS.value, utc_now(), claim_id],
            )
            store._log(
                "claim",
                claim_id,
                "update",
                {"status": "done"},
                {"status": ClaimStatus.IN_PROGRESS.value, "why": "missing: " + "; ".join(new)},
            )
            store._changed("claim", "update", claim_id)
            store._notice(moved_back_notice(position, claim_id, new))
        return list(broken)
