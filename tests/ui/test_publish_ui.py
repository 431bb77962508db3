"""The window's publishing parts: scale editor, settings, checks before done, File > Export."""

from __future__ import annotations

import json

import pytest

from workbench.core.models import ClaimStatus
from workbench.io.export import formats
from workbench.ui.export_dialog import ExportDialog
from workbench.ui.menus import export_dialog
from workbench.ui.project_settings import ProjectSettingsDialog
from workbench.ui.scale_editor import ScaleEditorDialog


def select_row(window, row):
    window.claim_list.table.setFocus()
    window.claim_list.table.selectRow(row)
    return window.claim_list.current_claim_id()


@pytest.fixture
def editor(window, qtbot):
    dialog = ScaleEditorDialog(window.store, window.undo_stack, window)
    qtbot.addWidget(dialog)
    return dialog


def _select_label(editor, name):
    for row in range(editor.model.rowCount()):
        if editor.model.label(row).name == name:
            editor.table.selectRow(row)
            return
    raise AssertionError(name)


def test_scale_model_passes_qtmodeltester(qtmodeltester, editor):
    qtmodeltester.check(editor.model)


def test_rename_label_updates_claims_list_and_detail_and_undoes(window, editor, on_disk):
    claim_id = select_row(window, 0)
    window.rate_by_number(5)  # False
    _select_label(editor, "False")
    assert editor.rename_label("Incorrect")
    assert on_disk(claim_id).verdict == "Incorrect"
    assert window.detail.verdict.currentData() == "Incorrect"
    assert window.detail.verdict.findData("False") == -1
    assert "Incorrect" in [
        window.claim_list.verdict_filter.itemData(i)
        for i in range(window.claim_list.verdict_filter.count())
    ]
    assert editor.model.data(editor.model.index(4, 4)) == "1"  # one claim uses it
    window.undo_stack.undo()
    assert on_disk(claim_id).verdict == "False"
    assert "False" in window.store.scale.get().names()
    window.undo_stack.redo()
    assert on_disk(claim_id).verdict == "Incorrect"


def test_delete_label_in_use_is_refused_or_moves_claims(window, editor, on_disk):
    claim_id = select_row(window, 1)
    window.rate_by_number(6)  # Misleading
    _select_label(editor, "Misleading")
    assert not editor.delete_label()  # asks where the claim goes
    assert editor.dialog.isVisible()
    editor.dialog.reject()  # the user cancels
    assert "still used by 1 claim" in editor.message.text()
    assert "Misleading" in window.store.scale.get().names()
    assert editor.delete_label(move_to="Mostly False")
    assert on_disk(claim_id).verdict == "Mostly False"
    assert "Misleading" not in window.store.scale.get().names()
    window.undo_stack.undo()
    assert on_disk(claim_id).verdict == "Misleading"
    assert "Misleading" in window.store.scale.get().names()


def test_add_recolour_and_move_labels(window, editor):
    assert editor.add_label("Satire")
    assert window.store.scale.get().names()[-1] == "Satire"
    assert editor.recolour_label("#123456")
    assert window.store.scale.get().find("Satire").colour == "#123456"
    assert editor.move(-1)
    assert window.store.scale.get().names()[-2] == "Satire"
    assert not editor.add_label("true")
    assert "already has a label" in editor.message.text()
    # The window's verdict menu and number keys follow the new order.
    assert window.detail.verdict.findData("Satire") == len(window.store.scale.get().names()) - 1


def test_done_is_refused_in_the_window_with_what_is_missing(window, qtbot, on_disk):
    claim_id = select_row(window, 0)
    detail = window.detail
    assert detail.checks.text() == "Before done: needs a verdict; a rationale; 1 evidence item"
    before = window.undo_stack.count()
    detail.status.setCurrentIndex(detail.status.findData("done"))
    detail.status.activated.emit(detail.status.currentIndex())
    assert on_disk(claim_id).status is ClaimStatus.NEW
    assert detail.status.currentData() == "new"  # the combo shows the claim as it is
    assert window.undo_stack.count() == before  # nothing refused stays on the undo stack
    assert window.statusBar().currentMessage().startswith(f"claim {claim_id} cannot be marked done")
    window.rate_by_number(1)
    window.edit_claim(claim_id, {"rationale": "Because the record says so."})
    window.store.evidence.add(claim_id, "https://example.org/record")
    assert detail.checks.text() == "✓ ready to be marked done"
    detail.status.setCurrentIndex(detail.status.findData("done"))
    detail.status.activated.emit(detail.status.currentIndex())
    assert on_disk(claim_id).status is ClaimStatus.DONE
    assert detail.checks.text() == "✓ ready to publish"


