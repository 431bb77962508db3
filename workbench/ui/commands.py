"""Undo commands: every edit in the window is one of these on the project's QUndoStack.

A command is one user action. The window *runs* it first (``run()``: one store
transaction, recorded row by row; a refusal is an ordinary ``WorkbenchError``
raised to the window, never through Qt) and pushes it only once it succeeded,
so nothing ever raises inside ``QUndoStack.push``. The push's own ``redo()``
then does nothing; later ``undo()``/``redo()`` put back, or apply again, exactly
the rows the action changed (``store.undo``), however many store
calls it made. ``undo()``/``redo()`` never raise: a failure (the file changed
elsewhere, a full disk) is logged and reported through ``StoreCommand.report``.

Typing in a text field is one command per typing session: the autosaves of one
session merge (``mergeWith``), a new session (focus came back, another claim, an
undo in between) starts a new step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtGui import QUndoCommand

from workbench.core.models import Claim, Evidence, Origin, Stance
from workbench.store.changelog import ChangeSet

if TYPE_CHECKING:
    from workbench.core.curation import RedetectPlan
    from workbench.core.models import Article
    from workbench.ops import ImportResult
    from workbench.store import ProjectStore
    from workbench.store.base import Transaction

TEXT_FIELDS = ("text", "rationale", "claimant")
_MERGE_IDS = {name: 1000 + i for i, name in enumerate(TEXT_FIELDS)}


class StoreCommand(QUndoCommand):
    """One user action on the store: run once, then undone and redone row by row."""

    def __init__(self, store: ProjectStore, label: str) -> None:
        super().__init__(label)
        self.store = store
        # Where an undo/redo failure is reported (the window shows it); it is logged anyway.
        self.on_error: Callable[[str], None] | None = None
        self.changes = ChangeSet()
        self.notices: list[str] = []
        self._ran = False
        self._skip_redo = False

    def action(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def run(self) -> Transaction:
        """Do the action in one recorded transaction; raises ``WorkbenchError`` if refused."""
        with self.store.undo.recording() as changes, self.store.transaction(self.text()) as txn:
            self.action()
        self.changes = changes
        self.notices = list(txn.notices)
        self._ran = True
        self._skip_redo = True
        return txn

    def redo(self) -> None:
        if self._skip_redo:  # the push right after run(): the action is already done
            self._skip_redo = False
            return
        self._replay(forward=True)

    def undo(self) -> None:
        self._replay(forward=False)

    def _replay(self, *, forward: bool) -> None:
        word = "Redo" if forward else "Undo"
        try:
            replay = self.store.undo.redo if forward else self.store.undo.undo
            replay(self.changes, f"{word}: {self.text()}")
        except Exception as exc:  # never through Qt: log it and tell the user
            from workbench.logs import log_exception

            log_exception(f"{word} failed: {self.text()}", exc, where="ui.commands")
            if self.on_error is not None:
                self.on_error(f"{word} of “{self.text()}” failed: {exc}")


class EditClaimCommand(StoreCommand):
    """Change some fields of a claim (verdict, status, span, wording...).

    With a ``session`` (a typing session in one text field), the autosaves of the
    same session merge into one step.
    """

    def __init__(
        self,
        store: ProjectStore,
        claim_id: int,
        after: dict,
        label: str = "",
        session: int | None = None,
    ) -> None:
        store.claims.get(claim_id)  # an unknown id is refused here, before the stack
        super().__init__(store, label or f"Edit claim #{claim_id}: {', '.join(after)}")
        self.claim_id = claim_id
        self.after = dict(after)
        self.session = session

    def action(self) -> None:
        self.store.claims.update(self.claim_id, **self.after)

    def id(self) -> int:  # noqa: A003 - Qt's name
        if self.session is not None and len(self.after) == 1:
            (name,) = self.after
            return _MERGE_IDS.get(name, -1)
        return -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        try:
            if (
                not isinstance(other, EditClaimCommand)
                or other.claim_id != self.claim_id
                or other.session is None
                or other.session != self.session
                or other.after.keys() != self.after.keys()
            ):
                return False
            self.after = dict(other.after)
            self.changes.extend(other.changes)
            self.notices.extend(other.notices)
            return True
        except Exception as exc:  # never through Qt
            from workbench.logs import log_exception

            log_exception("merging undo steps failed", exc, where="ui.commands")
            return False


class AddClaimCommand(StoreCommand):
    """A new (manual) claim; undo drops it."""

    def __init__(self, store: ProjectStore, claim: Claim, label: str = "New claim") -> None:
        super().__init__(store, label)
        self.claim = claim
        self.claim_id: int | None = None

    def action(self) -> None:
        self.claim_id = self.store.claims.add(self.claim).id
        self.claim.id = self.claim_id


class DeleteClaimCommand(StoreCommand):
    """Drop a claim with its evidence (remembered: re-detection will not bring it back)."""

    def __init__(self, store: ProjectStore, claim_id: int) -> None:
        store.claims.get(claim_id)  # an unknown id is refused here, before the stack
        super().__init__(store, f"Drop claim #{claim_id}")
        self.claim_id = claim_id

    def action(self) -> None:
        self.store.claims.delete(self.claim_id)


class SplitClaimCommand(StoreCommand):
    """Split a claim at an offset into the article: the first part keeps the work."""

    def __init__(self, store: ProjectStore, claim_id: int, at: int) -> None:
        super().__init__(store, "Split claim")
        self.claim_id = claim_id
        self.at = at
        self.second_id: int | None = None

    def action(self) -> None:
        _first, second = self.store.curation.split(self.claim_id, self.at)
        self.second_id = second.id


class MergeClaimsCommand(StoreCommand):
    """Merge a claim with another: one span over both, both claims' work kept."""

    def __init__(self, store: ProjectStore, first_id: int, second_id: int) -> None:
        super().__init__(store, "Merge claims")
        self.first_id = first_id
        self.second_id = second_id
        self.merged_id: int | None = None

    def action(self) -> None:
        self.merged_id = self.store.curation.merge(self.first_id, self.second_id).id


