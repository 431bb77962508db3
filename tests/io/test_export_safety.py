"""Exports carry nothing executable, whatever the project holds (old versions stored URLs raw).

Markdown is rendered by a CommonMark implementation (markdown-it-py) and the HTML it
gives is checked: no element or attribute but what text and links produce, no link
that is not http(s). ClaimReview JSON-LD must be safe inside a ``<script>`` element.
"""

from __future__ import annotations

import json
import re
import sqlite3

import pytest
from markdown_it import MarkdownIt

from workbench.io.export import export
from workbench.store import ProjectStore

HOSTILE = [
    "[x](javascript:alert(1))",
    "<script>alert(2)</script>",
    "</script><script>alert(3)</script>",
    "<img src=x onerror=alert(4)>",
    "&lt;script&gt;alert(5)&lt;/script&gt;",
    "line\r<script>alert(6)</script>",
    '<http://127.0.0.1/"><b>x</b>>',
    "`code` **bold** <!-- c -->",
]


@pytest.fixture
def hostile_project(seed_project):
    with ProjectStore.open(seed_project) as store:
        claims = store.claims.all()
        for claim, text in zip(claims, HOSTILE):
            store.claims.update(claim.id, text=f"claim {text}", claimant=text)
            store.claims.set_verdict(claim.id, "False", rationale=f"rationale {text}")
            store.evidence.add(
                claim.id,
                f'http://127.0.0.1/{claim.id}"><script>alert(7)</script>',
                "refutes",
                f"note {text}",
            )
        store.settings.set(
            "organisation",
            {"name": "</script><script>alert(8)</script>", "url": "javascript:alert(9)"},
        )
        store.settings.set("review_base_url", "javascript:alert(10)//{id}")
    # What an older version could store: raw URLs, and any article address.
    conn = sqlite3.connect(seed_project)
    conn.execute(
        "UPDATE evidence SET url = 'http://127.0.0.1/\"><script>alert(11)</script>' WHERE id = 1"
    )
    conn.execute("UPDATE evidence SET url = 'javascript:alert(12)' WHERE id = 2")
    conn.execute(
        "UPDATE articles SET source_url = 'javascript:alert(13)', title = ?, author = ?",
        [HOSTILE[0], HOSTILE[1]],
    )
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return seed_project


def test_stored_urls_are_percent_encoded(seed_project):
    with ProjectStore.open(seed_project) as store:
        item = store.evidence.add(1, 'http://127.0.0.1/a"><script>alert(1)</script>')
    assert item.url == "http://127.0.0.1/a%22%3E%3Cscript%3Ealert(1)%3C/script%3E"


def test_markdown_renders_no_html_and_no_script_link(hostile_project, tmp_path):
    with ProjectStore.open(hostile_project, readonly=True) as store:
        export(store, "markdown", tmp_path / "r.md")
    html = MarkdownIt("commonmark").render((tmp_path / "r.md").read_text(encoding="utf-8"))
    tags = set(re.findall(r"<([a-z0-9]+)", html))
    assert tags <= {
        "h1",
        "h2",
        "h3",
        "p",
        "br",
        "strong",
        "em",
        "a",
        "ul",
        "li",
        "code",
        "blockquote",
        "hr",
    }, tags
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
    assert re.search(r"<a[^>]*\son", html) is None  # no event handler attribute


def test_claimreview_is_safe_inside_a_script_element(hostile_project, tmp_path):
    with ProjectStore.open(hostile_project, readonly=True) as store:
        export(store, "claimreview", tmp_path / "r.jsonld", all_claims=True)
    raw = (tmp_path / "r.jsonld").read_text(encoding="utf-8")
    assert not re.search(r"[<>&]", raw)  # every one as \u003c, \u003e, \u0026
    document = json.loads(raw)
    reviews = document["@graph"]
    assert reviews[0]["author"]["name"] == "</script><script>alert(8)</script>"  # same data
    for review in reviews:
        assert "url" not in review and "url" not in review["author"]  # javascript: left out
        assert "appearance" not in review["itemReviewed"]
        for url in _urls(review):
            assert url.startswith(("http://", "https://"))


def _urls(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "url":
                yield item
            yield from _urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from _urls(item)


@pytest.mark.parametrize("fmt", ["html", "csv", "json"])
def test_other_formats_still_export(hostile_project, tmp_path, fmt):
    with ProjectStore.open(hostile_project, readonly=True) as store:
        export(store, fmt, tmp_path / f"r.{fmt}")
    text = (tmp_path / f"r.{fmt}").read_text(encoding="utf-8-sig")
    if fmt == "html":
        assert "<script" not in text and 'href="javascript:' not in text
