"""The verdict scales shipped with the app (``resources/scales/NAME.json``), read from disk.

Reading the files is here, outside ``workbench.core`` (which does no I/O); the
scale itself, and its checks, are ``workbench.core.scale.VerdictScale``.
"""

from __future__ import annotations

import json

from workbench.core.scale import DEFAULT_SCALE, VerdictScale, preset_key, unknown_preset
from workbench.paths import RESOURCES

SCALES_DIR = RESOURCES / "scales"


def preset_names() -> list[str]:
    """The shipped presets, by file name: ``default``, ``politifact``, ``snopes``, ..."""
    return sorted(path.stem for path in SCALES_DIR.glob("*.json"))


def load_preset(name: str = DEFAULT_SCALE) -> VerdictScale:
    """A shipped scale from ``resources/scales/NAME.json`` (NAME in any case)."""
    key = preset_key(name)
    path = SCALES_DIR / f"{key}.json"
    if not key or not path.is_file():
        raise unknown_preset(name, preset_names())
    return VerdictScale.from_dict(json.loads(path.read_text(encoding="utf-8"))).validate()
