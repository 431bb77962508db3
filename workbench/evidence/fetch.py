"""Capturing one evidence page: what the server said, when, and its fingerprint.

The download is ``workbench.web.fetch.get`` (the workbench's one fetcher and its
policy); this module turns what came back into a ``Capture``. ``fetch`` never
raises for anything the network or the server does: every outcome is a capture
(captured, or failed with a readable error). It is plain Python, safe to call on
any thread; it compresses the body itself so the thread that stores the result has
nothing heavy left to do.
"""

from __future__ import annotations

import gzip
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus

from workbench.core.models import Capture, CaptureStatus, utc_now
from workbench.evidence.settings import FetchSettings
from workbench.web.fetch import Fetched, describe_error, get, human_size
from workbench.web.page import is_text_type, looks_binary, mime_type, read_page

__all__ = ["FetchResult", "describe_error", "fetch", "human_size"]


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


def fetch(
    url: str,
    settings: FetchSettings | None = None,
    *,
    cancelled: Callable[[], bool] | None = None,
) -> FetchResult:
    """Fetch ``url`` once and describe what came back (never raises for network trouble)."""
    settings = settings or FetchSettings()
    started = time.monotonic()
    got = get(url, settings.policy(), cancelled=cancelled)
    capture = Capture(
        url=url, status=CaptureStatus.FAILED, retrieved_at=got.answered_at or utc_now()
    )
    result = FetchResult(capture, redirects=got.redirects, attempted=got.attempted)
    if got.status is not None:
        capture.final_url = got.final_url
        capture.http_status = got.status
        capture.content_type = got.content_type
    if got.error:
        capture.error = got.error
    elif not 200 <= (got.status or 0) < 300:
        capture.error = _http_error(got)
    elif capture.content_type and not is_text_type(capture.content_type):
        capture.error = _not_text(got)
    else:
        _keep_body(got, result)
    result.seconds = time.monotonic() - started
    return result


def _keep_body(got: Fetched, result: FetchResult) -> None:
    """Record hash, title, text and the compressed bytes of a body that was read."""
    capture, body = result.capture, got.body
    if looks_binary(body):
        shown = mime_type(capture.content_type) or "no content type"
        capture.error = f"not text: the server sent binary data ({shown}, {human_size(len(body))}+)"
        return
    capture.title, capture.text = read_page(body, capture.content_type)
    capture.sha256 = hashlib.sha256(body).hexdigest()
    capture.size = len(body)
    capture.truncated = got.truncated
    if got.truncated:
        kept = human_size(len(body))
        capture.error = f"too large: only the first {kept} were kept ({_page_size(got)})"
    capture.status = CaptureStatus.CAPTURED
    result.body = gzip.compress(body, compresslevel=6, mtime=0)


def _page_size(got: Fetched) -> str:
    """What the server said of the page's size (its Content-Length is the compressed size
    when the body came compressed: a "2 MB" gzip can hold gigabytes)."""
    announced = _header(got, "Content-Length")
    encoding = _header(got, "Content-Encoding").strip().lower()
    if not announced.isdigit():
        return "the page is larger"
    if encoding and encoding != "identity":
        return f"the page is larger; it came {encoding}-compressed in {human_size(int(announced))}"
    return f"the page is {human_size(int(announced))}"


def _header(got: Fetched, name: str) -> str:
    wanted = name.lower()
    return next((v for k, v in got.headers.items() if k.lower() == wanted), "")


def _http_error(got: Fetched) -> str:
    code = got.status or 0
    reason = got.reason
    if not reason:
        try:
            reason = HTTPStatus(code).phrase
        except ValueError:
            reason = ""
    if 300 <= code < 400:
        return f"HTTP {code} {reason}: a redirect without a usable target".replace("  ", " ")
    kind = "the server refused or lost the page" if code < 500 else "the server failed"
    return f"HTTP {code} {reason} ({kind})".replace("  ", " ")


def _not_text(got: Fetched) -> str:
    length = _header(got, "Content-Length")
    size = f", {human_size(int(length))}" if length.isdigit() else ""
    return (
        f"not text: the server sent {mime_type(got.content_type)}{size}; "
        "only web pages and text are captured"
    )
