"""The article, read-only, with every claim highlighted in its verdict's colour."""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QMenu, QTextBrowser, QTextEdit, QVBoxLayout, QWidget

from workbench.core.curation import trim_span
from workbench.core.models import Article, Claim
from workbench.core.scale import VerdictScale
from workbench.ui.theme import (
    claim_tint,
    neutral_tints,
    selected_tint,
    selected_unrated,
    set_tone,
    tone,
)

CLAIM_PROPERTY = QTextCharFormat.Property.UserProperty


# Reasons whose values are words of the claim ("figure: two million", "names a person: ...").
# fmt: off
TERM_REASONS = (
    "money", "percentage", "quantity", "figure", "figures", "date", "time", "names a person",
    "names an organisation", "names a place", "names a group", "names an event", "names a law",
    "names",
)
# fmt: on


def reason_terms(claim: Claim) -> list[tuple[int, int]]:
    """Article spans of the figures and names a claim's reasons cite, found in its quote."""
    spans: list[tuple[int, int]] = []
    for reason in claim.reasons:
        label, _, values = reason.partition(": ")
        if label not in TERM_REASONS:
            continue
        for value in values.split(", "):
            value = value.strip()
            at = claim.quote.find(value) if value else -1
            if at >= 0:
                spans.append((claim.start + at, claim.start + at + len(value)))
    return sorted(set(spans))


