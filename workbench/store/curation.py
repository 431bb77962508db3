"""Curating the claim list in one transaction each: split, merge, re-detection.

Each method is one user action: everything it writes commits together, and the
history shows it as one group. The decisions (trimmed spans, what a merge keeps,
what re-detection adds or removes) come from ``workbench.core.curation``.
"""

from __future__ import annotations

from workbench.core.curation import MergePlan, RedetectPlan, plan_merge, split_spans
from workbench.core.errors import ValidationError
from workbench.core.models import Claim, ClaimStatus, Origin, stored_id
from workbench.store.repo import Repository


class CurationRepo(Repository):
    """``store.curation``: split, merge and re-detect claims, one user action each."""

    def split(self, claim_id: int, at: int) -> tuple[Claim, Claim]:
        """Split a claim at offset ``at``: the first part keeps the work; spans are trimmed."""
        store = self._store
        with store.transaction(f"Split claim {claim_id}"):
            claim = store.claims.get(claim_id)
            text = store.articles.get(claim.article_id).text
            (s1, e1), (s2, e2) = split_spans(text, claim.start, claim.end, at)
            first = store.claims.update(claim_id, start=s1, end=e1, touched=True)
            second = store.claims.add(
                Claim(
                    article_id=claim.article_id,
                    start=s2,
                    end=e2,
                    quote="",
                    origin=Origin.MANUAL,
                    claimant=claim.claimant,
                    score=claim.score,
                    reasons=list(claim.reasons),
                    touched=True,
                )
            )
        return store.claims.get(stored_id(first.id)), store.claims.get(stored_id(second.id))

    def merge_plan(self, first_id: int, second_id: int) -> MergePlan:
        """What merging the two claims would give (``plan.notes``), or why it is refused."""
        store = self._store
        first, second = store.claims.get(first_id), store.claims.get(second_id)
        if first.id == second.id:
            raise ValidationError("a claim cannot be merged with itself")
        return plan_merge(first, second, store.articles.get(first.article_id).text)

    def merge(self, first_id: int, second_id: int) -> Claim:
        """Merge two claims of one article into the earlier one, keeping both claims' work.

        Refused (ValidationError with the reason) when the plan has a conflict, e.g.
        two different verdicts. The later claim's evidence moves to the merged claim
        (a URL both cite is kept once, the earlier claim's); the later claim goes.
        """
        store = self._store
        with store.transaction(f"Merge claims {first_id} and {second_id}"):
            plan = self.merge_plan(first_id, second_id)
            if plan.conflict:
                raise ValidationError(plan.conflict)
            keep_id, gone_id = stored_id(plan.first.id), stored_id(plan.second.id)
            done_before = store.done.snapshot([keep_id])
            cited = {e.url for e in store.evidence.all(keep_id)}
            for item in store.evidence.all(gone_id):
                if item.url in cited:
                    store.evidence.delete(stored_id(item.id))
                else:
                    store.evidence._move(stored_id(item.id), gone_id, keep_id)
            store.claims.delete(gone_id, remember=False)
            fields = dict(plan.fields)
            status = fields.pop("status")
            store.claims.update(
                keep_id, start=plan.start, end=plan.end, touched=True, check_done=False, **fields
            )
            if status is ClaimStatus.DONE and store.done.missing(keep_id):
                status = ClaimStatus.IN_PROGRESS
            store.claims.update(keep_id, status=status, check_done=False)
            store.done.recheck(done_before)
        return store.claims.get(keep_id)

    def dismissed(self, article_id: int) -> list[tuple[int, int, str]]:
        """(start, end, quote) of the claims a person deleted from this article.

        Those deleted from an earlier version of it come with start and end -1:
        re-detection matches them by quote.
        """
        store = self._store
        chain = {article_id}
        versions = store.articles.versions()
        changed = True
        while changed:
            changed = False
            for old, new in versions.items():
                if new in chain and old not in chain:
                    chain.add(old)
                    changed = True
        rows = self._db.execute(
            f"SELECT article_id, span_start, span_end, quote FROM dismissed "
            f"WHERE article_id IN ({', '.join('?' for _ in chain)})",
            sorted(chain),
        ).fetchall()
        return [(s, e, q) if a == article_id else (-1, -1, q) for a, s, e, q in rows]

    def apply_redetect(self, plan: RedetectPlan) -> list[Claim]:
        """Carry out a re-detection plan in one transaction; returns the claims added."""
        store = self._store
        with store.transaction("Re-detect claims"):
            store.claims.delete_many(plan.remove)
            for claim_id, fields in plan.refresh.items():
                store.claims.update(claim_id, check_done=False, **fields)
            added = store.claims.add_many(
                [
                    Claim(
                        article_id=c.article_id,
                        start=c.start,
                        end=c.end,
                        quote=c.quote,
                        claimant=c.claimant,
                        score=c.score,
                        reasons=list(c.reasons),
                        origin=Origin.AUTO,
                    )
                    for c in plan.add
                ]
            )
            store._log(
                "article",
                plan.article_id,
                "re-detect",
                None,
                {"added": len(plan.add), "removed": len(plan.remove), "kept": len(plan.keep)},
            )
        return added
