"""The wheel works when installed normally: built here, installed into a fresh virtual
environment outside the repository, and run from another folder.

Offline: the wheel is built without an isolated build environment (setuptools comes
from the test extra), installed with ``--no-deps --no-index``, and the fresh venv
sees the dev venv's dependencies through a ``.pth`` path line, which adds them to
``sys.path`` without running the editable install's finder. The test checks that
the ``workbench`` it runs is the installed one.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ["pyproject.toml", "setup.py", "README.md", "workbench", "resources", "seeds"]
TIMEOUT = 600


def run(*args, **kw) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=TIMEOUT, **kw
    )
    assert result.returncode == 0, f"{args}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def venv_program(venv: Path, name: str) -> Path:
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    return scripts / (f"{name}.exe" if os.name == "nt" else name)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The wheel, built from a copy of the sources (so no build/ leftovers creep in), with
    one more file under resources/ as another branch would add it."""
    base = tmp_path_factory.mktemp("packaging")
    source = base / "source"
    source.mkdir()
    for name in SOURCE:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
            )
        else:
            shutil.copy2(ROOT / name, source / name)
    (source / "resources" / "matching").mkdir(exist_ok=True)  # issue 16 ships this folder
    (source / "resources" / "matching" / "encoder.onnx").write_bytes(b"model bytes")
    run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "--quiet",
        "-w",
        base / "wheels",
        source,
    )
    (wheel,) = (base / "wheels").glob("factcheck_workbench-*.whl")
    return base, source, wheel


@pytest.fixture(scope="module")
def installed(built):
    """A fresh venv outside the repository with the wheel installed, and a folder to work in."""
    base, _, wheel = built
    venv = base / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv_program(venv, "python")
    run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "--no-deps",
        "--no-index",
        "--quiet",
        wheel,
    )
    site = Path(
        run(
            python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"
        ).stdout.strip()
    )
    dev = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "zz_dev_dependencies.pth").write_text("\n".join(sorted(dev)) + "\n", encoding="utf-8")
    work = base / "elsewhere"
    work.mkdir()
    shutil.copy2(ROOT / "seeds" / "000_d19ec3c93edcc5fb.txt", work / "article.txt")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(WORKBENCH_DATA_DIR=str(base / "data"), QT_QPA_PLATFORM="offscreen")
    env.pop("WORKBENCH_DEBUG", None)

    def workbench(*args):
        return run(venv_program(venv, "workbench"), *args, cwd=work, env=env)

    return venv, site, python, work, env, workbench


def test_wheel_carries_every_file_of_resources_and_seeds(built):
    _, source, wheel = built
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder, package in (("resources", "workbench/resources"), ("seeds", "workbench/seeds")):
        files = [p for p in (source / folder).rglob("*") if p.is_file()]
        assert files
        for path in files:
            assert f"{package}/{path.relative_to(source / folder).as_posix()}" in names
    assert "workbench/resources/matching/encoder.onnx" in names  # added files come along
    assert "workbench/resources/claim_model/textcat/model" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    assert not [n for n in names if n.startswith(("resources/", "seeds/", "tests/"))]


def test_installed_workbench_is_the_wheel_not_the_checkout(installed):
    venv, site, python, work, env, _ = installed
    code = (
        "import workbench, workbench.paths as p; "
        "print(workbench.__file__); print(p.RESOURCES); print(p.SEED_ARTICLE)"
    )
    out = run(python, "-c", code, cwd=work, env=env).stdout.split("\n")
    for line in out[:3]:
        assert Path(line).is_relative_to(site), out
        assert not Path(line).is_relative_to(ROOT)
    assert Path(out[2]).is_file()
    assert venv_program(venv, "workbench-window").exists()  # the window without a console


def test_installed_version(installed):
    _, site, _, _, _, workbench = installed
    out = workbench("--version").stdout
    assert out.startswith("Fact-Check Workbench 0.")
    model = next(line for line in out.splitlines() if "claim model:" in line)
    assert "trained" in model and str(site / "workbench" / "resources") in model
    assert "English pipeline:    en_core_web_sm" in out


def test_installed_extract_uses_the_shipped_claim_model(installed):
    *_, workbench = installed
    result = json.loads(workbench("extract", "article.txt", "--json").stdout)
    claims = result["claims"]
    # The shipped model's tuned threshold for articles (the news scorer's, in news.json).
    shipped = json.loads(
        (ROOT / "resources" / "claim_model" / "news.json").read_text(encoding="utf-8")
    )
    assert result["threshold"] == shipped["threshold"]
    assert len(claims) >= 5
    assert any(c["claimant"] == "Kim Jong-Un" for c in claims)


def test_installed_new_with_a_shipped_scale_and_a_screenshot(installed):
    _, _, _, work, _, workbench = installed
    workbench("new", "checked.fcw", "--article", "article.txt", "--scale", "politifact")
    info = json.loads(workbench("info", "checked.fcw", "--json").stdout)
    assert "PolitiFact" in info["scale"] and info["claims"] >= 5
    labels = [
        x["name"] for x in json.loads(workbench("scale", "checked.fcw", "--json").stdout)["labels"]
    ]
    assert labels[-1] == "Pants on Fire"
    workbench("open", "checked.fcw", "--screenshot", "window.png")
    data = (work / "window.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) == (1400, 900)
    assert len(data) > 50_000


# Training code lives in the repository's training/ package (issue 17), never in the app.
TRAINING_MODULES = {
    "workbench.nlp.train",
    "workbench.nlp.train_news",
    "workbench.nlp.train_encoder",
    "workbench.nlp.news_cv",
    "workbench.nlp.stacking",
    "workbench.library.train",
}


def test_wheel_carries_no_training_code(built):
    _, source, wheel = built
    assert (ROOT / "training" / "nlp" / "train.py").is_file()  # it exists, in the checkout
    names = zipfile.ZipFile(wheel).namelist()
    modules = {name[:-3].replace("/", ".") for name in names if name.endswith(".py")}
    assert "workbench.nlp.model" in modules and "workbench.library.rank" in modules
    assert not modules & TRAINING_MODULES
    assert not [n for n in names if n.startswith("training/") or "/training/" in n]
