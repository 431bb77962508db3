"""Claim detection on the seed article: the right claims, honest reasons, the claimant."""

from __future__ import annotations

import pytest

from workbench import nlp
from workbench.io.article_text import read_text_article
from workbench.nlp import english


@pytest.fixture(scope="module")
def article(request):
    from tests.conftest import SEED

    return read_text_article(SEED)


@pytest.fixture(scope="module")
def everything(article):
    return nlp.extract(article.text, include_passed=True)


def find(candidates, fragment):
    matches = [c for c in candidates if fragment in c.text]
    assert len(matches) == 1, fragment
    return matches[0]


EXPECTED_CLAIMS = [
    "send troops to Ukraine in the Donetsk region",
    "two million rounds of ammunition",
    "annual sum of $115 million",
    "Ilya Ponomarev, a former Russian member of parliament, stated",
    "A spokesperson for the Pentagon said",
    "said the unnamed official",
    "has not fought in a war since the 1950s",
]
PASSED_OVER = {
    "(Vladimir Smirnov, Sputnik, Kremlin Pool Photo via AP)": "caption",
    "Is war ever legal?": "question",
    "One must question how many troops": "opinion",
    "will undoubtedly use the troop": "opinion",
    "South Korea certainly sees Russia": "opinion",
    "All the chess pieces are aligned": "",
}


def test_spans_are_exact(article, everything):
    assert everything, "no sentences"
    for c in everything:
        assert article.text[c.start : c.end] == c.text
        assert 0.0 <= c.score <= 1.0


def test_factual_claims_are_listed(article, everything):
    listed = nlp.extract(article.text)
    assert all(c.checkworthy for c in listed)
    for fragment in EXPECTED_CLAIMS:
        assert find(everything, fragment).checkworthy, fragment
    assert len(listed) == sum(c.checkworthy for c in everything)


def test_boilerplate_questions_and_opinion_are_passed_over(everything):
    for fragment, why in PASSED_OVER.items():
        candidate = find(everything, fragment)
        assert not candidate.checkworthy, fragment
        assert candidate.reasons[0].startswith("passed over:")
        assert why in candidate.reasons[0]


def test_reasons_name_what_is_there(everything):
    money = find(everything, "$115 million")
    assert any("$115 million" in r and r.startswith(("money", "figures")) for r in money.reasons)
    ponomarev = find(everything, "Ilya Ponomarev, a former")
    assert any("Ponomarev" in r for r in ponomarev.reasons)
    assert any(r.startswith("attribution") and "stated" in r for r in ponomarev.reasons)
    pentagon = find(everything, "A spokesperson for the Pentagon")
    assert "direct quote" in pentagon.reasons
    assert any("Pentagon" in r for r in pentagon.reasons if r.startswith(("names", "claimant")))
    fifties = find(everything, "since the 1950s")
    assert any("1950s" in r for r in fifties.reasons)


def test_claimants(everything):
    assert find(everything, "Ilya Ponomarev, a former").claimant == "Ilya Ponomarev"
    assert find(everything, "he explained").claimant == "Ilya Ponomarev"  # the pronoun, resolved
    assert (
        find(everything, "“So, there is no problem").claimant == "Ilya Ponomarev"
    )  # the quote goes on
    assert (
        find(everything, "A spokesperson for the Pentagon").claimant
        == "A spokesperson for the Pentagon"
    )
    assert find(everything, "said the unnamed official").claimant == "the unnamed official"
    assert find(everything, "two million rounds").claimant == ""


def test_threshold_moves_the_list(article):
    few = nlp.extract(article.text, threshold=0.95)
    many = nlp.extract(article.text, threshold=0.05)
    default = nlp.extract(article.text)
    assert len(few) < len(default) < len(many)
    assert all(c.score >= 0.95 for c in few)


def test_progress_is_reported_in_order(article):
    seen: list[tuple[int, int]] = []
    nlp.extract(article.text, progress=lambda done, total: seen.append((done, total)))
    assert seen, "no progress reported"
    totals = {total for _, total in seen}
    assert len(totals) == 1
    dones = [done for done, _ in seen]
    assert dones == sorted(dones)
    assert dones[-1] == totals.pop()


def test_empty_text_gives_no_claims():
    assert nlp.extract("") == []
    assert nlp.extract(" \n\t ") == []


def test_fallback_without_the_english_pipeline(article, monkeypatch):
    """With no English pipeline everything still works, with pattern-based reasons."""
    monkeypatch.setenv(english.ENV_SWITCH, "none")
    assert english.available() is None and english.load() is None
    everything = nlp.extract(article.text, include_passed=True)
    for fragment in EXPECTED_CLAIMS:
        assert find(everything, fragment).checkworthy, fragment
    money = find(everything, "$115 million")
    assert "figures: $115 million" in money.reasons[0]
    assert (
        find(everything, "A spokesperson for the Pentagon").claimant
        == "A spokesperson for the Pentagon"
    )
    assert find(everything, "said the unnamed official").claimant == "the unnamed official"
    assert find(everything, "Ilya Ponomarev, a former").claimant == "Ilya Ponomarev"
    assert not any(r.startswith("names a person") for c in everything for r in c.reasons)


def test_english_pipeline_is_used_when_installed(everything):
    if english.available() is None:
        pytest.skip("no English pipeline installed")
    pentagon = find(everything, "A spokesperson for the Pentagon")
    assert any(r.startswith("names an organisation") for r in pentagon.reasons)


TRICKY = [
    "“We will win,” she said. “Nobody doubts it.” Then she left.",
    "Dr. Smith said the U.S. economy grew 1.5 percent in 2023. Mr. Jones disagreed.",
    "Das Wetter ist schön 🌞. The 👩‍👩‍👧 family paid $1,200 in 2022. "
    "Москва большая. 東京は大きい。",
    "Title Line\r\n\r\nThe council spent $3.5 million on roads in 2021.\r\nIt said so on"
    " Monday.\r\n",
    "\u00a0 The minister said\tunemployment fell to 3.5 percent last year. \u2003",
]


@pytest.mark.parametrize("text", TRICKY)
@pytest.mark.parametrize("pipeline", ["", "none"])
def test_extracted_spans_are_exact_on_tricky_text(text, pipeline, monkeypatch):
    monkeypatch.setenv(english.ENV_SWITCH, pipeline)
    candidates = nlp.extract(text, include_passed=True)
    assert candidates
    for c in candidates:
        assert text[c.start : c.end] == c.text == c.text.strip()
    starts = [c.start for c in candidates]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(candidates, candidates[1:]))


def test_reasons_do_not_misread_the_seed(everything):
    """ "since the 1950s" is a date, not a comparison; "has not declared war" reports no speech."""
    fifties = find(everything, "since the 1950s")
    assert not any(r.startswith("comparison") for r in fifties.reasons)
    war = find(everything, "has not declared war")
    assert not any(r.startswith("attribution") for r in war.reasons)
    kim = find(everything, "Kim Jong-Un has declared that")
    assert any(r.startswith("attribution") and "declared" in r for r in kim.reasons)
    rounds = find(everything, "two million rounds")
    assert not any("first" in r for r in rounds.reasons if not r.startswith("comparison"))


def test_person_names_are_whole_with_the_english_pipeline(everything):
    if english.available() is None:
        pytest.skip("no English pipeline installed")
    ponomarev = find(everything, "Ilya Ponomarev, a former")
    assert "names a person: Ilya Ponomarev" in ponomarev.reasons
    kim = find(everything, "Kim Jong-Un has declared that")
    people = next(r for r in kim.reasons if r.startswith("names a person"))
    assert "Vladimir Putin" in people and "President" not in people
