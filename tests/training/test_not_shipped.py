"""The training code (``training/``) stays out of the app: the app's start path never
imports it, even from a checkout where it can be imported; the wheel does not carry it
(``tests/test_packaging.py``). The README's training commands run from the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The commands the README gives to remake the shipped models.
TRAINING_COMMANDS = [
    "training.nlp.train",
    "training.nlp.train_news",
    "training.nlp.train_encoder",
    "training.nlp.news_cv",
    "training.library.train",
]

START_PATH = """
import sys
from pathlib import Path
from workbench.cli import main

work = Path(sys.argv[1])
article = sys.argv[2]
assert main(["new", str(work / "p.fcw"), "--article", article]) == 0
assert main(["extract", article]) == 0
assert main(["open", str(work / "p.fcw"), "--screenshot", str(work / "w.png")]) == 0
import workbench.launch, workbench.ui.app  # the window's own entry points
training = Path(sys.argv[3])
loaded = sorted(name for name, module in list(sys.modules.items())
                if name.split(".")[0] == "training"
                or Path(getattr(module, "__file__", None) or "/").is_relative_to(training))
print("TRAINING MODULES", loaded)
"""


def _env(tmp_path: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "WORKBENCH_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONWARNINGS": "ignore",
    }
    env.pop("WORKBENCH_DEBUG", None)
    return env


def test_the_apps_start_path_imports_no_training_code(tmp_path, seed_path):
    # Run from the repository's root, where ``import training`` would succeed.
    assert (
        subprocess.run(
            [sys.executable, "-c", "import training.nlp.train"], cwd=ROOT, capture_output=True
        ).returncode
        == 0
    )
    result = subprocess.run(
        [sys.executable, "-c", START_PATH, str(tmp_path), str(seed_path), str(ROOT / "training")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "w.png").is_file()
    assert "TRAINING MODULES []" in result.stdout, result.stdout[-2000:]


@pytest.mark.parametrize(
    "module",
    [
        "workbench.nlp.train",
        "workbench.nlp.train_news",
        "workbench.nlp.stacking",
        "workbench.library.train",
    ],
)
def test_training_modules_are_gone_from_the_package(module):
    result = subprocess.run(
        [sys.executable, "-c", f"import {module}"], cwd=ROOT, capture_output=True, text=True
    )
    assert "ModuleNotFoundError" in result.stderr


@pytest.mark.parametrize("module", TRAINING_COMMANDS)
def test_the_readmes_training_commands_run_from_the_checkout(module, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", module, "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=_env(tmp_path),
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"usage: python -m {module}" in result.stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"python -m {module}" in readme
    assert f"python -m workbench.{module.split('.', 1)[1]}" not in readme
