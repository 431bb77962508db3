"""Damaged project files: every command ends in success or a one-line refusal, and a
refused file (and everything beside it) is left byte for byte as it was."""

from __future__ import annotations

from tests.reliability import harness


def commands(path, out_dir, full: bool) -> list[list[str]]:
    """A read (``info``), a write (``verdict``) and, in the full run, an export."""
    chosen = [
        ["info", str(path)],
        ["verdict", str(path), "--claim", "1", "--label", "False"],
    ]
    if full:
        chosen.append(["export", str(path), "--format", "json", "-o", str(out_dir / "out.json")])
    return chosen


def test_damaged_project(project_case, base_project, tmp_path, record, full):
    folder = tmp_path / "case"
    folder.mkdir()
    path = project_case.make(base_project, folder)
    before = harness.folder_state(folder)
    failures = []
    for args in commands(path, tmp_path, full):
        outcome = harness.run(*args, timeout=60)
        problems = harness.check_contract(outcome, memory_mb=1024)
        after = harness.folder_state(folder)
        wrote = args[0] == "verdict" and outcome.status == 0
        modified = not wrote and after != before
        if modified:
            changed = sorted(set(before.items()) ^ set(after.items()))
            problems.append(f"folder changed: {changed}")
        expected = {"refuse": 1, "open": 0}.get(project_case.expect)
        if expected is not None and outcome.status != expected:
            problems.append(f"expected exit status {expected}")
        record("projects", project_case.name, outcome, problems, modified)
        if problems:
            failures.append(f"{outcome.describe()}: {problems}")
        if wrote:  # a write was accepted: the file must still be a healthy project
            check = harness.run("info", str(path), timeout=60)
            if check.status != 0:
                failures.append(f"after the write: {check.describe()}")
            before = harness.folder_state(folder)
    assert not failures, "\n".join(failures)
