"""The main window's layout, zoom and keyboard: a mixin of ``MainWindow``.

- Layout: the article on the left; on the right the claim list over the claim's
  details. On first opening the list gets the height of ten and a half rows and the
  details the rest; the list keeps its height as the window grows or shrinks. Ctrl+D
  hides the details. Splitters, the details' visibility and the zoom are remembered.
- Zoom: Ctrl++ / Ctrl+- / Ctrl+0 set the whole window's font (article, list, details,
  and the dialogs opened from it), in the steps a browser uses.
- Keyboard: Tab follows the layout from the article switch to the last evidence
  field; F6 moves between panes; focus helpers for Find, Enter, Ctrl+L.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QSplitter, QWidget

from workbench.ui.theme import settings

# Zoom levels for Ctrl++ / Ctrl+-: the whole window's text, as a browser zooms a page.
ZOOM_LEVELS = (0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
ZOOM_NORMAL = ZOOM_LEVELS.index(1.0)
LIST_ROWS = 10.5  # the claim list shows at least this many rows when the window first opens


class WindowLayout:
    """Layout, zoom and keyboard methods of ``MainWindow`` (which sets the attributes used)."""

    def _build_layout(self) -> None:
        """The panels in their splitters, and the article switch (it goes on the toolbar)."""
        # Loaded here, after the window first appears (see ``MainWindow(deferred=True)``).
        from workbench.ui.article_view import ArticleView
        from workbench.ui.claim_detail import ClaimDetail
        from workbench.ui.claim_list import ClaimList

        self.article_view = ArticleView()
        self.claim_list = ClaimList()
        self.detail = ClaimDetail()
        self.detail.setMinimumHeight(0)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setObjectName("claims-and-detail")
        self.right.addWidget(self.claim_list)
        self.right.addWidget(self.detail)
        # The list keeps its height as the window grows or shrinks; the detail takes the
        # difference. Ctrl+D (or dragging the handle down) hides the detail.
        self.right.setStretchFactor(0, 0)
        self.right.setStretchFactor(1, 1)
        self.right.setCollapsible(0, False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("article-and-claims")
        self.splitter.addWidget(self.article_view)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 7)
        self.setCentralWidget(self.splitter)

        self.article_switch = QComboBox()
        self.article_switch.setAccessibleName("Article")
        self.article_switch.setMinimumWidth(220)
        # As wide as the longest title (up to 60 characters): it is last on the toolbar.
        self.article_switch.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def _set_tab_order(self) -> None:
        """Tab follows the layout: article switch, article, search and filters, list, details."""
        chain: list[QWidget] = [
            self.article_switch,
            self.article_view.text,
            self.claim_list.search,
            self.claim_list.status_filter,
            self.claim_list.verdict_filter,
            self.claim_list.needs_evidence,
            self.claim_list.table,
            self.detail.tabs,
            self.detail.text,
            self.detail.claimant,
            self.detail.status,
            self.detail.verdict,
            self.detail.rationale,
            self.detail.checked_before.toggle,
            self.detail.evidence,
            self.detail.url,
            self.detail.evidence_panel.stance,
            self.detail.evidence_panel.note,
            self.detail.evidence_panel.add_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(chain[-1], chain[0])  # and round again

    def _restore_splitters(self) -> None:
        s = settings()
        restored = bool(
            s.value("splitter")
            and self.splitter.restoreState(s.value("splitter"))
            and s.value("right_splitter")
            and self.right.restoreState(s.value("right_splitter"))
        )
        if not restored:
            self._default_split_pending = True
        self.show_detail_pane(str(s.value("detail_visible", "true")).lower() != "false")
        zoom = int(s.value("zoom", 0) or 0)
        if zoom:
            self.zoom(zoom)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ChildPolished and self._zoom:
            child = event.child()
            if isinstance(child, QWidget) and child.isWindow():
                child.setFont(self.font())  # a dialog opened from a zoomed window is zoomed
        return super().event(event)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._default_split_pending and self.built:
            self.default_layout()

    def default_layout(self) -> None:
        """The first opening: article on the left; on the right, ten claims and the details."""
        self._default_split_pending = False
        width = max(self.splitter.width(), self.width())
        self.splitter.setSizes([int(width * 0.42), width - int(width * 0.42)])
        total = max(self.right.height(), self.centralWidget().height())
        wanted = self.list_height_for(LIST_ROWS)
        self.right.setSizes([min(wanted, total), max(total - wanted, 0)])

    def list_height_for(self, rows: float) -> int:
        """The claim list's height that shows ``rows`` rows under its filters and header."""
        table = self.claim_list.table
        chrome = (
            (self.claim_list.height() - table.viewport().height())
            if self.claim_list.isVisible()
            else 0
        )
        if chrome <= 0:  # before the first layout: the filters, the header and the frames
            chrome = (
                self.claim_list.search.sizeHint().height()
                + table.horizontalHeader().sizeHint().height()
                + 2 * table.frameWidth()
                + 16
            )
        return int(chrome + rows * table.row_height())

    def show_detail_pane(self, on: bool = True) -> None:
        """Show or hide the claim's details under the list (View > Claim details, Ctrl+D)."""
        on = bool(on)
        changed = self.detail.isVisibleTo(self) != on
        self.detail.setVisible(on)
        if on and self.right.sizes()[1] == 0:
            total = sum(self.right.sizes())
            list_height = min(self.list_height_for(LIST_ROWS), total // 2 if total else 0)
            self.right.setSizes([list_height, max(total - list_height, 0)])
        action = (self.__dict__.get("actions") or {}).get("toggle_detail")
        if action is not None and action.isChecked() != on:
            action.setChecked(on)
        if self.built and changed:
            self.say("Claim details shown." if on else "Claim details hidden (Ctrl+D shows them).")

    def _detail_toggled_by_splitter(self) -> None:
        collapsed = self.right.sizes()[1] == 0
        action = self.actions.get("toggle_detail")
        if action is not None and action.isChecked() == collapsed:
            action.blockSignals(True)
            action.setChecked(not collapsed)
            action.blockSignals(False)

    # -- zoom ------------------------------------------------------------------------
    def zoom(self, steps: int) -> None:
        """Zoom the whole window (article, list, details, dialogs) by ``steps`` levels."""
        index = max(0, min(len(ZOOM_LEVELS) - 1, ZOOM_NORMAL + self._zoom + steps))
        self._zoom = index - ZOOM_NORMAL
        factor = ZOOM_LEVELS[index]
        if factor == 1.0:
            font = QFont()  # nothing set: the application's font again
        else:
            font = QFont(QApplication.font())
            font.setPointSizeF(QApplication.font().pointSizeF() * factor)
        self.setFont(font)
        # Dialogs are windows of their own, which Qt does not pass the font on to.
        for child in self.findChildren(QWidget):
            if child.isWindow():
                child.setFont(font)
        if self.built:
            self.say(f"Zoom {round(factor * 100)} %")

    def zoom_factor(self) -> float:
        return ZOOM_LEVELS[ZOOM_NORMAL + self._zoom]

    def reset_zoom(self) -> None:
        self.zoom(-self._zoom)

    # -- keyboard --------------------------------------------------------------------
    def panes(self) -> list[QWidget]:
        """What F6 moves between: the article, the claim list, the claim's details."""
        detail = self.detail.text if self.detail.tabs.currentIndex() == 0 else self.detail.evidence
        panes = [self.article_view.text, self.claim_list.table]
        if self.detail.isVisible():
            panes.append(detail)
        return panes

    def cycle_pane(self, step: int) -> None:
        panes = self.panes()
        focus = QApplication.focusWidget()
        current = next(
            (
                i
                for i, pane in enumerate(panes)
                if focus is not None
                and (
                    focus is pane
                    or pane.isAncestorOf(focus)
                    or (i == 2 and self.detail.isAncestorOf(focus))
                )
            ),
            -1,
        )
        target = panes[(current + step) % len(panes)] if current >= 0 else panes[0]
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def focus_search(self) -> None:
        self.claim_list.search.setFocus()
        self.claim_list.search.selectAll()

    def edit_wording(self) -> None:
        if self.detail.claim is None:
            self.say("Select a claim first.")
            return
        self.show_detail_pane(True)
        self.detail.show_tab("claim")
        self.detail.text.setFocus()
        self.detail.text.moveCursor(QTextCursor.MoveOperation.End)

    def focus_evidence_url(self) -> None:
        if self.detail.claim is None:
            self.say("Select a claim first: evidence is attached to a claim.")
            return
        self.show_detail_pane(True)
        self.detail.show_tab("evidence")
        self.detail.url.setFocus()


def short_text(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def edit_message(claim_id: int, fields: dict) -> str:
    """What the status bar says after an edit of a claim's fields."""
    names = {"text": "wording", "claimant": "claimant", "rationale": "rationale"}
    if "verdict" in fields:
        verdict = fields["verdict"]
        return (
            f"Claim #{claim_id} rated {verdict}."
            if verdict
            else f"Claim #{claim_id}: verdict cleared."
        )
    if "status" in fields:
        return f"Claim #{claim_id} is now {str(fields['status']).replace('_', ' ')}."
    saved = [names[f] for f in fields if f in names]
    if saved:
        return f"Saved the {' and '.join(saved)} of claim #{claim_id}."
    return f"Claim #{claim_id} changed."
