"""The store API the window and the command line share: claims, verdicts, evidence, history."""

from __future__ import annotations

import pytest

from workbench.core.changes import Changes
from workbench.core.errors import NotFoundError, ValidationError
from workbench.core.models import Claim, ClaimStatus, Origin, Stance
from workbench.store import ProjectStore


def test_claim_span_quote_prefix_suffix(store):
    article = store.articles.all()[0]
    for claim in store.claims.all(article.id):
        assert article.text[claim.start : claim.end] == claim.quote
        assert article.text[: claim.start].endswith(claim.prefix)
        assert article.text[claim.end :].startswith(claim.suffix)


def test_add_manual_claim_takes_quote_from_article_and_keeps_order(store):
    article = store.articles.all()[0]
    start = article.text.index("Kim Jong-Un has declared")
    claim = store.claims.add(
        Claim(article_id=article.id, start=start, end=start + 24, quote="", origin=Origin.MANUAL)
    )
    assert claim.quote == "Kim Jong-Un has declared"
    assert claim.origin is Origin.MANUAL
    positions = [c.position for c in store.claims.all(article.id)]
    assert positions == list(range(1, len(positions) + 1))
    starts = [c.start for c in store.claims.all(article.id)]
    assert starts == sorted(starts)


def test_span_outside_article_is_refused(store):
    article = store.articles.all()[0]
    with pytest.raises(ValidationError, match="outside the article"):
        store.claims.add(Claim(article_id=article.id, start=5, end=len(article.text) + 1, quote=""))
    with pytest.raises(ValidationError):
        store.claims.update(store.claims.all()[0].id, start=10, end=5)


def test_set_verdict_matches_labels_case_insensitively(store):
    claim = store.claims.all()[0]
    store.evidence.add(claim.id, "https://example.org/source")  # "done" needs one by default
    updated = store.claims.set_verdict(claim.id, "  mostly FALSE ", rationale="why", status="done")
    assert updated.verdict == "Mostly False"
    assert updated.status is ClaimStatus.DONE
    with pytest.raises(ValidationError, match="valid: True, Mostly True"):
        store.claims.set_verdict(claim.id, "Pants on Fire")


def test_every_change_is_in_history_with_before_and_after(store):
    claim = store.claims.all()[0]
    store.claims.update(claim.id, text="Reworded claim", claimant="Someone Else")
    entries = store.history.entries(entity="claim", entity_id=claim.id)
    latest = entries[0]
    assert latest.action == "update"
    assert latest.before == {"text": claim.text, "claimant": claim.claimant}
    assert latest.after == {"text": "Reworded claim", "claimant": "Someone Else"}
    assert "changed claimant, text" in latest.describe()


def test_rewording_is_kept_when_the_span_changes(store):
    claim = store.claims.all()[0]
    store.claims.update(claim.id, text="My wording")
    moved = store.claims.update(claim.id, end=claim.end - 1)
    assert moved.quote == claim.quote[:-1]
    assert moved.text == "My wording"


def test_delete_and_restore_claim_with_evidence(store):
    claim = store.claims.all()[2]
    store.evidence.add(claim.id, "https://example.org/a", Stance.REFUTES, "note")
    removed, evidence = store.claims.delete(claim.id)
    with pytest.raises(NotFoundError):
        store.claims.get(claim.id)
    restored = store.claims.restore(removed, evidence)
    assert restored.id == claim.id
    assert restored.quote == claim.quote
    assert [e.url for e in store.evidence.all(claim.id)] == ["https://example.org/a"]


def test_evidence_urls_are_checked(store):
    claim = store.claims.all()[0]
    for bad in [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,hi",
        "http://",
        "not a url",
        "",
    ]:
        with pytest.raises(ValidationError):
            store.evidence.add(claim.id, bad)
    store.evidence.add(claim.id, "https://example.org/x")
    with pytest.raises(ValidationError, match="already cites"):
        store.evidence.add(claim.id, "https://example.org/x")
    other = store.claims.all()[1]
    assert store.evidence.add(other.id, "https://example.org/x").url == "https://example.org/x"


