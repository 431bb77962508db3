"""The library's background thread for the window: one connection, one matcher, a queue.

The sentence model and the vectors in memory are worth keeping loaded, so the
window has one long-lived thread (not a worker per request) that owns the library
file's connection and the ``Matcher``; it never shares either. Requests are plain
data; results go to ``on_event(kind, payload)``, called on this thread (the Qt
wrapper, ``ui/library_controller.py``, posts them to the UI thread). Work is done
in this order: syncing a project's rated claims, the selected claim's matches,
the claim list's markers (a few claims at a time, so a new selection never waits
long), then computing missing sentence vectors while nothing else is asked.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.errors import WorkbenchError

if TYPE_CHECKING:
    from workbench.library.matcher import Matcher
    from workbench.store.library import LibraryStore

MARK_CHUNK = 8
INDEX_CHUNK = 64
MIN_SCORE = 0.05  # below this a "match" is noise: not shown

Event = Callable[[str, object], None]


class LibraryService:
    """See the module docstring. ``stop()`` ends the thread (and closes the library)."""

    def __init__(
        self, on_event: Event, path: str | Path | None = None, *, index: bool = True
    ) -> None:
        self.on_event = on_event
        self.path = path
        self.auto_index = index
        self._cond = threading.Condition()
        self._syncs: list[str] = []
        self._match: tuple[int, str, str, str] | None = None
        self._marks: list[tuple[int, str, str, str]] = []
        self._stopping = False
        self._library: LibraryStore | None = None
        self._matcher: Matcher | None = None
        self._indexed_all = False
        self._thread = threading.Thread(target=self._run, name="library", daemon=True)
        self._thread.start()

    # -- requests (any thread) -------------------------------------------------------------
    def match(self, claim_id: int, text: str, exclude_key: str = "", claimant: str = "") -> None:
        """Match one claim; replaces a pending request that has not started."""
        with self._cond:
            self._match = (claim_id, text, exclude_key, claimant)
            self._cond.notify()

    def marks(self, items: list[tuple[int, str, str, str]]) -> None:
        """Best matches for these claims: (id, text, exclude key, claimant); replaces the
        pending list."""
        with self._cond:
            self._marks = list(items)
            self._cond.notify()

    def sync_project(self, path: str | Path) -> None:
        with self._cond:
            if str(path) not in self._syncs:
                self._syncs.append(str(path))
            self._cond.notify()

    def stop(self, timeout: float = 10.0) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify()
        self._thread.join(timeout)

    # -- the thread ------------------------------------------------------------------------
    def _next(self) -> tuple[str, object] | None:
        with self._cond:
            while True:
                if self._stopping:
                    return None
                if self._syncs:
                    return ("sync", self._syncs.pop(0))
                if self._match is not None:
                    job, self._match = self._match, None
                    return ("match", job)
                if self._marks:
                    chunk, self._marks = self._marks[:MARK_CHUNK], self._marks[MARK_CHUNK:]
                    return ("marks", chunk)
                if self.auto_index and not self._indexed_all and self._library is not None:
                    return ("index", None)
                self._cond.wait()

    def _open(self) -> Matcher:
        if self._library is None or self._matcher is None:
            from workbench.library.matcher import Matcher
            from workbench.store.library import LibraryStore

            self._library = library = LibraryStore(self.path)
            self._matcher = Matcher(library)
            self.on_event("ready", library.stats())
        return self._matcher

    def _run(self) -> None:
        try:
            while (job := self._next()) is not None:
                kind, payload = job
                try:
                    matcher = self._open()
                    getattr(self, f"_do_{kind}")(matcher, payload)
                except WorkbenchError as exc:
                    self.on_event("failed", str(exc))
                    if self._library is None:
                        return  # the library cannot be opened: nothing else will work
                except Exception as exc:  # one line in the window, never a dead thread
                    self.on_event("failed", f"{type(exc).__name__}: {exc}")
                    self._indexed_all = True
        finally:
            if self._library is not None:
                self._library.close()

    def _do_sync(self, matcher: Matcher, path: str) -> None:
        from workbench.library.sync import rated_signature, sync_store
        from workbench.store import ProjectStore

        with ProjectStore.open(path, readonly=True) as store:
            signature = rated_signature(store)
            kept, removed = sync_store(matcher.library, store)
        self._indexed_all = False
        self.on_event(
            "synced",
            {
                "project": path,
                "rated": kept,
                "removed": removed,
                "signature": signature,
                "stats": matcher.library.stats(),
            },
        )

    def _do_match(self, matcher: Matcher, job: tuple[int, str, str, str]) -> None:
        claim_id, text, exclude, claimant = job
        found = matcher.match(text, exclude_key=exclude, claimant=claimant, min_score=MIN_SCORE)
        self.on_event("matched", (claim_id, text, found))

    def _do_marks(self, matcher: Matcher, chunk: list[tuple[int, str, str, str]]) -> None:
        best = {}
        for claim_id, text, exclude, claimant in chunk:
            found = matcher.match(
                text, k=1, exclude_key=exclude, claimant=claimant, min_score=MIN_SCORE
            )
            best[claim_id] = (text, found[0] if found else None)
        self.on_event("marks", best)

    def _do_index(self, matcher: Matcher, _payload: object) -> None:
        if matcher.embedder is None:
            self._indexed_all = True
            return
        model = matcher.embedder.model_id
        if not matcher.library.count_missing_vectors(model):
            self._indexed_all = True
            return
        done = matcher.index(batch=INDEX_CHUNK, max_batches=1)
        left = matcher.library.count_missing_vectors(model)
        self.on_event("indexing", (done, left))
        if not left:
            self._indexed_all = True
            self.on_event("indexed", matcher.library.stats())
