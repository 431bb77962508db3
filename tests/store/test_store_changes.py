"""Each committed transaction gives its listeners one typed ``Changes`` saying what it touched."""

from __future__ import annotations

import pytest

from tests.store.test_captures import failed, good
from workbench.core.changes import Changes
from workbench.core.models import Article, Claim, Origin


@pytest.fixture
def heard(store):
    values: list[Changes] = []
    store.subscribe(values.append)
    return values


def test_a_verdict_is_one_claim_updated_and_nothing_else(store, heard):
    claim = store.claims.all()[0]
    store.claims.set_verdict(claim.id, "False")
    assert heard == [Changes(claims_updated=(claim.id,))]


def test_evidence_says_which_claims_evidence_changed(store, heard):
    first, second = store.claims.all()[:2]
    item = store.evidence.add(first.id, "https://example.org/a")
    assert heard[-1] == Changes(
        claims_updated=(first.id,), evidence=(item.id,), evidence_of=(first.id,)
    )
    store.evidence.update(item.id, note="minutes of the meeting")  # the count stays: no claim row
    assert heard[-1] == Changes(evidence=(item.id,), evidence_of=(first.id,))
    store.evidence.delete(item.id)
    assert heard[-1].evidence_of == (first.id,) and heard[-1].claims_updated == (first.id,)
    assert not heard[-1].evidence_changed_for(second.id)


def test_a_capture_reaches_every_claim_citing_its_url(store, heard):
    claims = store.claims.all()[:3]
    url = "https://example.org/report"
    for claim in claims[:2]:
        store.evidence.add(claim.id, url)
    store.evidence.add(claims[2].id, "https://example.org/other")
    store.captures.add(*good(url, "b" * 64))
    assert heard[-1].evidence_of == (claims[0].id, claims[1].id)
    told = len(heard)
    store.captures.add(*failed("https://example.org/nobody-cites-it", "HTTP 404 Not Found", 404))
    assert len(heard) == told  # a page no claim cites: nothing a view shows changed


def test_claims_added_and_removed(store, heard):
    article = store.articles.all()[0]
    claim = store.claims.add(
        Claim(article_id=article.id, start=0, end=5, quote="", origin=Origin.MANUAL)
    )
    assert heard[-1].claims_added == (claim.id,) and heard[-1].claim_rows
    store.claims.delete(claim.id)
    assert heard[-1].claims_removed == (claim.id,) and heard[-1].claims_updated == ()


def test_a_merge_moves_evidence_to_the_claim_kept(store, heard):
    first, second = store.claims.all()[:2]
    item = store.evidence.add(second.id, "https://example.org/moved")
    store.curation.merge(first.id, second.id)
    changes = heard[-1]
    assert changes.claims_removed == (second.id,)
    assert first.id in changes.claims_updated and second.id not in changes.claims_updated
    assert changes.evidence == (item.id,)
    assert set(changes.evidence_of) == {first.id, second.id}


def test_scale_settings_and_articles(store, heard):
    for claim in store.claims.all()[:2]:
        store.claims.set_verdict(claim.id, "False")
    store.scale.rename_label("False", "Incorrect")
    assert heard[-1].scale and heard[-1].claims and not heard[-1].settings
    store.settings.set("title", "Another title")
    assert heard[-1] == Changes(settings=True)
    article = store.articles.add(Article(title="Second", text="A second article. It has claims."))
    assert heard[-1].articles == (article.id,)


def test_undo_says_whose_evidence_came_back(store, heard):
    claim = store.claims.all()[0]
    with store.undo.recording() as rows, store.transaction("Add two sources"):
        store.evidence.add(claim.id, "https://example.org/a")
        store.evidence.add(claim.id, "https://example.org/b")
    # Undo and redo write rows with INSERT OR ABORT, whose policy SQLite also applies to
    # what triggers insert: two items of one claim must still be noted once, not refused.
    store.undo.undo(rows)
    assert heard[-1].evidence_of == (claim.id,) and claim.id in heard[-1].claims_updated
    store.undo.redo(rows)
    assert heard[-1].evidence_of == (claim.id,)
    assert len(store.evidence.all(claim.id)) == 2


def test_a_rolled_back_action_leaves_nothing_for_the_next_one(store, heard):
    first, second = store.claims.all()[:2]
    with pytest.raises(RuntimeError), store.transaction("Half an action"):
        store.evidence.add(first.id, "https://example.org/a")
        raise RuntimeError("the machine lost power")
    assert heard == []
    store.claims.set_verdict(second.id, "True")
    assert heard == [Changes(claims_updated=(second.id,))]
