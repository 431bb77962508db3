"""The architecture, checked: Qt only in workbench/ui, SQL only in workbench/store."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "workbench"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules_outside(folder: str):
    for path in sorted(PACKAGE.rglob("*.py")):
        if folder not in path.relative_to(PACKAGE).parts[:1]:
            yield path


def test_pyside6_is_imported_only_in_ui():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in _modules_outside("ui")
        if any(name == "PySide6" or name.startswith("PySide6.") for name in _imports(path))
    ]
    assert offenders == [], f"PySide6 imported outside workbench/ui: {offenders}"


def test_sqlite_is_used_only_in_store():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in _modules_outside("store")
        if {"sqlite3", "sqlite_utils"} & {name.split(".")[0] for name in _imports(path)}
    ]
    assert offenders == [], f"SQLite used outside workbench/store: {offenders}"


def test_headless_commands_do_not_load_qt():
    """Importing the command line and running a headless command never loads Qt."""
    code = (
        "import sys; from workbench.cli import build_parser; build_parser(); "
        "import workbench.ops, workbench.store; "
        "print('PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_layering_check_sees_a_violation(tmp_path):
    """The import scan would catch a Qt import (guards the guard)."""
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in _imports(bad)
