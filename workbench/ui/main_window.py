"""The main window: the article on the left, the claims and the selected claim on the right.

A controller over passive panels: it owns the open ``ProjectStore`` and the
``QUndoStack``, turns the panels' requests into undo commands (``claim_actions.py``,
``undo.py``, and the curation, evidence and library controllers), and after each
committed transaction refreshes what the store's ``Changes`` value says it touched.
Layout, zoom and keyboard are in ``window_layout.py``; the dialogs it keeps open in
``window_dialogs.py``; menus and toolbar are built from a table in ``menus.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QProgressBar

from workbench.core.errors import WorkbenchError
from workbench.ui.claim_actions import ClaimActions
from workbench.ui.theme import settings
from workbench.ui.undo import UndoMixin
from workbench.ui.window_dialogs import WindowDialogs
from workbench.ui.window_layout import WindowLayout
from workbench.ui.workers import JobRunner, Worker

if TYPE_CHECKING:
    # Loaded when the panels are built, after the window first appears (see ``deferred``);
    # the store (and sqlite-utils) load when a project opens.
    from workbench.core.changes import Changes
    from workbench.core.models import Claim
    from workbench.store import ProjectStore

MAX_RECENT = 8
MESSAGE_MS = 8000  # how long a status-bar message stays (a newer one replaces it at once)
NOTICE_MS = 15000  # a message that tells of a side effect stays longer


class MainWindow(ClaimActions, UndoMixin, WindowDialogs, WindowLayout, QMainWindow):
    """One window, one project at a time."""

    project_opened = Signal(str)
    claims_shown = Signal(int)

    def __init__(self, *, deferred: bool = False) -> None:
        """The window; with ``deferred``, its panels are built just after it first appears."""
        super().__init__()
        self.store: ProjectStore | None = None
        self.article_id: int | None = None
        self.built = False
        self._zoom = 0  # steps from 100 % (see ZOOM_LEVELS)
        self._default_split_pending = False
        self.last_message = ""
        self._notice = ""  # see tell_notice()
        self._after_paint: list[Callable[[], None]] = []
        self.undo_stack = QUndoStack(self)
        self.jobs = JobRunner(self)
        self.setWindowTitle("Fact-Check Workbench")
        self.setAccessibleName("Fact-Check Workbench")
        self._build_status_bar()
        self._restore_geometry()
        if deferred:
            self.path_label.setText("Starting…")
            self.after_first_paint(self._build_panels)
        else:
            self._build_panels()

    def _build_panels(self) -> None:
        """The article, the claim list and the detail, with the menus that act on them."""
        if self.built:
            return
        from workbench.ui.curation import CurationFlows
        from workbench.ui.evidence_controller import EvidenceController
        from workbench.ui.library_controller import LibraryController
        from workbench.ui.menus import build_menus
        from workbench.ui.workshop_menu import ParticipantMode

        self._build_layout()
        self.curation = CurationFlows(self)
        self.actions = build_menus(self)
        self.workshop_mode = ParticipantMode(self, self.actions)
        self.workshop_mode.refresh()
        self._connect_panels()
        self.jobs.started.connect(self._job_started)
        self.jobs.ended.connect(self._job_ended)
        self.evidence = EvidenceController(self)
        self.library = LibraryController(self)
        self._set_tab_order()
        self.undo_stack.indexChanged.connect(self._sync_undo_actions)
        for widget in (self.detail.text, self.detail.rationale):
            widget.textChanged.connect(self._sync_undo_actions)
        self.detail.claimant.textEdited.connect(self._sync_undo_actions)
        self._sync_undo_actions()
        self._restore_splitters()
        self.path_label.setText("")
        self.built = True
        if self._default_split_pending and self.isVisible():
            # Built after the window appeared (``deferred``, as the app starts): the
            # showEvent that lays out a first opening has passed, so lay it out now.
            QTimer.singleShot(0, self._layout_if_pending)

    def _layout_if_pending(self) -> None:
        if self._default_split_pending:
            self.default_layout()

    def _connect_panels(self) -> None:
        """The panels' requests, each to the window method that acts on it."""
        self.claim_list.claim_selected.connect(self.select_claim)
        self.claim_list.search_changed.connect(self._search)
        self.claim_list.table.verdict_key_pressed.connect(self.rate_by_number)
        self.claim_list.table.delete_pressed.connect(self.drop_claim)
        self.claim_list.table.open_pressed.connect(self.edit_wording)
        self.article_view.text.claim_clicked.connect(self.claim_list.select_claim)
        self.article_view.text.new_claim_requested.connect(self.new_claim)
        self.article_view.text.span_change_requested.connect(self.set_span)
        self.detail.edit_requested.connect(self.edit_claim)
        self.detail.leave_requested.connect(self.claim_list.table.setFocus)
        self.detail.cancelled.connect(self.say)
        self.right.splitterMoved.connect(lambda *_: self._detail_toggled_by_splitter())
        self.detail.text_edited.connect(self.edit_text)
        self.detail.undo_requested.connect(self.undo)
        self.detail.redo_requested.connect(self.redo)
        self.article_switch.activated.connect(
            lambda: self.show_article(self.article_switch.currentData())
        )

    # -- start-up --------------------------------------------------------------------
    def after_first_paint(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the window has been painted (or after 300 ms at most).

        Opening a project loads the store and fills the panels: done after the first
        paint, the window appears at once and the claims a moment later.
        """
        self._after_paint.append(callback)
        QTimer.singleShot(300, self._run_after_paint)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self._after_paint:
            QTimer.singleShot(0, self._run_after_paint)

    def _run_after_paint(self) -> None:
        callbacks, self._after_paint = self._after_paint, []
        for callback in callbacks:
            callback()

    # -- status bar ------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.path_label = QLabel()
        self.path_label.setAccessibleName("Project file")
        self.counts_label = QLabel()
        self.counts_label.setAccessibleName("Claim counts")
        self.jobs_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setAccessibleName("Background job progress")
        self.progress.hide()
        bar.addWidget(self.path_label, 1)
        bar.addPermanentWidget(self.counts_label)
        bar.addPermanentWidget(self.jobs_label)
        bar.addPermanentWidget(self.progress)

    def say(self, text: str, ms: int | None = None) -> None:
        """Tell the user what an action did, in the status bar; the message expires.

        A newer message replaces the old one at once, so nothing stale lingers.
        """
        notice = self._notice
        if notice and text and notice not in text:
            # What the action did also changed a claim's status: keep saying that too.
            text, ms = f"{text} {notice}", max(ms or MESSAGE_MS, NOTICE_MS)
        self.last_message = text
        self.statusBar().showMessage(text, MESSAGE_MS if ms is None else ms)

    def tell_notice(self, notice: str) -> None:
        """A side effect of the action being done (a done claim moved back to "in progress"):
        said now, and kept in the message the action itself then says."""
        self._notice = notice
        self.say(notice, NOTICE_MS)
        QTimer.singleShot(0, lambda: setattr(self, "_notice", ""))

    def _update_counts(self) -> None:
        if self.store is None:
            self.counts_label.setText("")
            return
        counts = self.store.claims.counts()
        verdicts = ", ".join(f"{n} {v}" for v, n in sorted(counts["by_verdict"].items()))
        statuses = ", ".join(
            f"{n} {s.replace('_', ' ')}" for s, n in sorted(counts["by_status"].items())
        )
        self.counts_label.setText(
            f"{counts['claims']} claims · {statuses} · {verdicts} · {counts['evidence']} evidence"
        )

    # -- projects --------------------------------------------------------------------
    def open_project(self, path: str | Path) -> bool:
        """Open a project; on failure show why and keep the current one open."""
        from workbench.store import ProjectStore

        self._build_panels()
        path = Path(path)
        store = None
        try:
            store = ProjectStore.open(path)
            # A damaged value in a large file is found when it is first read: read what
            # the window shows before giving up the project that is open now.
            store.settings.title(), store.scale.get(), store.articles.all(), store.claims.all()
        except WorkbenchError as exc:
            if store is not None:
                store.close()
            QMessageBox.warning(self, "Cannot open project", str(exc))
            return False
        self._close_store()
        self.store = store
        store.source = "window"
        self.store.subscribe(self._store_changed)
        self.undo_stack.clear()
        self.setWindowTitle(f"{store.settings.title()} — Fact-Check Workbench")
        self.path_label.setText(str(path))
        scale = store.scale.get()
        self.detail.set_scale(scale)
        self.claim_list.set_scale(scale)
        self._fill_article_switch()
        articles = store.articles.all()
        self.show_article(articles[0].id if articles else None)
        self._remember_recent(path)
        self.project_opened.emit(str(path))
        return True

    def _close_store(self) -> None:
        if self.store is not None:
            self.detail.save_text_fields()
            self.evidence.stop()
            self.store.unsubscribe(self._store_changed)
            self.store.close()
            self.store = None

    def _fill_article_switch(self) -> None:
        self.article_switch.clear()
        replaced = self.store.articles.versions()
        for article in self.store.articles.all():
            suffix = " (earlier version)" if article.id in replaced else ""
            self.article_switch.addItem(article.title[:60] + suffix, article.id)

    def show_article(self, article_id: int | None) -> None:
        self.article_id = article_id
        article = self.store.articles.get(article_id) if article_id is not None else None
        self.article_view.set_article(article)
        index = self.article_switch.findData(article_id)
        if index >= 0:
            self.article_switch.setCurrentIndex(index)
        self.reload_claims()

    def reload_claims(self) -> None:
        """Refill the list and the highlights from the store (after bulk changes)."""
        if self.store is None:
            return
        claims = self.store.claims.all(self.article_id) if self.article_id is not None else []
        keep = self.claim_list.current_claim_id()
        scale = self.store.scale.get()
        self.claim_list.model.set_claims(claims, scale)
        self.article_view.text.set_claims(claims, scale)
        self._search(self.claim_list.search.text())
        if keep is not None and self.claim_list.model.row_of(keep) is not None:
            self.claim_list.select_claim(keep)
        else:
            self.select_claim(None)
        self._update_counts()
        self.claims_shown.emit(len(claims))

    def _store_changed(self, changes: Changes) -> None:
        """One committed transaction: each panel refreshes what ``changes`` says it touched."""
        if changes.articles and self._articles_changed():
            return
        if changes.scale:
            scale = self.store.scale.get()
            self.detail.set_scale(scale)
            self.claim_list.set_scale(scale)
            self.reload_claims()
            return
        if changes.claim_rows:
            self.reload_claims()
            return
        updated = list(changes.claims_updated)
        if updated:
            claims = self.store.claims.by_ids(updated)
            for claim in claims:
                self.claim_list.model.update_claim(claim)
            self.article_view.text.update_claims(
                [c for c in claims if c.article_id == self.article_id]
            )
        detail = self.detail.claim.id if self.detail.claim else None
        if detail is not None and (
            detail in updated or changes.evidence_changed_for(detail) or changes.settings
        ):
            self._show_detail(detail)
        self._update_counts()

    def _articles_changed(self) -> bool:
        """Articles came or went: refill the switch; True if the shown one went (all re-shown)."""
        self._fill_article_switch()
        current = {a.id for a in self.store.articles.all()}
        if self.article_id not in current:
            articles = self.store.articles.current()
            self.show_article(articles[-1].id if articles else None)
            return True
        return False

    # -- selection -------------------------------------------------------------------
    def select_claim(self, claim_id: int | None) -> None:
        if claim_id is not None and self.claim_list.current_claim_id() != claim_id:
            self.claim_list.select_claim(claim_id)
            return
        self.article_view.text.set_selected(claim_id)
        self._show_detail(claim_id)

    def _show_detail(self, claim_id: int | None) -> None:
        if self.store is None or claim_id is None:
            self.detail.set_claim(None, [])
            return
        claim = self.store.claims.get(claim_id)
        self.detail.set_claim(claim, self.store.evidence.all(claim_id))
        self.detail.set_missing(self.store.done.missing(claim))

    def current_claim(self) -> Claim | None:
        claim_id = self.claim_list.current_claim_id()
        return self.store.claims.get(claim_id) if (self.store and claim_id is not None) else None

    def _search(self, text: str) -> None:
        if self.store is None:
            return
        self.claim_list.proxy.set_search_ids(
            self.store.search.claim_ids(text) if text.strip() else None
        )

    # -- background jobs -------------------------------------------------------------
    def _job_started(self, worker: Worker) -> None:
        worker.progressed.connect(self._job_progress)
        self._show_jobs()

    def _job_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _job_ended(self, _worker: Worker) -> None:
        self._show_jobs()

    def _show_jobs(self) -> None:
        running = self.jobs.running()
        self.jobs_label.setText(", ".join(w.title for w in running))
        self.progress.setVisible(bool(running))
        if running:
            self.progress.setRange(0, 0)

    # -- settings --------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = settings().value("geometry")
        if not (geometry and self.restoreGeometry(geometry)):
            self.resize(1400, 900)

    def recent_files(self) -> list[str]:
        return [p for p in (settings().value("recent", []) or []) if Path(p).exists()]

    def _remember_recent(self, path: Path) -> None:
        recent = [str(path)] + [p for p in self.recent_files() if p != str(path)]
        settings().setValue("recent", recent[:MAX_RECENT])

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        s = settings()
        s.setValue("geometry", self.saveGeometry())
        if self.built:
            s.setValue("splitter", self.splitter.saveState())
            s.setValue("right_splitter", self.right.saveState())
            s.setValue("detail_visible", self.detail.isVisible())
            s.setValue("zoom", self._zoom)
        self.jobs.wait_all()
        self._close_store()
        super().closeEvent(event)

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)
