"""Starting the window: the demo project and the offscreen screenshot."""

from __future__ import annotations

import os
import struct
import subprocess
import sys


def png_size(path):
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_screenshot_renders_the_window_offscreen(seed_project, tmp_path):
    out = tmp_path / "shot.png"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "WORKBENCH_DATA_DIR": str(tmp_path / "data"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "open", str(seed_project), "--screenshot", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert png_size(out) == (1400, 900)
    assert out.stat().st_size > 50_000  # a real picture, not an empty frame


def test_demo_project_is_created_once_then_reopened(qtbot):
    from workbench.ops import demo_project_path
    from workbench.ui.app import open_or_create_demo
    from workbench.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert not demo_project_path().exists()
    with qtbot.waitSignal(window.project_opened, timeout=60000):
        open_or_create_demo(window)  # the window is usable while the worker creates it
    assert demo_project_path().exists()
    assert window.claim_list.proxy.rowCount() > 0
    created = demo_project_path().stat().st_mtime_ns
    window._close_store()
    second = MainWindow()
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.project_opened, timeout=10000):
        open_or_create_demo(second)
    assert demo_project_path().stat().st_mtime_ns >= created
    assert second.claim_list.proxy.rowCount() == window.claim_list.proxy.rowCount()
    second._close_store()


def test_window_appears_before_its_panels_and_the_project(qtbot, seed_project):
    """start_window shows the frame at once; panels, then the claims, follow it."""
    from workbench.ui.app import start_window

    window = start_window(seed_project)
    qtbot.addWidget(window)
    assert window.isVisible() and not window.built and window.store is None
    with qtbot.waitSignal(window.claims_shown, timeout=30000) as shown:
        pass
    assert window.built and shown.args[0] == window.claim_list.proxy.rowCount() > 0
    window.jobs.wait_all()
    window._close_store()


def test_a_refused_file_leaves_the_started_window_empty_and_says_why(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from workbench.ui.app import start_window

    bad = tmp_path / "bad.fcw"
    bad.write_bytes(b"not a project at all" * 10)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: shown.append(text))
    window = start_window(bad)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "not a Fact-Check Workbench project" in shown[0]
    assert window.store is None and window.isVisible()
    assert bad.read_bytes() == b"not a project at all" * 10
    window.jobs.wait_all()


def test_dark_theme_recolours_the_window_and_the_claim_tints(window, qtbot):
    from PySide6.QtWidgets import QApplication

    from workbench.ui.theme import apply_theme, palette_is_dark, theme_choice

    app = QApplication.instance()
    view = window.article_view.text
    claim = window.store.claims.all()[-1]
    light_tint = view.highlight_at(claim.start)
    try:
        window.actions["theme_dark"].trigger()
        assert theme_choice() == "dark" and palette_is_dark(app.palette())
        qtbot.waitUntil(lambda: palette_is_dark(view.palette()))
        dark_tint = view.highlight_at(claim.start)
        assert dark_tint is not None and dark_tint != light_tint
        assert dark_tint.lightness() < 128  # light text on it stays legible
    finally:
        apply_theme(app, "light")
    assert not palette_is_dark(app.palette())


def test_only_a_linux_machine_without_a_display_draws_offscreen():
    from workbench.ui.app import no_display

    assert no_display({}, "linux")
    assert not no_display({"DISPLAY": ":0"}, "linux")
    assert not no_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    # Windows and macOS have no DISPLAY variable, and always a window platform of their own.
    assert not no_display({}, "win32")
    assert not no_display({}, "darwin")


def test_article_header_names_the_file_whatever_the_separators(qtbot):
    from workbench.core.models import Article
    from workbench.ui.article_view import ArticleView

    view = ArticleView()
    qtbot.addWidget(view)
    for source in (r"C:\Users\Ana\Desktop\budget-article.txt", "/home/ana/budget-article.txt"):
        view.set_article(Article(title="Budget", text="Budget\n\nText.", imported_from=source))
        shown = view.header.text() + " " + view.source.text()  # title, then the source line
        assert "budget-article.txt" in shown
        assert "Users" not in shown and "home" not in shown
