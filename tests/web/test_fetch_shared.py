"""One fetcher for evidence and articles: the same policy, and io/evidence apart."""

from __future__ import annotations

import ast
import socket
from pathlib import Path

import pytest

from tests.localsite import html
from workbench.core.errors import ArticleError
from workbench.io.article_url import fetch_article
from workbench.web.fetch import FetchPolicy, get

PACKAGE = Path(__file__).resolve().parents[2] / "workbench"


def _imports(folder: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (PACKAGE / folder).glob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
        found[path.name] = {n for n in names if n.startswith("workbench")}
    return found


def test_web_imports_only_core_and_io_and_evidence_never_each_other():
    """``io/article_url.py`` imported ``workbench.evidence.deadline`` before."""
    for name, imported in _imports("web").items():
        assert all(n.startswith(("workbench.core", "workbench.web")) for n in imported), name
    for name, imported in _imports("io").items():
        assert not any(n.startswith("workbench.evidence") for n in imported), name
    for name, imported in _imports("evidence").items():
        assert not any(n.startswith("workbench.io") for n in imported), name


def test_an_article_by_url_keeps_no_cookie_between_redirects(site):
    """requests' cookie jar sent the redirect's cookie to the next hop before."""
    site.add("/story", html("Story", "<p>The budget rose by 12 percent in 2023.</p>"))
    start = site.redirect("/login", "/story", **{"Set-Cookie": "session=abc; Path=/"})
    assert "12 percent" in fetch_article(start).text
    assert "Cookie" not in site.requests["/story"][0]


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("http://user:secret@127.0.0.1:{port}/story", "user name or password"),
        ("file:///etc/passwd", "not a web page"),
        ("javascript:alert(1)", "not a web page"),
    ],
)
def test_an_article_redirected_off_the_web_is_refused_in_one_line(site, target, words):
    """A redirect to credentials was followed (with Basic auth) and file: gave
    "cannot be fetched (InvalidSchema)" before."""
    site.add("/story", html("Story", "<p>The budget rose by 12 percent in 2023.</p>"))
    start = site.redirect("/moved", target.replace("{port}", str(site.port)))
    with pytest.raises(ArticleError, match=words) as refused:
        fetch_article(start)
    assert "\n" not in str(refused.value) and "secret" not in str(refused.value)
    assert "/story" not in site.requests


def test_an_unknown_host_is_named_by_the_errors_type_not_its_words(monkeypatch):
    """The resolver's message varies by system and language; it was matched as text before."""

    def no_such_host(*_args: object, **_kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Nom de domaine inconnu")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.raises(
        ArticleError,
        match="DNS: the host name no-such-host.example was not "
        "found .*offline.*import the file instead",
    ):
        fetch_article("https://no-such-host.example/story")


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,hi",
        "http://user:pw@127.0.0.1:9/",
        "http://",
    ],
)
def test_the_fetcher_refuses_an_address_that_is_not_a_web_page_before_any_request(url):
    got = get(url, FetchPolicy(total_timeout=5))
    assert got.kind == "address" and got.status is None and got.body == b""
    assert got.error.startswith("an address ") and "pw" not in got.error


def test_an_article_that_inflates_past_the_cap_is_refused_not_cut(site):
    """The cap counts the decompressed bytes: 21 MB of gzip-compressed zeros is a 21 KB
    download."""
    url = site.add("/bomb", b"<html><body><p>" + b"0" * (21 * 1024 * 1024), gzip=True)
    with pytest.raises(ArticleError, match="larger than 20 MB"):
        fetch_article(url)
