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
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKBENCH_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "open", str(seed_project), "--screenshot", str(out)],
        capture_output=True, text=True, env=env, timeout=120,
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
