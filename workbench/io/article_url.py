"""Articles fetched from a URL with requests, when the machine is online.

Workshops happen in rooms without internet, so a failed connection is refused
with one line that says so and suggests saving the page and importing the file.
"""

from __future__ import annotations

from email.message import Message

from workbench import __version__
from workbench.core.errors import ArticleError, ValidationError
from workbench.core.models import Article
from workbench.core.urls import clean_url, safe_http_url
from workbench.evidence import deadline
from workbench.io.article_html import article_from_html, check_size, decode_html
from workbench.io.article_text import MAX_BYTES, MB, article_from_text, decode

USER_AGENT = f"FactCheckWorkbench/{__version__} (article import)"
TIMEOUT = (6.0, 30.0)  # connect, read (seconds)
TOTAL_TIMEOUT = 120.0  # the whole download, connect to last byte, headers included
MAX_REDIRECTS = 5
_OFFLINE = "save the page and import the file instead"


def _content_type(header: str) -> tuple[str, str | None]:
    message = Message()
    message["content-type"] = header or "application/octet-stream"
    return message.get_content_type(), message.get_param("charset")


def fetch_article(url: str, *, encoding: str | None = None) -> Article:
    """Download ``url`` and import it as an HTML page (or plain text)."""
    import requests

    try:
        url = clean_url(url)
    except ValidationError as exc:
        raise ArticleError(str(exc)) from None
    session = requests.Session()
    session.max_redirects = MAX_REDIRECTS
    session.headers["User-Agent"] = USER_AGENT
    deadline.mount(session)
    limit = deadline.Deadline(TOTAL_TIMEOUT)
    too_long = ArticleError(f"{url}: the download took longer than {TOTAL_TIMEOUT:g} s; {_OFFLINE}")
    try:
        with limit.active(), session.get(url, timeout=TIMEOUT, stream=True,
                                         allow_redirects=True) as response:
            if response.status_code >= 400:
                raise ArticleError(
                    f"{url}: the server answered {response.status_code} "
                    f"{response.reason or ''}".rstrip()
                )
            body = bytearray()
            for chunk in response.iter_content(64 * 1024):
                body.extend(chunk)
                if len(body) > MAX_BYTES:
                    raise ArticleError(
                        f"{url}: the page is larger than "
                        f"{MAX_BYTES / MB:.0f} MB; save it and import the file"
                    )
            if limit.expired:
                raise too_long
            # Where the redirects ended, stored like any URL (never with credentials).
            final_url = safe_http_url(response.url) or url
            kind, charset = _content_type(response.headers.get("content-type", ""))
    except requests.exceptions.ConnectionError as exc:
        if limit.expired:
            raise too_long from None
        reason = "the host is unknown or unreachable"
        if "Name or service not known" in str(exc) or "NameResolution" in str(exc):
            reason = "the host name cannot be resolved"
        elif "Connection refused" in str(exc):
            reason = "the connection was refused"
        raise ArticleError(
            f"{url}: cannot be fetched, no connection ({reason}; offline?); {_OFFLINE}"
        ) from None
    except requests.exceptions.Timeout:
        raise ArticleError(f"{url}: the server did not answer in time; {_OFFLINE}") from None
    except requests.exceptions.TooManyRedirects:
        raise ArticleError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
    except requests.exceptions.RequestException as exc:
        if limit.expired:
            raise too_long from None
        raise ArticleError(f"{url}: cannot be fetched ({type(exc).__name__})") from None
    data = bytes(body)
    if kind in ("text/html", "application/xhtml+xml"):
        check_size(data, url)
        html = decode_html(data, url, encoding=encoding, http_charset=charset)
        article = article_from_html(html, name=url, source=final_url, url=final_url)
    elif kind == "text/plain":
        text = decode(data, url, encoding or charset)
        article = article_from_text(text, name=url, source=final_url)
        article.source_url = final_url
    else:
        raise ArticleError(f"{url}: is {kind}, not a web page or text")
    if not article.source_url:
        article.source_url = final_url
    return article