def test_settings_dialog_changes_the_checks(window, qtbot):
    select_row(window, 0)
    dialog = ProjectSettingsDialog(window.store, window)
    qtbot.addWidget(dialog)
    dialog.organisation.setText("Example Checks")
    dialog.review_url.setText("https://checks.example/{id}")
    dialog.min_evidence.setValue(0)
    dialog.require_rationale.setChecked(False)
    dialog.save()
    assert window.store.settings.get("organisation")["name"] == "Example Checks"
    assert window.store.done.rules().min_evidence == 0
    assert window.detail.checks.text() == "Before done: needs a verdict"


@pytest.mark.parametrize("name", sorted(formats()))
def test_file_export_writes_every_format_with_a_progress_bar(window, qtbot, tmp_path, name):
    select_row(window, 0)
    window.rate_by_number(5)
    dialog = export_dialog(window)
    assert isinstance(dialog, ExportDialog)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData(name))
    target = tmp_path / f"out{formats()[name].suffix}"
    assert dialog.path.text().endswith(formats()[name].suffix)
    dialog.path.setText(str(target))
    assert dialog.all_claims.isVisibleTo(dialog) == (name == "claimreview")
    if name == "claimreview":
        dialog.all_claims.setChecked(True)  # the rated claim is not done yet
    with qtbot.waitSignal(window.jobs.ended, timeout=60000):
        dialog.start()
        assert not dialog.export_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=5000)
    assert dialog.progress_reports >= 1  # the worker's progress reached the bar
    assert target.exists() and target.stat().st_size > 0
    assert dialog.result.text().startswith(f"wrote {target}")
    assert dialog.progress.value() == dialog.progress.maximum() == 1
    if name == "claimreview":
        assert "every rated claim" in dialog.result.text()
        assert "claims without a verdict" in dialog.result.text()
        assert len(json.loads(target.read_text())["@graph"]) == 1


def test_export_failure_is_shown_in_the_dialog(window, qtbot, tmp_path):
    dialog = export_dialog(window)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "no such folder" / "x.json"))
    with qtbot.waitSignal(window.jobs.ended, timeout=30000):
        dialog.start()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=5000)
    assert dialog.result.text().startswith("Export failed:")
    assert "no such folder" in dialog.result.text()


def test_import_menu_accepts_html(window, qtbot, tmp_path):
    from tests.io.pages import news_page, write_page
    from workbench.ui.menus import import_article

    page = write_page(tmp_path / "budget.html", news_page())
    with qtbot.waitSignal(window.jobs.ended, timeout=60000):
        import_article(window, page)
    qtbot.waitUntil(lambda: window.article_switch.count() == 2, timeout=5000)
    assert "City budget rose by 12 percent" in window.article_view.text.toPlainText()
    assert "imported article 2" in window.statusBar().currentMessage()


def test_use_a_preset_then_undo(window, editor, on_disk):
    claim_id = select_row(window, 0)
    window.rate_by_number(1)  # True: PolitiFact has it too
    assert editor.use_preset("politifact")
    assert window.store.scale.get().name == "PolitiFact-style"
    assert window.detail.verdict.findData("Pants on Fire") > 0
    window.rate_by_number(7)  # no seventh label: nothing happens
    assert on_disk(claim_id).verdict == "True"
    window.rate_by_number(6)
    assert on_disk(claim_id).verdict == "Pants on Fire"
    assert not editor.use_preset("default")  # Pants on Fire is in use
    assert "lacks labels that claims use" in editor.message.text()
    window.undo_stack.undo()  # the rating
    window.undo_stack.undo()  # the preset
    assert window.store.scale.get().name == "Default"
    assert on_disk(claim_id).verdict == "True"


def test_reimporting_a_changed_article_shows_the_new_version(window, qtbot, tmp_path):
    from tests.io.pages import PARAGRAPHS
    from workbench.ui.menus import import_article

    path = tmp_path / "budget.txt"
    path.write_text("City budget\n\n" + "\n\n".join(PARAGRAPHS), encoding="utf-8")
    with qtbot.waitSignal(window.jobs.ended, timeout=60000):
        import_article(window, path)
    qtbot.waitUntil(lambda: window.article_id == 2, timeout=5000)
    claim_id = select_row(window, 0)
    window.rate_by_number(5)
    path.write_text(
        "City budget\n\nAn editor's note was added.\n\n" + "\n\n".join(PARAGRAPHS), encoding="utf-8"
    )
    with qtbot.waitSignal(window.jobs.ended, timeout=60000):
        import_article(window, path)
    qtbot.waitUntil(lambda: window.article_id == 3, timeout=5000)
    assert window.article_switch.itemText(1).endswith("(earlier version)")
    assert window.store.claims.get(claim_id).article_id == 3
    assert claim_id in window.claim_list.visible_claim_ids()
    assert "new version of article 2" in window.statusBar().currentMessage()
