"""Exports: ClaimReview, CSV, Markdown, HTML and PDF, on the seed article with one rated claim."""

from __future__ import annotations

import csv
import json
import re

import pytest

from tests.captures import add_good_capture
from workbench.core.models import Article, Claim
from workbench.io.export import export, formats
from workbench.presets import load_preset
from workbench.store import ProjectStore

RATIONALE = "The Pentagon's statement of 25 June says nothing about cannon fodder."
CLAIMREVIEW_KEYS = {
    "@type",
    "claimReviewed",
    "reviewRating",
    "itemReviewed",
    "author",
    "datePublished",
    "url",
}


@pytest.fixture
def rated(store):
    """The seed project with one claim rated False, with a rationale and captured evidence."""
    claim = store.claims.all()[3]
    store.articles.update_meta(
        1, source_url="https://news.example/north-korea", published="2024-06-20"
    )
    store.claims.update(claim.id, claimant="A Pentagon spokesperson")
    item = store.evidence.add(
        claim.id, "https://defense.example/statement", "refutes", "transcript"
    )
    add_good_capture(store, item.url, "Statement")
    store.claims.set_verdict(claim.id, "false", rationale=RATIONALE, status="done")
    store.settings.set("organisation", {"name": "Example Checks", "url": "https://checks.example"})
    store.settings.set("review_base_url", "https://checks.example/reviews/{id}")
    return store, store.claims.get(claim.id)


def test_claimreview_has_exactly_the_listed_fields(rated, tmp_path):
    store, claim = rated
    result = export(store, "claimreview", tmp_path / "out.jsonld")
    total = len(store.claims.all())
    assert (
        f"1 ClaimReview of the claims marked done; left out: {total - 1} claims without a verdict"
    ) in result.message
    doc = json.loads((tmp_path / "out.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"] == "https://schema.org"
    (review,) = doc["@graph"]
    assert set(review) == CLAIMREVIEW_KEYS
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == claim.text
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "False",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
        "ratingExplanation": RATIONALE,
    }
    assert review["itemReviewed"] == {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "A Pentagon spokesperson"},
        "appearance": {"@type": "CreativeWork", "url": "https://news.example/north-korea"},
        "datePublished": "2024-06-20",
    }
    assert review["author"] == {
        "@type": "Organization",
        "name": "Example Checks",
        "url": "https://checks.example",
    }
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", review["datePublished"])
    assert review["url"] == f"https://checks.example/reviews/{claim.id}"


def test_claimreview_labels_outside_the_order_have_no_number(rated, tmp_path):
    store, claim = rated
    store.claims.set_verdict(claim.id, "Misleading")
    export(store, "claimreview", tmp_path / "o.jsonld")
    rating = json.loads((tmp_path / "o.jsonld").read_text())["@graph"][0]["reviewRating"]
    assert rating == {
        "@type": "Rating",
        "alternateName": "Misleading",
        "ratingExplanation": RATIONALE,
    }


def test_claimreview_conclusion_only_uses_the_conclusion(tmp_path, seed_path):
    from workbench import ops

    with ops.new_project(tmp_path / "c.fcw", seed_path, scale="conclusion-only") as store:
        claim = store.claims.all()[0]
        store.claims.set_verdict(
            claim.id, None, rationale="This is wrong. The figure is 2 million."
        )
        result = export(store, "claimreview", tmp_path / "c.jsonld", all_claims=True)
        assert "1 ClaimReview" in result.message and "not set, so left out" in result.message
    review = json.loads((tmp_path / "c.jsonld").read_text())["@graph"][0]
    assert review["reviewRating"]["alternateName"] == "This is wrong."
    assert "author" not in review and "url" not in review