class RedetectCommand(StoreCommand):
    """Re-detect an article's claims from candidates found in a worker (see ``ops``)."""

    def __init__(self, store: ProjectStore, article_id: int, candidates: list[Claim]) -> None:
        super().__init__(store, "Re-detect claims")
        self.article_id = article_id
        self.candidates = candidates
        self.plan: RedetectPlan | None = None

    def action(self) -> None:
        from workbench import ops

        self.plan, _added = ops.redetect(
            self.store, self.article_id, candidates=[_copy(c) for c in self.candidates]
        )


class ImportArticleCommand(StoreCommand):
    """Add an article read (and its claims detected) in a worker: one undoable step."""

    def __init__(
        self,
        store: ProjectStore,
        article: Article,
        candidates: list[Claim],
        version_of: int | None = None,
    ) -> None:
        super().__init__(store, f"Import {article.title[:40]}")
        self.article = article
        self.candidates = candidates
        self.version_of = version_of
        self.result: ImportResult | None = None

    def action(self) -> None:
        from workbench import ops

        self.result = ops.import_read_article(
            self.store,
            self.article,
            [_copy(c) for c in self.candidates],
            version_of=self.version_of,
        )


class AddEvidenceCommand(StoreCommand):
    """Attach a URL to a claim; undo removes it."""

    def __init__(
        self, store: ProjectStore, claim_id: int, url: str, stance: Stance, note: str = ""
    ) -> None:
        super().__init__(store, f"Add evidence {url[:40]}")
        self.args = (claim_id, url, stance, note)
        self.item: Evidence | None = None

    def action(self) -> None:
        self.item = self.store.evidence.add(*self.args)


class RemoveEvidenceCommand(StoreCommand):
    def __init__(self, store: ProjectStore, evidence_id: int) -> None:
        super().__init__(store, "Remove evidence")
        self.evidence_id = evidence_id
        self.item: Evidence | None = None

    def action(self) -> None:
        self.item = self.store.evidence.delete(self.evidence_id)


class EditEvidenceCommand(StoreCommand):
    """Change an evidence item's stance or note (edited in place in the evidence table)."""

    def __init__(self, store: ProjectStore, evidence_id: int, fields: dict) -> None:
        current = store.evidence.get(evidence_id)  # an unknown id is refused before the stack
        what = " and ".join("stance" if name == "stance" else "note" for name in fields)
        host = urlsplit(current.url).hostname or current.url
        super().__init__(store, f"Edit evidence {what}: {host.removeprefix('www.')}")
        self.evidence_id = evidence_id
        self.fields = dict(fields)

    def action(self) -> None:
        self.store.evidence.update(self.evidence_id, **self.fields)


def _copy(claim: Claim) -> Claim:
    """A fresh claim from a candidate (the store sets ids on what it is given)."""
    return Claim(
        article_id=claim.article_id,
        start=claim.start,
        end=claim.end,
        quote=claim.quote,
        claimant=claim.claimant,
        score=claim.score,
        reasons=list(claim.reasons),
        origin=Origin.AUTO,
    )
