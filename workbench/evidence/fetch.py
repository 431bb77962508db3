"""Fetching one evidence page with requests: what the server said, when, and its fingerprint.

``fetch`` never raises for anything the network or the server does: every outcome
is a ``Capture`` (captured, or failed with a readable error). It is plain Python,
safe to call on any thread; it compresses the body itself so the thread that
stores the result has nothing heavy left to do.
"""

from __future__ import annotations

import gzip
import hashlib
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from http.cookiejar import DefaultCookiePolicy
from urllib.parse import urljoin, urlsplit

import requests
from requests import exceptions as rx
from urllib3 import exceptions as u3

from workbench.core.models import Capture, CaptureStatus, utc_now
from workbench.evidence import deadline
from workbench.evidence.page import is_text_type, looks_binary, mime_type, read_page
from workbench.evidence.settings import MB, FetchSettings

CHUNK = 64 * 1024
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,application/xml;q=0.8,*/*;q=0.5"


@dataclass
class FetchResult:
    """One attempt: the capture to record, and the raw body gzip-compressed (None on failure)."""

    capture: Capture
    body: bytes | None = None
    redirects: list[str] = field(default_factory=list)
    attempted: str = ""  # the URL of the last request made (a redirect's target)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.capture.status is CaptureStatus.CAPTURED


class _Stopped(Exception):
    """The download went past the total time allowed, or the caller cancelled it."""


def human_size(n: int) -> str:
    if n >= MB:
        return f"{n / MB:.1f} MB".replace(".0 MB", " MB")
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"


def new_session(settings: FetchSettings) -> requests.Session:
    """A session that sends a descriptive User-Agent and accepts no cookie at all."""
    session = requests.Session()
    # No cookie is kept, not even between the hops of one redirect chain (see
    # ``_follow``): a capture shows what anyone gets, not what a tracked visitor gets.
    session.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))
    session.headers.update({
        "User-Agent": settings.user_agent,
        "Accept": ACCEPT,
        "Accept-Encoding": "gzip, deflate",
    })
    deadline.mount(session)  # connect, headers and body: one time limit for the whole fetch
    return session


def fetch(
    url: str,
    settings: FetchSettings | None = None,
    *,
    cancelled: Callable[[], bool] | None = None,
) -> FetchResult:
    """Fetch ``url`` once and describe what came back (never raises for network trouble)."""
    settings = settings or FetchSettings()
    started = time.monotonic()
    capture = Capture(url=url, status=CaptureStatus.FAILED)
    result = FetchResult(capture)
    session = new_session(settings)
    response = None
    limit = deadline.Deadline(settings.total_timeout)
    too_long = f"timeout: the whole fetch took longer than {settings.total_timeout:g} s"
    try:
        with limit.active():
            if cancelled and cancelled():
                raise _Stopped("cancelled before it started")
            response = _follow(session, url, settings, result, limit)
            if limit.expired:  # the headers were cut short: what came is not the page
                raise _Stopped(f"the whole fetch took longer than {settings.total_timeout:g} s")
            capture.retrieved_at = utc_now()
            capture.final_url = response.url
            capture.http_status = response.status_code
            capture.content_type = (response.headers.get("Content-Type") or "").strip()[:200]
            if not 200 <= response.status_code < 300:
                capture.error = _http_error(response)
            elif capture.content_type and not is_text_type(capture.content_type):
                capture.error = _not_text(capture.content_type, response)
            else:
                _read_body(response, settings, result, limit, cancelled)
    except _Stopped as exc:
        capture.error = f"timeout: {exc}"
    except rx.RequestException as exc:
        # Name the host of the hop that failed: a redirect may have led elsewhere.
        where = result.attempted or url
        capture.error = too_long if limit.expired else describe_error(exc, where, settings)
    except (OSError, ValueError) as exc:  # anything else the socket layer throws
        capture.error = too_long if limit.expired else f"cannot fetch {_host(url)}: {_short(exc)}"
    finally:
        if response is not None:
            response.close()
        session.close()
    if capture.error and capture.status is CaptureStatus.FAILED:
        capture.sha256, capture.size, capture.title, capture.text = "", 0, "", ""
        result.body = None
    if not capture.retrieved_at:
        capture.retrieved_at = utc_now()
    result.seconds = time.monotonic() - started
    return result


def _follow(session: requests.Session, url: str, settings: FetchSettings,
            result: FetchResult, limit: deadline.Deadline) -> requests.Response:
    """GET ``url``, following at most ``max_redirects`` redirects (``result.redirects`` gets
    each URL left, ``result.attempted`` the URL of the request under way).

    Redirects are followed here rather than by requests, so that no cookie a
    redirect sets is sent to the next hop, and a redirect to anything but
    http(s), or to an address with a user name or password in it, is refused.
    """
    current = url
    for _ in range(settings.max_redirects + 1):
        if limit.remaining() <= 0:
            raise _Stopped(f"the whole fetch took longer than {settings.total_timeout:g} s")
        timeout = (min(settings.connect_timeout, max(limit.remaining(), 0.01)),
                   settings.read_timeout)
        result.attempted = current
        response = session.get(current, stream=True, allow_redirects=False, timeout=timeout)
        target = session.get_redirect_target(response) if response.is_redirect else None
        if not target:
            return response
        response.close()
        result.redirects.append(current)
        current = urljoin(response.url, target)
        result.attempted = current
        parts = urlsplit(current)
        if parts.scheme not in ("http", "https"):
            raise rx.InvalidSchema(f"a redirect to {current[:80]!r}")
        if "@" in parts.netloc:
            # requests would send them as Basic credentials, and they would be stored.
            raise rx.InvalidURL(
                f"a redirect to an address with a user name or password "
                f"({parts.scheme}://…@{parts.hostname})"
            )
    raise rx.TooManyRedirects(f"more than {settings.max_redirects} redirects")


def _read_body(response, settings: FetchSettings, result: FetchResult,
               limit: deadline.Deadline, cancelled) -> None:
    """Read at most ``max_bytes`` of the body; record hash, title, text and the compressed bytes."""
    capture = result.capture
    chunks: list[bytes] = []
    size = 0
    truncated = False
    for chunk in _chunks(response):
        if limit.remaining() <= 0:
            raise _Stopped(f"the whole fetch took longer than {settings.total_timeout:g} s")
        if cancelled and cancelled():
            raise _Stopped("cancelled")
        room = settings.max_bytes - size
        if len(chunk) > room:
            chunks.append(chunk[:room])
            size += room
            truncated = True
            break
        chunks.append(chunk)
        size += len(chunk)
    if limit.expired:  # the connection was cut at the deadline: the body is incomplete
        raise _Stopped(f"the whole fetch took longer than {settings.total_timeout:g} s")
    body = b"".join(chunks)
    if looks_binary(body):
        shown = mime_type(capture.content_type) or "no content type"
        capture.error = f"not text: the server sent binary data ({shown}, {human_size(size)}+)"
        return
    title, text = read_page(body, capture.content_type)
    capture.title, capture.text = title, text
    capture.sha256 = hashlib.sha256(body).hexdigest()
    capture.size = size
    capture.truncated = truncated
    if truncated:
        kept = human_size(size)
        capture.error = f"too large: only the first {kept} were kept ({_page_size(response)})"
    capture.status = CaptureStatus.CAPTURED
    result.body = gzip.compress(body, compresslevel=6, mtime=0)


def _page_size(response) -> str:
    """What the server said of the page's size (its Content-Length is the compressed size
    when the body came compressed: a "2 MB" gzip can hold gigabytes)."""
    announced = response.headers.get("Content-Length", "")
    encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
    if not announced.isdigit():
        return "the page is larger"
    if encoding and encoding != "identity":
        return f"the page is larger; it came {encoding}-compressed in {human_size(int(announced))}"
    return f"the page is {human_size(int(announced))}"


def _chunks(response) -> Iterator[bytes]:
    """The decoded body as it arrives (``read1``: a trickling server cannot hold a read
    past the total time limit), with urllib3's errors turned into requests' as
    ``iter_content`` would."""
    raw = response.raw
    while True:
        try:
            chunk = raw.read1(CHUNK, decode_content=True)
        except u3.ProtocolError as exc:
            raise rx.ChunkedEncodingError(exc) from exc
        except u3.DecodeError as exc:
            raise rx.ContentDecodingError(exc) from exc
        except u3.ReadTimeoutError as exc:
            raise rx.ConnectionError(exc) from exc
        except u3.SSLError as exc:
            raise rx.SSLError(exc) from exc
        if not chunk:
            return
        yield chunk


def _http_error(response) -> str:
    code = response.status_code
    reason = response.reason or ""
    if not reason:
        try:
            reason = HTTPStatus(code).phrase
        except ValueError:
            reason = ""
    if 300 <= code < 400:
        return f"HTTP {code} {reason}: a redirect without a usable target".replace("  ", " ")
    kind = "the server refused or lost the page" if code < 500 else "the server failed"
    return f"HTTP {code} {reason} ({kind})".replace("  ", " ")


def _not_text(content_type: str, response) -> str:
    length = response.headers.get("Content-Length", "")
    size = f", {human_size(int(length))}" if length.isdigit() else ""
    return (f"not text: the server sent {mime_type(content_type)}{size}; "
            "only web pages and text are captured")


def _host(url: str) -> str:
    try:
        parts = urlsplit(url)
        return parts.netloc or url
    except ValueError:
        return url


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception and everything it wraps (requests -> urllib3 -> socket)."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo.extend(a for a in getattr(current, "args", ()) if isinstance(a, BaseException))
        todo.extend(
            getattr(current, name, None) for name in ("reason", "__cause__", "__context__")
            if isinstance(getattr(current, name, None), BaseException)
        )


def describe_error(exc: BaseException, url: str, settings: FetchSettings) -> str:
    """One readable line for a failed request: what went wrong, in the checker's words."""
    host = _host(url)
    chain = list(_causes(exc))
    names = {type(e).__name__ for e in chain}
    text = " ".join(str(e) for e in chain)
    if isinstance(exc, rx.SSLError) or "SSLError" in names:
        reason = next((str(e) for e in chain if "certificate" in str(e).lower()), _short(exc))
        return f"TLS: the secure connection to {host} failed ({_short(Exception(reason))})"
    if isinstance(exc, rx.ConnectTimeout):
        return f"timeout: no connection to {host} within {settings.connect_timeout:g} s"
    if isinstance(exc, rx.ReadTimeout) or "ReadTimeoutError" in names or "timed out" in text:
        return f"timeout: {host} sent nothing for {settings.read_timeout:g} s"
    if isinstance(exc, rx.TooManyRedirects):
        return f"too many redirects (more than {settings.max_redirects})"
    if isinstance(exc, (rx.InvalidSchema, rx.MissingSchema, rx.InvalidURL)):
        return f"redirected to an address that is not a web page: {_short(exc)}"
    if isinstance(exc, rx.ContentDecodingError):
        return f"the compressed data {host} sent is damaged"
    if isinstance(exc, rx.ChunkedEncodingError):
        return f"the download from {host} broke off before the end"
    if "NameResolutionError" in names or any(isinstance(e, socket.gaierror) for e in chain) or any(
        marker in text for marker in ("Name or service not known", "nodename nor servname",
                                      "Temporary failure in name resolution", "getaddrinfo failed")
    ):
        return f"DNS: the host name {urlsplit(url).hostname} was not found (offline, or a typo?)"
    if any(isinstance(e, ConnectionRefusedError) for e in chain) or "Connection refused" in text:
        return f"refused: nothing at {host} accepted the connection"
    if any(isinstance(e, ConnectionResetError) for e in chain):
        return f"the connection was reset by {host}"
    if "RemoteDisconnected" in names or "closed connection without response" in text:
        return f"{host} closed the connection without answering"
    if any(isinstance(e, OSError) and getattr(e, "errno", None) for e in chain):
        err = next(e for e in chain if isinstance(e, OSError) and getattr(e, "errno", None))
        return f"cannot connect to {host}: {err.strerror or _short(err)}"
    return f"cannot fetch {host}: {_short(exc)}"