class _Offsets:
    """Python string indices <-> QTextDocument positions (UTF-16: astral characters count 2)."""

    def __init__(self, text: str) -> None:
        self.text = text
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
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAccessibleName("Article text")
        self.setTabChangesFocus(True)  # Tab goes on to the claim list, as the eye does
        self.document().setDocumentMargin(18)
        # Highlights are format changes: they must not pile up in an undo history.
        self.document().setUndoRedoEnabled(False)
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
        self._claims = sorted(claims, key=lambda c: (c.start, c.id))
        self._scale = scale
        self._paint_claims()
        self._paint_selection()

    def update_claims(self, claims: list[Claim], scale: VerdictScale | None = None) -> None:
        """Repaint just these claims (a verdict or span changed); the others stay as they are."""
        if scale is not None:
            self._scale = scale
        by_id = {c.id: c for c in claims}
        old_spans = [(c.start, c.end) for c in self._claims if c.id in by_id]
        self._claims = sorted(
            (by_id.get(c.id, c) for c in self._claims), key=lambda c: (c.start, c.id)
        )
        spans = old_spans + [(c.start, c.end) for c in claims]
        self._paint_claims(spans)
        self._paint_selection()

    def set_selected(self, claim_id: int | None, scroll: bool = True) -> None:
        self._selected = claim_id
        self._paint_selection()
        claim = self.claim_by_id(claim_id)
        if claim is not None and scroll:
            # Show the claim's end, then its start: a long claim is shown from its beginning.
            self.setTextCursor(self._cursor(claim.end, claim.end))
            self.ensureCursorVisible()
            self.setTextCursor(self._cursor(claim.start, claim.start))
            self.ensureCursorVisible()

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
        # Trimmed so that the claim quotes exactly the words selected.
        start, end = trim_span(self.toPlainText(), start, end)
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
        """A claim's background: its verdict's colour made light (or dark) enough to read
        the text on; unrated claims alternate two tints (see ``theme``)."""
        verdict = self._scale.colour_of(claim.verdict) if (self._scale and claim.verdict) else None
        if verdict is None:
            return QColor(neutral_tints(self.palette())[order % 2])
        return claim_tint(verdict, self.palette())

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh()  # the tints depend on the theme

    def refresh(self) -> None:
        """Repaint every highlight (after the article, its claims or the faint spans changed)."""
        self._paint_claims()
        self._paint_selection()

    def _paint_claims(self, spans: list[tuple[int, int]] | None = None) -> None:
        """Write the claims' colours into the document, within ``spans`` or everywhere.

        Colours live in the document's character formats rather than in extra
        selections: Qt repaints every extra selection on every paint, which is slow
        with thousands of claims, while formats are laid out once.
        """
        document = self.document()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        length = len(self._offsets.text)
        regions = (
            [(0, length)]
            if spans is None
            else [(max(0, a), min(length, b)) for a, b in spans if b > a]
        )
        plain = QTextCharFormat()
        for a, b in regions:
            self._select(cursor, a, b)
            cursor.setCharFormat(plain)
        for start, end in self._faint:
            if any(start < b and a < end for a, b in regions):
                fmt = QTextCharFormat()
                fmt.setForeground(tone("muted", self.palette()))
                fmt.setFontItalic(True)
                self._select(cursor, start, end)
                cursor.mergeCharFormat(fmt)
        for order, claim in enumerate(self._claims):
            if spans is not None and not any(claim.start < b and a < claim.end for a, b in regions):
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(self.highlight_colour(claim, order))
            fmt.setProperty(CLAIM_PROPERTY, claim.id)
            self._select(cursor, claim.start, claim.end)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    def _paint_selection(self) -> None:
        """The selected claim stands out: a stronger colour, underlined, semi-bold."""
        claim = self.claim_by_id(self._selected)
        if claim is None:
            self.setExtraSelections([])
            return
        verdict = self._scale.colour_of(claim.verdict) if (self._scale and claim.verdict) else None
        ink = self.palette().text().color()
        if verdict is not None:
            colour, ink = selected_tint(
                verdict, self.palette()
            )  # strong colour, black or white text
        else:
            colour = QColor(selected_unrated(self.palette()))
        sel = QTextEdit.ExtraSelection()
        sel.cursor = self._cursor(claim.start, claim.end)
        fmt = QTextCharFormat()
        fmt.setBackground(colour)
        fmt.setForeground(ink)
        fmt.setFontWeight(QFont.Weight.DemiBold)
        fmt.setProperty(CLAIM_PROPERTY, claim.id)
        sel.format = fmt
        selections = [sel]
        # The figures, names and dates that made it a claim are underlined inside it.
        for start, end in reason_terms(claim):
            term = QTextEdit.ExtraSelection()
            term.cursor = self._cursor(start, end)
            term_format = QTextCharFormat(fmt)
            term_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            term_format.setUnderlineColor(ink)
            term.format = term_format
            selections.append(term)
        self.setExtraSelections(selections)

    def _select(self, cursor: QTextCursor, start: int, end: int) -> None:
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)

    def highlight_at(self, index: int) -> QColor | None:
        """The background drawn at ``index`` (for tests and accessibility checks)."""
        claim = self.claim_by_id(self._selected)
        if claim is not None and claim.start <= index < claim.end:
            selections = self.extraSelections()  # keep the list alive while reading it
            return QColor(selections[0].format.background().color())
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(index) + 1)
        background = cursor.charFormat().background()
        if background.style() == Qt.BrushStyle.NoBrush:
            return None
        return background.color()

    # -- interaction -----------------------------------------------------------------
    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            index = self._offsets.to_py(
                self.cursorForPosition(event.position().toPoint()).position()
            )
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
        self.header.setAccessibleName("Article title")
        self.header.setContentsMargins(18, 12, 18, 0)
        self.source = QLabel()
        self.source.setTextFormat(Qt.TextFormat.PlainText)
        self.source.setWordWrap(True)
        self.source.setAccessibleName("Article source and date")
        self.source.setContentsMargins(18, 0, 18, 4)
        set_tone(self.source, "muted")
        self.text = ArticleText(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.source)
        layout.addWidget(self.text, 1)

    def set_article(self, article: Article | None) -> None:
        if article is None:
            self.header.setText("<i>No article</i>")
            self.source.setText("")
        else:
            import ntpath  # the file's name whatever its separators (\\ or /)
            from html import escape

            meta = " · ".join(
                part
                for part in (
                    article.source_url or ntpath.basename(article.imported_from),
                    article.author,
                    article.published,
                )
                if part
            )
            # A relative size: the title grows with the window's zoom.
            self.header.setText(
                f"<span style='font-size:x-large; font-weight:600'>{escape(article.title)}</span>"
            )
            self.source.setText(meta)
        self.text.set_article(article)
