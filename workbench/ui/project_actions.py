"""What the File, View and Claim menus do beyond the window's own methods.

New project, open, import (a file or an address), the recent files and verdicts
submenus, the selected text as a claim's span, the theme, and the passed-over
sentences. Each takes the window and uses only its public methods and panels;
long work (detection, import) runs in a worker through ``window.jobs``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMenu

from workbench.ui.theme import apply_theme
from workbench.ui.workers import ImportArticleWorker, NewProjectWorker, Worker

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

ARTICLE_FILTER = "Articles (*.txt *.md *.html *.htm *.docx);;All files (*)"
PROJECT_FILTER = "Fact-Check Workbench projects (*.fcw)"


class PassedOverWorker(Worker):
    title = "Finding passed-over sentences"

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def work(self) -> list[tuple[int, int]]:
        from workbench import nlp

        return [
            (c.start, c.end)
            for c in nlp.extract(self.text, include_passed=True)
            if not c.checkworthy
        ]


def set_theme(window: MainWindow, choice: str) -> None:
    apply_theme(QApplication.instance(), choice)
    window.say(f"Theme: {'as the system' if choice == 'system' else choice}")


def set_span_from_selection(window: MainWindow) -> None:
    span = window.article_view.text.selected_span()
    if span:
        window.set_span(*span)
    else:
        window.say("Select text in the article first: it becomes the claim's span.")


def fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    for number, path in enumerate(window.recent_files(), start=1):
        menu.addAction(
            f"&{number}  {path.replace('&', '&&')}", lambda p=path: window.open_project(p)
        )
    if menu.isEmpty():
        menu.addAction("(none)").setEnabled(False)


def fill_verdicts(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    if window.store is None:
        return
    for number, name in enumerate(window.store.scale.get().names(), start=1):
        text = f"&{number}  {name}" if number <= 9 else name
        menu.addAction(text, lambda n=number: window.rate_by_number(n))
    menu.addAction("&0  Clear verdict", lambda: window.rate_by_number(0))


def open_dialog(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(window, "Open project", "", PROJECT_FILTER)
    if path:
        window.open_project(path)


def new_project(window: MainWindow) -> None:
    article, _ = QFileDialog.getOpenFileName(window, "Article to check", "", ARTICLE_FILTER)
    if not article:
        return
    target, _ = QFileDialog.getSaveFileName(
        window, "Save the new project as", str(Path(article).with_suffix(".fcw")), PROJECT_FILTER
    )
    if not target:
        return
    from workbench.core.scale import DEFAULT_SCALE
    from workbench.presets import preset_names

    presets = preset_names()
    scale, ok = QInputDialog.getItem(
        window,
        "Verdict scale",
        "Rate the claims on the scale:",
        presets,
        presets.index(DEFAULT_SCALE),
        False,
    )
    if not ok:
        return
    worker = NewProjectWorker(Path(target), Path(article), scale=scale)
    window.say(f"Creating {Path(target).name} and finding its claims…")
    window.jobs.start(
        worker,
        finished=lambda path: window.open_project(path),
        failed=lambda msg: window.show_error("Cannot create the project", msg),
    )


def import_article(window: MainWindow, source: str | Path | None = None) -> None:
    if window.store is None:
        return
    if source is None:
        source, _ = QFileDialog.getOpenFileName(window, "Import article", "", ARTICLE_FILTER)
        if not source:
            return
        source = Path(source)
    worker = ImportArticleWorker(window.store.path, source)
    store = window.store
    window.say(f"Importing {source}…")
    window.jobs.start(
        worker,
        finished=lambda read: window.curation.store_import(store, read),
        failed=lambda msg: window.show_error("Cannot import the article", msg),
    )


def import_article_url(window: MainWindow) -> None:
    if window.store is None:
        return
    url, ok = QInputDialog.getText(
        window, "Import article from URL", "Address of the article (needs a connection):"
    )
    if ok and url.strip():
        import_article(window, url.strip())


def show_passed_over(window: MainWindow, on: bool) -> None:
    text_view = window.article_view.text
    if not on or window.store is None or window.article_id is None:
        text_view.set_faint_spans([])
        if window.store is not None:
            window.say("Passed-over sentences hidden.")
        return
    worker = PassedOverWorker(window.store.articles.get(window.article_id).text)

    def shown(spans: list[tuple[int, int]]) -> None:
        text_view.set_faint_spans(spans)
        window.say(f"{len(spans)} passed-over sentences shown in grey.")

    window.jobs.start(worker, finished=shown, failed=lambda msg: window.say(msg))
