"""Light and dark themes that follow the system, and the user's settings file."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from workbench.paths import data_dir


def settings() -> QSettings:
    """The window's settings, in the user's data folder (tests point it elsewhere)."""
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)


def is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hasattr(hints, "colorScheme") and hints.colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    palette = QPalette()
    base, window, text = QColor(30, 32, 36), QColor(40, 43, 48), QColor(225, 228, 232)
    for role, colour in (
        (QPalette.ColorRole.Window, window), (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base), (QPalette.ColorRole.AlternateBase, QColor(36, 39, 44)),
        (QPalette.ColorRole.Text, text), (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text), (QPalette.ColorRole.Highlight, QColor(61, 110, 180)),
        (QPalette.ColorRole.HighlightedText, QColor(255, 255, 255)),
        (QPalette.ColorRole.ToolTipBase, base), (QPalette.ColorRole.ToolTipText, text),
    ):
        palette.setColor(role, colour)
    muted = QColor(125, 130, 138)  # disabled actions and text must look disabled
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, muted)
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(160, 166, 174))
    return palette


THEMES = ("system", "light", "dark")


def theme_choice() -> str:
    """The user's choice in View > Theme: "system" (the default), "light" or "dark"."""
    choice = str(settings().value("theme", "system"))
    return choice if choice in THEMES else "system"


def apply_theme(app: QApplication, choice: str | None = None) -> None:
    """Fusion, light or dark: as the system is (and follows its changes), or as chosen."""
    app.setStyle("Fusion")
    if choice is not None:
        settings().setValue("theme", choice)

    def update() -> None:
        wanted = theme_choice()
        dark = is_dark() if wanted == "system" else wanted == "dark"
        app.setPalette(dark_palette() if dark else app.style().standardPalette())

    update()
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "colorSchemeChanged") and not app.property("theme-follows-system"):
        app.setProperty("theme-follows-system", True)
        hints.colorSchemeChanged.connect(lambda *_: apply_theme(app))


def palette_is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128
