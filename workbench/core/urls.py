"""Checking the URLs a checker attaches as evidence, and their archive links."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from workbench.core.errors import ValidationError

ALLOWED_SCHEMES = ("http", "https")
WAYBACK = "https://web.archive.org"


def clean_url(url: str) -> str:
    """The URL, trimmed, if it is an absolute http(s) URL with a host; else ValidationError.

    The scheme and host name are lower-cased (they are case-insensitive), so the
    same page typed twice is recognised as one URL. A URL with a user name or
    password is refused: it would be stored and exported with the secret in it.
    """
    url = (url or "").strip()
    if not url:
        raise ValidationError("the URL is empty")
    if any(ch.isspace() for ch in url):
        raise ValidationError(f"not a valid URL (it contains spaces): {url[:80]!r}")
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
    if parts.username is not None or parts.password is not None:
        raise ValidationError(
            "a URL with a user name or password cannot be evidence (it would be exported): "
            f"{scheme}://…@{host}"
        )
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    netloc = host if port is None else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, parts.fragment))


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
    if not all(labels) or not all(ch.isalnum() or ch == "-" for label in labels for ch in label
                                  if ord(ch) < 128):
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
