"""Shared fixtures. Qt runs offscreen; no test touches the user's real data folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_d19ec3c93edcc5fb.txt"
DATA = Path(__file__).resolve().parent / "data"


def pytest_addoption(parser):
    parser.addoption(
        "--full",
        action="store_true",
        default=False,
        help="run every case of tests/reliability (CI runs a fixed sample); the same as "
        "WORKBENCH_RELIABILITY=full in the environment",
    )


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """Point the user's data folder (demo project, recent files) at a temporary one."""
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def seed_project(tmp_path) -> Path:
    """A project made from the seed article, as ``workbench new`` makes it."""
    from workbench import ops

    path = tmp_path / "seed.fcw"
    ops.new_project(path, SEED).close()
    return path


@pytest.fixture
def store(seed_project):
    from workbench.store import ProjectStore

    s = ProjectStore.open(seed_project)
    yield s
    s.close()


@pytest.fixture
def data_copy(tmp_path):
    """Copy a file from tests/data into tmp_path and return the copy's path."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copy2(DATA / name, target)
        return target

    return copy


@pytest.fixture
def site():
    """A real, threaded HTTP server on 127.0.0.1 (see ``tests/localsite.py``)."""
    from tests.localsite import LocalSite

    server = LocalSite().start()
    yield server
    server.stop()
