"""The one HTTP fetcher: evidence capture and article import both call ``get``.

One policy for every download (``FetchPolicy``):

- a connect timeout, a read timeout (silence), and one deadline for the whole
  exchange, connect to last byte, headers included (``workbench.web.deadline``);
- at most ``max_redirects`` redirects, followed here, each target checked: only
  http(s), never an address with a user name or password in it (``file:``,
  ``javascript:``, ``data:`` and credentials are refused, also as the first URL);
- no cookie is kept, not even between the hops of one redirect chain: a page shows
  what anyone gets, not what a tracked visitor gets;
- at most ``max_bytes`` of the body, counted after decompression (a "2 MB" gzip can
  hold gigabytes), read as it arrives so a trickle cannot hold a read past the
  deadline;
- a failure is one readable line, classified by the exception's type
  (``describe_error``), never by matching its message.

``get`` never raises for anything the network or the server does: it returns a
``Fetched`` with ``error`` set. It is plain Python, safe on any thread.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.cookiejar import DefaultCookiePolicy
from urllib.parse import urljoin, urlsplit

import requests
from requests import exceptions as rx
from urllib3 import exceptions as u3

from workbench.core.models import utc_now
from workbench.web import deadline
from workbench.web.page import is_text_type

MB = 1024 * 1024
CHUNK = 64 * 1024
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,application/xml;q=0.8,*/*;q=0.5"
# The kinds of failure ``Fetched.kind`` names; these mean the machine could not connect.
NO_CONNECTION = frozenset({"dns", "refused", "reset", "connect"})


@dataclass(frozen=True)
class FetchPolicy:
    """The limits of one download (the evidence settings of a project set them for captures)."""

    max_bytes: int = 10 * MB
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 120.0
    max_redirects: int = 10
    user_agent: str = "FactCheckWorkbench"


@dataclass
class Fetched:
    """What came back: the response's facts, the body if it was read, or one error line."""

    url: str
    answered_at: str = ""  # when the final answer's headers came (UTC, ISO 8601)
    final_url: str = ""
    status: int | None = None
    reason: str = ""
    content_type: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    read: bool = False  # the body was read (a 2xx answer of a text type)
    truncated: bool = False  # the body was longer than ``max_bytes``: only that much is kept
    redirects: list[str] = field(default_factory=list)  # the URLs left, in order
    attempted: str = ""  # the URL of the last request made (a redirect's target)
    error: str = ""
    # The error's kind: "deadline" (the whole fetch took too long), "cancelled", "timeout"
    # (no connection, or silence), "dns", "refused", "reset", "connect", "tls",
    # "redirects", "address", "broken", "other".
    kind: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


class _Stopped(Exception):
    """The download went past the total time allowed, or the caller cancelled it."""

    def __init__(self, message: str, kind: str = "deadline") -> None:
        super().__init__(message)
        self.kind = kind


class _Refused(Exception):
    """An address that is not a web page (scheme, credentials) or too many redirects."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


def human_size(n: int) -> str:
    if n >= MB:
        return f"{n / MB:.1f} MB".replace(".0 MB", " MB")
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"


def new_session(policy: FetchPolicy) -> requests.Session:
    """A session that sends a descriptive User-Agent and accepts no cookie at all."""
    session = requests.Session()
    session.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))
    session.headers.update(
        {
            "User-Agent": policy.user_agent,
            "Accept": ACCEPT,
            "Accept-Encoding": "gzip, deflate",
        }
    )
    deadline.mount(session)  # connect, headers and body: one time limit for the whole fetch
    return session


def check_address(url: str, *, redirected: bool) -> None:
    """Refuse anything but an http(s) address without a user name or password."""
    parts = urlsplit(url)
    what = "redirected to an address" if redirected else "an address"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _Refused(f"{what} that is not a web page: {url[:80]!r}", "address")
    if "@" in parts.netloc:
        # requests would send them as Basic credentials, and they would be stored.
        raise _Refused(
            f"{what} with a user name or password ({parts.scheme}://…@{parts.hostname})", "address"
        )


def get(url: str, policy: FetchPolicy, *, cancelled: Callable[[], bool] | None = None) -> Fetched:
    """GET ``url`` by the module's policy; the body is read for a 2xx answer of a text type."""
    result = Fetched(url)
    session = new_session(policy)
    response = None
    limit = deadline.Deadline(policy.total_timeout)
    try:
        with limit.active():
            if cancelled and cancelled():
                raise _Stopped("cancelled before it started", "cancelled")
            response = _follow(session, url, policy, result, limit)
            if limit.expired:  # the headers were cut short: what came is not the page
                raise _Stopped(_too_long(policy))
            result.answered_at = utc_now()
            result.final_url = response.url
            result.status = response.status_code
            result.reason = response.reason or ""
            result.headers = dict(response.headers)
            result.content_type = (response.headers.get("Content-Type") or "").strip()[:200]
            if 200 <= response.status_code < 300 and (
                not result.content_type or is_text_type(result.content_type)
            ):
                _read_body(response, policy, result, limit, cancelled)
    except _Stopped as exc:
        result.error, result.kind = f"timeout: {exc}", exc.kind
    except _Refused as exc:
        result.error, result.kind = str(exc), exc.kind
    except (rx.RequestException, OSError, ValueError) as exc:  # OSError: the socket layer's
        if limit.expired:
            result.error, result.kind = f"timeout: {_too_long(policy)}", "deadline"
        else:  # name the host of the hop that failed: a redirect may have led elsewhere
            result.kind, result.error = describe_error(exc, result.attempted or url, policy)
    finally:
        if response is not None:
            response.close()
        session.close()
    if result.error:
        result.body, result.read = b"", False
    return result


