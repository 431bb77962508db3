"""Re-importing a changed version of an article: claims found again, changed ones flagged."""

from __future__ import annotations

import shutil

import pytest

from workbench import ops
from workbench.core.anchoring import reanchor
from workbench.core.errors import NotFoundError


@pytest.fixture
def project(tmp_path, seed_path):
    """A project whose article is a copy we can edit, with work on three claims."""
    article = tmp_path / "article.txt"
    shutil.copy(seed_path, article)
    store = ops.new_project(tmp_path / "p.fcw", article)
    claims = store.claims.all()
    worked = [claims[1], claims[4], claims[6]]
    for claim in worked:
        store.claims.set_verdict(claim.id, "False", rationale=f"rationale for {claim.id}")
    store.evidence.add(worked[0].id, "https://example.org/source")
    yield store, article, worked
    store.close()


def test_inserting_a_paragraph_before_a_claim_moves_it_unflagged(project):
    store, path, worked = project
    original = store.articles.get(1).text
    text = path.read_text(encoding="utf-8")
    anchor = worked[0].quote
    path.write_text(
        text.replace(anchor, "An editor's note was added here. It says 40% more.\n\n" + anchor),
        encoding="utf-8",
    )
    result = ops.import_article(store, path)
    assert result.report is not None and result.report.previous_id == 1
    new = store.articles.get(result.article.id)
    for old in worked:
        claim = store.claims.get(old.id)
        assert claim.article_id == new.id
        assert new.text[claim.start : claim.end] == old.quote == claim.quote
        assert claim.anchor_note == ""
        assert (claim.verdict, claim.rationale) == ("False", f"rationale for {old.id}")
    assert store.claims.get(worked[0].id).start > worked[0].start
    assert store.claims.get(worked[0].id).evidence_count == 1
    assert sorted(result.report.same) == sorted(c.id for c in worked)
    assert result.report.changed == result.report.vanished == []
    # The old text is kept as it was; the project now shows the new version.
    assert store.articles.get(1).text == original
    assert [a.id for a in store.articles.current()] == [new.id]
    assert store.articles.latest_version(1) == new.id
    entry = store.history.entries(entity="claim", entity_id=worked[0].id, limit=1)[0]
    assert entry.action == "reanchor" and entry.after["article_id"] == new.id


def test_rewriting_a_claim_flags_it_changed_and_a_removed_one_vanished(project):
    store, path, worked = project
    text = path.read_text(encoding="utf-8")
    words = worked[1].quote.split(" ")
    rewritten = " ".join(words[:3] + ["reportedly"] + words[3:]).replace(" and ", " & ", 1)
    text = text.replace(worked[1].quote, rewritten).replace(worked[2].quote, "")
    path.write_text(text, encoding="utf-8")
    result = ops.import_article(store, path)
    changed = store.claims.get(worked[1].id)
    assert result.report.changed == [worked[1].id]
    assert changed.article_id == result.article.id
    assert changed.quote == rewritten
    assert changed.anchor_note.startswith("changed in the version of")
    assert f"was “{worked[1].quote}”" in changed.anchor_note
    assert changed.text == worked[1].quote  # what was checked is kept as the claim's wording
    vanished = store.claims.get(worked[2].id)
    assert result.report.vanished == [worked[2].id]
    assert vanished.article_id == 1 and "vanished" in vanished.anchor_note
    assert store.articles.get(1).text[vanished.start : vanished.end] == worked[2].quote
    assert "1 changed" in result.message() and "1 vanished" in result.message()


def test_reimporting_the_same_text_changes_nothing(project):
    store, path, _ = project
    before = store.claims.all()
    result = ops.import_article(store, path)
    assert result.unchanged and len(store.articles.all()) == 1
    assert store.claims.all() == before


def test_version_of_names_the_article_explicitly(project, tmp_path):
    store, path, worked = project
    copy = tmp_path / "renamed copy.txt"
    copy.write_text(path.read_text(encoding="utf-8") + "\n\nA new closing line.", encoding="utf-8")
    with pytest.raises(NotFoundError):
        ops.import_article(store, copy, version_of=99)
    result = ops.import_article(store, copy, version_of=1)
    assert store.claims.get(worked[0].id).article_id == result.article.id


def test_reanchor_prefers_the_occurrence_with_the_same_context():
    text = "Prices rose 5%. He said prices rose 5%. Then she said prices rose 5%. End."
    quote = "prices rose 5%."
    place = reanchor(quote, "Then she said ", " End.", 30, len(text), "Intro. " + text)
    assert place.status == "moved"
    assert place.start == len("Intro. ") + text.index("she said prices") + len("she said ")


def test_reanchor_finds_a_rewritten_quote_without_its_context():
    old = "The ministry said that 4,200 homes were built in 2022 across the region."
    new_text = (
        "Other news. The ministry said that 4,500 homes were built in 2023 across the region. Done."
    )
    place = reanchor(old, "", "", 0, 100, new_text)
    assert place.status == "changed" and place.similarity > 0.9
    assert new_text[place.start : place.end].startswith("The ministry said that 4,500")
    assert reanchor(old, "", "", 0, 100, "Nothing to do with it at all.").status == "vanished"
