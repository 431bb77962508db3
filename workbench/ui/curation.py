"""Re-detection, merging and importing in the window: ask first, then one undoable step.

Re-detection finds the article's claims in a worker (spaCy, off the UI thread),
then says what it would change ("3 claims added, 2 removed, 14 kept") and asks;
on "Re-detect" the change is one transaction and one undo step, and the status
bar says what it did. Merging two claims that both carry work asks first, with
what the merged claim will hold, or refuses with the reason (two different
verdicts). An imported article is read and its claims found in a worker, then
stored in one transaction, one undo step.

The questions are window-modal ``QMessageBox`` opened with ``open()`` (never a
nested event loop), kept in ``window.curation.question`` until answered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from workbench.core.errors import WorkbenchError
from workbench.ui import commands

if TYPE_CHECKING:
    from workbench.core.models import Article, Claim
    from workbench.ui.main_window import MainWindow


class CurationFlows(QObject):
    """The window's re-detect, merge and import flows."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.question: QMessageBox | None = None

    def _say(self, text: str, ms: int = 12000) -> None:
        self.window.say(text, ms)

    def _ask(self, title: str, text: str, yes: str, on_yes) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, self.window
        )
        box.setAccessibleName(title)
        accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(accept)

        def answered(_result: int) -> None:
            self.question = None
            if box.clickedButton() is accept:
                on_yes()
            else:
                self._say(f"{title}: cancelled, nothing changed.", 6000)
            box.deleteLater()

        box.finished.connect(answered)
        self.question = box
        box.open()
        return box

    # -- re-detect -------------------------------------------------------------------
    def redetect(self) -> None:
        from workbench.ui.workers import DetectClaimsWorker

        window = self.window
        if window.store is None or window.article_id is None:
            return
        window.detail.save_text_fields()
        store, article_id = window.store, window.article_id
        worker = DetectClaimsWorker(store.path, article_id)
        self._say("Finding the claims again…", 0)
        window.jobs.start(
            worker,
            finished=lambda found: self._confirm_redetect(store, article_id, found),
            failed=lambda msg: (self._say(""), window.show_error("Claim detection failed", msg)),
        )

    def _confirm_redetect(self, store, article_id: int, candidates: list[Claim]) -> None:
        from workbench import ops

        window = self.window
        if window.store is not store:  # another project was opened meanwhile
            return
        try:
            plan = ops.plan_redetection(store, article_id, [commands._copy(c) for c in candidates])
        except WorkbenchError as exc:  # e.g. an exercise the trainer locked
            window.show_error("Cannot re-detect the claims", str(exc))
            return
        if not plan.changes_anything:
            self._say(f"Re-detection changed nothing: {plan.summary()}.")
            return
        text = (
            f"Re-detecting this article's claims will give: {plan.summary()}.\n\n"
            "Claims you worked on (rated, reworded, with evidence or a status, split, merged, "
            "added by hand) are kept; only claims nobody touched are replaced, and claims "
            "you deleted do not come back.\n\nUndo (Ctrl+Z) puts the list back as it is now."
        )
        self._ask(
            "Re-detect claims",
            text,
            "Re-detect",
            lambda: self._apply_redetect(store, article_id, candidates),
        )

    def _apply_redetect(self, store, article_id: int, candidates: list[Claim]) -> None:
        window = self.window
        if window.store is not store:
            return
        command = commands.RedetectCommand(store, article_id, candidates)
        if window.run_command(command) and command.plan is not None:
            self._say(f"Re-detected claims: {command.plan.summary()}.")

    # -- merge -----------------------------------------------------------------------
    def merge_with_next(self) -> None:
        window = self.window
        claim = window.current_claim()
        if claim is None:
            self._say("Select a claim first.", 6000)
            return
        window.detail.save_text_fields()
        later = [c for c in window.claim_list.model.claims() if c.start >= claim.end]
        if not later:
            self._say("There is no later claim to merge with.", 6000)
            return
        following = min(later, key=lambda c: c.start)
        self.merge(claim.id, following.id)

    def merge(self, first_id: int, second_id: int) -> None:
        window = self.window
        store = window.store
        try:
            plan = store.curation.merge_plan(first_id, second_id)
        except WorkbenchError as exc:
            self._say(str(exc))
            return
        if plan.conflict:
            self._say(f"Not merged: {plan.conflict}.", 15000)
            return

        def do_merge() -> None:
            if window.store is store:
                command = commands.MergeClaimsCommand(store, first_id, second_id)
                if window.run_command(command):
                    window.claim_list.select_claim(command.merged_id)
                    self._say(f"Merged claim #{second_id} into claim #{command.merged_id}.")

        if plan.needs_confirmation:
            self._ask("Merge claims", plan.question(), "Merge", do_merge)
        else:
            do_merge()

    # -- import ----------------------------------------------------------------------
    def store_import(self, store, read: tuple[Article, list[Claim]]) -> None:
        """Store an article read by ``ImportArticleWorker`` (one undoable step)."""
        window = self.window
        if window.store is not store:
            return
        article, candidates = read
        command = commands.ImportArticleCommand(store, article, candidates)
        if not window.run_command(
            command, refused=lambda msg: window.show_error("Cannot import the article", msg)
        ):
            return
        result = command.result
        window.show_article(result.article.id)
        self._say(result.message(), 15000)
