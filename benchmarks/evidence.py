"""Evidence capture speed: 200 pages from a local server, the window's pool against one by one.

A local HTTP server (another process, so it takes no time from ours) serves 200
distinct article pages, each after a simulated network latency (default 100 ms:
a fast real site; most news sites take longer). The same 200 URLs are captured
into two copies of one project:

- one by one: ``fetch`` then ``store.captures.add`` for each URL, on one thread;
- with the window's worker pool: a real ``MainWindow`` (offscreen) with the claim
  open, its ``EvidenceFetcher`` capturing all 200 while a 5 ms timer on the UI
  thread records how late each tick comes: the longest gap, less the interval,
  is the longest the UI thread was blocked.

Targets: the pool at least 4x faster; the UI thread never blocked over 50 ms.

    .venv/bin/python benchmarks/evidence.py [--pages 200] [--latency-ms 100] [--kb 60]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WORDS = (
    "minister budget troops million percent border election vaccine tariff report "
    "council statement figures official briefing transcript"
).split()


def page(i: int, kb: int) -> bytes:
    """An article-like HTML page of about ``kb`` KB: header, scripts, paragraphs."""
    paragraph = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(60))
    paragraphs = "".join(f"<p>{n}. {paragraph}.</p>" for n in range(kb * 1024 // 480))
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>Report {i}: "
        f"{WORDS[i % len(WORDS)]} figures</title><script>var tracking = {i};</script>"
        f"<style>p {{ margin: 0 }}</style></head><body><nav>Home · World · Politics</nav>"
        f"<article><h1>Report {i}</h1>{paragraphs}</article><footer>© 2024</footer></body></html>"
    ).encode()


def serve(port_out, pages: int, latency: float, kb: int) -> None:
    """The server process: every page after ``latency`` seconds, many requests at once."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    bodies = {f"/page/{i}": page(i, kb) for i in range(pages)}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            time.sleep(latency)
            body = bodies.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.request_queue_size = 256
    port_out.put(server.server_address[1])
    server.serve_forever()


def build(path: Path, urls: list[str]) -> None:
    from workbench.core.models import Article, Claim, Evidence, Stance
    from workbench.presets import load_preset
    from workbench.store import ProjectStore

    sentences = [f"Claim {i}: the {WORDS[i % len(WORDS)]} rose by {i} percent." for i in range(20)]
    text = " ".join(sentences)

    def setup(store) -> None:
        article = store.articles.add(Article(title="Benchmark", text=text))
        spans, pos = [], 0
        for sentence in sentences:
            spans.append((pos, pos + len(sentence)))
            pos += len(sentence) + 1
        claims = store.claims.add_many(
            Claim(article_id=article.id, start=s, end=e, quote="") for s, e in spans
        )
        store.evidence.add_many(
            [
                Evidence(claim_id=claims[i % len(claims)].id, url=url, stance=Stance.SUPPORTS)
                for i, url in enumerate(urls)
            ]
        )

    ProjectStore.create(path, scale=load_preset(), title="bench", setup=setup).close()


def one_by_one(path: Path, urls: list[str], settings) -> float:
    from workbench.evidence import fetch
    from workbench.store import ProjectStore

    with ProjectStore.open(path) as store:
        t0 = time.perf_counter()
        for url in urls:
            result = fetch(url, settings)
            store.captures.add(result.capture, result.body)
        elapsed = time.perf_counter() - t0
        captured = sum(1 for e in store.evidence.all() if e.sha256)
    assert captured == len(urls), f"only {captured} of {len(urls)} captured one by one"
    return elapsed


def with_window_pool(path: Path, urls: list[str], settings) -> tuple[float, list[float]]:
    """Capture through the window's pool; returns (seconds, gaps between 5 ms UI ticks)."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    from workbench.ui.app import application
    from workbench.ui.evidence_panel import AUTO_FETCH_KEY
    from workbench.ui.main_window import MainWindow
    from workbench.ui.theme import settings as window_settings

    app = application()
    window_settings().setValue(AUTO_FETCH_KEY, False)
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    assert window.open_project(path)
    window.claim_list.table.selectRow(0)
    window.evidence.fetcher.settings = settings
    app.processEvents()

    ticks: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    arrived = []

    def on_captured(outcome) -> None:
        arrived.append(outcome)
        if len(arrived) == len(urls):
            QTimer.singleShot(100, loop.quit)  # let the coalesced refresh run, measured too

    window.evidence.fetcher.captured.connect(on_captured)
    timer.start()
    t0 = time.perf_counter()
    window.evidence.fetch(urls)
    loop.exec()
    elapsed = time.perf_counter() - t0 - 0.1
    timer.stop()
    window.evidence.stop()
    captured = sum(1 for e in window.store.evidence.all() if e.sha256)
    shown = window.detail.evidence_panel.model.rowCount()
    window.close()
    assert captured == len(urls), f"only {captured} of {len(urls)} captured by the pool"
    assert shown > 0 and all(o.ok for o in arrived)
    gaps = [(b - a) * 1000 for a, b in zip(ticks, ticks[1:])]
    return elapsed, gaps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument(
        "--latency-ms",
        type=float,
        default=100.0,
        help="simulated network latency per page (default 100)",
    )
    parser.add_argument("--kb", type=int, default=60, help="page size in KB (default 60)")
    args = parser.parse_args()

    from workbench.evidence import FetchSettings

    ctx = multiprocessing.get_context("spawn")
    ports = ctx.Queue()
    server = ctx.Process(
        target=serve, args=(ports, args.pages, args.latency_ms / 1000, args.kb), daemon=True
    )
    server.start()
    try:
        port = ports.get(timeout=30)
        urls = [f"http://127.0.0.1:{port}/page/{i}" for i in range(args.pages)]
        settings = FetchSettings()
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "data"
            data.mkdir()
            os.environ["WORKBENCH_DATA_DIR"] = str(data)  # leave the user's window settings alone
            first = Path(tmp) / "one.fcw"
            build(first, urls)
            second = Path(tmp) / "pool.fcw"
            shutil.copy2(first, second)
            print(
                f"{args.pages} pages of {args.kb} KB from 127.0.0.1, "
                f"{args.latency_ms:g} ms simulated latency each; {settings.workers} workers"
            )
            serial = one_by_one(first, urls, settings)
            print(
                f"one by one:               {serial:6.2f} s  ({args.pages / serial:5.1f} pages/s)"
            )
            pooled, gaps = with_window_pool(second, urls, settings)
            print(
                f"window's worker pool:     {pooled:6.2f} s  ({args.pages / pooled:5.1f} pages/s)"
            )
            print(f"speed-up:                 {serial / pooled:6.1f}x  (target >= 4x)")
            blocked = max(gaps) - 5
            p99 = statistics.quantiles(gaps, n=100)[98] - 5
            print(
                f"longest UI-thread block:  {blocked:6.1f} ms (target < 50 ms); "
                f"99th percentile {p99:.1f} ms; {len(gaps)} ticks of 5 ms"
            )
    finally:
        server.terminate()
        server.join(5)


if __name__ == "__main__":
    main()
