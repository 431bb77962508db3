"""The fact-check library in the window: matches for the selected claim, list markers, syncing.

The library lives on its own thread (``workbench.library.service``); this
controller sends it plain requests and receives results through a queued signal,
so the UI thread never opens the library file nor waits for a match. Matches are
cached per claim (and text); the cache is emptied when the library changes.

- Selecting a claim shows its cached matches, or asks for them ("Searching…").
- The claims listed get a marker when their best match is strong (a role of the
  claim list's model, ``MATCH_ROLE``).
- Opening a project, and each change to its rated claims (a verdict given,
  changed or cleared; a rated claim reworded), updates the library.
- "+ Evidence" (add the review to the claim's evidence) is an undo command on the
  project's stack.
"""

from __future__ import annotations

import threading
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from workbench.core.errors import WorkbenchError
from workbench.core.models import Stance
from workbench.library.service import LibraryService
from workbench.library.sync import project_key, rated_signature
from workbench.ui import commands
from workbench.ui.checked_before import CheckedBeforePanel

if TYPE_CHECKING:
    from workbench.core.changes import Changes
    from workbench.library.matcher import Match
    from workbench.ui.main_window import MainWindow

SYNC_DELAY_MS = 800


def evidence_note(match: Match) -> str:
    r = match.review
    who = r.publisher or "A fact-checker"
    when = f" on {r.date}" if r.date else ""
    verdict = f" as “{r.verdict}”" if r.verdict else ""
    return f"Checked before: {who} rated “{r.claim[:200]}”{verdict}{when}."


