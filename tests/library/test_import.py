"""Importing collections into the library: every format, bad input, duplicates, size, encodings."""

from __future__ import annotations

import json

import pytest

from workbench.core.errors import WorkbenchError
from workbench.library.export import export_library
from workbench.library.importer import import_file
from workbench.store.library import LibraryStore


def review(url="https://checks.example.org/a", claim="The moon is made of cheese.", **extra):
    node = {
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim,
        "author": {
            "@type": "Organization",
            "name": "Example Checks",
            "url": "https://checks.example.org",
        },
        "datePublished": "2024-03-05",
        "reviewRating": {
            "@type": "Rating",
            "alternateName": "False",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
            "ratingExplanation": "Samples show rock. Nobody found cheese.",
        },
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "A. Baker"},
            "appearance": {"@type": "CreativeWork", "url": "https://news.example/x"},
        },
    }
    node.update(extra)
    return node


@pytest.fixture
def library(tmp_path):
    lib = LibraryStore(tmp_path / "library.sqlite")
    yield lib
    lib.close()


def write(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(
            content if isinstance(content, str) else json.dumps(content), encoding="utf-8"
        )
    return path


def test_a_single_claimreview_object_keeps_every_field(library, tmp_path):
    report = import_file(library, write(tmp_path, "one.json", review()))
    assert (report.found, report.counts.added) == (1, 1)
    (r,) = list(library.reviews())
    assert r.claim == "The moon is made of cheese."
    assert r.url == "https://checks.example.org/a"
    assert (r.verdict, r.rating, r.best_rating, r.worst_rating) == ("False", 1.0, 5.0, 1.0)
    assert r.colour == "#c62828"
    assert (r.publisher, r.publisher_url, r.date) == (
        "Example Checks",
        "https://checks.example.org",
        "2024-03-05",
    )
    assert r.claimant == "A. Baker" and r.appearance == "https://news.example/x"
    assert r.rationale == "Samples show rock."  # the first sentence
    assert r.source == "one" and r.imported_at.endswith("Z")


@pytest.mark.parametrize("shape", ["list", "graph", "nested", "lines"])
def test_lists_graphs_nesting_and_json_lines(library, tmp_path, shape):
    a, b = review(), review(url="https://checks.example.org/b", claim="Water boils at 50 C.")
    content = {
        "list": json.dumps([a, b]),
        "graph": json.dumps({"@context": "https://schema.org", "@graph": [a, b]}),
        "nested": json.dumps(
            {"@type": "WebPage", "mainEntity": {"@type": "Article", "review": [a, {"x": b}]}}
        ),
        "lines": json.dumps(a) + "\n" + json.dumps(b) + "\n",
    }[shape]
    report = import_file(library, write(tmp_path, f"{shape}.jsonld", content))
    assert report.counts.added == 2
    assert {r.claim for r in library.reviews()} == {
        "The moon is made of cheese.",
        "Water boils at 50 C.",
    }


def test_an_html_page_with_ld_json_blocks_one_of_them_broken(library, tmp_path):
    page = (
        "<html><head><title>Fact check</title>"
        f'<script type="application/ld+json">{json.dumps(review())}</script>'
        '<script type="application/ld+json">{"@type": "ClaimReview", "claimReviewed": </script>'
        f"<script type='application/ld+json'>\n{json.dumps([review(url='https://c.example/2')])}"
        "\n</script></head><body><p>text</p></body></html>"
    )
    report = import_file(library, write(tmp_path, "page.html", page))
    assert report.counts.added == 2
    assert report.problems == [
        "JSON-LD block 2 is not valid JSON (line 1: Expecting value); skipped"
    ]


def test_malformed_json_is_refused_and_the_library_is_untouched(library, tmp_path):
    import_file(library, write(tmp_path, "good.json", review()))
    before = library.stats()["reviews"]
    bad = write(tmp_path, "bad.json", '{"@type": "ClaimReview", "claimReviewed": "x",')
    with pytest.raises(WorkbenchError, match=r"bad.json: not valid JSON \(line 1, column 47"):
        import_file(library, bad)
    assert library.stats()["reviews"] == before
    assert [s.name for s in library.sources()] == ["good"]


def test_missing_fields_are_left_empty_and_reviews_without_a_claim_skipped(library, tmp_path):
    bare = {"@type": "ClaimReview", "claimReviewed": "Only the claim is known."}
    no_claim = {
        "@type": "ClaimReview",
        "url": "https://x.example/1",
        "reviewRating": {"ratingValue": "2"},
    }
    odd = {
        "@type": ["ClaimReview"],
        "claimReviewed": "Odd values.",
        "author": ["Desk", 7],
        "reviewRating": [{"ratingValue": "n/a"}],
        "itemReviewed": "not an object",
        "datePublished": {"@value": "2020-01-02T10:00:00Z"},
    }
    report = import_file(library, write(tmp_path, "sparse.json", [bare, no_claim, odd]))
    assert (report.counts.added, report.counts.skipped) == (2, 1)
    reviews = {r.claim: r for r in library.reviews()}
    assert reviews["Only the claim is known."].verdict == ""
    assert reviews["Only the claim is known."].url == ""
    assert reviews["Odd values."].publisher == "Desk"
    assert reviews["Odd values."].date == "2020-01-02"
    assert reviews["Odd values."].rating is None


def test_duplicates_by_review_url_keep_their_first_source(library, tmp_path):
    twice = [review(), review(url="HTTPS://www.Checks.example.org/a/")]  # the same address
    first = import_file(library, write(tmp_path, "first.json", twice), source="desk")
    assert (first.counts.added, first.counts.duplicates) == (1, 1)
    again = import_file(
        library, write(tmp_path, "again.json", [review(claim="Reworded.")]), source="desk"
    )
    assert (again.counts.added, again.counts.updated) == (0, 1)
    other = import_file(
        library, write(tmp_path, "other.json", [review(claim="Theirs.")]), source="colleague"
    )
    assert (other.counts.added, other.counts.duplicates) == (0, 1)
    (r,) = list(library.reviews())
    assert (r.claim, r.source) == ("Reworded.", "desk")
    assert library.remove_source("colleague") == 0
    assert library.remove_source("desk") == 1
    assert library.stats()["reviews"] == 0


def test_fact_check_tools_api_search_results(library, tmp_path):
    data = {
        "claims": [
            {
                "text": "5G towers spread the virus",
                "claimant": "Social media",
                "claimDate": "2020-04-01T00:00:00Z",
                "claimReview": [
                    {
                        "publisher": {"name": "Full Fact", "site": "fullfact.org"},
                        "url": "https://fullfact.org/5g",
                        "title": "No, 5G does not spread viruses",
                        "reviewDate": "2020-04-03T00:00:00Z",
                        "textualRating": "Incorrect",
                        "languageCode": "en",
                    },
                    {
                        "publisher": {"site": "afp.com"},
                        "url": "https://factcheck.afp.com/5g",
                        "textualRating": "False",
                    },
                ],
            },
            {"text": "No review here", "claimReview": []},
        ],
        "nextPageToken": "abc",
    }
    report = import_file(library, write(tmp_path, "api.json", data))
    assert report.format == "factcheck-api"
    assert report.counts.added == 2
    by_url = {r.url: r for r in library.reviews()}
    full = by_url["https://fullfact.org/5g"]
    assert (full.claim, full.claimant, full.verdict, full.publisher, full.date, full.title) == (
        "5G towers spread the virus",
        "Social media",
        "Incorrect",
        "Full Fact",
        "2020-04-03",
        "No, 5G does not spread viruses",
    )
    assert by_url["https://factcheck.afp.com/5g"].publisher == "afp.com"


def test_csv_with_recognised_headers_and_with_a_mapping(library, tmp_path):
    auto = write(
        tmp_path,
        "desk.csv",
        "Claim,Rating,URL,Date\n"
        '"Taxes rose 40%, says X",Mostly False,https://d.example/1,2021-05-01\n'
        ",,,\n",
    )
    assert import_file(library, auto).counts.added == 1
    (r,) = list(library.reviews())
    assert (r.claim, r.verdict, r.url) == (
        "Taxes rose 40%, says X",
        "Mostly False",
        "https://d.example/1",
    )
    mapped = write(tmp_path, "mapped.csv", "Statement;Ruling;Link\nA;True;not a url\n")
    report = import_file(
        library, mapped, mapping={"claim": "Statement", "verdict": "Ruling", "url": "Link"}
    )
    assert report.counts.added == 1
    assert "not a web address" in report.problems[0]
    with pytest.raises(WorkbenchError, match="no column 'Nope'"):
        import_file(library, mapped, mapping={"claim": "Nope"})
    with pytest.raises(WorkbenchError, match="no claim column"):
        import_file(library, write(tmp_path, "nothing.csv", "a,b\n1,2\n"))


def test_clef_verified_claims_tsv(library, tmp_path):
    tsv = write(
        tmp_path,
        "verified_claims.docs.tsv",
        "\tvclaim\ttitle\n0\tClaim zero.\tTitle zero\n"
        '7\t"A quoted claim\nover two lines."\tSeven\n',
    )
    report = import_file(library, tsv)
    assert (report.format, report.counts.added) == ("clef", 2)
    keys = {r.key: r for r in library.reviews()}
    assert keys["clef:7"].claim == "A quoted claim over two lines."
    assert keys["clef:0"].title == "Title zero"


def test_non_utf8_is_refused_with_the_byte_unless_the_encoding_is_given(library, tmp_path):
    data = "Claim,Rating\nCaf\u00e9 prices doubled,False\n".encode("cp1252")
    path = write(tmp_path, "latin.csv", data)
    with pytest.raises(WorkbenchError, match=r"not UTF-8 text \(byte 0xe9 at offset 16\)"):
        import_file(library, path)
    assert library.stats()["reviews"] == 0
    assert import_file(library, path, encoding="cp1252").counts.added == 1
    assert next(library.reviews()).claim == "Caf\u00e9 prices doubled"
    utf16 = write(tmp_path, "u16.json", json.dumps(review()).encode("utf-16"))
    assert import_file(library, utf16).counts.added == 1


def test_a_50_mb_page_imports(library, tmp_path):
    blocks = "".join(
        f'<script type="application/ld+json">{json.dumps(review(url=f"https://b.example/{i}"))}'
        "</script>"
        for i in range(3)
    )
    filler = "<p>" + "lorem ipsum dolor sit amet " * 1_900_000 + "</p>"
    path = write(tmp_path, "huge.html", f"<html><head>{blocks}</head><body>{filler}</body></html>")
    assert path.stat().st_size > 50_000_000
    assert import_file(library, path).counts.added == 3


def test_export_writes_claimreview_that_imports_back(library, tmp_path):
    import_file(library, write(tmp_path, "a.json", [review(), review(url="", claim="No URL.")]))
    out = tmp_path / "shared.jsonld"
    assert export_library(library.reviews(), out) == 2
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["@context"] == "https://schema.org"
    assert {n["@type"] for n in document["@graph"]} == {"ClaimReview"}
    with LibraryStore(tmp_path / "theirs.sqlite") as theirs:
        assert import_file(theirs, out).counts.added == 2
        mine = sorted(
            (
                r.key,
                r.claim,
                r.url,
                r.verdict,
                r.rating,
                r.publisher,
                r.date,
                r.claimant,
                r.rationale,
            )
            for r in library.reviews()
        )
        back = sorted(
            (
                r.key,
                r.claim,
                r.url,
                r.verdict,
                r.rating,
                r.publisher,
                r.date,
                r.claimant,
                r.rationale,
            )
            for r in theirs.reviews()
        )
        assert back == mine
        # Importing the same export again adds nothing: the keys travel with it.
        assert import_file(theirs, out).counts.added == 0
