"""Undo commands: every edit in the window is one of these on the project's QUndoStack.

``redo()`` and ``undo()`` call the store, never widgets; the store reports the
change and the window refreshes from it. Typing in a text field merges into one
command per field and claim (``mergeWith``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from workbench.core.errors import WorkbenchError
from workbench.core.models import Claim, Evidence, Origin, Stance

if TYPE_CHECKING:
    from workbench.store import ProjectStore

TEXT_FIELDS = ("text", "rationale", "claimant")
_MERGE_IDS = {name: 1000 + i for i, name in enumerate(TEXT_FIELDS)}


class EditClaimCommand(QUndoCommand):
    """Change some fields of a claim (verdict, status, span, wording...)."""

    def __init__(self, store: ProjectStore, claim_id: int, after: dict, label: str = "") -> None:
        current = store.claim(claim_id)
        self.before = {name: _value(getattr(current, name)) for name in after}
        self.after = dict(after)
        super().__init__(label or f"Edit claim #{claim_id}: {', '.join(after)}")
        self.store = store
        self.claim_id = claim_id

    def redo(self) -> None:
        try:
            self.store.update_claim(self.claim_id, **self.after)
        except WorkbenchError:
            # Refused (a "done" the checks do not allow...): an obsolete command is
            # dropped by QUndoStack.push instead of staying on the stack.
            self.setObsolete(True)
            raise

    def undo(self) -> None:
        # Undo puts back what was there, even a "done" the checks would now refuse.
        self.store.update_claim(self.claim_id, check_done=False, **self.before)

    def id(self) -> int:  # noqa: A003 - Qt's name
        if len(self.after) == 1:
            (name,) = self.after
            return _MERGE_IDS.get(name, -1)
        return -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, EditClaimCommand) or other.claim_id != self.claim_id:
            return False
        if other.after.keys() != self.after.keys():
            return False
        self.after = dict(other.after)
        return True


class AddClaimCommand(QUndoCommand):
    """A new (manual) claim; undo drops it."""

    def __init__(self, store: ProjectStore, claim: Claim, label: str = "New claim") -> None:
        super().__init__(label)
        self.store = store
        self.claim = claim
        self.claim_id: int | None = None

    def redo(self) -> None:
        if self.claim_id is None:
            self.claim_id = self.store.add_claim(self.claim).id
            self.claim.id = self.claim_id
        else:
            self.store.restore_claim(self.claim, [])

    def undo(self) -> None:
        self.store.delete_claim(self.claim_id)


class DeleteClaimCommand(QUndoCommand):
    """Drop a claim with its evidence; undo puts both back with the same ids."""

    def __init__(self, store: ProjectStore, claim_id: int) -> None:
        store.claim(claim_id)  # an unknown id is refused here, before the stack
        super().__init__(f"Drop claim #{claim_id}")
        self.store = store
        self.claim_id = claim_id
        self.saved: tuple[Claim, list[Evidence]] | None = None

    def redo(self) -> None:
        self.saved = self.store.delete_claim(self.claim_id)

    def undo(self) -> None:
        claim, evidence = self.saved
        self.store.restore_claim(claim, evidence)


class SplitClaimCommand(QUndoCommand):
    """Split a claim at an offset into the article: the first part keeps the work."""

    def __init__(self, store: ProjectStore, claim_id: int, at: int) -> None:
        super().__init__("Split claim")
        self.store = store
        self.original = store.claim(claim_id)
        self.at = at
        self.second_id: int | None = None

    def redo(self) -> None:
        c = self.original
        self.store.update_claim(c.id, end=self.at)
        second = Claim(article_id=c.article_id, start=self.at, end=c.end, quote="",
                       origin=Origin.MANUAL, claimant=c.claimant, score=c.score,
                       reasons=list(c.reasons), id=self.second_id)
        if self.second_id is None:
            self.second_id = self.store.add_claim(second).id
        else:
            self.store.restore_claim(second, [])

    def undo(self) -> None:
        self.store.delete_claim(self.second_id)
        c = self.original
        self.store.update_claim(c.id, start=c.start, end=c.end, text=c.text)


class MergeClaimsCommand(QUndoCommand):
    """Merge a claim with the next one: one span over both; the second's evidence moves."""

    def __init__(self, store: ProjectStore, first_id: int, second_id: int) -> None:
        super().__init__("Merge claims")
        self.store = store
        self.first = store.claim(first_id)
        self.second = store.claim(second_id)
        self.saved: tuple[Claim, list[Evidence]] | None = None
        self.moved: list[int] = []

    def redo(self) -> None:
        self.saved = self.store.delete_claim(self.second.id)
        self.store.update_claim(
            self.first.id,
            start=min(self.first.start, self.second.start),
            end=max(self.first.end, self.second.end),
        )
        cited = {item.url for item in self.store.evidence(self.first.id)}
        self.moved = [
            self.store.add_evidence(self.first.id, item.url, item.stance, item.note).id
            for item in self.saved[1]
            if item.url not in cited
        ]

    def undo(self) -> None:
        for evidence_id in self.moved:
            self.store.delete_evidence(evidence_id)
        f = self.first
        self.store.update_claim(f.id, start=f.start, end=f.end, text=f.text)
        claim, evidence = self.saved
        self.store.restore_claim(claim, evidence)


class AddEvidenceCommand(QUndoCommand):
    """Attach a URL to a claim; undo removes it."""

    def __init__(self, store: ProjectStore, claim_id: int, url: str, stance: Stance, note: str = "") -> None:
        super().__init__(f"Add evidence {url[:40]}")
        self.store = store
        self.args = (claim_id, url, stance, note)
        self.item: Evidence | None = None

    def redo(self) -> None:
        if self.item is None:
            self.item = self.store.add_evidence(*self.args)
        else:
            self.store.restore_evidence(self.item)

    def undo(self) -> None:
        self.store.delete_evidence(self.item.id)


class RemoveEvidenceCommand(QUndoCommand):
    def __init__(self, store: ProjectStore, evidence_id: int) -> None:
        super().__init__("Remove evidence")
        self.store = store
        self.evidence_id = evidence_id
        self.item: Evidence | None = None

    def redo(self) -> None:
        self.item = self.store.delete_evidence(self.evidence_id)

    def undo(self) -> None:
        self.store.restore_evidence(self.item)


def _value(value):
    return value.value if hasattr(value, "value") else value