class LibraryController(QObject):
    """Connects the window to the library thread (see the module docstring)."""

    matches_shown = Signal(int)  # claim id: its matches are on screen
    marks_updated = Signal()
    _arrived = Signal()

    def __init__(self, window: MainWindow, library_path: str | Path | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.panel: CheckedBeforePanel = window.detail.checked_before
        self._inbox: deque[tuple[str, object]] = deque()
        self._lock = threading.Lock()
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.service = LibraryService(self._post, library_path)
        self.cache: dict[int, tuple[str, list]] = {}
        self.marks: dict[int, tuple[str, object]] = {}
        self.project: str | None = None
        self.reviews = 0
        self._rated: dict[int, tuple] | None = None
        self._sync_timer = QTimer(self)
        self._sync_timer.setSingleShot(True)
        self._sync_timer.setInterval(SYNC_DELAY_MS)
        self._sync_timer.timeout.connect(self._sync_if_rated_changed)
        self.panel.open_requested.connect(self.open_match)
        self.panel.copy_requested.connect(self.copy_to_evidence)
        window.project_opened.connect(self._project_opened)
        window.claims_shown.connect(lambda _n: self._request_marks())
        window.claim_list.claim_selected.connect(lambda _id: self.show_selected())
        window.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    # -- lifetime ---------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.stop()
        return False

    def stop(self) -> None:
        self._sync_timer.stop()
        self.service.stop()

    # -- results from the library thread ----------------------------------------------------
    def _post(self, kind: str, payload) -> None:
        with self._lock:
            self._inbox.append((kind, payload))
        self._arrived.emit()

    def _deliver(self) -> None:
        with self._lock:
            events, self._inbox = list(self._inbox), deque()
        for kind, payload in events:
            getattr(self, f"_on_{kind}")(payload)

    def _on_ready(self, stats: dict) -> None:
        self.reviews = stats["reviews"]

    def _on_failed(self, message: str) -> None:
        self.panel.show_status(f"library unavailable: {message}")

    def _on_synced(self, info: dict) -> None:
        self.reviews = info["stats"]["reviews"]
        store = self.window.store
        if store is not None and project_key(store.path) == project_key(info["project"]):
            # What the library now holds; a change made since then is synced next.
            self._rated = info["signature"]
            self._sync_timer.start()
        self._library_changed()

    def _on_indexing(self, _progress) -> None:
        pass

    def _on_indexed(self, stats: dict) -> None:
        # Every entry now has its vector: matches found by BM25 alone may improve.
        self.reviews = stats["reviews"]
        self._library_changed()

    def _library_changed(self) -> None:
        self.cache.clear()
        self.marks.clear()
        self._request_marks()
        self.show_selected()

    def _on_matched(self, payload) -> None:
        claim_id, text, matches = payload
        self.cache[claim_id] = (text, matches)
        claim = self.window.detail.claim
        if claim is not None and claim.id == claim_id and claim.text == text:
            self._show(matches)
            self.matches_shown.emit(claim_id)

    def _on_marks(self, best: dict) -> None:
        self.marks.update(best)
        model = self.window.claim_list.model
        model.set_match_marks(
            {
                claim_id: (m.review.verdict, m.review.colour, m.review.publisher, m.score)
                for claim_id, (_text, m) in self.marks.items()
                if m is not None and m.strong
            }
        )
        self.marks_updated.emit()

    # -- requests ---------------------------------------------------------------------------
    def _exclude(self, claim_id: int) -> str:
        return f"project:{self.project}#{claim_id}" if self.project else ""

    def show_selected(self) -> None:
        """Show the selected claim's matches, from the cache or asked for now."""
        claim = self.window.detail.claim
        if claim is None or self.window.store is None:
            self.panel.clear("")
            return
        cached = self.cache.get(claim.id)
        if cached is not None and cached[0] == claim.text:
            self._show(cached[1])
            self.matches_shown.emit(claim.id)
            return
        self.panel.clear("searching your library…")
        self.service.match(claim.id, claim.text, self._exclude(claim.id), claim.claimant)

    def _show(self, matches: list) -> None:
        if matches:
            strong = sum(1 for m in matches if m.strong)
            status = f"{len(matches)} similar fact-check{'s' if len(matches) != 1 else ''}" + (
                f", {strong} strong" if strong else ""
            )
        else:
            status = (
                f"nothing similar among {self.reviews:,} fact-checks"
                if self.reviews
                else "your library is empty: rate claims, or import fact-checks "
                "(workbench library import)"
            )
        self.panel.show_matches(matches, status)

    def _request_marks(self) -> None:
        if self.window.store is None:
            return
        todo = [
            (c.id, c.text, self._exclude(c.id), c.claimant)
            for c in self.window.claim_list.model.claims()
            if self.marks.get(c.id, ("",))[0] != c.text
        ]
        if todo:
            self.service.marks(todo)

    def _project_opened(self, path: str) -> None:
        self.project = project_key(path)
        self.cache.clear()
        self.marks.clear()
        self.window.claim_list.model.set_match_marks({})
        self._rated = None  # unknown until the first sync reports
        self.service.sync_project(path)
        self.window.store.subscribe(self._store_changed)
        self.show_selected()

    def _store_changed(self, changes: Changes) -> None:
        """Claims, the scale or settings changed: maybe the rated claims did (checked later)."""
        if changes.claims or changes.settings:
            self._sync_timer.start()

    def _sync_if_rated_changed(self) -> None:
        if self.window.store is None:
            return
        signature = rated_signature(self.window.store)
        if self._rated is not None and signature != self._rated:
            self._rated = signature
            self.service.sync_project(self.window.store.path)

    # -- the panel's actions -----------------------------------------------------------------
    def open_match(self, match: Match) -> None:
        review = match.review
        if review.url:
            if not QDesktopServices.openUrl(QUrl(review.url)):
                self._say(f"Could not open a web browser for {review.url}")
            return
        if not review.project or review.project_claim_id is None:
            return
        if self.window.store is None or project_key(self.window.store.path) != review.project:
            if not Path(review.project).exists():
                self._say(f"The project {review.project} is no longer there.")
                return
            if not self.window.open_project(review.project):
                return
        self.open_claim(review.project_claim_id)

    def open_claim(self, claim_id: int) -> None:
        try:
            claim = self.window.store.claims.get(claim_id)
        except WorkbenchError:
            self._say("That claim is no longer in the project.")
            return
        if claim.article_id != self.window.article_id:
            self.window.show_article(claim.article_id)
        self.window.claim_list.select_claim(claim_id)

    def copy_to_evidence(self, match: Match) -> None:
        """Attach the review's URL to the selected claim (stance context, with a note)."""
        claim = self.window.detail.claim
        store = self.window.store
        if claim is None or store is None or not match.review.url:
            return
        if any(e.url == match.review.url for e in store.evidence.all(claim.id)):
            self.window.detail.show_message("This claim already cites that fact-check.")
            return
        command = commands.AddEvidenceCommand(
            store, claim.id, match.review.url, Stance.CONTEXT, evidence_note(match)
        )
        if not self.window.run_command(command, refused=self.window.detail.show_message):
            return
        self._say("Added to the claim's evidence (context); Ctrl+Z undoes it.")

    def _say(self, text: str) -> None:
        self.window.say(text)
