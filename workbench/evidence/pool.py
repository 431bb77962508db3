"""Capturing many URLs at once: several fetching threads, one writing thread.

Fetching is waiting on the network, so several pages are fetched at a time. All
results are recorded by one writer thread through a ``ProjectStore`` connection
of its own (never the window's), a batch per transaction, the way Anki funnels
its database work through one worker. Plain Python: the window wraps it in Qt
signals (``workbench.ui.evidence_fetch``), the command line uses it as it is.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.core.models import Capture, CaptureStatus
from workbench.evidence.fetch import FetchResult, fetch
from workbench.evidence.settings import FetchSettings

_STOP = object()
BATCH = 32  # results recorded per transaction at most


@dataclass
class CaptureOutcome:
    """What became of one URL: the capture, and whether it reached the project file."""

    url: str
    capture: Capture
    stored: bool = True
    store_error: str = ""

    @property
    def ok(self) -> bool:
        return (
            self.stored
            and self.capture.status is CaptureStatus.CAPTURED
            and self.capture.sha256 != ""
        )


Fetcher = Callable[..., FetchResult]


class CapturePool:
    """Fetch URLs on ``settings.workers`` threads and record each result in ``project``.

    ``on_result`` is called on the writer thread after each result is committed
    (or could not be). A URL already queued or being fetched is not queued twice.
    """

    def __init__(
        self,
        project: str | Path,
        settings: FetchSettings | None = None,
        *,
        on_result: Callable[[CaptureOutcome], None] | None = None,
        fetcher: Fetcher = fetch,
    ) -> None:
        self.project = Path(project)
        self.settings = settings or FetchSettings()
        self.on_result = on_result
        self._fetcher = fetcher
        self._tasks: queue.Queue = queue.Queue()
        self._results: queue.Queue = queue.Queue()
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._in_flight: set[str] = set()
        self._closing = threading.Event()
        self._done = 0
        # Daemon threads: a page still downloading when the program ends is simply
        # not recorded (its evidence stays pending); nothing half-written is possible
        # because only the writer writes, and it is joined on close.
        self._fetchers = [
            threading.Thread(target=self._fetch_loop, name=f"fetch-{i}", daemon=True)
            for i in range(self.settings.workers)
        ]
        self._writer = threading.Thread(target=self._write_loop, name="capture-writer", daemon=True)
        for thread in (*self._fetchers, self._writer):
            thread.start()

    # -- asking ----------------------------------------------------------------------
    def submit(self, urls: Iterable[str]) -> list[str]:
        """Queue ``urls``; returns those actually queued (not already in flight)."""
        queued = []
        with self._lock:
            if self._closing.is_set():
                return []
            for url in urls:
                if url not in self._in_flight:
                    self._in_flight.add(url)
                    queued.append(url)
        for url in queued:
            self._tasks.put(url)
        return queued

    def in_flight(self) -> set[str]:
        with self._lock:
            return set(self._in_flight)

    @property
    def done(self) -> int:
        """How many results have been recorded (or failed to be) so far."""
        return self._done

    def wait(self, timeout: float | None = None) -> bool:
        """Block until nothing is queued or being fetched; False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: not self._in_flight, timeout)

    def close(self, *, wait: bool = True, timeout: float = 10.0) -> None:
        """Stop. ``wait``: finish what is queued first; else drop the queue (it stays pending)."""
        if wait:
            self.wait()
        with self._lock:
            self._closing.set()
        # Empty the queue: those URLs stay pending in the file, to be fetched another time.
        while True:
            try:
                url = self._tasks.get_nowait()
            except queue.Empty:
                break
            if url is not None:
                self._forget(url)
        for _ in self._fetchers:
            self._tasks.put(None)
        self._results.put(_STOP)
        self._writer.join(timeout)

    def __enter__(self) -> CapturePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(wait=exc[0] is None)

    # -- threads ---------------------------------------------------------------------
    def _fetch_loop(self) -> None:
        while True:
            url = self._tasks.get()
            if url is None:
                return
            if self._closing.is_set():
                self._forget(url)
                continue
            try:
                result = self._fetcher(url, self.settings, cancelled=self._closing.is_set)
            except Exception as exc:  # a bug must not kill the thread and hang wait()
                result = FetchResult(
                    Capture(url=url, status=CaptureStatus.FAILED, error=f"internal error: {exc}")
                )
            result.capture.url = url
            self._results.put(result)

    def _write_loop(self) -> None:
        from workbench.store import ProjectStore  # the only place this module touches the file

        store = None
        try:
            while True:
                batch = self._next_batch()
                if not batch:
                    return
                error = ""
                try:
                    if store is None:
                        store = ProjectStore.open(self.project)
                    store.captures.add_many([(r.capture, r.body) for r in batch])
                except WorkbenchError as exc:
                    error = str(exc)
                except Exception as exc:  # reported per URL, never a dead writer
                    error = f"{type(exc).__name__}: {exc}"
                self._report(batch, error)
        finally:
            if store is not None:
                store.close()

    def _next_batch(self) -> list[FetchResult]:
        """The results waiting (at least one, at most ``BATCH``); [] when the pool closes."""
        first = self._results.get()
        if first is _STOP:
            return []
        batch = [first]
        while len(batch) < BATCH:
            try:
                item = self._results.get_nowait()
            except queue.Empty:
                break
            if item is _STOP:
                self._results.put(_STOP)
                break
            batch.append(item)
        return batch

    def _report(self, batch: list[FetchResult], error: str) -> None:
        for result in batch:
            outcome = CaptureOutcome(result.capture.url, result.capture, not error, error)
            if self.on_result is not None:
                # A listener's bug must not stop the recording.
                with contextlib.suppress(Exception):
                    self.on_result(outcome)
            self._forget(result.capture.url)

    def _forget(self, url: str) -> None:
        with self._idle:
            self._in_flight.discard(url)
            self._done += 1
            self._idle.notify_all()
