"""One deadline for a whole HTTP exchange: connecting, the status line, headers and body.

requests' timeouts apply to each socket operation: a server that sends one byte of
its headers every few seconds never trips them, and keeps a fetch going forever.
Here every socket a fetch opens is registered with the fetch's ``Deadline``; when the
deadline passes, one watchdog thread shuts those sockets down, which wakes the
blocked read at once (it fails, and the fetch reports the time limit). Name
resolution is the only step a shut-down socket cannot cut short.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import socket
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

if TYPE_CHECKING:
    import requests

_local = threading.local()


class Deadline:
    """A point in time after which the sockets of one fetch are shut down."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            if self.expired:
                _shut(sock)
            else:
                self._sockets.append(sock)

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _shut(sock)

    @contextlib.contextmanager
    def active(self) -> Iterator[Deadline]:
        """Sockets opened by this thread inside the block are bound by the deadline."""
        previous = getattr(_local, "deadline", None)
        _local.deadline = self
        entry = _watchdog.watch(self)
        try:
            yield self
        finally:
            _watchdog.forget(entry)
            _local.deadline = previous
            with self._lock:
                self._sockets.clear()


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class _Watchdog:
    """One thread for every deadline: it sleeps until the earliest one is due."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Deadline]] = []
        self._cancelled: set[int] = set()
        self._counter = itertools.count()
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None

    def watch(self, deadline: Deadline) -> int:
        entry = next(self._counter)
        with self._wake:
            heapq.heappush(self._heap, (deadline.at, entry, deadline))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="fetch-deadlines", daemon=True
                )
                self._thread.start()
            self._wake.notify()
        return entry

    def forget(self, entry: int) -> None:
        with self._wake:
            self._cancelled.add(entry)
            self._wake.notify()

    def _run(self) -> None:
        with self._wake:
            while True:
                while self._heap and self._heap[0][1] in self._cancelled:
                    self._cancelled.discard(heapq.heappop(self._heap)[1])
                if not self._heap:
                    self._wake.wait(30)
                    if not self._heap:
                        self._thread = None
                        return
                    continue
                due, entry, deadline = self._heap[0]
                wait = due - time.monotonic()
                if wait > 0:
                    self._wake.wait(wait)
                    continue
                heapq.heappop(self._heap)
                self._wake.release()
                try:
                    deadline.expire()
                finally:
                    self._wake.acquire()


_watchdog = _Watchdog()


def _register(sock: socket.socket) -> socket.socket:
    deadline = getattr(_local, "deadline", None)
    if deadline is not None:
        deadline.add(sock)
    return sock


class _HTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        return _register(super()._new_conn())


class _HTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        return _register(super()._new_conn())


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


class DeadlineAdapter(HTTPAdapter):
    """A requests adapter whose connections obey the calling thread's active ``Deadline``."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}


def mount(session: requests.Session) -> None:
    """Make every request of ``session`` obey the active deadline of its thread."""
    session.mount("http://", DeadlineAdapter())
    session.mount("https://", DeadlineAdapter())
