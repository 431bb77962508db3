"""What the user does to claims in the window: a mixin of ``MainWindow``.

Each action (rate, add, re-span, drop, split; merge and re-detect through
``CurationFlows``) becomes one undo command from ``ui/commands.py``, run through
``run_command`` (``ui/undo.py``): one store transaction, one undo step, and a
status-bar message saying what it did. The panels follow from the store's
``Changes`` (see ``MainWindow._store_changed``), never from the action itself.
"""

from __future__ import annotations

from workbench.core.errors import WorkbenchError
from workbench.ui.window_layout import edit_message, short_text


class ClaimActions:
    """Claim edits of ``MainWindow`` (which has ``store``, the panels, ``say``, ``run_command``)."""

    def edit_claim(self, claim_id: int, fields: dict) -> None:
        from workbench.ui import commands

        if self.store is None:
            return
        try:
            command = commands.EditClaimCommand(self.store, claim_id, fields)
        except WorkbenchError as exc:  # the claim is gone (deleted meanwhile)
            self.say(str(exc))
            return
        if not self.run_command(command):
            # Refused (e.g. "done" with something missing): show the claim as it is.
            self._show_detail(claim_id)
            return
        self.say(edit_message(claim_id, fields))

    def rate_by_number(self, number: int) -> None:
        claim = self.current_claim()
        if claim is None:
            self.say("Select a claim first.")
            return
        labels = self.store.scale.get().names()
        if number == 0:
            self.edit_claim(claim.id, {"verdict": None})
        elif number <= len(labels):
            self.edit_claim(claim.id, {"verdict": labels[number - 1]})
        else:
            self.say(f"The scale has {len(labels)} labels: keys 1–{min(len(labels), 9)}, 0 clears.")

    def new_claim(self, start: int, end: int) -> None:
        from workbench.core.models import Claim, Origin
        from workbench.ui import commands

        if self.store is None or self.article_id is None:
            return
        claim = Claim(
            article_id=self.article_id, start=start, end=end, quote="", origin=Origin.MANUAL
        )
        command = commands.AddClaimCommand(self.store, claim)
        if self.run_command(command):
            self.claim_list.select_claim(command.claim_id)
            self.say(
                f"Added claim #{command.claim_id}: "
                f"“{short_text(self.store.claims.get(command.claim_id).quote)}”"
            )

    def set_span(self, start: int, end: int) -> None:
        from workbench.ui import commands

        claim = self.current_claim()
        if claim is None:
            self.say("Select the claim whose span should change first.")
            return
        if self.run_command(
            commands.EditClaimCommand(
                self.store, claim.id, {"start": start, "end": end}, "Adjust claim span"
            )
        ):
            self.say(
                f"Claim #{claim.id} now quotes "
                f"“{short_text(self.store.claims.get(claim.id).quote)}”"
            )

    def drop_claim(self) -> None:
        from workbench.ui import commands

        claim = self.current_claim()
        if claim is None:
            self.say("Select a claim first.")
            return
        row = self.claim_list.table.currentIndex().row()
        if self.run_command(commands.DeleteClaimCommand(self.store, claim.id)):
            self.say(f"Dropped claim #{claim.id} (Ctrl+Z brings it back).")
        proxy = self.claim_list.proxy
        if proxy.rowCount():
            index = proxy.index(min(row, proxy.rowCount() - 1), 0)
            self.claim_list.table.setCurrentIndex(index)

    def split_claim(self) -> None:
        from workbench.ui import commands

        claim = self.current_claim()
        at = self.article_view.text.cursor_index()
        if claim is None or not claim.start < at < claim.end:
            self.say("Put the cursor inside the selected claim's text to split it.")
            return
        self.detail.save_text_fields()
        command = commands.SplitClaimCommand(self.store, claim.id, at)
        if self.run_command(command):
            self.say(f"Split claim #{claim.id}: its second part is claim #{command.second_id}.")

    def merge_with_next(self) -> None:
        self.curation.merge_with_next()

    def redetect(self) -> None:
        self.curation.redetect()
