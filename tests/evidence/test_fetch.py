"""Fetching one page, against a real HTTP server on 127.0.0.1: every outcome is a capture."""

from __future__ import annotations

import gzip
import hashlib
import socket

import pytest

from tests.localsite import closed_port_url, html
from workbench.core.models import CaptureStatus
from workbench.evidence import FetchSettings, fetch
from workbench.evidence.settings import USER_AGENT

FAST = FetchSettings(connect_timeout=2, read_timeout=0.5, total_timeout=5)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    ("title", "encoded", "content_type"),
    [
        # declared in the HTTP header
        ("Café – “quoted” 東京", None, "text/html; charset=utf-8"),
        ("日本語のページ", "shift_jis", "text/html; charset=Shift_JIS"),
        # declared only in a <meta> tag
        ("Déjà vu à 5 €", "cp1252", "text/html"),
        ("Новости дня", "koi8-r", "text/html"),
        # not declared at all: valid UTF-8 is UTF-8
        ("Zürich über alles", "utf-8-undeclared", "text/html"),
        # a byte-order mark and nothing else
        ("Ελληνικά με BOM", "utf-16", "text/html"),
    ],
)
def test_titles_in_several_encodings_and_exact_hash(site, title, encoded, content_type):
    if encoded is None or encoded == "utf-8-undeclared":
        body = html(title, "<p>Body</p>").encode("utf-8")
    elif encoded == "utf-16":
        body = html(title, "<p>Body</p>").encode("utf-16")  # with BOM
    elif encoded == "shift_jis":
        body = html(title, "<p>本文</p>").encode("shift_jis")
    else:
        head = (
            f'<meta charset="{encoded}">'
            if encoded == "cp1252"
            else (f'<meta http-equiv="Content-Type" content="text/html; charset={encoded}">')
        )
        body = html(title, "<p>Body</p>", head=head).encode(encoded)
    url = site.add("/page", body, content_type=content_type)
    result = fetch(url, FAST)
    capture = result.capture
    assert capture.status is CaptureStatus.CAPTURED, capture.error
    assert capture.title == title
    assert capture.http_status == 200
    assert capture.final_url == url
    assert capture.sha256 == sha(body)
    assert capture.size == len(body)
    assert capture.content_type == content_type
    assert capture.retrieved_at.endswith("Z") and capture.error == ""
    assert gzip.decompress(result.body) == body


def test_entities_are_decoded_and_scripts_never_become_text(site):
    page = html(
        "Tom &amp; Jerry&#8217;s <b>report</b>",
        "<script>document.write('RUN ME')</script><style>p{color:red}</style>"
        "<noscript>enable js</noscript><h1>Heading</h1><p>First paragraph.</p>"
        "<p>Second &lt;one&gt;.</p><img src='http://127.0.0.1:1/tracker.png' alt='a chart'>",
    )
    result = fetch(site.add("/e", page), FAST)
    assert result.capture.title == "Tom & Jerry’s <b>report</b>"
    text = result.capture.text
    assert "Heading\n" in text and "First paragraph.\n" in text and "Second <one>." in text
    assert "a chart" in text
    for hidden in ("RUN ME", "color:red", "enable js", "<p>"):
        assert hidden not in text


def test_plain_text_title_is_its_first_line(site):
    body = b"\n\nMinutes of the council\nItem 1: budget.\n"
    result = fetch(site.add("/t.txt", body, content_type="text/plain"), FAST)
    assert result.capture.title == "Minutes of the council"
    assert result.capture.text.endswith("Item 1: budget.")
    assert result.capture.sha256 == sha(body)


def test_redirects_are_followed_and_the_final_url_recorded(site):
    target = site.add("/final", html("Arrived"))
    site.redirect("/b", target, status=302)
    start = site.redirect("/a", site.url("/b"), status=301)
    result = fetch(start, FAST)
    assert result.capture.status is CaptureStatus.CAPTURED
    assert result.capture.final_url == target
    assert result.capture.title == "Arrived"
    assert result.redirects == [start, site.url("/b")]


def test_a_redirect_loop_stops_at_the_limit(site):
    loop = site.redirect("/loop", "/loop")
    result = fetch(loop, FetchSettings(max_redirects=3, read_timeout=2))
    assert result.capture.status is CaptureStatus.FAILED
    assert result.capture.error == "too many redirects (more than 3)"
    assert len(site.requests["/loop"]) == 4


