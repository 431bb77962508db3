"""Checking the URLs a checker attaches as evidence, and their archive links."""

from __future__ import annotations

import contextlib
import re
from urllib.parse import quote, urlsplit, urlunsplit

from workbench.core.errors import ValidationError

ALLOWED_SCHEMES = ("http", "https")
WAYBACK = "https://web.archive.org"

# WHATWG URL Standard, percent-encode sets (special schemes), plus "'" and "`" in every
# part: a stored URL carries no raw quote, angle bracket, backtick, control character,
# space or non-ASCII character, whatever page or person it came from. "%" stays as it
# is, so a URL that is already encoded is not encoded twice.
_PATH_SAFE = "!$&()*+,-./:;=@_~%[]\\^|"
_QUERY_SAFE = "!$&()*+,-./:;=?@_~%[]\\^{|}"
_FRAGMENT_SAFE = "!#$&()*+,-./:;=?@_~%[]\\^{|}"
# Host code points no browser accepts in a domain (WHATWG "forbidden domain code point").
_FORBIDDEN_HOST = re.compile(r"[\x00-\x20#%/:<>?@\[\\\]^|\x7f]")
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")


def _encode(part: str, safe: str) -> str:
    return quote(part, safe=safe, encoding="utf-8", errors="strict")


def _ascii_host(host: str, url: str) -> str:
    """The host as browsers send it: lower case, international names in punycode
    (``xn--``), so a look-alike letter from another script is visible."""
    if host.isascii():
        ascii_host = host.lower()
    else:
        ascii_host = ""
        try:
            import idna  # UTS #46, non-transitional, as the URL Standard asks

            ascii_host = idna.encode(host, uts46=True, transitional=False).decode("ascii")
        except (ImportError, UnicodeError, ValueError):
            # names IDNA 2008 forbids but browsers accept (symbols): IDNA 2003
            with contextlib.suppress(UnicodeError):
                ascii_host = host.encode("idna").decode("ascii").lower()
    if not ascii_host or _FORBIDDEN_HOST.search(ascii_host):
        raise ValidationError(f"not a valid URL (bad host name): {url[:80]!r}")
    return ascii_host


def clean_url(url: str) -> str:
    """The URL in the form it is stored and exported in, if it is an absolute http(s) URL
    with a host; else ValidationError.

    As the WHATWG URL Standard (what browsers do) serializes it: leading and trailing
    spaces and control characters trimmed, tabs and newlines removed, ``\\`` read as
    ``/``, scheme and host lower-cased (the same page typed twice is one URL), the host
    in punycode, and the path, query and fragment percent-encoded. A URL with a user
    name or password is refused: it would be stored and exported with the secret in it.
    """
    return _clean(url, "/")


def _clean(url: str, empty_path: str) -> str:
    url = _TAB_OR_NEWLINE.sub("", (url or "").strip("".join(map(chr, range(33)))))
    if not url:
        raise ValidationError("the URL is empty")
    head, sep, rest = url.partition(":")
    if sep and head.lower() in ALLOWED_SCHEMES:
        url = head + ":" + rest.replace("\\", "/")  # http(s) URLs: a backslash is a slash
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError on a bad port
    except ValueError:
        raise ValidationError(f"not a valid URL: {url[:80]!r}") from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        shown = f"{scheme}:" if scheme else "no scheme"
        raise ValidationError(
            f"only http and https URLs can be evidence ({shown} refused): {url[:80]!r}"
        )
    host = parts.hostname
    if not host or not parts.netloc:
        raise ValidationError(f"not a valid URL (no host name): {url[:80]!r}")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise ValidationError(
            "a URL with a user name or password cannot be evidence (it would be exported): "
            f"{scheme}://…@{host}"
        )
    if ":" in host:  # an IPv6 address keeps its brackets
        if not re.fullmatch(r"[0-9a-f:.]+", host):
            raise ValidationError(f"not a valid URL (bad host name): {url[:80]!r}")
        host = f"[{host}]"
    else:
        host = _ascii_host(host, url)
    netloc = host if port is None else f"{host}:{port}"
    try:
        return urlunsplit(
            (
                scheme,
                netloc,
                _encode(parts.path or empty_path, _PATH_SAFE),
                _encode(parts.query, _QUERY_SAFE),
                _encode(parts.fragment, _FRAGMENT_SAFE),
            )
        )
    except UnicodeError:  # a lone surrogate cannot be encoded
        raise ValidationError(f"not a valid URL: {url[:80]!r}") from None


def safe_http_url(url: str) -> str:
    """``url`` cleaned if it is an http(s) URL, else "" (for exports: whatever is stored,
    nothing but a web address ever becomes a link)."""
    try:
        return _clean(url, "")  # "https://checks.example" stays as it was written
    except ValidationError:
        return ""


def _timestamp(when: str) -> str:
    """``2024-05-01T10:02:03Z`` -> ``20240501100203`` (the Wayback Machine's form)."""
    digits = "".join(ch for ch in when if ch.isdigit())[:14]
    return digits or "2"  # "2" = "any time": the archive picks its nearest snapshot


def archive_url(url: str, when: str = "") -> str:
    """The Wayback Machine's link to ``url`` as it was nearest to ``when`` (ISO-8601 UTC).

    Only a link: opening it is the user's choice, and nothing is sent anywhere
    by creating it.
    """
    return f"{WAYBACK}/web/{_timestamp(when)}/{url}"


def archive_save_url(url: str) -> str:
    """The link that asks the Wayback Machine to save ``url`` now (an explicit user action)."""
    return f"{WAYBACK}/save/{url}"


def with_scheme(url: str) -> str:
    """``url`` with ``https://`` added when it was typed without a scheme, as browsers do.

    "www.example.org/page" and "example.org" become "https://www.example.org/page" and
    "https://example.org"; anything that has a scheme ("javascript:", "ftp://"), contains
    white space or does not start with a host name that has a dot is returned as
    typed, for ``clean_url`` to accept or refuse with its reason.
    """
    url = (url or "").strip()
    if not url or "://" in url or any(ch.isspace() for ch in url):
        return url
    host = url.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    if ":" in name or "@" in host or "." not in name.strip("."):
        return url  # "mailto:x", "javascript:alert(1)", "user@host", "localhost"
    labels = name.split(".")
    if not all(labels) or not all(
        ch.isalnum() or ch == "-" for label in labels for ch in label if ord(ch) < 128
    ):
        return url
    return f"https://{url}"


def check_web_address(url: str, what: str = "address") -> str:
    """An http(s) URL for a setting (organisation site, review address), or "" when cleared.

    ``https://`` is added when it was left out; ``{id}`` (the claim's number in a review
    address) is allowed in the path. Anything else (no host, another scheme such as
    ``javascript:``, spaces) is refused with a ValidationError naming the setting.
    """
    url = (url or "").strip()
    if not url:
        return ""
    candidate = with_scheme(url)
    try:
        clean_url(candidate.replace("{id}", "1"))
    except ValidationError:
        raise ValidationError(
            f"the {what} must be an http(s) web address such as https://example.org/, "
            f"not {url[:80]!r}"
        ) from None
    return candidate
