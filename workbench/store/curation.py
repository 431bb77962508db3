"""Curating the claim list in one transaction each: split, merge, re-detection.

Each method is one user action: everything it writes commits together, and the
history shows it as one group. The decisions (trimmed spans, what a merge keeps,
what re-detection adds or removes) come from ``workbench.core.curation``.
"""

from __future__ import annotations

from workbench.core.curation import MergePlan, RedetectPlan, plan_merge, split_spans
from workbench.core.errors import ValidationError
from workbench.core.models import Claim, ClaimStatus, Origin
from workbench.store.base import StoreBase


class CurationMixin(StoreBase):
    def split_claim(self, claim_id: int, at: int) -> tuple[Claim, Claim]:
        """Split a claim at offset ``at``: the first part keeps the work; spans are trimmed."""
        with self.transaction(f"Split claim {claim_id}"):
            claim = self.claim(claim_id)
            text = self.article(claim.article_id).text
            (s1, e1), (s2, e2) = split_spans(text, claim.start, claim.end, at)
            first = self.update_claim(claim_id, start=s1, end=e1, touched=True)
            second = self.add_claim(
                Claim(article_id=claim.article_id, start=s2, end=e2, quote="",
                      origin=Origin.MANUAL, claimant=claim.claimant, score=claim.score,
                      reasons=list(claim.reasons), touched=True)
            )
        return self.claim(first.id), self.claim(second.id)

    def merge_plan(self, first_id: int, second_id: int) -> MergePlan:
        """What merging the two claims would give (``plan.notes``), or why it is refused."""
        first, second = self.claim(first_id), self.claim(second_id)
        if first.id == second.id:
            raise ValidationError("a claim cannot be merged with itself")
        return plan_merge(first, second, self.article(first.article_id).text)

    def merge_claims(self, first_id: int, second_id: int) -> Claim:
        """Merge two claims of one article into the earlier one, keeping both claims' work.

        Refused (ValidationError with the reason) when the plan has a conflict, e.g.
        two different verdicts. The later claim's evidence moves to the merged claim
        (a URL both cite is kept once, the earlier claim's); the later claim goes.
        """
        with self.transaction(f"Merge claims {first_id} and {second_id}"):
            plan = self.merge_plan(first_id, second_id)
            if plan.conflict:
                raise ValidationError(plan.conflict)
            done_before = self._done_missing([plan.first.id])
            keep, gone = plan.first, plan.second
            cited = {e.url for e in self.evidence(keep.id)}
            for item in self.evidence(gone.id):
                if item.url in cited:
                    self.delete_evidence(item.id)
                else:
                    self.db.execute(
                        "UPDATE evidence SET claim_id = ? WHERE id = ?", [keep.id, item.id]
                    )
                    self._log("evidence", item.id, "update",
                              {"claim_id": gone.id}, {"claim_id": keep.id})
                    self._changed("evidence", "update", item.id)
            self.delete_claim(gone.id, remember=False)
            fields = dict(plan.fields)
            status = fields.pop("status")
            self.update_claim(keep.id, start=plan.start, end=plan.end, touched=True,
                              check_done=False, **fields)
            if status is ClaimStatus.DONE and self.missing_for_done(keep.id):
                status = ClaimStatus.IN_PROGRESS
            self.update_claim(keep.id, status=status, check_done=False)
            self._recheck_done(done_before)
        return self.claim(keep.id)

    def dismissed(self, article_id: int) -> list[tuple[int, int, str]]:
        """(start, end, quote) of the claims a person deleted from this article.

        Those deleted from an earlier version of it come with start and end -1:
        re-detection matches them by quote.
        """
        chain = {article_id}
        versions = self.article_versions()
        changed = True
        while changed:
            changed = False
            for old, new in versions.items():
                if new in chain and old not in chain:
                    chain.add(old)
                    changed = True
        rows = self.db.execute(
            f"SELECT article_id, span_start, span_end, quote FROM dismissed "
            f"WHERE article_id IN ({', '.join('?' for _ in chain)})",
            sorted(chain),
        ).fetchall()
        return [(s, e, q) if a == article_id else (-1, -1, q) for a, s, e, q in rows]

    def apply_redetect(self, plan: RedetectPlan) -> list[Claim]:
        """Carry out a re-detection plan in one transaction; returns the claims added."""
        with self.transaction("Re-detect claims"):
            self.delete_claims(plan.remove)
            for claim_id, fields in plan.refresh.items():
                self.update_claim(claim_id, check_done=False, **fields)
            added = self.add_claims(
                [Claim(article_id=c.article_id, start=c.start, end=c.end, quote=c.quote,
                       claimant=c.claimant, score=c.score, reasons=list(c.reasons),
                       origin=Origin.AUTO) for c in plan.add]
            )
            self._log("article", plan.article_id, "re-detect", None,
                      {"added": len(plan.add), "removed": len(plan.remove),
                       "kept": len(plan.keep)})
        return added
