"""Where the workbench finds the data it ships (resources, the sample article)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "000_d19ec3c93edcc5fb.txt"


def data_dir() -> Path:
    """The user's data folder (``$WORKBENCH_DATA_DIR``, else the XDG data home)."""
    import os

    override = os.environ.get("WORKBENCH_DATA_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "fact-check-workbench"


def log_dir() -> Path:
    """Where the error log is kept: ``logs`` in the user's data folder.

    A minimal version; the per-OS place (platformdirs) replaces it (issue 15).
    """
    return data_dir() / "logs"
