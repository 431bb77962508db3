"""What is left to clean: ruff findings, unformatted files and mypy errors per package.

    .venv/bin/python scripts/quality_report.py

    .venv/bin/python scripts/quality_report.py --mypy-ratchet

Runs the same tools with the same configuration (pyproject.toml) as the quality step
of ``scripts/dev.sh test`` and prints one row per package (``workbench/core``,
``workbench/ops.py``, ``tests/ui``...), then the import contracts' verdicts. Read-only:
nothing is fixed or formatted. Exit status 0 whatever it finds.

``--mypy-ratchet`` prints instead a ``[[tool.mypy.overrides]]`` block naming every module
mypy still finds errors in (``ignore_errors = true``), the way napari keeps its
not-yet-typed modules listed: a last resort to paste into pyproject.toml, each module
to be taken off the list once it is typed.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MYPY_LINE = re.compile(r"^(?P<path>[^:\s]+\.py):\d+: error:")


def package(path: str) -> str:
    """``workbench/core/urls.py`` -> ``workbench/core``; ``workbench/ops.py`` stays."""
    parts = Path(path).resolve().relative_to(ROOT).parts
    return "/".join(parts[:2]) if len(parts) > 2 else "/".join(parts)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)


def ruff_findings() -> Counter[str]:
    out = _run(str(BIN / "ruff"), "check", "--output-format", "json", ".").stdout
    return Counter(package(item["filename"]) for item in json.loads(out or "[]"))


def unformatted() -> Counter[str]:
    out = _run(str(BIN / "ruff"), "format", "--check", "--output-format", "concise", ".").stdout
    files = set()
    for line in out.splitlines():
        if line.startswith("Would reformat: "):  # ruff before 0.15
            files.add(line.removeprefix("Would reformat: "))
        elif ": unformatted" in line:
            files.add(line.split(":", 1)[0])
    return Counter(package(path) for path in files)


def _mypy_paths() -> list[str]:
    out = _run(str(BIN / "mypy")).stdout
    return [match["path"] for line in out.splitlines() if (match := MYPY_LINE.match(line))]


def mypy_errors() -> Counter[str]:
    return Counter(package(path) for path in _mypy_paths())


def mypy_ratchet() -> str:
    modules = sorted(
        {
            str(Path(path).with_suffix("")).replace("/", ".").removesuffix(".__init__")
            for path in _mypy_paths()
        }
    )
    listed = "".join(f'    "{module}",\n' for module in modules)
    return (
        "# TODO: type these modules, then take each off this list.\n"
        "[[tool.mypy.overrides]]\n"
        f"module = [\n{listed}]\n"
        "ignore_errors = true\n"
    )


def contracts() -> list[str]:
    out = _run(sys.executable, "scripts/lint_imports.py").stdout
    return [
        line
        for line in out.splitlines()
        if line.endswith(("KEPT", "BROKEN")) or " KEPT (" in line or " BROKEN (" in line
    ]


def main() -> int:
    if "--mypy-ratchet" in sys.argv[1:]:
        print(mypy_ratchet(), end="")
        return 0
    columns = {"ruff": ruff_findings(), "unformatted": unformatted(), "mypy": mypy_errors()}
    rows = sorted(set().union(*columns.values()))
    width = max([len(row) for row in rows] + [len("package")])
    print(f"{'package':<{width}}  {'ruff':>5}  {'unformatted':>11}  {'mypy':>5}")
    for row in rows:
        counts = [columns[name][row] for name in columns]
        print(f"{row:<{width}}  {counts[0]:>5}  {counts[1]:>11}  {counts[2]:>5}")
    totals = [sum(columns[name].values()) for name in columns]
    print(f"{'total':<{width}}  {totals[0]:>5}  {totals[1]:>11}  {totals[2]:>5}")
    print("\nimport contracts (scripts/lint_imports.py):")
    for line in contracts():
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
