"""The article, read-only, with every claim highlighted in its verdict's colour."""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QMenu, QTextBrowser, QTextEdit, QVBoxLayout, QWidget

from workbench.core.models import Article, Claim
from workbench.core.scale import VerdictScale

# Unrated claims alternate two calm tints, so neighbouring claims stay distinct.
NEUTRAL = ("#c5d5f0", "#e0e9f8")


class _Offsets:
    """Python string indices <-> QTextDocument positions (UTF-16: astral characters count 2)."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def to_qt(self, index: int) -> int:
        return index + bisect_right(self._astral, index - 1) if self._astral else index

    def to_py(self, position: int) -> int:
        if not self._astral:
            return position
        index = position
        while index > 0 and self.to_qt(index) > position:
            index -= 1
        return index


class ArticleText(QTextBrowser):
    """The text itself. Emits ``claim_clicked`` and ``new_claim_requested``."""

    claim_clicked = Signal(int)
    new_claim_requested = Signal(int, int)
    span_change_requested = Signal(int, int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAccessibleName("Article text")
        self.document().setDocumentMargin(18)
        self._offsets = _Offsets("")
        self._claims: list[Claim] = []
        self._selected: int | None = None
        self._scale: VerdictScale | None = None
        self._faint: list[tuple[int, int]] = []

    def loadResource(self, kind, url):  # noqa: N802 - never load anything remote or local
        return None

    # -- content ---------------------------------------------------------------------
    def set_article(self, article: Article | None) -> None:
        text = article.text if article else ""
        self._offsets = _Offsets(text)
        self.setPlainText(text)
        self._claims = []
        self._faint = []
        self._selected = None
        self.refresh()

    def set_claims(self, claims: list[Claim], scale: VerdictScale | None) -> None:
        self._claims = sorted(claims, key=lambda c: c.start)
        self._scale = scale
        self.refresh()

    def set_selected(self, claim_id: int | None, scroll: bool = True) -> None:
        self._selected = claim_id
        self.refresh()
        claim = self.claim_by_id(claim_id)
        if claim is not None and scroll:
            cursor = self._cursor(claim.start, claim.end)
            end_cursor = self._cursor(claim.end, claim.end)
            self.setTextCursor(end_cursor)
            self.ensureCursorVisible()
            start_cursor = self._cursor(claim.start, claim.start)
            self.setTextCursor(start_cursor)
            self.ensureCursorVisible()
            del cursor

    def set_faint_spans(self, spans: list[tuple[int, int]]) -> None:
        self._faint = list(spans)
        self.refresh()

    def claim_by_id(self, claim_id: int | None) -> Claim | None:
        return next((c for c in self._claims if c.id == claim_id), None)

    def claim_at(self, index: int) -> Claim | None:
        for claim in self._claims:
            if claim.start <= index < claim.end:
                return claim
        return None

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._offsets.to_py(cursor.selectionStart())
        end = self._offsets.to_py(cursor.selectionEnd())
        text = self.toPlainText()
        # Trim white space so the claim quotes exactly the words selected.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def cursor_index(self) -> int:
        return self._offsets.to_py(self.textCursor().position())

    # -- drawing ---------------------------------------------------------------------
    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def highlight_colour(self, claim: Claim, order: int = 0) -> QColor:
        verdict = self._scale.colour_of(claim.verdict) if (self._scale and claim.verdict) else None
        if verdict is None:
            return QColor(NEUTRAL[order % 2])
        colour = QColor(verdict)
        colour.setAlpha(90)
        return colour

    def refresh(self) -> None:
        selections = []
        for start, end in self._faint:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._cursor(start, end)
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(150, 150, 150))
            sel.format = fmt
            selections.append(sel)
        for order, claim in enumerate(self._claims):
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._cursor(claim.start, claim.end)
            fmt = QTextCharFormat()
            colour = self.highlight_colour(claim, order)
            if claim.id == self._selected:
                colour = QColor(colour)
                colour.setAlpha(200) if claim.verdict else colour.setRgb(255, 224, 130)
                fmt.setFontUnderline(True)
                fmt.setUnderlineColor(QColor("#1a237e"))
                fmt.setFontWeight(QFont.Weight.DemiBold)
            fmt.setBackground(colour)
            fmt.setProperty(QTextCharFormat.Property.UserProperty, claim.id)
            sel.format = fmt
            selections.append(sel)
        self.setExtraSelections(selections)

    def highlight_at(self, index: int) -> QColor | None:
        """The background drawn at ``index`` (for tests and accessibility checks)."""
        for sel in reversed(self.extraSelections()):
            start = self._offsets.to_py(sel.cursor.selectionStart())
            end = self._offsets.to_py(sel.cursor.selectionEnd())
            if start <= index < end and sel.format.background().style() != Qt.BrushStyle.NoBrush:
                return sel.format.background().color()
        return None

    # -- interaction -----------------------------------------------------------------
    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            index = self._offsets.to_py(self.cursorForPosition(event.position().toPoint()).position())
            claim = self.claim_at(index)
            if claim is not None:
                self.claim_clicked.emit(claim.id)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_N, Qt.Key.Key_Insert) and not event.modifiers():
            self.request_new_claim()
            return
        if event.key() == Qt.Key.Key_S and not event.modifiers():
            span = self.selected_span()
            if span:
                self.span_change_requested.emit(*span)
            return
        super().keyPressEvent(event)

    def request_new_claim(self) -> None:
        span = self.selected_span()
        if span:
            self.new_claim_requested.emit(*span)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        menu = QMenu(self)
        new = QAction("New claim from selection\tN", menu)
        new.setEnabled(self.selected_span() is not None)
        new.triggered.connect(self.request_new_claim)
        menu.addAction(new)
        span = QAction("Set the selected claim's span to the selection\tS", menu)
        span.setEnabled(self.selected_span() is not None and self._selected is not None)
        span.triggered.connect(lambda: self.span_change_requested.emit(*self.selected_span()))
        menu.addAction(span)
        menu.addSeparator()
        copy = QAction("Copy", menu)
        copy.triggered.connect(self.copy)
        menu.addAction(copy)
        menu.exec(event.globalPos())


class ArticleView(QWidget):
    """Title, source and date on top of the article text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setAccessibleName("Article title, source and date")
        self.header.setContentsMargins(18, 12, 18, 4)
        self.text = ArticleText(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)

    def set_article(self, article: Article | None) -> None:
        if article is None:
            self.header.setText("<i>No article</i>")
        else:
            from html import escape

            meta = " · ".join(
                escape(part) for part in (article.source_url or article.imported_from.rsplit("/", 1)[-1],
                                          article.author, article.published) if part
            )
            self.header.setText(
                f"<div style='font-size:15pt; font-weight:600'>{escape(article.title)}</div>"
                f"<div style='color:#666'>{meta}</div>"
            )
        self.text.set_article(article)
