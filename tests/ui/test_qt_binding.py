"""The Qt binding itself must not corrupt the interpreter during a long session.

PySide6 6.12.0 drops a reference to ``None`` on every call of a method that returns
nothing (``QTextCursor.setPosition``, ``QLabel.setText``...). ``None``'s count runs
down and, after a few thousand calls, Python aborts with "deallocating None": the
window would die after minutes of work. ``pyproject.toml`` excludes that release;
this test fails if a binding with the bug is installed again.
"""

from __future__ import annotations

import sys

import pytest

pytest.importorskip("PySide6")


def test_void_calls_keep_the_reference_count_of_none(qapp):
    from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument
    from PySide6.QtWidgets import QLabel

    document = QTextDocument("a fact-checker's article " * 20)
    cursor = QTextCursor(document)
    label = QLabel()
    fmt = QTextCharFormat()
    before = sys.getrefcount(None)
    for _ in range(300):  # few enough that a buggy binding fails, not aborts
        cursor.setPosition(3)
        label.setText("claim")
        fmt.setFontUnderline(True)
    lost = before - sys.getrefcount(None)
    assert lost < 100, f"the Qt binding lost {lost} references to None in 900 void calls"
