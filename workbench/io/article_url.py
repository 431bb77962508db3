"""Articles fetched from a URL, when the machine is online.

The download is ``workbench.web.fetch.get``: the workbench's one fetcher, with the
same policy as evidence capture (timeouts and a whole-download deadline, at most
10 redirects, each checked, no cookies, a size cap after decompression). Workshops
happen in rooms without internet, so a failed connection is refused with one line
that says so and suggests saving the page and importing the file.
"""

from __future__ import annotations

from email.message import Message

from workbench import __version__
from workbench.core.errors import ArticleError, ValidationError
from workbench.core.models import Article
from workbench.core.urls import clean_url, safe_http_url
from workbench.io.article_html import article_from_html, check_size, decode_html
from workbench.io.article_text import MAX_BYTES, MB, article_from_text, decode
from workbench.web.fetch import NO_CONNECTION, Fetched, FetchPolicy, get

USER_AGENT = f"FactCheckWorkbench/{__version__} (article import)"
# The one policy's limits, with the article's own size cap (as for a file): one byte more
# is read, so that a page over the cap is seen to be and refused, not cut.
POLICY = FetchPolicy(max_bytes=MAX_BYTES + 1, user_agent=USER_AGENT)
_OFFLINE = "save the page and import the file instead"


def _content_type(header: str) -> tuple[str, str | None]:
    message = Message()
    message["content-type"] = header or "application/octet-stream"
    charset = message.get_param("charset")
    return message.get_content_type(), charset if isinstance(charset, str) else None


def _download(url: str) -> Fetched:
    """The page's bytes, or an ArticleError saying in one line why not."""
    got = get(url, POLICY)
    if got.kind in NO_CONNECTION:
        raise ArticleError(
            f"{url}: cannot be fetched, no connection ({got.error}; offline?); {_OFFLINE}"
        )
    if got.kind == "deadline":
        raise ArticleError(
            f"{url}: the download took longer than {POLICY.total_timeout:g} s; {_OFFLINE}"
        )
    if got.error:
        raise ArticleError(f"{url}: cannot be fetched ({got.error}); {_OFFLINE}")
    if got.status is not None and got.status >= 400:
        raise ArticleError(f"{url}: the server answered {got.status} {got.reason}".rstrip())
    if got.truncated:
        raise ArticleError(
            f"{url}: the page is larger than {MAX_BYTES / MB:.0f} MB; save it and import the file"
        )
    return got


def fetch_article(url: str, *, encoding: str | None = None) -> Article:
    """Download ``url`` and import it as an HTML page (or plain text)."""
    try:
        url = clean_url(url)
    except ValidationError as exc:
        raise ArticleError(str(exc)) from None
    got = _download(url)
    # Where the redirects ended, stored like any URL (never with credentials).
    final_url = safe_http_url(got.final_url) or url
    kind, charset = _content_type(got.content_type)
    data = got.body
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
