"""Importing articles: web pages, Word files, Markdown, URLs."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.io.pages import JUNK, PARAGRAPHS, news_page, write_docx, write_page
from workbench.core.errors import ArticleError
from workbench.io.articles import read_article
from workbench.web.decode import declared_charset


def _assert_clean(text: str) -> None:
    for paragraph in PARAGRAPHS:
        assert paragraph in text
    for junk in JUNK:
        assert junk not in text, junk


def test_html_page_gives_main_text_and_metadata(tmp_path):
    page = write_page(tmp_path / "budget.html", news_page())
    article = read_article(page)
    _assert_clean(article.text)
    assert article.title == "City budget rose by 12 percent, mayor says"
    assert article.author == "Jane Doe"
    assert article.published == "2024-03-05"
    assert article.source_url == "https://daily.example/politics/budget-2024"
    # Paragraphs are separated by a blank line, as in a plain-text article.
    assert f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}" in article.text


def test_html_declared_as_latin1_with_windows_quotes_decodes_as_browsers_do(tmp_path):
    paragraphs = [p + " Ça coûte 5 € à Zürich." for p in PARAGRAPHS]
    html = news_page(
        charset="iso-8859-1", lang="fr", title="Le budget — 12 %", paragraphs=paragraphs
    )
    page = write_page(tmp_path / "latin.html", html, encoding="cp1252")
    assert declared_charset(page.read_bytes()) == "iso-8859-1"
    article = read_article(page)
    assert "“We created 500 jobs,”" in article.text and "Ça coûte 5 € à Zürich." in article.text
    assert article.title == "Le budget — 12 %" and article.language == "fr"


def test_html_in_a_legacy_cyrillic_charset(tmp_path):
    paragraphs = [
        "Министр заявил, что бюджет вырос на 12 процентов в 2023 году, до 4,2 млн рублей."
    ]
    html = news_page(charset="windows-1251", title="Бюджет вырос", paragraphs=paragraphs * 3)
    article = read_article(write_page(tmp_path / "ru.html", html, encoding="cp1251"))
    assert paragraphs[0] in article.text


def test_html_that_lies_about_its_charset_is_refused_not_guessed(tmp_path):
    page = tmp_path / "bad.html"
    page.write_bytes(news_page(charset="utf-8").replace("mayor", "maïor").encode("cp1252"))
    with pytest.raises(ArticleError, match=r"bad.html: is not valid utf-8 .*byte 0xef"):
        read_article(page)
    # Stated explicitly, the same file imports.
    assert "maïor" in read_article(page, encoding="cp1252").text


def test_html_without_a_declaration_must_be_utf8(tmp_path):
    page = tmp_path / "nodecl.html"
    page.write_bytes(b"<html><body><p>Caf\xe9 prices rose by 40 percent in 2023.</p></body></html>")
    with pytest.raises(ArticleError, match="declares no charset and is not UTF-8"):
        read_article(page)


def test_tiny_page_falls_back_to_all_visible_text(tmp_path):
    page = write_page(
        tmp_path / "tiny.html",
        "<html><head><script>x=1</script></head><body><p>Prices rose 40%.</p></body></html>",
    )
    assert read_article(page).text == "Prices rose 40%."


def test_docx_paragraphs_title_and_author(tmp_path):
    path = write_docx(
        tmp_path / "draft.docx",
        title="Budget check",
        author="Ana Pérez",
        heading="City budget rose by 12 percent",
        paragraphs=PARAGRAPHS,
    )
    article = read_article(path)
    assert article.title == "Budget check" and article.author == "Ana Pérez"
    assert article.text.startswith("City budget rose by 12 percent\n\n" + PARAGRAPHS[0])
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text  # runs of one paragraph are joined exactly
    assert "DELETED TRACKED TEXT" not in article.text and "PAGE" not in article.text
    assert article.text.endswith("Table cell one.\n\nTable cell two.")


def test_docx_that_is_not_a_docx_is_refused(tmp_path):
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ArticleError, match="fake.docx: not a Word .docx file"):
        read_article(fake)


def test_markdown_front_matter_and_markup_are_not_article_text(tmp_path):
    md = tmp_path / "post.md"
    md.write_text(
        "---\ntitle: Budget check\nauthor: Jane Doe\ndate: 2024-03-05\n"
        "url: https://daily.example/b\n---\n"
        "# City budget\n\nThe mayor said the budget rose by **12 percent** in "
        "[2023](https://stats.example/2023), reaching *4.2 million* euros.\n\n"
        "![chart](chart.png)\n\n> “We created 500 jobs,” the deputy said.\n",
        encoding="utf-8",
    )
    article = read_article(md)
    assert article.title == "Budget check" and article.author == "Jane Doe"
    assert article.published == "2024-03-05" and article.source_url == "https://daily.example/b"
    assert article.text == (
        "City budget\n\nThe mayor said the budget rose by 12 percent in 2023, reaching "
        "4.2 million euros.\n\n“We created 500 jobs,” the deputy said."
    )


class _Server:
    """A local web server for URL imports: paths map to (status, content type, body)."""

    def __init__(self, routes: dict[str, tuple[int, str, bytes]]):
        routes = dict(routes)

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                status, kind, body = routes.get(self.path, (404, "text/plain", b"not here"))
                if status in (301, 302):
                    self.send_response(status)
                    self.send_header("Location", kind)
                    self.end_headers()
                    return
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    html = news_page(charset="utf-8").replace(
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">', ""
    )
    s = _Server(
        {
            "/article": (200, "text/html; charset=windows-1252", html.encode("cp1252")),
            "/old": (302, "/article", b""),
            "/plain": (200, "text/plain; charset=utf-8", b"Prices rose 40% in 2023."),
            "/image": (200, "image/png", b"\x89PNG\r\n"),
        }
    )
    yield s
    s.close()


def test_url_import_uses_the_servers_charset_and_follows_redirects(server):
    article = read_article(f"{server.url}/old")
    _assert_clean(article.text)
    assert "“We created 500 jobs,”" in article.text  # cp1252 quotes, from the HTTP header
    assert article.source_url == "https://daily.example/politics/budget-2024"  # canonical
    assert article.imported_from == f"{server.url}/article"  # the final URL
    assert read_article(f"{server.url}/plain").text == "Prices rose 40% in 2023."


def test_url_errors_are_one_clear_line(server):
    with pytest.raises(ArticleError, match="answered 404"):
        read_article(f"{server.url}/missing")
    with pytest.raises(ArticleError, match="is image/png, not a web page"):
        read_article(f"{server.url}/image")


def test_url_import_offline_is_refused_clearly():
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now: as good as no network
    with pytest.raises(ArticleError, match="no connection .*offline.*import the file instead"):
        read_article(f"http://127.0.0.1:{port}/article")