def test_no_cookie_is_kept_and_the_user_agent_is_descriptive(site):
    site.add("/echo", html("Echo"))
    start = site.redirect("/login", "/echo", **{"Set-Cookie": "session=abc; Path=/"})
    assert fetch(start, FAST).capture.status is CaptureStatus.CAPTURED
    sent = site.requests["/echo"][0]
    assert "Cookie" not in sent
    assert sent["User-Agent"] == USER_AGENT and "FactCheckWorkbench/" in USER_AGENT


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (404, "HTTP 404 Not Found"),
        (410, "HTTP 410 Gone"),
        (500, "HTTP 500 Internal Server Error"),
        (503, "HTTP 503 Service Unavailable"),
    ],
)
def test_http_errors_are_failures_with_their_status(site, status, expected):
    url = site.add(f"/e{status}", html("Error page"), status=status)
    result = fetch(url, FAST)
    capture = result.capture
    assert capture.status is CaptureStatus.FAILED
    assert capture.http_status == status
    assert capture.error.startswith(expected)
    assert capture.sha256 == "" and result.body is None


def test_a_slow_server_times_out(site):
    url = site.add("/slow", html("Too late"), delay=2.0)
    result = fetch(url, FAST)
    assert result.capture.status is CaptureStatus.FAILED
    assert result.capture.error == f"timeout: 127.0.0.1:{site.port} sent nothing for 0.5 s"
    assert result.seconds < 1.9


def test_a_trickling_download_stops_at_the_total_time_limit(site):
    url = site.add("/trickle", b"x" * 20_000, content_type="text/plain", trickle=0.1)
    result = fetch(url, FetchSettings(read_timeout=2, total_timeout=0.4))
    assert result.capture.status is CaptureStatus.FAILED
    assert result.capture.error == "timeout: the whole fetch took longer than 0.4 s"


def test_a_body_over_the_cap_is_truncated_and_marked(site):
    cap = 64 * 1024
    body = (html("Huge", "<p>" + "word " * 60_000 + "</p>")).encode()
    assert len(body) > 4 * cap
    result = fetch(site.add("/big", body), FetchSettings(max_bytes=cap))
    capture = result.capture
    assert capture.status is CaptureStatus.CAPTURED
    assert capture.truncated and capture.size == cap
    assert capture.sha256 == sha(body[:cap])  # the bytes received and kept
    assert gzip.decompress(result.body) == body[:cap]
    assert capture.error == "too large: only the first 64 KB were kept (the page is 293 KB)"
    assert capture.title == "Huge"


@pytest.mark.parametrize("content_type", ["image/png", "application/octet-stream", "text/html", ""])
def test_a_binary_body_is_not_text(site, content_type):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    result = fetch(site.add("/img", png, content_type=content_type), FAST)
    assert result.capture.status is CaptureStatus.FAILED
    assert result.capture.error.startswith("not text:")
    assert result.capture.http_status == 200 and result.capture.sha256 == ""


def test_a_compressed_transfer_is_hashed_as_the_document(site):
    body = html("Zipped", "<p>" + "same " * 500 + "</p>").encode()
    result = fetch(site.add("/gz", body, gzip=True), FAST)
    assert result.capture.sha256 == sha(body)
    assert result.capture.title == "Zipped"


def test_a_closed_port_is_refused():
    result = fetch(closed_port_url(), FAST)
    assert result.capture.status is CaptureStatus.FAILED
    assert result.capture.error.startswith("refused: nothing at 127.0.0.1:")
    assert result.capture.http_status is None and result.capture.sha256 == ""


def test_an_unknown_host_is_a_dns_error(monkeypatch):
    """The resolver is told to fail, as it does offline: no network needed."""

    def no_such_host(*_args, **_kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    result = fetch("https://no-such-host.example/story", FAST)
    assert result.capture.error == (
        "DNS: the host name no-such-host.example was not found (offline, or a typo?)"
    )


def test_a_tls_failure_is_named(site):
    site.add("/", html("Plain HTTP"))
    # Speaking TLS to a plain-HTTP server fails the handshake, as a broken certificate would.
    result = fetch(f"https://127.0.0.1:{site.port}/", FAST)
    assert result.capture.status is CaptureStatus.FAILED
    expected = f"TLS: the secure connection to 127.0.0.1:{site.port} failed"
    assert result.capture.error.startswith(expected)


def test_a_server_that_stalls_mid_page_times_out(site):
    url = site.add("/stall", b"<html><title>Half</title>" + b"x" * 4096, trickle=1.5)
    result = fetch(url, FetchSettings(read_timeout=0.3))
    assert result.capture.status is CaptureStatus.FAILED
    assert result.capture.error == f"timeout: 127.0.0.1:{site.port} sent nothing for 0.3 s"


def test_a_redirect_to_a_file_url_is_refused(site):
    start = site.redirect("/sneaky", "file:///etc/passwd")
    result = fetch(start, FAST)
    assert result.capture.status is CaptureStatus.FAILED
    assert result.capture.error.startswith("redirected to an address that is not a web page")
