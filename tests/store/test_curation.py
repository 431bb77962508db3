"""Curation is never undone behind the checker's back: re-detection, split, merge."""

from __future__ import annotations

import shutil

import pytest

from workbench import ops
from workbench.core.errors import ValidationError
from workbench.core.models import Claim, ClaimStatus, Origin


def by_quote(store, fragment):
    return next(c for c in store.claims.all() if fragment in c.quote)


def curated(store):
    """Split, merge, reword, rate, add evidence, add by hand, delete: one of each."""
    claims = store.claims.all()
    text = store.articles.get(1).text
    split = claims[0]
    at = split.start + split.quote.index(", Kim") + 1
    first, second = store.curation.split(split.id, at)
    merged = store.curation.merge(claims[1].id, claims[2].id)
    store.claims.update(claims[3].id, text="Reworded by the checker")
    store.claims.set_verdict(claims[4].id, "False")
    store.evidence.add(claims[5].id, "https://example.org/evidence")
    start = text.index("Is war ever legal?")
    manual = store.claims.add(
        Claim(article_id=1, start=start, end=start + 18, quote="", origin=Origin.MANUAL)
    )
    deleted = claims[6]
    store.claims.delete(deleted.id)
    kept = [first.id, second.id, merged.id, claims[3].id, claims[4].id, claims[5].id, manual.id]
    return kept, deleted


def test_redetect_keeps_every_claim_a_person_touched_and_never_resurrects(store):
    kept, deleted = curated(store)
    before = {c.id: c for c in store.claims.all()}
    plan, added = ops.redetect(store, 1)
    after = {c.id: c for c in store.claims.all()}
    for claim_id in kept:
        assert claim_id in after
        old, new = before[claim_id], after[claim_id]
        assert (new.start, new.end, new.text, new.verdict) == (
            old.start,
            old.end,
            old.text,
            old.verdict,
        )
    # the split's first half still covers its sentence's start; nothing is detected twice
    spans = sorted((c.start, c.end) for c in after.values())
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert not any(c.start < deleted.end and deleted.start < c.end for c in after.values())
    assert set(plan.keep) >= set(kept)
    assert not plan.remove  # every claim left had work or is found again


def test_redetect_summary_counts_what_changed_and_a_second_run_changes_nothing(store):
    claims = store.claims.all()
    store.claims.delete_many(
        [claims[2].id, claims[3].id]
    )  # detection output, not a person's deletion
    odd = store.claims.add(
        Claim(article_id=1, start=claims[0].start, end=claims[0].start + 12, quote="")
    )  # an automatic claim detection would not find
    store.claims.delete_many([claims[0].id])
    plan, _added = ops.redetect(store, 1)
    assert plan.remove == [odd.id]
    assert len(plan.add) == 3
    assert plan.summary() == f"3 claims added, 1 removed, {len(claims) - 3} kept"
    again, _ = ops.redetect(store, 1)
    assert again.summary() == f"0 claims added, 0 removed, {len(claims)} kept"
    assert not again.changes_anything


def test_redetect_is_one_transaction_in_the_history(store):
    store.claims.delete_many([store.claims.all()[0].id])
    ops.redetect(store, 1)
    group = store.history.groups(limit=1)[0]
    assert group[0].txn_label == "Re-detect claims"
    assert {e.txn for e in group} == {group[0].txn}
    assert [e.action for e in group].count("insert") == 1


def test_a_deleted_claim_stays_deleted_in_a_new_version_of_the_article(tmp_path, seed_path):
    article = tmp_path / "article.txt"
    shutil.copy(seed_path, article)
    with ops.new_project(tmp_path / "p.fcw", article) as store:
        gone = store.claims.all()[3]
        store.claims.delete(gone.id)
        text = article.read_text(encoding="utf-8")
        article.write_text(
            text.replace("Is war ever legal?", "Is war ever lawful?"), encoding="utf-8"
        )
        result = ops.import_article(store, article)
        assert result.report is not None
        assert gone.quote not in {c.quote for c in store.claims.all(result.article.id)}


def test_split_trims_the_spaces_between_the_parts(store):
    claim = store.claims.all()[0]
    at = claim.start + claim.quote.index(", Kim") + 1  # just before the space
    first, second = store.curation.split(claim.id, at)
    assert first.quote == claim.quote[: claim.quote.index(", Kim") + 1]
    assert second.quote == claim.quote[claim.quote.index(", Kim") + 2 :]
    assert not second.quote[0].isspace() and not first.quote[-1].isspace()
    assert second.text == second.quote
    with pytest.raises(ValidationError):
        store.curation.split(second.id, second.start)  # nothing on one side


def test_merge_of_two_claims_with_work_keeps_both(store):
    a, b = store.claims.all()[1], store.claims.all()[2]
    store.claims.set_verdict(a.id, "False", rationale="First rationale.", status="in_progress")
    store.evidence.add(b.id, "https://example.org/b")
    store.claims.set_verdict(b.id, "False", rationale="Second rationale.", status="done")
    store.claims.update(b.id, claimant="Defence ministry")
    plan = store.curation.merge_plan(a.id, b.id)
    assert plan.needs_confirmation and plan.conflict is None
    merged = store.curation.merge(a.id, b.id)
    assert merged.verdict == "False"
    assert merged.rationale == "First rationale.\n\nSecond rationale."
    assert merged.evidence_count == 1
    assert merged.status is ClaimStatus.IN_PROGRESS  # not both were done: check it again
    assert "Defence ministry" in merged.claimant
    assert (merged.start, merged.end) == (a.start, b.end)


def test_merge_of_two_different_verdicts_is_refused_with_the_reason(store):
    a, b = store.claims.all()[1], store.claims.all()[2]
    store.claims.set_verdict(a.id, "True")
    store.claims.set_verdict(b.id, "False")
    before = store.claims.all()
    with pytest.raises(ValidationError, match="different verdicts"):
        store.curation.merge(a.id, b.id)
    assert store.claims.all() == before
