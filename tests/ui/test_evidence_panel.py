"""The evidence panel, driven as a user drives it, with fetches against a server on 127.0.0.1."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from tests.localsite import closed_port_url, html
from workbench.core.models import CaptureStatus
from workbench.store import ProjectStore
from workbench.ui.evidence_model import EvidenceTableModel
from workbench.ui.theme import tone

STATUS = EvidenceTableModel.STATUS


def select_row(window, row):
    window.claim_list.table.setFocus()
    window.claim_list.table.selectRow(row)
    return window.claim_list.current_claim_id()


def cell(panel, row, column):
    return panel.model.index(row, column).data()


def on_file(path, claim_id):
    with ProjectStore.open(path, readonly=True) as other:
        return other.evidence.all(claim_id)


def add_url(qtbot, panel, url, stance="context"):
    panel.window().detail.show_tab("evidence")  # as a user opens the Evidence tab
    panel.url.setFocus()
    panel.url.setText(url)
    panel.stance.setCurrentIndex(panel.stance.findData(stance))
    qtbot.keyClick(panel.url, Qt.Key.Key_Return)


def test_adding_a_url_stores_it_pending_then_a_fetch_fills_the_row_without_blocking(
    window, qtbot, site, seed_project
):
    panel = window.detail.evidence_panel
    panel.auto_fetch.setChecked(True)
    body = html("Pentagon briefing", "<p>The transcript.</p>").encode()
    url = site.add("/briefing", body, delay=1.5)  # a slow server: the fetch takes a while
    claim_id = select_row(window, 0)
    add_url(qtbot, panel, url, "supports")

    (stored,) = on_file(seed_project, claim_id)
    assert (stored.url, stored.stance.value, stored.capture_status) == (
        url,
        "supports",
        CaptureStatus.PENDING,
    )
    assert panel.model.rowCount() == 1 and cell(panel, 0, STATUS) == "fetching…"
    assert panel.url.text() == ""

    fetcher = window.evidence.fetcher
    with qtbot.waitSignal(fetcher.captured, timeout=10_000) as arrived:
        # The user goes on working while the page downloads; every step is handled at once.
        other_id = select_row(window, 1)
        assert window.detail.claim.id == other_id
        qtbot.keyClicks(panel.note, "typed during the fetch")
        assert panel.note.text() == "typed during the fetch"
        select_row(window, 0)
        assert window.detail.claim.id == claim_id
        assert url in fetcher.busy()  # all of that happened while the fetch was still running
    assert arrived.args[0].url == url and arrived.args[0].ok
    qtbot.waitUntil(lambda: cell(panel, 0, STATUS) == "captured", timeout=3000)
    digest = hashlib.sha256(body).hexdigest()
    assert cell(panel, 0, EvidenceTableModel.SOURCE) == "127.0.0.1 — Pentagon briefing"
    assert cell(panel, 0, EvidenceTableModel.HASH) == digest[:12] + "…"
    assert cell(panel, 0, EvidenceTableModel.RETRIEVED)
    assert on_file(seed_project, claim_id)[0].sha256 == digest

    window.undo_stack.undo()
    assert on_file(seed_project, claim_id) == [] and panel.model.rowCount() == 0
    window.undo_stack.redo()  # back, with its capture (captures belong to the URL)
    assert on_file(seed_project, claim_id)[0].sha256 == digest
    assert cell(panel, 0, STATUS) == "captured"


def test_a_failed_fetch_shows_why_and_fetch_pending_retries(window, qtbot, site, seed_project):
    panel = window.detail.evidence_panel
    panel.auto_fetch.setChecked(True)
    claim_id = select_row(window, 2)
    dead = closed_port_url()
    with qtbot.waitSignal(window.evidence.fetcher.captured, timeout=10_000):
        add_url(qtbot, panel, dead)
    qtbot.waitUntil(lambda: cell(panel, 0, STATUS).startswith("failed: refused"), timeout=3000)
    colour = panel.model.index(0, STATUS).data(Qt.ItemDataRole.ForegroundRole)
    assert colour == tone("error")  # the theme's error colour (4.5:1 on its background)
    assert "error: refused" in panel.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert on_file(seed_project, claim_id)[0].capture_status is CaptureStatus.FAILED

    with qtbot.waitSignal(window.evidence.fetcher.captured, timeout=10_000):
        panel.fetch_pending_action.trigger()
    assert on_file(seed_project, claim_id)[0].error.startswith("refused")


def test_offline_urls_stay_pending_until_fetched(window, qtbot, site, seed_project):
    panel = window.detail.evidence_panel
    assert not panel.auto_fetch.isChecked()  # as a trainer would set it in a room without network
    url = site.add("/later", html("Later"))
    claim_id = select_row(window, 0)
    add_url(qtbot, panel, url)
    qtbot.wait(300)
    assert "/later" not in site.requests
    assert cell(panel, 0, STATUS) == "pending"
    with qtbot.waitSignal(window.evidence.fetcher.captured, timeout=10_000):
        panel.fetch_pending_action.trigger()
    qtbot.waitUntil(lambda: cell(panel, 0, STATUS) == "captured", timeout=3000)
    assert on_file(seed_project, claim_id)[0].title == "Later"


def test_captured_text_is_readable_offline_with_its_versions(window, qtbot, site):
    panel = window.detail.evidence_panel
    panel.auto_fetch.setChecked(True)
    url = site.add("/story", html("Council story", "<p>The budget rose 4%.</p>"))
    select_row(window, 0)
    with qtbot.waitSignal(window.evidence.fetcher.captured, timeout=10_000):
        add_url(qtbot, panel, url)
    site.add("/story", html("Council story", "<p>The budget rose 5% (corrected).</p>"))
    panel.table.selectRow(0)
    with qtbot.waitSignal(window.evidence.fetcher.captured, timeout=10_000):
        panel.refetch_action.trigger()
    qtbot.waitUntil(lambda: panel.model.item(0).versions == 2, timeout=3000)

    site.stop()  # offline from here on
    panel.table.selectRow(0)
    panel.text_action.trigger()
    dialog = window.evidence.dialog
    qtbot.waitExposed(dialog)
    assert dialog.text.isReadOnly()
    assert "The budget rose 5% (corrected)." in dialog.text.toPlainText()
    assert dialog.heading.text() == "Council story"
    assert panel.model.item(0).sha256 in dialog.facts.text()
    assert dialog.versions.count() == 2
    assert dialog.versions.itemText(0).endswith("content changed")
    dialog.versions.setCurrentIndex(1)
    assert "The budget rose 4%." in dialog.text.toPlainText()
    dialog.close()


class _Browser(QObject):
    """Stands in for the system browser: Qt hands it the URLs it would open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def browser():
    receiver = _Browser()
    for scheme in ("http", "https"):
        QDesktopServices.setUrlHandler(scheme, receiver, "open")
    yield receiver
    for scheme in ("http", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


def test_open_archive_and_ask_the_archive_to_save(window, qtbot, browser):
    panel = window.detail.evidence_panel
    select_row(window, 0)
    add_url(qtbot, panel, "https://example.org/report")
    panel.table.selectRow(0)
    item = panel.current()
    assert browser.opened == []  # nothing is sent anywhere by adding
    panel.open_action.trigger()
    panel.archive_action.trigger()
    panel.archive_save_action.trigger()
    stamp = "".join(ch for ch in item.added_at if ch.isdigit())
    assert browser.opened == [
        "https://example.org/report",
        f"https://web.archive.org/web/{stamp}/https://example.org/report",
        "https://web.archive.org/save/https://example.org/report",
    ]


def test_remove_with_the_delete_key_is_undoable(window, qtbot, seed_project):
    panel = window.detail.evidence_panel
    claim_id = select_row(window, 0)
    add_url(qtbot, panel, "https://example.org/one")
    add_url(qtbot, panel, "https://example.org/two", "refutes")
    assert [e.url for e in on_file(seed_project, claim_id)] == [
        "https://example.org/one",
        "https://example.org/two",
    ]
    panel.table.setFocus()
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert [e.url for e in on_file(seed_project, claim_id)] == ["https://example.org/two"]
    window.undo_stack.undo()
    assert len(on_file(seed_project, claim_id)) == 2
    add_url(qtbot, panel, "https://example.org/two")
    assert panel.message.text() == "this claim already cites https://example.org/two"
    assert len(on_file(seed_project, claim_id)) == 2


def test_evidence_model_passes_qtmodeltester(qtmodeltester, window, qtbot):
    panel = window.detail.evidence_panel
    select_row(window, 0)
    add_url(qtbot, panel, "https://example.org/a")
    add_url(qtbot, panel, "https://example.org/b")
    qtmodeltester.check(panel.model)
