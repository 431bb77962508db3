"""The Qt and PySide6 versions, for ``workbench --version``: QtCore only, no window."""

from __future__ import annotations


def qt_versions() -> tuple[str, str]:
    """(Qt's run-time version, PySide6's version)."""
    import PySide6
    from PySide6.QtCore import qVersion

    return qVersion(), PySide6.__version__
