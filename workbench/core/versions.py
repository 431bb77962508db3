"""A new version of an article: where each of its claims goes, and what the user is told.

An article's text never changes; a changed version is a new article, and the
claims move to it, found again by their quote (``core.anchoring.reanchor``). A
claim whose text changed, or that vanished, gets a note the user reads beside it.
Pure functions: the store writes what ``plan_new_version`` decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.core.anchoring import Placement, ReanchorReport, reanchor


@dataclass(frozen=True)
class StoredQuote:
    """A claim of the earlier version, as the store holds its anchor."""

    claim_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class ClaimMove:
    """Where one claim goes: ``placement`` in the new text, and the note it gets ("" for none)."""

    claim: StoredQuote
    placement: Placement
    note: str


def vanished_note(when: str, new_id: int) -> str:
    return (
        f"vanished from the version of {when[:10]} (article {new_id}); kept on this earlier version"
    )


def changed_note(when: str, similarity: float, quote: str) -> str:
    return (
        f"changed in the version of {when[:10]} ({round(similarity * 100)}% similar): was “{quote}”"
    )


def plan_new_version(
    previous_id: int,
    previous_text: str,
    new_id: int,
    new_text: str,
    claims: list[StoredQuote],
    when: str,
) -> tuple[list[ClaimMove], ReanchorReport]:
    """Each claim found again in ``new_text`` (or not), with its note, and the report."""
    report = ReanchorReport(new_id, previous_id, [], [], [])
    moves: list[ClaimMove] = []
    for claim in claims:
        place = reanchor(
            claim.quote, claim.prefix, claim.suffix, claim.start, len(previous_text), new_text
        )
        if not place.found:
            moves.append(ClaimMove(claim, place, vanished_note(when, new_id)))
            report.vanished.append(claim.claim_id)
        elif place.status == "changed":
            moves.append(ClaimMove(claim, place, changed_note(when, place.similarity, claim.quote)))
            report.changed.append(claim.claim_id)
        else:
            moves.append(ClaimMove(claim, place, ""))
            report.same.append(claim.claim_id)
    return moves, report
