"""Item 3: switching the theme while the window is open reaches every widget at once.

Each widget is drawn (``grab``) after the switch and its text must stand out from its
own background by 4.5:1: a label left black on the dark theme (or near-white on the
light one) fails, whatever way its colour was set.
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import settle, wcag
from workbench.ui.theme import apply_theme, palette_is_dark


def text_contrast(widget) -> float:
    """The strongest contrast between any drawn pixel and the widget's background."""
    image = widget.grab().toImage()
    assert image.width() > 4 and image.height() > 4, widget
    background = QColor(image.pixel(2, image.height() - 2)).name()
    colours = {
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 1)
        for y in range(0, image.height(), 1)
    }
    return max(wcag(colour, background) for colour in colours)


def themed_widgets(window):
    detail = window.detail
    widgets = {
        "claim title": detail.title,
        "quote": detail.quote,
        "reasons": detail.reasons,
        "missing before done": detail.checks,
        "article title": window.article_view.header,
        # (before this issue the source line was part of the title label)
        "article source line": getattr(window.article_view, "source", window.article_view.header),
        "evidence message": detail.evidence_panel.message,
    }
    if hasattr(detail, "tabs"):
        widgets["evidence tab"] = detail.tabs.tabBar()
        widgets["wording label"] = detail.wording_label
    return widgets


def test_a_live_switch_recolours_every_label(window, qtbot):
    app = QApplication.instance()
    window.resize(1400, 900)
    window.claim_list.table.setFocus()
    window.claim_list.table.selectRow(0)
    window.detail.evidence_panel.show_message("not a valid URL")
    show_tab = getattr(window.detail, "show_tab", lambda _name: None)
    show_tab("claim")
    try:
        for theme in ("light", "dark", "light", "dark"):
            window.actions[f"theme_{theme}"].trigger()
            settle()
            assert palette_is_dark(app.palette()) == (theme == "dark")
            for name, widget in themed_widgets(window).items():
                if name == "evidence message":
                    show_tab("evidence")
                    settle()
                ratio = text_contrast(widget)
                assert ratio >= 4.5, f"{name} after switching to {theme}: {ratio:.2f}"
            show_tab("claim")
            # the article's highlights follow too
            view = window.article_view.text
            claim = window.store.claims.all()[1]
            tint = view.highlight_at(claim.start)
            assert (tint.lightness() < 128) == (theme == "dark")
    finally:
        apply_theme(app, "light")
