"""A hostile web server on 127.0.0.1: each path misbehaves in its own way.

Raw sockets (not http.server), so a response can be anything: headers sent one byte
at a time, a body that never ends, a bomb, a loop of redirects, a charset that is not
one. ``HostileServer().start()`` serves until ``stop()``; ``requests_seen`` records
each request's raw head, to check what the client sent (no credentials, say).
"""

from __future__ import annotations

import contextlib
import functools
import random
import socket
import threading
import time
import zlib
from collections.abc import Callable

Behaviour = Callable[[socket.socket, str, "HostileServer"], None]

HTML = "<!doctype html><html><head>{head}<title>{title}</title></head><body>{body}</body></html>"


def _page(title: str, body: str, head: str = "") -> bytes:
    return HTML.format(title=title, body=body, head=head).encode("utf-8")


def _send(sock: socket.socket, status: str, headers: dict, body: bytes = b"") -> None:
    lines = [f"HTTP/1.1 {status}"] + [f"{k}: {v}" for k, v in headers.items()]
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)


def ok(body: bytes, content_type: str = "text/html; charset=utf-8", **headers) -> Behaviour:
    def serve(sock, path, server):
        _send(
            sock,
            "200 OK",
            {
                "Content-Type": content_type,
                "Content-Length": len(body),
                "Connection": "close",
                **headers,
            },
            body,
        )

    return serve


def drip_headers(interval: float = 0.2) -> Behaviour:
    """The status line and headers one byte at a time, forever (no read timeout trips)."""

    def serve(sock, path, server):
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"X-Padding: " + b"a" * 10**6
        for i in range(len(head)):
            if server.stopping.is_set():
                return
            sock.sendall(head[i : i + 1])
            time.sleep(interval)

    return serve


def drip_body(interval: float = 0.2) -> Behaviour:
    def serve(sock, path, server):
        sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")
        while not server.stopping.is_set():
            sock.sendall(b"<p>x</p>")
            time.sleep(interval)

    return serve


def infinite(chunked: bool = True) -> Behaviour:
    """A body that never ends, as fast as the client reads it."""

    def serve(sock, path, server):
        headers = {"Content-Type": "text/html; charset=utf-8", "Connection": "close"}
        if chunked:
            headers["Transfer-Encoding"] = "chunked"
        _send(sock, "200 OK", headers)
        piece = b"<p>" + b"word " * 200 + b"</p>"
        frame = (f"{len(piece):x}\r\n".encode() + piece + b"\r\n") if chunked else piece
        while not server.stopping.is_set():
            sock.sendall(frame)

    return serve


@functools.cache
def _bomb_data(encoding: str, megabytes: int) -> bytes:
    compressor = (
        zlib.compressobj(9, zlib.DEFLATED, 31) if encoding == "gzip" else zlib.compressobj(9)
    )
    chunk = b" " * (1 << 20)
    return b"".join(compressor.compress(chunk) for _ in range(megabytes)) + compressor.flush()


def bomb(encoding: str = "gzip", megabytes: int = 1024) -> Behaviour:
    """A small compressed body that inflates to ``megabytes`` of spaces."""
    return ok(
        _bomb_data(encoding, megabytes), content_type="text/html", **{"Content-Encoding": encoding}
    )


def redirect(location: str, status: str = "302 Found") -> Behaviour:
    def serve(sock, path, server):
        target = location.replace("{port}", str(server.port)).replace("{path}", path)
        _send(sock, status, {"Location": target, "Content-Length": 0, "Connection": "close"})

    return serve


def redirect_chain(sock, path, server) -> None:
    """/chain/N redirects to /chain/N+1, for ever."""
    number = int(path.rsplit("/", 1)[-1] or 0) if path.rsplit("/", 1)[-1].isdigit() else 0
    redirect(f"/chain/{number + 1}")(sock, path, server)


def not_found(sock, path, server) -> None:
    _send(sock, "404 Not Found", {"Content-Length": 0, "Connection": "close"})


def silent(sock, path, server) -> None:
    server.stopping.wait(60)


def reset(sock, path, server) -> None:
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")


def garbage(seed: int) -> Behaviour:
    def serve(sock, path, server):
        sock.sendall(random.Random(seed).randbytes(4096))

    return serve


def many_headers(sock, path, server) -> None:
    head = "HTTP/1.1 200 OK\r\n" + "".join(f"X-{i}: {i}\r\n" for i in range(100_000))
    with contextlib.suppress(OSError):
        sock.sendall(head.encode())


def charset_page(label: str, where: str = "meta") -> Behaviour:
    body = "Café au lait: caffè, Ünïcödé and €10 — a page with accents."
    if where == "meta":
        page = _page("Café", f"<p>{body}</p>", head=f'<meta charset="{label}">')
        return ok(page, content_type="text/html")
    return ok(_page("Café", f"<p>{body}</p>"), content_type=f"text/html; charset={label}")


def quadratic_html(kind: str, size: int) -> Behaviour:
    units = {
        "attr": "<a b='",
        "comment": "<!--",
        "tag": "<a ",
        "nested": "<div>",
        "end": "</a",
        "lt": "<",
    }
    unit = units[kind]
    return ok(("<html><title>Odd</title><body>" + unit * (size // len(unit))).encode())


class HostileServer:
    """Serves ``routes`` (path -> behaviour) on 127.0.0.1, one thread per connection."""

    def __init__(self, routes: dict[str, Behaviour] | None = None) -> None:
        self.routes: dict[str, Behaviour] = dict(routes or {})
        self.requests_seen: list[str] = []
        self.stopping = threading.Event()
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = self._listener.getsockname()[1]
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> HostileServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._listener.close()

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                sock, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(sock,), daemon=True).start()

    def _serve(self, sock: socket.socket) -> None:
        with sock:
            sock.settimeout(10)
            head = b""
            try:
                while b"\r\n\r\n" not in head and len(head) < 65536:
                    data = sock.recv(4096)
                    if not data:
                        return
                    head += data
            except OSError:
                return
            text = head.decode("latin-1")
            self.requests_seen.append(text)
            path = text.split(" ", 2)[1] if text.count(" ") >= 2 else "/"
            behaviour = self.routes.get(path)
            if behaviour is None:
                prefix = next(
                    (p for p in self.routes if p.endswith("/") and path.startswith(p)), None
                )
                behaviour = self.routes.get(prefix) if prefix else None
            if behaviour is None:
                behaviour = not_found
            # OSError: the client gave up, which is the point of most of these pages.
            with contextlib.suppress(OSError):
                behaviour(sock, path, self)
