"""Light and dark themes that follow the system, switched live, and the user's settings file.

Every colour a widget shows comes from the application palette or from a *tone*
(``set_tone``: error, ok, warning, muted) that has a light and a dark value, each
with at least 4.5:1 contrast on the theme's backgrounds. No widget carries a
colour in a style sheet: Qt does not re-polish style-sheeted widgets when the
application palette changes, which left the claim title, quote and reasons black
on dark after a switch. ``apply_theme`` re-applies tones (and re-polishes any
style sheet that remains) so a switch reaches every widget at once.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from workbench.core.colours import AA_TEXT, blend, contrast, ink_on, readable_text
from workbench.paths import data_dir

TONE_PROPERTY = "workbench_tone"

# name -> (on light, on dark); the contrast test checks each against both backgrounds.
TONES = {
    "error": ("#b71c1c", "#ff8a80"),
    "ok": ("#1b5e20", "#81c784"),
    "warning": ("#8a5a00", "#ffcc80"),
    "muted": ("#5f6368", "#a0a6ae"),
}

# Unrated claims alternate two calm tints, distinct from the page and from each other.
NEUTRAL = ("#c5d5f0", "#d9cff2")
NEUTRAL_DARK = ("#2c4366", "#4a3866")
SELECTED = "#ffe082"  # the selected claim while unrated: warm, so it stands out from the tints
SELECTED_DARK = "#7a5d12"
VERDICT_ALPHA = (0.35, 0.43)  # a rated claim's tint over the page (light, dark)
SELECTED_ALPHA = 0.8


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
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, QColor(36, 39, 44)),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.Highlight, QColor(61, 110, 180)),
        (QPalette.ColorRole.HighlightedText, QColor(255, 255, 255)),
        (QPalette.ColorRole.ToolTipBase, base),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.Link, QColor(138, 180, 248)),
        (QPalette.ColorRole.Light, QColor(70, 74, 80)),
        (QPalette.ColorRole.Midlight, QColor(56, 60, 66)),
        (QPalette.ColorRole.Mid, QColor(90, 95, 102)),
        (QPalette.ColorRole.Dark, QColor(20, 21, 24)),
    ):
        palette.setColor(role, colour)
    muted = QColor(125, 130, 138)  # disabled actions and text must look disabled
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, muted)
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(160, 166, 174))
    return palette


def light_palette(app: QApplication) -> QPalette:
    palette = app.style().standardPalette()
    # Fusion's placeholder is the text colour itself: make hints look like hints (5.3:1).
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(TONES["muted"][0]))
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
        app.setPalette(dark_palette() if dark else light_palette(app))
        refresh_widgets(app)

    update()
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "colorSchemeChanged") and not app.property("theme-follows-system"):
        app.setProperty("theme-follows-system", True)
        hints.colorSchemeChanged.connect(lambda *_: apply_theme(app))


def refresh_widgets(app: QApplication) -> None:
    """After a palette change: tones take the new theme's value, style sheets re-polish."""
    for widget in app.allWidgets():
        if widget.property(TONE_PROPERTY):
            _apply_tone(widget)
        elif widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())


def palette_is_dark(palette: QPalette | None = None) -> bool:
    palette = palette if palette is not None else QApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def tone(name: str, palette: QPalette | None = None) -> QColor:
    """The colour of a tone ("error", "ok", "warning", "muted") in the current theme."""
    light, dark = TONES[name]
    return QColor(dark if palette_is_dark(palette) else light)


def set_tone(widget: QWidget, name: str | None) -> None:
    """Write ``widget``'s text in a tone that follows the theme (None: the normal text)."""
    widget.setProperty(TONE_PROPERTY, name or "")
    if name:
        _apply_tone(widget)
    else:
        widget.setPalette(QPalette())  # nothing set: inherit every role again


def _apply_tone(widget: QWidget) -> None:
    colour = tone(widget.property(TONE_PROPERTY), QApplication.palette())
    palette = QPalette()  # only the text roles are set: the rest is inherited
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(QPalette.ColorGroup.Active, role, colour)
        palette.setColor(QPalette.ColorGroup.Inactive, role, colour)
    widget.setPalette(palette)


# -- verdict colours ---------------------------------------------------------------------
def list_backgrounds(palette: QPalette | None = None) -> list[str]:
    """The colours a list row can have under its text: base and alternate base."""
    palette = palette if palette is not None else QApplication.palette()
    return [
        palette.color(QPalette.ColorRole.Base).name(),
        palette.color(QPalette.ColorRole.AlternateBase).name(),
    ]


@lru_cache(maxsize=512)
def _readable(colour: str, backgrounds: tuple[str, ...]) -> str:
    return readable_text(colour, list(backgrounds))


def verdict_text_colour(colour: str, palette: QPalette | None = None) -> QColor:
    """A label's colour as text in a list: its hue, with >= 4.5:1 on both row backgrounds."""
    return QColor(_readable(colour.lower(), tuple(list_backgrounds(palette))))


@lru_cache(maxsize=512)
def _tint(colour: str, page: str, text: str, alpha: float) -> str:
    while alpha > 0.05:
        background = blend(colour, page, alpha)
        if contrast(text, background) >= AA_TEXT:
            return background
        alpha -= 0.02
    return page


def claim_tint(colour: str, palette: QPalette | None = None) -> QColor:
    """A rated claim's background in the article: its label's colour, light enough to read on."""
    palette = palette if palette is not None else QApplication.palette()
    dark = palette_is_dark(palette)
    page = palette.color(QPalette.ColorRole.Base).name()
    text = palette.color(QPalette.ColorRole.Text).name()
    return QColor(_tint(colour.lower(), page, text, VERDICT_ALPHA[1 if dark else 0]))


def selected_tint(colour: str, palette: QPalette | None = None) -> tuple[QColor, QColor]:
    """(background, text) of the selected rated claim: strong colour, black or white ink."""
    palette = palette if palette is not None else QApplication.palette()
    background = blend(colour, palette.color(QPalette.ColorRole.Base).name(), SELECTED_ALPHA)
    return QColor(background), QColor(ink_on(background))


def neutral_tints(palette: QPalette | None = None) -> tuple[str, str]:
    return NEUTRAL_DARK if palette_is_dark(palette) else NEUTRAL


def selected_unrated(palette: QPalette | None = None) -> str:
    return SELECTED_DARK if palette_is_dark(palette) else SELECTED
