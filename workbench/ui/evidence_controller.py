"""Evidence in the window: the panel's requests become undo commands and background fetches.

The controller owns the window's fetch pool (``EvidenceFetcher``). Adding a URL is
an undo command and, with auto-fetch on, queues its capture. Each capture result
arrives on the UI thread, already in the file, and updates the rows that cite its
URL in memory (``Evidence.with_capture``): no query runs on the UI thread while
results pour in, so it never waits for the database or for the fetching threads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices

from workbench.core.errors import ValidationError, WorkbenchError
from workbench.core.models import Evidence, Stance
from workbench.core.urls import archive_save_url, clean_url, with_scheme
from workbench.evidence.pool import CaptureOutcome
from workbench.evidence.project import project_settings
from workbench.evidence.settings import FetchSettings
from workbench.ui import commands
from workbench.ui.capture_view import CapturedPageDialog
from workbench.ui.evidence_fetch import EvidenceFetcher

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


class EvidenceController(QObject):
    """Connects the claim detail's evidence panel to the store, the undo stack and the pool."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = window.detail.evidence_panel
        self.fetcher = EvidenceFetcher(self)
        self.dialog: CapturedPageDialog | None = None

        window.detail.evidence_add_requested.connect(self.add)
        self.panel.edit_requested.connect(self.edit)
        window.detail.evidence_remove_requested.connect(self.remove)
        self.panel.refetch_requested.connect(self.fetch)
        self.panel.fetch_pending_requested.connect(self.fetch_pending)
        self.panel.open_requested.connect(self.open_in_browser)
        self.panel.archive_save_requested.connect(self.ask_archive_to_save)
        self.panel.text_requested.connect(self.show_text)
        self.fetcher.captured.connect(self._captured)
        self.fetcher.busy_changed.connect(lambda _n: self.panel.set_busy(self.fetcher.busy()))
        window.project_opened.connect(self._project_opened)

    @property
    def store(self):
        return self.window.store

    # -- project ---------------------------------------------------------------------
    def _project_opened(self, path: str) -> None:
        try:
            settings = project_settings(self.store)
        except ValidationError as exc:
            self._say(f"Fetch settings ignored ({exc}); using the defaults.")
            settings = FetchSettings()
        self.fetcher.start(path, settings)
        if self.panel.auto_fetch.isChecked():
            # Pages never tried yet (added offline or from the command line).
            self.fetcher.fetch(self.store.captures.urls_to_fetch(failed=False))

    def stop(self) -> None:
        """Stop fetching for the project being closed (queued URLs stay pending)."""
        self.fetcher.stop()
        if self.dialog is not None:
            self.dialog.close()

    # -- requests --------------------------------------------------------------------
    def add(self, claim_id: int, url: str, stance: str, note: str) -> None:
        try:
            url = clean_url(with_scheme(url))  # "www.example.org/page" gets its https://
            if any(item.url == url for item in self.store.evidence.all(claim_id)):
                raise ValidationError(f"this claim already cites {url}")
            command = commands.AddEvidenceCommand(self.store, claim_id, url, Stance(stance), note)
        except WorkbenchError as exc:
            self.panel.show_message(str(exc))
            self._say(str(exc))
            return
        if not self.window.run_command(command, refused=self.panel.show_message):
            return
        self.panel.evidence_added()
        if command.item is not None:
            self.panel.select(command.item.id)
        fetching = self.panel.auto_fetch.isChecked()
        self._say(
            f"Added {_site(url)} to claim #{claim_id} as {stance}"
            + (": fetching it." if fetching else " (pending: Fetch pending captures it).")
        )
        if fetching:
            self.fetcher.fetch([url])

    def remove(self, evidence_id: int) -> None:
        command = commands.RemoveEvidenceCommand(self.store, evidence_id)
        if not self.window.run_command(command, refused=self.panel.show_message):
            return
        item = command.item
        if item is not None:
            self._say(
                f"Removed {_site(item.url)} from claim #{item.claim_id} (Ctrl+Z puts it back)."
            )

    def edit(self, evidence_id: int, fields: dict) -> None:
        """The stance or note edited in the evidence table: one undoable command."""
        try:
            if "stance" in fields:
                fields = {**fields, "stance": Stance.parse(fields["stance"]).value}
            command = commands.EditEvidenceCommand(self.store, evidence_id, fields)
        except WorkbenchError as exc:
            self.panel.show_message(str(exc))
            return
        if not self.window.run_command(command, refused=self.panel.show_message):
            return
        self.panel.select(evidence_id)
        item = self.store.evidence.get(evidence_id)
        if "stance" in fields:
            self._say(
                f"{_site(item.url)} now {item.stance.value} claim #{item.claim_id}."
                if item.stance is not Stance.CONTEXT
                else f"{_site(item.url)} is now context for claim #{item.claim_id}."
            )
        else:
            self._say(
                f"Note saved for {_site(item.url)}."
                if item.note
                else f"Note cleared for {_site(item.url)}."
            )

    def fetch(self, urls: list[str]) -> None:
        if self.store is None:
            return
        queued = self.fetcher.fetch(list(urls))
        if urls and not queued:
            self._say("Already being fetched.")
        elif queued and len(queued) == 1:
            self._say(f"Fetching {_site(queued[0])}…")

    def fetch_pending(self) -> None:
        if self.store is None:
            return
        urls = self.store.captures.urls_to_fetch()
        if not urls:
            self._say("Nothing to fetch: every evidence URL is captured.")
            return
        queued = self.fetcher.fetch(urls)
        self._say(f"Fetching {len(queued)} pending or failed URLs in the background.")

    def open_in_browser(self, url: str) -> None:
        if not QDesktopServices.openUrl(QUrl(url)):
            self._say(f"Could not open a web browser for {url}")
        else:
            self._say(f"Opened {url} in your web browser.")

    def ask_archive_to_save(self, url: str) -> None:
        """An explicit request only: open the Wayback Machine's "save" page for ``url``."""
        self.open_in_browser(archive_save_url(url))
        self._say("Asked the Internet Archive to save the page (see your browser).")

    def show_text(self, evidence: Evidence) -> None:
        if self.dialog is None:
            self.dialog = CapturedPageDialog(self.window)
        self.dialog.show_capture(evidence, self.store.captures.of_url(evidence.url))
        self.dialog.show()
        self.dialog.raise_()

    # -- results ---------------------------------------------------------------------
    def _captured(self, outcome: CaptureOutcome) -> None:
        if not outcome.stored:
            self._say(f"Could not save the capture of {outcome.url}: {outcome.store_error}")
            return
        self.panel.model.apply_capture(outcome.capture)
        self.panel.refresh_actions()
        dialog = self.dialog
        if (
            dialog is not None
            and dialog.isVisible()
            and dialog.evidence is not None
            and dialog.evidence.url == outcome.url
        ):
            current = next(
                (e for e in self.panel.model.items() if e.url == outcome.url), dialog.evidence
            )
            dialog.show_capture(current, self.store.captures.of_url(outcome.url))

    def _say(self, text: str) -> None:
        self.window.say(text)


def _site(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host
