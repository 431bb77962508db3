"""The window's fetch worker pool: ``CapturePool`` wrapped in Qt signals.

The pool fetches on its own threads and records captures through its own
``ProjectStore`` connection (never the window's). Each result comes back to the
UI thread as ``captured(CaptureOutcome)`` through a queued signal, so the window
only ever reads: it never waits for the network or for a capture to be written.
"""

from __future__ import annotations

import threading
from collections import deque
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot

from workbench.evidence.pool import CaptureOutcome, CapturePool
from workbench.evidence.settings import FetchSettings


class EvidenceFetcher(QObject):
    """Fetches evidence URLs of one project in the background (see module docstring)."""

    captured = Signal(object)  # CaptureOutcome, delivered on the UI thread
    busy_changed = Signal(int)  # how many URLs are queued or being fetched
    _arrived = Signal()  # "the inbox has results", emitted on the pool's writer thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool: CapturePool | None = None
        self._busy: set[str] = set()
        self.project: Path | None = None
        self.settings = FetchSettings()
        # Results wait in an inbox; the writer thread posts one wake-up per batch, so a
        # burst of results is one short visit to the UI thread, not hundreds of events
        # queued ahead of the user's clicks and key presses.
        self._inbox: deque[tuple[CapturePool, CaptureOutcome]] = deque()
        self._inbox_lock = threading.Lock()
        # Queued: the slot runs on this object's (the UI) thread, whatever thread emits.
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def start(self, project: str | Path, settings: FetchSettings | None = None) -> None:
        """Serve ``project`` from now on (a running pool for another project is stopped)."""
        self.stop()
        self.project = Path(project)
        self.settings = settings or FetchSettings()

    def fetch(self, urls: list[str]) -> list[str]:
        """Queue ``urls`` (those already queued are skipped); returns those queued now."""
        if self.project is None:
            return []
        if self._pool is None:  # started on first use: a project that never fetches costs nothing
            pool = CapturePool(self.project, self.settings)
            pool.on_result = lambda outcome, pool=pool: self._post(pool, outcome)
            self._pool = pool
        queued = self._pool.submit(urls)
        if queued:
            self._busy.update(queued)
            self.busy_changed.emit(len(self._busy))
        return queued

    def busy(self) -> set[str]:
        """The URLs queued or being fetched (as the UI thread knows them)."""
        return set(self._busy)

    def stop(self) -> None:
        """Drop what is queued (it stays pending in the file) and let the writer finish."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.close(wait=False)
        if self._busy:
            self._busy.clear()
            self.busy_changed.emit(0)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the pool is idle (benchmarks and tests only: the window never waits)."""
        return self._pool.wait(timeout) if self._pool is not None else True

    def _post(self, pool: CapturePool, outcome: CaptureOutcome) -> None:
        """On the writer thread: put a result in the inbox, waking the UI thread if needed."""
        with self._inbox_lock:
            wake = not self._inbox
            self._inbox.append((pool, outcome))
        if wake:
            self._arrived.emit()

    @Slot()
    def _deliver(self) -> None:
        with self._inbox_lock:
            batch = list(self._inbox)
            self._inbox.clear()
        for pool, outcome in batch:
            if pool is self._pool:  # not a straggler from a stopped pool
                self._busy.discard(outcome.url)
                self.captured.emit(outcome)
        self.busy_changed.emit(len(self._busy))
