"""Running user actions and undoing them: the window's side of ``ui/commands.py``.

``run_command`` does an action (one store transaction) and only then pushes it
on the undo stack, so a refusal is an ordinary message, never an exception inside
``QUndoStack.push``. Undo and redo, from Edit > Undo, the toolbar or Ctrl+Z in a
text field, first save the typing in progress as its own step: the text fields
and the project's undo stack always agree.
"""

from __future__ import annotations

from workbench.core.errors import WorkbenchError


class UndoMixin:
    """Mixed into ``MainWindow`` (which has ``store``, ``undo_stack``, ``detail``, ``actions``)."""

    def run_command(self, command, refused=None) -> bool:
        """Do a user action, then put it on the undo stack; a refusal is shown, never pushed.

        The action runs (one transaction) before the push, so nothing raises
        inside ``QUndoStack.push``. ``refused(message)`` replaces the status-bar
        message for a refusal.
        """
        if self.store is None:
            return False
        try:
            txn = command.run()
        except WorkbenchError as exc:
            if refused is not None:
                refused(str(exc))
            self.say(str(exc))
            return False
        command.on_error = lambda message: self.say(message, 15000)
        if command.changes:  # an action that changed nothing is no undo step
            self.undo_stack.push(command)
        if txn.notices:
            self.tell_notice(" ".join(txn.notices))
        return True

    def _sync_undo_actions(self, *_args) -> None:
        """Edit > Undo/Redo: enabled and named after the step they would undo or redo."""
        try:
            typing = bool(self.detail.unsaved_fields())
            stack, undo, redo = self.undo_stack, self.actions["undo"], self.actions["redo"]
            undo.setEnabled(stack.canUndo() or typing)
            undo.setText(f"&Undo {'typing' if typing else stack.undoText()}".strip())
            redo.setEnabled(stack.canRedo() and not typing)
            redo.setText(f"&Redo {stack.redoText()}".strip())
        except RuntimeError:  # the window is being destroyed
            pass

    def undo(self) -> None:
        """Edit > Undo, Ctrl+Z anywhere (text fields included): typing in progress is a step
        first."""
        if self.built:
            self.detail.save_text_fields()
        if self.undo_stack.canUndo():
            self.undo_stack.undo()
            self.say(f"Undone: {self.undo_stack.redoText()}")
        self._after_undo_redo()

    def redo(self) -> None:
        if self.built:
            self.detail.save_text_fields()
        if self.undo_stack.canRedo():
            self.undo_stack.redo()
            self.say(f"Redone: {self.undo_stack.undoText()}")
        self._after_undo_redo()

    def _after_undo_redo(self) -> None:
        if self.built:
            self.detail.new_session()
            self._show_detail(self.detail.claim.id if self.detail.claim else None)

    def edit_text(self, claim_id: int, name: str, value: str, session: int) -> None:
        """A save of a typing session: the saves of one session are one undo step."""
        from workbench.ui import commands

        if self.store is None:
            return
        labels = {"text": "Reword", "claimant": "Edit claimant", "rationale": "Edit rationale"}
        try:
            command = commands.EditClaimCommand(
                self.store, claim_id, {name: value}, f"{labels[name]} of claim #{claim_id}", session
            )
        except WorkbenchError:  # the claim is gone (deleted meanwhile)
            return
        if not self.run_command(command):
            self._show_detail(claim_id)
