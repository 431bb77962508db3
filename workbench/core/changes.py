"""What one user action changed: the value the store hands its listeners after a commit.

As in Anki (an operation returns ``OpChanges`` and each screen reads it), every
committed transaction yields one ``Changes``, and each view decides from its fields
what to refresh: the claim list reloads when claims were added or removed, updates
single rows when claims were edited; the claim's details refresh when the shown
claim, its evidence or the project's checks changed; the article switch refills when
articles did. Nobody parses strings or guesses from entity names.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    """The ids (and flags) a committed transaction touched; empty fields mean "untouched".

    Ids are in the order the transaction touched them, without repeats.
    """

    articles: tuple[int, ...] = ()  # articles added, edited or removed (a new version...)
    scale: bool = False  # the verdict scale: labels, their order, colours, descriptions
    settings: bool = False  # a project setting: title, checks before "done", publishing...
    claims_added: tuple[int, ...] = ()
    claims_removed: tuple[int, ...] = ()
    claims_updated: tuple[int, ...] = ()  # fields of these claims changed (evidence count too)
    evidence: tuple[int, ...] = ()  # evidence items added, edited, captured or removed
    evidence_of: tuple[int, ...] = ()  # the claims whose evidence items those were

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    @property
    def claim_rows(self) -> bool:
        """Claims were added or removed: a list of claims must be read again."""
        return bool(self.claims_added or self.claims_removed)

    @property
    def claims(self) -> bool:
        """Anything about claims changed: rows, fields, or the scale their verdicts are on."""
        return bool(self.claim_rows or self.claims_updated or self.scale)

    def evidence_changed_for(self, claim_id: int | None) -> bool:
        """Whether the evidence of ``claim_id`` (an item, its stance, note or capture) changed."""
        return claim_id is not None and claim_id in self.evidence_of