def _too_long(policy: FetchPolicy) -> str:
    return f"the whole fetch took longer than {policy.total_timeout:g} s"


def _follow(
    session: requests.Session,
    url: str,
    policy: FetchPolicy,
    result: Fetched,
    limit: deadline.Deadline,
) -> requests.Response:
    """GET ``url``, following at most ``max_redirects`` redirects, each target checked."""
    current = url
    result.attempted = current
    check_address(current, redirected=False)
    for _ in range(policy.max_redirects + 1):
        if limit.remaining() <= 0:
            raise _Stopped(_too_long(policy))
        timeout = (min(policy.connect_timeout, max(limit.remaining(), 0.01)), policy.read_timeout)
        result.attempted = current
        response = session.get(current, stream=True, allow_redirects=False, timeout=timeout)
        target = session.get_redirect_target(response) if response.is_redirect else None
        if not target:
            return response
        response.close()
        result.redirects.append(current)
        current = urljoin(response.url, target)
        result.attempted = current
        check_address(current, redirected=True)
    raise _Refused(f"too many redirects (more than {policy.max_redirects})", "redirects")


def _read_body(
    response: requests.Response,
    policy: FetchPolicy,
    result: Fetched,
    limit: deadline.Deadline,
    cancelled: Callable[[], bool] | None,
) -> None:
    """Read at most ``max_bytes`` of the (decompressed) body."""
    chunks: list[bytes] = []
    size = 0
    for chunk in _chunks(response):
        if limit.remaining() <= 0:
            raise _Stopped(_too_long(policy))
        if cancelled and cancelled():
            raise _Stopped("cancelled", "cancelled")
        room = policy.max_bytes - size
        if len(chunk) > room:
            chunks.append(chunk[:room])
            result.truncated = True
            break
        chunks.append(chunk)
        size += len(chunk)
    if limit.expired:  # the connection was cut at the deadline: the body is incomplete
        raise _Stopped(_too_long(policy))
    result.body = b"".join(chunks)
    result.read = True


def _chunks(response: requests.Response) -> Iterator[bytes]:
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


def host(url: str) -> str:
    try:
        return urlsplit(url).netloc or url
    except ValueError:
        return url


def short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception and everything it wraps (requests -> urllib3 -> socket)."""
    seen: set[int] = set()
    found: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        found.append(current)
        todo.extend(a for a in getattr(current, "args", ()) if isinstance(a, BaseException))
        for name in ("reason", "__cause__", "__context__"):
            wrapped = getattr(current, name, None)
            if isinstance(wrapped, BaseException):
                todo.append(wrapped)
    return found


def _first(chain: list[BaseException], *types: type[BaseException]) -> BaseException | None:
    return next((e for e in chain if isinstance(e, types)), None)


# How a failure is named, first match wins: (exception types, looked for in everything the
# exception wraps or only in itself, the kind, the line).
_KINDS: tuple[tuple[tuple[type[BaseException], ...], bool, str, str], ...] = (
    (
        (rx.ConnectTimeout,),
        False,
        "timeout",
        "timeout: no connection to {where} within {connect:g} s",
    ),
    (
        (rx.ReadTimeout, u3.ReadTimeoutError, TimeoutError),
        True,
        "timeout",
        "timeout: {where} sent nothing for {read:g} s",
    ),
    ((rx.TooManyRedirects,), False, "redirects", "too many redirects (more than {redirects})"),
    (
        (rx.InvalidSchema, rx.MissingSchema, rx.InvalidURL),
        False,
        "address",
        "redirected to an address that is not a web page: {short}",
    ),
    ((rx.ContentDecodingError,), False, "broken", "the compressed data {where} sent is damaged"),
    (
        (rx.ChunkedEncodingError,),
        False,
        "broken",
        "the download from {where} broke off before the end",
    ),
    (
        (u3.NameResolutionError, socket.gaierror),
        True,
        "dns",
        "DNS: the host name {name} was not found (offline, or a typo?)",
    ),
    (
        (ConnectionRefusedError,),
        True,
        "refused",
        "refused: nothing at {where} accepted the connection",
    ),
    # http.client's RemoteDisconnected is a ConnectionResetError too.
    ((ConnectionResetError,), True, "reset", "the connection was reset by {where}"),
)


def describe_error(exc: BaseException, url: str, policy: FetchPolicy) -> tuple[str, str]:
    """(kind, one readable line) for a failed request, by the types of the exceptions."""
    where = host(url)
    chain = _causes(exc)
    tls = _first(chain, ssl.SSLError, rx.SSLError, u3.SSLError)
    if tls is not None:
        inner = _first(chain, ssl.SSLError) or tls
        return "tls", f"TLS: the secure connection to {where} failed ({short(inner)})"
    values = {
        "where": where,
        "name": urlsplit(url).hostname,
        "short": short(exc),
        "connect": policy.connect_timeout,
        "read": policy.read_timeout,
        "redirects": policy.max_redirects,
    }
    for types, wrapped, kind, line in _KINDS:
        if _first(chain if wrapped else [exc], *types) is not None:
            return kind, line.format(**values)
    error = next((e for e in chain if isinstance(e, OSError) and e.errno), None)
    if isinstance(error, OSError):
        return "connect", f"cannot connect to {where}: {error.strerror or short(error)}"
    return "other", f"cannot fetch {where}: {short(exc)}"
