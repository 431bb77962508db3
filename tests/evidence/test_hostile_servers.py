"""Servers that misbehave on purpose: every fetch ends, on time, with the right words."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.reliability import servers
from workbench.core.models import CaptureStatus
from workbench.evidence import fetch
from workbench.evidence.settings import FetchSettings
from workbench.web.page import read_page

QUICK = FetchSettings(connect_timeout=2, read_timeout=2, total_timeout=1.5)


@pytest.fixture
def hostile():
    server = servers.HostileServer().start()
    yield server
    server.stop()


def test_headers_sent_a_byte_at_a_time_stop_at_the_whole_fetch_deadline(hostile):
    """Each byte arrives well within the read timeout: only a deadline for the whole fetch,
    headers included, ends it (it ran for minutes before)."""
    hostile.routes["/drip"] = servers.drip_headers(0.1)
    result = fetch(hostile.url("/drip"), QUICK)
    assert result.capture.status is CaptureStatus.FAILED
    assert result.capture.error == "timeout: the whole fetch took longer than 1.5 s"
    assert result.seconds < 10  # the server would have gone on for a day


def test_the_deadline_is_a_project_setting(tmp_path, seed_project):
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "workbench",
            "evidence",
            "settings",
            str(seed_project),
            "--total-timeout",
            "7",
        ],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    assert "whole fetch 7 s" in out.stdout
    from workbench.evidence.project import project_settings
    from workbench.store import ProjectStore

    with ProjectStore.open(seed_project, readonly=True) as store:
        assert project_settings(store).total_timeout == 7


def test_a_redirect_to_an_address_with_credentials_is_refused(hostile):
    hostile.routes["/login"] = servers.redirect("http://user:secret@127.0.0.1:{port}/private")
    hostile.routes["/private"] = servers.ok(b"<title>Private</title>")
    result = fetch(hostile.url("/login"), QUICK)
    assert result.capture.status is CaptureStatus.FAILED
    assert "user name or password" in result.capture.error
    assert "secret" not in result.capture.error and "secret" not in result.capture.final_url
    assert not any("Authorization" in head for head in hostile.requests_seen)
    assert not any(head.startswith("GET /private") for head in hostile.requests_seen)


def test_a_scheme_relative_redirects_error_names_the_host_it_led_to(hostile):
    from tests.localsite import closed_port_url

    elsewhere = closed_port_url().removeprefix("http:")  # //127.0.0.1:PORT/
    hostile.routes["/moved"] = servers.redirect(elsewhere + "page")
    result = fetch(hostile.url("/moved"), QUICK)
    port = elsewhere.split(":")[-1].rstrip("/")
    assert result.capture.error == f"refused: nothing at 127.0.0.1:{port} accepted the connection"


def test_a_compressed_page_cut_at_the_cap_says_the_size_kept(hostile):
    hostile.routes["/bomb"] = servers.bomb("gzip", megabytes=8)
    result = fetch(hostile.url("/bomb"), FetchSettings(max_bytes=1024 * 1024, total_timeout=30))
    capture = result.capture
    assert capture.status is CaptureStatus.CAPTURED and capture.truncated
    assert capture.size == 1024 * 1024
    assert capture.error.startswith("too large: only the first 1 MB were kept (the page is larger;")
    assert "gzip-compressed in" in capture.error


@pytest.mark.parametrize(
    "label",
    [
        "base64",
        "rot13",
        "hex",
        "zlib",
        "idna",
        "punycode",
        "unicode_escape",
        "utf-7",
        "bz2",
        "undefined",
    ],
)
@pytest.mark.parametrize("where", ["meta", "header"])
def test_a_codec_that_is_not_a_charset_is_never_used(hostile, label, where):
    hostile.routes["/odd"] = servers.charset_page(label, where)
    result = fetch(hostile.url("/odd"), QUICK)
    capture = result.capture
    assert capture.status is CaptureStatus.CAPTURED, capture.error
    assert "Café au lait: caffè, Ünïcödé and €10" in capture.text  # read as UTF-8


def test_the_command_line_reports_what_was_recorded(hostile, seed_project):
    """A page that named 'idna' printed "captured" while its capture was recorded failed."""
    hostile.routes["/idna"] = servers.charset_page("idna", "header")
    url = hostile.url("/idna")
    run = [sys.executable, "-m", "workbench"]
    subprocess.run(
        [*run, "evidence", "add", str(seed_project), "--claim", "1", url],
        check=True,
        capture_output=True,
    )
    out = subprocess.run([*run, "fetch", str(seed_project)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    listed = subprocess.run(
        [*run, "evidence", "list", str(seed_project)], capture_output=True, text=True
    ).stdout
    assert out.stdout.startswith("captured") and "captured, HTTP 200" in listed


@pytest.mark.parametrize("kind", ["attr", "comment", "tag", "nested", "end", "lt"])
def test_reading_a_pathological_page_takes_linear_time(kind):
    """A megabyte of "<a b='" was still being parsed after 280 s; now it is read in seconds
    (run in a child with a generous bound, as this is about hanging, not speed)."""
    units = {
        "attr": "<a b='",
        "comment": "<!--",
        "tag": "<a ",
        "nested": "<div>",
        "end": "</a",
        "lt": "<",
    }
    code = (
        "from workbench.web.page import read_page\n"
        f"page = ('<html><title>Odd</title><body>' + {units[kind]!r} * (1_000_000 // "
        f"{len(units[kind])})).encode()\n"
        "title, text = read_page(page, 'text/html')\n"
        "print(title)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == "Odd", out.stderr


def test_titles_and_text_as_the_page_reader_gives_them():
    page = (
        b"<html><head><title>A &amp; B <b>bold</b></title><script>var x = '<p>no</p>';"
        b"</script></head><body><p>One<br>two</p><pre>a\n  b</pre><!-- gone -->"
        b"<img alt='chart'><p>x < y &gt; z</p><p title='unclosed>still'>end</p>"
    )
    title, text = read_page(page, "text/html")
    assert title == "A & B <b>bold</b>"
    assert text == "One\ntwo\n\na\nb\nchart\nx < y > z\n\nend"  # as html.parser read it
