"""Captures in the store: versions per URL, failures never hide a good capture, bodies kept."""

from __future__ import annotations

import gzip

from workbench.core.models import Capture, CaptureStatus


def good(url, sha, title="T", body=b"<html>x</html>", **kw):
    capture = Capture(
        url=url,
        status=CaptureStatus.CAPTURED,
        http_status=200,
        sha256=sha,
        title=title,
        final_url=url,
        content_type="text/html",
        size=len(body),
        text="x",
        **kw,
    )
    return capture, gzip.compress(body)


def failed(url, error, http_status=None):
    return Capture(url=url, status=CaptureStatus.FAILED, error=error, http_status=http_status), None


def test_a_failure_never_hides_an_earlier_good_capture(store):
    claim = store.claims.all()[0]
    url = "https://example.org/a"
    item = store.evidence.add(claim.id, url, "supports", "minutes")
    assert (item.capture_status, item.sha256, item.error) == (CaptureStatus.PENDING, "", "")
    store.captures.add(*failed(url, "DNS: the host name example.org was not found"))
    item = store.evidence.get(item.id)
    assert item.capture_status is CaptureStatus.FAILED and item.error.startswith("DNS")
    store.captures.add(*good(url, "a" * 64, "First"))
    store.captures.add(*failed(url, "HTTP 404 Not Found", 404))
    item = store.evidence.get(item.id)
    assert item.capture_status is CaptureStatus.CAPTURED
    assert (item.sha256, item.title, item.http_status) == ("a" * 64, "First", 200)
    assert item.error == "HTTP 404 Not Found"  # the latest attempt is reported, not hidden
    store.captures.add(*good(url, "a" * 64, "First"))
    assert store.evidence.get(item.id).error == ""


def test_versions_show_when_the_content_changed(store):
    claim = store.claims.all()[0]
    url = "https://example.org/changing"
    store.evidence.add(claim.id, url)
    store.captures.add(*good(url, "1" * 64))
    store.captures.add(*good(url, "1" * 64))
    store.captures.add(*failed(url, "timeout"))
    store.captures.add(*good(url, "2" * 64))
    versions = store.captures.of_url(url)  # newest first
    assert [c.status.value for c in versions] == ["captured", "failed", "captured", "captured"]
    assert [c.changed for c in versions] == [True, False, False, False]
    assert store.evidence.all(claim.id)[0].versions == 3


def test_the_raw_body_comes_back_exactly(store):
    claim = store.claims.all()[0]
    url = "https://example.org/body"
    store.evidence.add(claim.id, url)
    body = "Café ".encode() * 1000
    capture, blob = good(url, "3" * 64, body=body)
    store.captures.add(capture, blob)
    assert store.captures.body(capture.id) == body
    assert len(blob) < len(body)  # kept compressed


def test_truncated_capture_is_marked(store):
    claim = store.claims.all()[0]
    url = "https://example.org/huge"
    store.evidence.add(claim.id, url)
    note = "too large: only the first 10 MB were kept (the page is 25 MB)"
    store.captures.add(*good(url, "4" * 64, truncated=True, error=note))
    item = store.evidence.all(claim.id)[0]
    assert item.capture_status is CaptureStatus.CAPTURED and item.truncated and item.error == note


def test_captured_pages_are_searchable(store):
    claims = store.claims.all()
    url = "https://example.org/searchable"
    store.evidence.add(claims[3].id, url)
    capture = Capture(
        url=url,
        status=CaptureStatus.CAPTURED,
        sha256="5" * 64,
        title="Budget",
        text="the treasury published the zanzibarian ledger",
    )
    store.captures.add(capture)
    hits = store.search.find("zanzibarian")
    assert [(h.claim_id, h.where) for h in hits] == [(claims[3].id, "captured page")]


def test_urls_to_capture(store):
    a, b = store.claims.all()[:2]
    for claim, url in (
        (a, "https://example.org/1"),
        (b, "https://example.org/2"),
        (b, "https://example.org/1"),
        (a, "https://example.org/3"),
    ):
        store.evidence.add(claim.id, url)
    store.captures.add(*good("https://example.org/2", "6" * 64))
    store.captures.add(*failed("https://example.org/3", "refused"))
    assert store.captures.urls_to_fetch() == ["https://example.org/1", "https://example.org/3"]
    assert store.captures.urls_to_fetch(failed=False) == ["https://example.org/1"]
    assert store.captures.urls_to_fetch(b.id) == ["https://example.org/1"]
    assert store.captures.urls_to_fetch(again=True) == [
        f"https://example.org/{i}" for i in (1, 2, 3)
    ]


def test_in_memory_update_agrees_with_the_store(store):
    """``Evidence.with_capture`` (the window's quick update) shows what the store will show."""
    claim = store.claims.all()[0]
    url = "https://example.org/parity"
    shown = store.evidence.add(claim.id, url)
    big = "too large: only the first 10 MB were kept (the page is larger)"
    attempts = [
        failed(url, "DNS: the host name example.org was not found"),
        failed(url, "", 503),
        good(url, "7" * 64, "First"),
        failed(url, "HTTP 404 Not Found", 404),
        good(url, "8" * 64, "Second", truncated=True, error=big),
        failed(url, "timeout: example.org sent nothing for 20 s"),
        good(url, "9" * 64, "Third"),
    ]
    for second, (capture, body) in enumerate(attempts):
        capture.retrieved_at = f"2024-05-01T10:00:{second:02d}Z"
        store.captures.add(capture, body)
        shown = shown.with_capture(capture)
        assert shown == store.evidence.get(shown.id), f"after attempt {second}"
