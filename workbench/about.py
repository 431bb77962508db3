"""What this workbench is made of: ``workbench --version``.

Quick and headless: nothing here loads spaCy or starts Qt's GUI. Versions of
installed packages are read from their metadata, the English pipeline's from its
``meta.json``, Qt's from QtCore.
"""

from __future__ import annotations

import importlib.util
import json
import platform
import sys
from importlib import metadata
from pathlib import Path

from workbench import __version__


def _distribution(*names: str) -> str | None:
    for name in names:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


def _qt() -> tuple[str, str] | None:
    try:
        from workbench.ui.qt_info import qt_versions

        return qt_versions()
    except ImportError:
        return None


def english_pipeline() -> str:
    """The English pipeline that claim detection would use, with its version."""
    from workbench.nlp import english

    name = english.available()
    if name is None:
        if english.PACKAGES and any(importlib.util.find_spec(p) for p in english.PACKAGES):
            return f"not used ({english.ENV_SWITCH}=none)"
        return "not installed (names and claimants found with patterns)"
    spec = importlib.util.find_spec(name)
    for folder in spec.submodule_search_locations or []:
        meta = Path(folder) / "meta.json"
        if meta.is_file():
            data = json.loads(meta.read_text(encoding="utf-8"))
            return f"{name} {data.get('version', '?')}"
    return f"{name} {_distribution(name, name.replace('_', '-')) or '?'}"


def claim_model() -> str:
    from workbench.nlp import model

    meta = model.meta()
    if not meta:
        return "not trained (scores from the signals alone)"
    news = model.news_meta()
    articles = f", articles (news scorer) {news['threshold']}" if news.get("threshold") else ""
    return (
        f"trained with spaCy {meta.get('spacy_version', '?')}, threshold {meta.get('threshold')}"
        f"{articles}"
    )


def version_lines() -> list[tuple[str, str]]:
    from workbench.paths import RESOURCES, data_dir, log_dir
    from workbench.store.migrations import SCHEMA_VERSION

    qt = _qt()
    frozen = " (one-folder app)" if getattr(sys, "frozen", False) else ""
    return [
        ("Fact-Check Workbench", f"{__version__}{frozen}"),
        ("project file format", str(SCHEMA_VERSION)),
        ("Qt", qt[0] if qt else "not installed (no window)"),
        ("PySide6", qt[1] if qt else "not installed"),
        ("spaCy", _distribution("spacy") or "not installed"),
        ("English pipeline", english_pipeline()),
        ("claim model", f"{claim_model()}, in {RESOURCES / 'claim_model'}"),
        ("Python", f"{platform.python_version()} on {platform.system()} {platform.machine()}"),
        ("data folder", str(data_dir())),
        ("log folder", str(log_dir())),
    ]


def version_text() -> str:
    lines = version_lines()
    width = max(len(label) for label, _ in lines[1:])
    head = f"{lines[0][0]} {lines[0][1]}"
    return "\n".join(
        [head, *(f"  {label + ':':<{width + 1}} {value}" for label, value in lines[1:])]
    )
