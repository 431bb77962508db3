"""Helpers shared by the window tests of issue 14 (layout, keyboard, feedback)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication


def long_article(tmp_path: Path, seed_path: Path, copies: int = 3) -> Path:
    """The sample article three times over: about thirty claims to list."""
    text = seed_path.read_text(encoding="utf-8")
    article = tmp_path / "long.txt"
    article.write_text("\n\n".join([text] * copies), encoding="utf-8")
    return article


def open_window(qtbot, project: Path, size: tuple[int, int]):
    """A fresh main window of ``size`` on ``project``, laid out as a user sees it."""
    from workbench.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_project(project)
    settle()
    return window


def settle(rounds: int = 5) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def rows_fully_visible(table) -> int:
    """Rows of the table whose whole height is inside its viewport."""
    viewport = table.viewport().height()
    model = table.model()
    return sum(
        1
        for row in range(model.rowCount())
        if table.rowViewportPosition(row) >= 0
        and table.rowViewportPosition(row) + table.rowHeight(row) <= viewport
    )


def wcag(a: str, b: str) -> float:
    """The WCAG 2 contrast ratio of two #rrggbb colours, written out here independently
    of the code under test (relative luminance of sRGB)."""

    def lum(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
