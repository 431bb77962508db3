"""Colour arithmetic for readable text: WCAG contrast, and a text colour derived from a label's.

A verdict label's colour is chosen for its meaning (green, yellow, red), not for
reading: yellow text on white or dark red on charcoal cannot be read. The window
keeps the label's own colour for swatches and highlights and writes the label's
name in ``readable_text(colour, backgrounds)``: the same hue, made darker or
lighter until it meets WCAG AA (4.5:1) against every background it is drawn on.
Pure functions over ``#rrggbb`` strings: no Qt.
"""

from __future__ import annotations

import colorsys

AA_TEXT = 4.5  # WCAG 2.x level AA, normal-size text


def rgb(colour: str) -> tuple[int, int, int]:
    """``#rrggbb`` -> (r, g, b), each 0-255."""
    colour = colour.strip().lstrip("#")
    if len(colour) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def hex_colour(r: float, g: float, b: float) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in (r, g, b))


def luminance(colour: str) -> float:
    """WCAG relative luminance (sRGB), 0 for black to 1 for white."""

    def linear(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours, 1 (same) to 21 (black on white)."""
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def blend(colour: str, background: str, alpha: float) -> str:
    """``colour`` drawn at opacity ``alpha`` (0-1) over ``background``: the colour seen."""
    top, bottom = rgb(colour), rgb(background)
    return hex_colour(*(alpha * t + (1 - alpha) * u for t, u in zip(top, bottom, strict=True)))


def readable_text(colour: str, backgrounds: list[str], minimum: float = AA_TEXT) -> str:
    """``colour``'s hue at a lightness whose contrast with every background is >= ``minimum``.

    The colour itself when it already passes. Otherwise it is darkened (on light
    backgrounds) or lightened (on dark ones) step by step, keeping hue and
    saturation, so "Mixture" yellow becomes a dark ochre on white and stays
    recognisably the same label. Falls back to black or white.
    """
    if all(contrast(colour, bg) >= minimum for bg in backgrounds):
        return colour.lower()
    dark_backgrounds = sum(luminance(bg) for bg in backgrounds) / len(backgrounds) < 0.18
    h, lightness, s = colorsys.rgb_to_hls(*(c / 255 for c in rgb(colour)))
    step = 0.01 if dark_backgrounds else -0.01
    while 0 <= lightness <= 1:
        lightness += step
        candidate = hex_colour(
            *(c * 255 for c in colorsys.hls_to_rgb(h, min(max(lightness, 0), 1), s))
        )
        if all(contrast(candidate, bg) >= minimum for bg in backgrounds):
            return candidate
    return "#ffffff" if dark_backgrounds else "#000000"


def ink_on(background: str) -> str:
    """Black or white, whichever has the higher contrast on ``background``."""
    return (
        "#000000"
        if contrast("#000000", background) >= contrast("#ffffff", background)
        else "#ffffff"
    )
