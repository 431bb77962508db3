"""Starting the workbench as an app: the window launcher and the bundle's entry point."""

from __future__ import annotations

import sys
from pathlib import Path

from workbench import launch


def test_the_project_the_system_hands_over_is_found():
    assert launch.project_argument([]) is None
    assert launch.project_argument(["-psn_0_4711"]) is None  # what old macOS adds
    assert launch.project_argument(["-psn_0_4711", "/Users/ana/Ex - Ana.FCW"]) == Path(
        "/Users/ana/Ex - Ana.FCW"
    )
    assert launch.project_argument(["notes.txt"]) is None


def test_the_window_opens_the_file_it_was_given(monkeypatch):
    import workbench.ui.app as app

    opened = []
    monkeypatch.setattr(app, "run_app", lambda project: opened.append(project) or 0)
    assert launch.window_main(["-psn_0_1", r"C:\Users\Ana\exercise.fcw"]) == 0
    assert launch.window_main([]) == 0
    assert opened == [Path(r"C:\Users\Ana\exercise.fcw"), None]


def test_a_program_without_a_console_writes_to_a_log_file(monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    launch._quiet_streams()
    print("opening the demo project", file=sys.stderr)
    print("hello")
    sys.stderr.flush()
    log = (tmp_path / "logs" / "window-output.log").read_text(encoding="utf-8")
    assert log == "opening the demo project\nhello\n"
    sys.stderr.close()


def test_bundle_root_is_the_app_folder_or_the_mac_app(monkeypatch, tmp_path):
    assert launch.bundle_root() is None  # not frozen here
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    folder = tmp_path / "Fact-Check Workbench"
    folder.mkdir()
    monkeypatch.setattr(sys, "executable", str(folder / "workbench.exe"))
    assert launch.bundle_root() == folder
    mac = tmp_path / "Fact-Check Workbench.app" / "Contents" / "MacOS"
    mac.mkdir(parents=True)
    monkeypatch.setattr(sys, "executable", str(mac / "workbench"))
    assert launch.bundle_root() == tmp_path / "Fact-Check Workbench.app"


def test_the_bundle_program_name_chooses_window_or_command_line(monkeypatch):
    import workbench.cli

    called = []
    monkeypatch.setattr(launch, "window_main", lambda: called.append("window") or 0)
    monkeypatch.setattr(workbench.cli, "main", lambda: called.append("cli") or 0)
    monkeypatch.setattr(sys, "executable", f"/opt/app/{launch.GUI_PROGRAM}")
    launch.frozen_main()
    monkeypatch.setattr(sys, "executable", f"/opt/app/{launch.GUI_PROGRAM}.exe")
    launch.frozen_main()
    monkeypatch.setattr(sys, "executable", "/opt/app/workbench")
    launch.frozen_main()
    assert called == ["window", "window", "cli"]
