"""Checking the URLs a checker attaches as evidence."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from workbench.core.errors import ValidationError

ALLOWED_SCHEMES = ("http", "https")


def clean_url(url: str) -> str:
    """The URL, trimmed, if it is an absolute http(s) URL with a host; else ValidationError."""
    url = (url or "").strip()
    if not url:
        raise ValidationError("the URL is empty")
    if any(ch.isspace() for ch in url):
        raise ValidationError(f"not a valid URL (it contains spaces): {url!r}")
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError on a bad port
    except ValueError:
        raise ValidationError(f"not a valid URL: {url!r}") from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        shown = f"{scheme}:" if scheme else "no scheme"
        raise ValidationError(
            f"only http and https URLs can be evidence ({shown} refused): {url[:80]!r}"
        )
    if not parts.hostname:
        raise ValidationError(f"not a valid URL (no host name): {url!r}")
    del port
    return urlunsplit((scheme, parts.netloc, parts.path or "/", parts.query, parts.fragment))