def test_listeners_hear_about_committed_changes_only(store):
    heard = []
    store.subscribe(heard.append)
    claim = store.claims.all()[0]
    store.claims.set_verdict(claim.id, "True")
    assert heard == [Changes(claims_updated=(claim.id,))]
    with pytest.raises(ValidationError):
        store.claims.set_verdict(claim.id, "nonsense")
    assert len(heard) == 1


def test_search_covers_claims_rationales_and_evidence(store):
    claims = store.claims.all()
    store.claims.set_verdict(claims[0].id, "False", rationale="Satellite imagery contradicts this")
    store.evidence.add(
        claims[1].id, "https://example.org/report", note="Pentagon briefing transcript"
    )
    assert store.search.claim_ids("satellite") == {claims[0].id}
    assert store.search.claim_ids("briefing transcript") == {claims[1].id}
    assert claims[0].id in store.search.claim_ids("satel")  # prefix
    assert store.search.claim_ids('"; DROP TABLE claims; --') == set()
    assert store.search.claim_ids("") == set()
    assert len(store.claims.all()) == len(claims)


def test_counts_by_status_and_verdict(store):
    claims = store.claims.all()
    store.evidence.add(claims[0].id, "https://example.org/source")
    store.claims.set_verdict(claims[0].id, "False", rationale="why", status="done")
    counts = store.claims.counts()
    assert counts["claims"] == len(claims)
    assert counts["by_verdict"]["False"] == 1
    assert counts["by_verdict"]["unrated"] == len(claims) - 1
    assert counts["by_status"]["done"] == 1


def test_writes_from_two_connections_both_land(seed_project):
    """A worker's own connection and the UI's can both write (WAL)."""
    with ProjectStore.open(seed_project) as ui, ProjectStore.open(seed_project) as worker:
        a, b = ui.claims.all()[:2]
        ui.claims.set_verdict(a.id, "True")
        worker.claims.set_verdict(b.id, "False")
        assert ui.claims.get(b.id).verdict == "False"
        assert worker.claims.get(a.id).verdict == "True"


def test_evidence_counts_follow_the_capture_rules(store):
    """Counted in SQL, the statuses agree with those of the evidence rows themselves."""
    from workbench.core.models import Capture, CaptureStatus

    claim_id = store.claims.all()[0].id
    urls = [f"https://example.org/{name}" for name in ("good", "failed", "pending", "recovered")]
    for url in urls:
        store.evidence.add(claim_id, url)
    store.captures.add(Capture(url=urls[0], status=CaptureStatus.CAPTURED, sha256="a" * 64))
    store.captures.add(Capture(url=urls[1], status=CaptureStatus.FAILED, error="refused"))
    store.captures.add(Capture(url=urls[3], status=CaptureStatus.CAPTURED, sha256="b" * 64))
    store.captures.add(Capture(url=urls[3], status=CaptureStatus.FAILED, error="timed out"))
    counted = store.claims.counts()["evidence_by_status"]
    from collections import Counter

    assert counted == dict(Counter(e.capture_status.value for e in store.evidence.all()))
    assert counted == {"captured": 2, "failed": 1, "pending": 1}


def test_a_deleted_claims_id_is_never_given_to_a_new_claim(store):
    from workbench.core.models import Claim, Origin

    newest = max(store.claims.all(), key=lambda c: c.id)
    store.claims.delete(newest.id)
    added = store.claims.add(
        Claim(
            article_id=newest.article_id,
            start=newest.start,
            end=newest.end,
            quote="",
            origin=Origin.MANUAL,
        )
    )
    assert added.id > newest.id
    assert [e.action for e in store.history.entries(entity="claim", entity_id=added.id)] == [
        "insert"
    ]


def test_a_deleted_evidence_items_id_is_never_given_to_a_new_one(store):
    claim = store.claims.all()[0]
    first = store.evidence.add(claim.id, "https://example.org/a")
    store.evidence.delete(first.id)
    second = store.evidence.add(claim.id, "https://example.org/b")
    assert second.id > first.id
    assert [e.action for e in store.history.entries(entity="evidence", entity_id=second.id)] == [
        "insert"
    ]
