"""Pure domain logic: URLs, scales, canonical article text."""

from __future__ import annotations

import pytest

from workbench.core.errors import ValidationError
from workbench.core.models import Claim, ClaimStatus, Origin
from workbench.core.urls import clean_url
from workbench.io.article_text import canonical_text, guess_title
from workbench.presets import load_preset, preset_names


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/plain,x",
        "ftp://x.org/a",
        "http://",
        "https:///path",
        "example.org/no-scheme",
        "http://exa mple.org",
        "http://x.org:99999/",
    ],
)
def test_bad_urls_are_refused(url):
    with pytest.raises(ValidationError):
        clean_url(url)


def test_good_urls_are_kept():
    # Scheme and host are case-insensitive: lower-cased so one page is one URL; the path is kept.
    assert clean_url("  HTTPS://Example.org/A?b=1#c ") == "https://example.org/A?b=1#c"
    assert clean_url("http://127.0.0.1:8080") == "http://127.0.0.1:8080/"
    assert clean_url("http://[::1]:8080/x") == "http://[::1]:8080/x"


def test_urls_with_credentials_are_refused():
    with pytest.raises(ValidationError, match="user name or password"):
        clean_url("https://alice:secret@example.org/private")


def test_default_scale_preset():
    scale = load_preset()
    assert scale.names() == [
        "True",
        "Mostly True",
        "Mixture",
        "Mostly False",
        "False",
        "Misleading",
        "Unproven",
    ]
    assert scale.ordinal_labels() == ["True", "Mostly True", "Mixture", "Mostly False", "False"]
    assert scale.rating_bounds() == (5, 1)
    assert scale.resolve("mIxTuRe") == "Mixture"
    with pytest.raises(ValidationError, match="valid: True"):
        scale.resolve("Pants on Fire")
    assert "default" in preset_names()


def test_claim_has_work():
    plain = Claim(article_id=1, start=0, end=4, quote="abcd")
    assert not plain.has_work
    assert Claim(article_id=1, start=0, end=4, quote="abcd", origin=Origin.MANUAL).has_work
    assert Claim(article_id=1, start=0, end=4, quote="abcd", verdict="True").has_work
    assert Claim(article_id=1, start=0, end=4, quote="abcd", rationale="x").has_work
    assert Claim(article_id=1, start=0, end=4, quote="abcd", text="reworded").has_work
    assert ClaimStatus.parse("In progress") is ClaimStatus.IN_PROGRESS
    with pytest.raises(ValidationError):
        ClaimStatus.parse("finished")


def test_canonical_text_strips_furniture_and_normalises():
    raw = (
        "Skip to content\r\n\r\nBig Headline Here\r\n\r\nSpread the love\r\n"
        "Share on Facebook\r\n\r\n\r\n\r\nFirst paragraph.   \r\nTweet\r\n\r\nSecond"
        " paragraph.\r\n\r\n"
    )
    text = canonical_text(raw)
    assert text == "Big Headline Here\n\nFirst paragraph.\n\nSecond paragraph."
    assert guess_title(text) == "Big Headline Here"


def test_title_falls_back_to_the_first_sentence():
    assert guess_title("A long first line that ends like a sentence.\nMore.").startswith(
        "A long first"
    )


@pytest.mark.parametrize(
    "given, stored",
    [
        (
            'http://127.0.0.1/"><script>alert(1)</script>',
            "http://127.0.0.1/%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
        ),
        ("http://e.org/it's?q=a'b&c=<d>#'x'", "http://e.org/it%27s?q=a%27b&c=%3Cd%3E#%27x%27"),
        ("http://e.org/a\x00b\x1bc d\x7f", "http://e.org/a%00b%1Bc%20d%7F"),
        ("http://e.org/é?é#é", "http://e.org/%C3%A9?%C3%A9#%C3%A9"),
        ("http://e.org/%41%2F", "http://e.org/%41%2F"),  # already encoded: left alone
        ("http://e.org/`x`?`y`", "http://e.org/%60x%60?%60y%60"),
        ("  http://e.org/a\tb\nc  ", "http://e.org/abc"),  # as browsers: tabs, newlines gone
        ("http:\\\\e.org\\a", "http://e.org/a"),  # a backslash is a slash in http(s)
    ],
)
def test_urls_are_stored_percent_encoded_as_browsers_serialize_them(given, stored):
    assert clean_url(given) == stored


@pytest.mark.parametrize(
    "given, stored",
    [
        ("https://аpple.com/", "https://xn--pple-43d.com/"),  # Cyrillic "а": a homograph
        ("http://Bücher.Example/", "http://xn--bcher-kva.example/"),
        ("http://faß.de/", "http://xn--fa-hia.de/"),  # UTS #46 non-transitional, not "fass.de"
        ("http://☃.net/", "http://xn--n3h.net/"),
    ],
)
def test_international_host_names_are_stored_in_punycode(given, stored):
    assert clean_url(given) == stored


@pytest.mark.parametrize(
    "url", ["http://exa<mple.org/", "http://e.org%2F.evil/", "http://e\x00.org/", "http://[::1<]/"]
)
def test_host_names_no_browser_accepts_are_refused(url):
    with pytest.raises(ValidationError):
        clean_url(url)
