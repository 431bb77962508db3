"""A guard on the Qt binding itself: the window emits signals by the thousand."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Source(QObject):
    fired = Signal(object)


def test_emitting_signals_keeps_python_booleans_alive():
    """PySide6 6.12.0 dropped a reference to ``True`` at every ``emit()`` from Python.

    On Python 3.11 (where ``True`` is an ordinary object) a few hundred emits, such as
    a capture pool's results, then aborted the interpreter ("bool_dealloc"). The
    version is excluded in pyproject.toml; this test fails if such a build comes back.
    """
    source = _Source()
    heard: list[int] = []
    source.fired.connect(heard.append)
    before = sys.getrefcount(True)
    for i in range(200):
        source.fired.emit(i)
    assert heard == list(range(200))
    assert sys.getrefcount(True) >= before - 10
