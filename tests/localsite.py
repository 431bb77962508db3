"""A real HTTP server on 127.0.0.1 for the evidence tests: one page per situation.

Threaded (``ThreadingHTTPServer``), started by the ``site`` fixture and stopped
after the test. Pages can be slow, redirect, fail, be large or binary; the server
records the headers of every request so tests can check what the fetcher sent.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict = field(default_factory=dict)
    delay: float = 0.0  # seconds before the response starts
    trickle: float = 0.0  # seconds between 1 KB pieces of the body
    gzip: bool = False


class LocalSite:
    """Pages served at ``url(path)``; ``requests[path]`` holds the headers of each request."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.requests: dict[str, list[dict]] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                site.requests.setdefault(self.path, []).append(dict(self.headers))
                page = site.pages.get(self.path)
                if page is None:
                    page = Page(b"<html><title>Not here</title></html>", status=404)
                if page.delay:
                    time.sleep(page.delay)
                body = gzip.compress(page.body) if page.gzip else page.body
                try:
                    self.send_response(page.status)
                    if page.content_type:
                        self.send_header("Content-Type", page.content_type)
                    if page.gzip:
                        self.send_header("Content-Encoding", "gzip")
                    for name, value in page.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.send_header("Connection", "close")
                    self.end_headers()
                    if page.trickle:
                        for i in range(0, len(body), 1024):
                            self.wfile.write(body[i : i + 1024])
                            self.wfile.flush()
                            time.sleep(page.trickle)
                    else:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test): nothing to do

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def start(self) -> LocalSite:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, body: bytes | str = b"", **kwargs) -> str:
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.pages[path] = Page(body, **kwargs)
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302, **headers) -> str:
        return self.add(
            path, b"", status=status, content_type="", headers={"Location": to, **headers}
        )


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (the port was just free)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


def html(title: str, body: str = "", *, head: str = "") -> str:
    return (
        f"<!doctype html><html><head>{head}<title>{title}</title></head><body>{body}</body></html>"
    )
