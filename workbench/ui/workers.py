"""Background jobs: plain data in, ``progress``/``finished``/``failed`` signals out.

Workers never touch widgets and never share the window's SQLite connection: a
worker that writes opens its own ``ProjectStore`` on the same file (WAL mode lets
both work at once).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from workbench.core.errors import WorkbenchError


class Worker(QObject):
    """Base class: subclasses implement ``work()`` and may call ``report(done, total)``."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    title = "Working"

    def report(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    @Slot()
    def run(self) -> None:
        try:
            result = self.work()
        except WorkbenchError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # one line for the user; the traceback goes to the log
            from workbench.logs import log_exception

            where = log_exception(f"{self.title} failed", exc)
            self.failed.emit(f"{type(exc).__name__}: {exc} (details in {where})")
        else:
            self.finished.emit(result)

    def work(self):  # pragma: no cover - abstract
        raise NotImplementedError


class WarmUpWorker(Worker):
    """Loads the claim detector's models so the first detection is quick."""

    title = "Loading the language models"

    def work(self):
        from workbench import nlp

        nlp.warm_up()
        return True


class DetectClaimsWorker(Worker):
    """Finds the claims of one article of a project file; returns them, unsaved.

    Detection is the slow part (spaCy). The window then shows what re-detection
    would change, and applies it on its own connection as one undoable step.
    """

    title = "Detecting claims"

    def __init__(self, project: Path, article_id: int, threshold: float | None = None) -> None:
        super().__init__()
        self.project = Path(project)
        self.article_id = article_id
        self.threshold = threshold

    def work(self):
        from workbench import ops
        from workbench.store import ProjectStore

        with ProjectStore.open(self.project, readonly=True) as store:
            text = store.articles.get(self.article_id).text
        return ops.detect_candidates(text, threshold=self.threshold, progress=self.report)


class NewProjectWorker(Worker):
    """Creates a project from an article file (import + detection)."""

    title = "Creating the project"

    def __init__(self, project: Path, article: Path, scale: str | None = None) -> None:
        super().__init__()
        self.project = Path(project)
        self.article = Path(article)
        self.scale = scale

    def work(self):
        from workbench import ops

        ops.new_project(self.project, self.article, scale=self.scale, progress=self.report).close()
        return self.project


class ImportArticleWorker(Worker):
    """Reads an article (a file or a URL) and finds its claims; returns ``(article, claims)``.

    Nothing is written here: the window stores both in one transaction, one
    undoable step (``commands.ImportArticleCommand``).
    """

    title = "Importing the article"

    def __init__(self, project: Path, article: Path | str) -> None:
        super().__init__()
        self.project = Path(project)
        self.article = article

    def work(self):
        from workbench import ops

        article = ops.read_article(self.article)
        return article, ops.detect_candidates(article.text, progress=self.report)


class _Relay(QObject):
    """Lives on the UI thread, so a worker's signals reach the callbacks there (queued)."""

    def __init__(self, finished, failed, parent=None) -> None:
        super().__init__(parent)
        self._finished = finished
        self._failed = failed

    @Slot(object)
    def on_finished(self, result) -> None:
        if self._finished is not None:
            self._finished(result)

    @Slot(str)
    def on_failed(self, message: str) -> None:
        if self._failed is not None:
            self._failed(message)


class JobRunner(QObject):
    """Runs workers on their own threads; their results come back on the UI thread.

    Never connect a plain function to a worker's signal: it would run on the
    worker's thread. Pass it to ``start(worker, finished=..., failed=...)``.
    """

    started = Signal(object)
    ended = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._jobs: dict[Worker, tuple[QThread, _Relay]] = {}

    def start(self, worker: Worker, finished=None, failed=None) -> Worker:
        thread = QThread(self)
        relay = _Relay(finished, failed, self)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.finished.connect(relay.on_finished)
        worker.failed.connect(relay.on_failed)
        worker.finished.connect(thread.quit)
        worker.failed.connect(thread.quit)
        thread.finished.connect(lambda: self._done(worker))
        self._jobs[worker] = (thread, relay)
        self.started.emit(worker)
        thread.start()
        return worker

    def _done(self, worker: Worker) -> None:
        thread, relay = self._jobs.pop(worker, (None, None))
        if thread is not None:
            thread.deleteLater()
            relay.deleteLater()
        self.ended.emit(worker)

    def running(self) -> list[Worker]:
        return list(self._jobs)

    def wait_all(self, msecs: int = 30000) -> None:
        for thread, _relay in list(self._jobs.values()):
            thread.quit()
            thread.wait(msecs)
