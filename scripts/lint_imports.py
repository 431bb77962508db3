"""Check the import contracts of pyproject.toml, lazy imports by module path included.

``lint-imports`` (import-linter) reads the contracts from ``[tool.importlinter]`` and
checks them on the graph of ``import`` statements. Some modules are imported by a
string instead, when first needed: ``LAZY_FORMATS = {"pdf": (..., "workbench.ui.
pdf_report:export_pdf")}``, ``COMMAND_MODULES = ["workbench.cli.project", ...]``. A
plain import scan cannot see those, so this script adds one edge to the graph for
every string constant in the package that names one of its modules
(``workbench.a.b`` or ``workbench.a.b:attribute``), then runs the same contracts.

    python scripts/lint_imports.py          # what `scripts/dev.sh test` runs
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# "workbench.ui.pdf_report" or "workbench.ui.pdf_report:export_pdf"
MODULE_PATH = r"(?:\.[A-Za-z_]\w*)+(?::[A-Za-z_]\w*)?"


@dataclass(frozen=True)
class LazyImport:
    """A module named by a string in another module's code."""

    importer: str
    imported: str
    line_number: int
    line_contents: str


def _module_name(path: Path, package_dir: Path) -> str:
    parts = list(path.relative_to(package_dir.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(name: str, modules: set[str]) -> str | None:
    """The module a path names: ``a.b:f`` is ``a.b``; ``a.b.f`` (an attribute) too."""
    name = name.partition(":")[0]
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def lazy_imports(package_dir: Path, modules: set[str]) -> Iterator[LazyImport]:
    """Every string constant under ``package_dir`` that names a module of ``modules``
    (other than the module it is written in or the root package)."""
    root = package_dir.name
    module_path = re.compile(re.escape(root) + MODULE_PATH)
    for path in sorted(package_dir.rglob("*.py")):
        importer = _module_name(path, package_dir)
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source, filename=str(path))):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            if not module_path.fullmatch(node.value):
                continue
            imported = _resolve(node.value, modules)
            if imported in (None, root, importer):
                continue
            assert imported is not None
            yield LazyImport(importer, imported, node.lineno, lines[node.lineno - 1].strip())


def add_lazy_imports(graph, package_dir: Path) -> list[LazyImport]:  # graph: grimp.ImportGraph
    found = list(lazy_imports(package_dir, set(graph.modules)))
    for lazy in found:
        graph.add_import(
            importer=lazy.importer,
            imported=lazy.imported,
            line_number=lazy.line_number,
            line_contents=lazy.line_contents,
        )
    return found


def lint(config: Path, root: Path) -> bool:
    """Check the contracts in ``config`` for the packages under ``root``."""
    from importlinter import api  # noqa: F401 (configures import-linter's defaults)
    from importlinter.adapters.building import GraphBuilder
    from importlinter.application import use_cases
    from importlinter.application.app_config import settings

    class LazyAwareGraphBuilder(GraphBuilder):
        def build(
            self,
            root_package_names: list[str],
            cache_dir: str | None,
            include_external_packages: bool = False,
            exclude_type_checking_imports: bool = False,
        ):  # -> grimp.ImportGraph
            graph = super().build(
                root_package_names,
                cache_dir,
                include_external_packages,
                exclude_type_checking_imports,
            )
            for name in root_package_names:
                add_lazy_imports(graph, root / name)
            return graph

    settings.configure(GRAPH_BUILDER=LazyAwareGraphBuilder())
    sys.path.insert(0, str(root))
    return use_cases.lint_imports(config_filename=str(config), cache_dir=None, no_logo=True)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", type=Path, default=ROOT / "pyproject.toml")
    parser.add_argument("--root", type=Path, default=None, help="the packages' folder")
    args = parser.parse_args(argv)
    root = args.root or args.config.resolve().parent
    return 0 if lint(args.config, root) else 1


if __name__ == "__main__":
    sys.exit(main())
