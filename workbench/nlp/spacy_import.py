"""Importing spaCy without its command-line interface.

``import spacy`` imports ``spacy.cli`` (for the one function ``spacy.info``), and with
it typer, weasel, requests and httpx: about a third of the import time, for code the
workbench never runs (spaCy's own attempt to defer it, explosion/spaCy#12962, is not
in 3.8). Here the two modules that import needs are stood in for while spaCy loads,
then removed, so a later ``import spacy.cli`` or ``spacy.info()`` gets the real ones.
Anything unexpected falls back to a plain import.
"""

from __future__ import annotations

import importlib
import sys
import threading
import types
from typing import Any

_lock = threading.Lock()


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, imported when first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """The ``spacy`` module, imported (once, thread-safely) without ``spacy.cli``."""
    with _lock:
        if "spacy" in sys.modules:
            return sys.modules["spacy"]
        stand_ins = {
            "spacy.cli": types.ModuleType("spacy.cli"),
            "spacy.cli.info": types.ModuleType("spacy.cli.info"),
        }
        stand_ins["spacy.cli"].__path__ = []
        setattr(stand_ins["spacy.cli.info"], "info", _info)  # noqa: B010 (a module, for mypy)
        if any(name in sys.modules for name in stand_ins):
            return importlib.import_module("spacy")
        sys.modules.update(stand_ins)
        try:
            spacy = importlib.import_module("spacy")
        except ImportError:  # a spaCy that needs more of its CLI: import it as it is
            _remove(stand_ins)
            return importlib.import_module("spacy")
        _remove(stand_ins)
        if getattr(spacy, "cli", None) is stand_ins["spacy.cli"]:
            delattr(spacy, "cli")
        return spacy


def _remove(stand_ins: dict[str, types.ModuleType]) -> None:
    for name, module in stand_ins.items():
        if sys.modules.get(name) is module:
            del sys.modules[name]