def test_csv_parses_with_one_row_per_claim(rated, tmp_path):
    store, claim = rated
    export(store, "csv", tmp_path / "out.csv")
    with open(tmp_path / "out.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(store.claims.all())
    row = next(r for r in rows if r["claim_id"] == str(claim.id))
    assert row["article"] == "North Korea Will Send Troops to Ukraine"
    assert (row["claim"], row["claimant"], row["status"]) == (claim.text, claim.claimant, "done")
    assert (row["verdict"], row["rationale"]) == ("False", RATIONALE)
    assert row["evidence_urls"] == "https://defense.example/statement"
    assert float(row["score"]) == pytest.approx(claim.score, abs=1e-3)


def test_csv_guards_against_formulas(rated, tmp_path):
    store, claim = rated
    store.claims.set_verdict(claim.id, "False", rationale='=HYPERLINK("http://evil.example")')
    export(store, "csv", tmp_path / "f.csv")
    with open(tmp_path / "f.csv", encoding="utf-8-sig", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["claim_id"] == str(claim.id))
    assert row["rationale"] == '\'=HYPERLINK("http://evil.example")'


def test_html_report_is_self_contained_and_has_everything(rated, tmp_path):
    store, claim = rated
    store.claims.update(claim.id, rationale=RATIONALE + " <script>alert(1)</script>")
    export(store, "html", tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<title>North Korea Will Send Troops to Ukraine</title>" in html
    assert "North Korea Will Send Troops to Ukraine</h2>" in html
    assert claim.text.replace("’", "’") in html.replace("&#x27;", "'")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script" not in html
    assert "2024-06-26T09:30:00Z" in html and "ab" * 32 in html
    number = claim.id  # the claim's number, as in the window
    assert re.search(
        rf'<mark id="t{number}" style="--c:#c62828;--t:#[0-9a-f]{{6}}"><a href="#c{number}">', html
    )
    # No remote resources: nothing is loaded from anywhere (links are fine).
    assert not re.search(r"<(script|img|link|iframe)\b", html)
    assert "@import" not in html and "url(" not in html
    assert "@media print" in html


def test_html_report_writes_label_names_in_a_readable_shade(rated, tmp_path):
    """A yellow label ("Mixture", #fbc02d) keeps its colour for bars and marks, but its
    name and number are written in a shade that reads on white and on the mark's tint."""
    from workbench.core.colours import blend, contrast

    store, claim = rated
    store.claims.set_verdict(claim.id, "Mixture")
    export(store, "html", tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    styles = re.findall(r'style="--c:#fbc02d;--t:(#[0-9a-f]{6})"', html)
    assert len(styles) >= 3  # the summary, the mark in the text, the claim's section
    text = styles[0]
    assert text != "#fbc02d" and set(styles) == {text}
    assert contrast(text, "#ffffff") >= 4.5
    assert contrast(text, blend("#fbc02d", "#ffffff", 0.22)) >= 4.5
    assert contrast("#fbc02d", "#ffffff") < 2  # what the report used to write
    assert "color: var(--t" in html and "color: var(--c" not in html


def test_markdown_escapes_article_text(rated, tmp_path):
    store, claim = rated
    export(store, "markdown", tmp_path / "r.md")
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert text.startswith("# North Korea Will Send Troops to Ukraine\n")
    assert "**Verdict:** False · *done*" in text and RATIONALE.replace("'", "'") in text
    assert "<https://defense.example/statement>" in text


def test_pdf_contains_the_title_the_claim_and_the_rationale(rated, tmp_path, qapp):
    from pypdf import PdfReader

    store, claim = rated
    result = export(store, "pdf", tmp_path / "r.pdf")
    assert result.path.read_bytes().startswith(b"%PDF-")
    reader = PdfReader(tmp_path / "r.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "North Korea Will Send Troops to Ukraine" in text
    assert " ".join(claim.text.split()) in text
    assert RATIONALE in text
    assert "ab" * 32 in text.replace(" ", "")
    assert reader.metadata.title == "North Korea Will Send Troops to Ukraine"


def test_every_format_refuses_to_overwrite_the_project(rated):
    store, _ = rated
    from workbench.core.errors import ValidationError

    before = store.path.read_bytes()
    for name in formats():
        with pytest.raises(ValidationError, match="project file itself"):
            export(store, name, store.path)
    assert store.path.read_bytes() == before


def test_report_keeps_an_old_version_only_while_claims_point_into_it(tmp_path):
    with ProjectStore.create(tmp_path / "v.fcw", scale=load_preset()) as store:
        old = store.articles.add(Article(title="Old", text="Prices rose 5%. Taxes fell 2%."))
        store.claims.add_many([Claim(article_id=old.id, start=0, end=15, quote="")])
        store.claims.set_verdict(store.claims.all()[0].id, "False", rationale="no")
        store.articles.add_version(old.id, Article(title="New", text="Intro. Prices rose 5%."))
        export(store, "html", tmp_path / "v.html")
        html = (tmp_path / "v.html").read_text()
        assert ">New</h2>" in html and ">Old</h2>" not in html


def test_claimreview_dates_are_iso_or_left_out(rated, tmp_path):
    store, _ = rated
    store.articles.update_meta(1, published="5 March 2024")
    export(store, "claimreview", tmp_path / "d.jsonld")
    review = json.loads((tmp_path / "d.jsonld").read_text())["@graph"][0]
    assert "datePublished" not in review["itemReviewed"]
    export(store, "html", tmp_path / "d.html")
    assert "5 March 2024" in (tmp_path / "d.html").read_text()  # people still see it
