"""Where a new version of an article puts its claims, and the notes (``core.versions``)."""

from __future__ import annotations

from workbench.core.versions import StoredQuote, plan_new_version

OLD = "The council spent $4.2 million on the bridge. Crime fell by 12 percent. Rain is wet."
NEW = "Crime fell by 15 percent last year. The council spent $4.2 million on the bridge."


def _quote(claim_id: int, text: str, quote: str) -> StoredQuote:
    start = text.index(quote)
    end = start + len(quote)
    return StoredQuote(
        claim_id, start, end, quote, text[max(0, start - 32) : start], text[end : end + 32]
    )


def test_each_claim_is_found_again_changed_or_vanished_with_the_notes_the_user_reads():
    claims = [
        _quote(1, OLD, "The council spent $4.2 million on the bridge."),
        _quote(2, OLD, "Crime fell by 12 percent."),
        _quote(3, OLD, "Rain is wet."),
    ]
    moves, report = plan_new_version(7, OLD, 9, NEW, claims, "2026-11-29T03:00:00Z")
    assert (report.previous_id, report.article_id) == (7, 9)
    assert (report.same, report.changed, report.vanished) == ([1], [2], [3])
    by_id = {move.claim.claim_id: move for move in moves}
    assert NEW[by_id[1].placement.start : by_id[1].placement.end] == claims[0].quote
    assert by_id[1].note == ""
    assert by_id[3].note == (
        "vanished from the version of 2026-11-29 (article 9); kept on this earlier version"
    )
    assert NEW[by_id[2].placement.start : by_id[2].placement.end] == "Crime fell by 15 percent"
    assert by_id[2].note == (  # found again, reworded: the note quotes what it was
        "changed in the version of 2026-11-29 (94% similar): was “Crime fell by 12 percent.”"
    )
