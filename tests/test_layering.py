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


# Lazy imports by module path: the import contracts (pyproject.toml, run by
# scripts/lint_imports.py in the test command) see them as imports.

ROOT = PACKAGE.parent
LINT_IMPORTS = ROOT / "scripts" / "lint_imports.py"


def _lazy_imports_of(package_dir: Path) -> set[tuple[str, str]]:
    from scripts.lint_imports import lazy_imports

    modules = {
        ".".join(path.relative_to(package_dir.parent).with_suffix("").parts).removesuffix(
            ".__init__"
        )
        for path in package_dir.rglob("*.py")
    }
    return {(lazy.importer, lazy.imported) for lazy in lazy_imports(package_dir, modules)}


def test_lazy_imports_by_module_path_are_found():
    """The PDF format named in LAZY_FORMATS is seen as an import of the Qt module."""
    from workbench.io.export import LAZY_FORMATS

    found = _lazy_imports_of(PACKAGE)
    targets = {target.partition(":")[0] for _suffix, _description, target in LAZY_FORMATS.values()}
    assert targets
    assert {("workbench.io.export", target) for target in targets} <= found


def _fake_package(tmp_path: Path, target: str) -> Path:
    package = tmp_path / "fakepkg"
    (package / "low").mkdir(parents=True)
    (package / "high").mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "high" / "__init__.py").write_text("", encoding="utf-8")
    (package / "high" / "window.py").write_text("def run():\n    pass\n", encoding="utf-8")
    (package / "low" / "__init__.py").write_text(
        f'import importlib\n\nLAZY = {{"x": "{target}"}}\n', encoding="utf-8"
    )
    config = tmp_path / "pyproject.toml"
    config.write_text(
        '[tool.importlinter]\nroot_package = "fakepkg"\n\n'
        "[[tool.importlinter.contracts]]\n"
        'name = "low never imports high"\ntype = "forbidden"\n'
        'source_modules = ["fakepkg.low"]\nforbidden_modules = ["fakepkg.high"]\n',
        encoding="utf-8",
    )
    return config


def _run_lint(config: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(LINT_IMPORTS), "--config", str(config)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_import_contracts_catch_a_lazy_import_by_module_path(tmp_path):
    """A module path in a string breaks a contract as an import statement would."""
    broken = _run_lint(_fake_package(tmp_path, "fakepkg.high.window:run"))
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "fakepkg.low -> fakepkg.high.window" in broken.stdout


def test_import_contracts_pass_without_the_lazy_import(tmp_path):
    kept = _run_lint(_fake_package(tmp_path, "fakepkg.low.elsewhere"))
    assert kept.returncode == 0, kept.stdout + kept.stderr
    assert "KEPT" in kept.stdout
