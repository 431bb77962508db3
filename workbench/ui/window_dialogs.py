"""The dialogs the main window keeps, one of each: a mixin of ``MainWindow``.

Keyboard shortcuts (F1), the undo history, export, project settings, the scale
editor and the workshop compare window. Each is opened by a public method of the
window (the menus call these); the window holds the dialog, so a second opening
shows the same one, and a zoomed window's font reaches it (``WindowLayout.event``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QUndoView, QVBoxLayout

if TYPE_CHECKING:
    from workbench.ui.export_dialog import ExportDialog
    from workbench.ui.project_settings import ProjectSettingsDialog
    from workbench.ui.scale_editor import ScaleEditorDialog
    from workbench.ui.workshop_view import CompareWindow


class WindowDialogs:
    """Dialog methods of ``MainWindow`` (it has ``store``, ``undo_stack``, ``detail``, ``say``)."""

    undo_view: QUndoView | None = None
    _shortcuts_dialog: QDialog | None = None
    _undo_dialog: QDialog | None = None
    _export_dialog: ExportDialog | None = None
    _settings_dialog: ProjectSettingsDialog | None = None
    _scale_editor: ScaleEditorDialog | None = None
    compare_window: CompareWindow | None = None

    def show_shortcuts(self) -> QDialog:
        """F1: every command with its keys, from the table the menus are built from."""
        from workbench.ui.shortcuts import help_html

        dialog = self._shortcuts_dialog
        if dialog is None:
            dialog = QDialog(self)
            dialog.setWindowTitle("Keyboard shortcuts")
            dialog.browser = QTextBrowser()
            dialog.browser.setAccessibleName("Keyboard shortcuts")
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            buttons.rejected.connect(dialog.reject)
            layout = QVBoxLayout(dialog)
            layout.addWidget(dialog.browser)
            layout.addWidget(buttons)
            self._shortcuts_dialog = dialog
        verdicts = self.store.scale.get().names() if self.store is not None else []
        dialog.browser.setHtml(help_html(verdicts))
        metrics = self.fontMetrics()
        dialog.resize(metrics.horizontalAdvance("M") * 60, min(metrics.height() * 40, 900))
        dialog.show()
        dialog.raise_()
        return dialog

    def show_undo_history(self) -> None:
        """Edit > Undo history: the project's undo stack as a list (a click goes there)."""
        if self.undo_view is None:
            dialog = QDialog(self)
            dialog.setWindowTitle("Undo history")
            layout = QVBoxLayout(dialog)
            self.undo_view = QUndoView(self.undo_stack)
            self.undo_view.setEmptyLabel("Project opened")
            self.undo_view.setAccessibleName("Undo history")
            layout.addWidget(self.undo_view)
            dialog.resize(380, 420)
            self._undo_dialog = dialog
        self._undo_dialog.show()
        self._undo_dialog.raise_()

    def open_export(self) -> ExportDialog | None:
        """File > Export: the formats, where to, and the export run in a worker."""
        from workbench.ui.export_dialog import ExportDialog

        if self.store is None:
            return None
        self.detail.save_text_fields()  # the export reads the file: let pending typing land
        dialog = ExportDialog(self.store.path, self.jobs, self)
        dialog.exported.connect(self.say)
        self._export_dialog = dialog
        dialog.show()
        return dialog

    def open_project_settings(self) -> None:
        if self.store is None:
            return
        from workbench.ui.project_settings import ProjectSettingsDialog

        dialog = ProjectSettingsDialog(self.store, self)
        self._settings_dialog = dialog
        dialog.accepted.connect(lambda: self.say("Project settings saved."))
        dialog.finished.connect(
            lambda _result: self._show_detail(self.detail.claim.id if self.detail.claim else None)
        )
        dialog.open()

    def open_scale_editor(self) -> None:
        """File it under the window: one editor at a time, on the open project."""
        from workbench.ui.scale_editor import ScaleEditorDialog

        if self.store is None:
            return
        dialog = ScaleEditorDialog(self.store, self.undo_stack, self)
        dialog.edited.connect(lambda text: self.say(f"Scale: {text[0].lower()}{text[1:]}."))
        self._scale_editor = dialog
        dialog.show()

    def open_compare_window(self) -> CompareWindow:
        """Workshop > Compare: a window of its own (it can go to the projector's screen)."""
        from workbench.ui.workshop_view import CompareWindow

        if self.compare_window is None:
            self.compare_window = CompareWindow()
        self.compare_window.show()
        self.compare_window.raise_()
        self.compare_window.activateWindow()
        return self.compare_window
