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
        except Exception as exc:  # shown as one line in the status bar, never a traceback
            self.failed.emit(f"{type(exc).__name__}: {exc}")
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
    """(Re-)detects one article's claims in a project file, keeping worked-on claims."""

    title = "Detecting claims"

    def __init__(self, project: Path, article_id: int, threshold: float | None = None) -> None:
        super().__init__()
        self.project = Path(project)
        self.article_id = article_id
        self.threshold = threshold

    def work(self):
        from workbench import ops
        from workbench.store import ProjectStore

        with ProjectStore.open(self.project) as store:
            added = ops.detect_claims(
                store, self.article_id, threshold=self.threshold, progress=self.report
            )
        return len(added)


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

        ops.new_project(self.project, self.article, scale=self.scale,
                        progress=self.report).close()
        return self.project


class ImportArticleWorker(Worker):
    """Adds an article (a file or a URL) to a project and detects its claims.

    A changed version of an article already there re-anchors its claims (see
    ``ops.import_article``). Returns ``(article_id, message)``.
    """

    title = "Importing the article"

    def __init__(self, project: Path, article: Path | str) -> None:
        super().__init__()
        self.project = Path(project)
        self.article = article

    def work(self):
        from workbench import ops
        from workbench.store import ProjectStore

        with ProjectStore.open(self.project) as store:
            result = ops.import_article(store, self.article, progress=self.report)
        return result.article.id, result.message()


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
