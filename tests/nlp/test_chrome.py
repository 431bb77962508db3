"""Page chrome in pasted news pages: each kind of furniture is passed over as "page chrome"
before scoring, and the article's claims around it are still listed. With and without
the English pipeline (the chrome classifier does not use it, the claim list does)."""

from __future__ import annotations

import pytest

from workbench import nlp
from workbench.nlp import chrome, english

HEADLINE = "Unemployment falls to 3.9% as 65,000 more people find work"
BODY = [
    "Unemployment fell to 3.9% in the three months to March, the Office for National "
    "Statistics said on Tuesday.",
    "The number of people out of work dropped by 65,000 to 1.3 million, the lowest figure "
    "since 1975.",
    "Average weekly earnings rose by 2.8% over the same period, ahead of inflation at 1.9%.",
]
CLAIM_FRAGMENTS = ["fell to 3.9%", "dropped by 65,000", "rose by 2.8%"]


def page(before: list[str] = (), after: list[str] = (), middle: list[str] = ()) -> str:
    """A news page as pasted: the headline, chrome before, the body (chrome in the middle),
    chrome after."""
    body = [BODY[0], *middle, *BODY[1:]]
    return "\n".join([HEADLINE, *before, *body, *after])


CASES = {
    "timestamp": dict(before=["Updated: 10-04-2019 20:03"]),
    "last updated": dict(before=["Last updated 19 July 2012"]),
    "dateline with a time": dict(before=["March 21, 2013 / 8:30 PM / in 5 years"]),
    "byline": dict(before=["By Victoria Cavaliere"]),
    "news-desk byline": dict(before=["Reuters Staff"]),
    "byline with desk and date": dict(
        before=["By ZHOU JIN | China Daily | Updated: 2019-06-18 08:18"]
    ),
    "reading time": dict(before=["1 Min Read"]),
    "share widget": dict(after=["Share on Facebook"]),
    "share bar": dict(before=["Send a link to a friend  Share"]),
    "font-size widget": dict(before=["Text Size:"]),
    "print widget": dict(after=["Print this article"]),
    "breadcrumb": dict(before=["Home > Business > Economy"]),
    "menu": dict(before=["Sign In | Create an Account | Subscribe | Submit News"]),
    "headline repeated": dict(before=["March 21, 2013", HEADLINE]),
    "headline repeated with a date": dict(before=[f"date 2019-12-18 {HEADLINE}"]),
    "photo caption before its credit": dict(
        middle=[
            "Job seekers queue outside a job centre in Manchester, England, January 5, 2017.",
            "Courtesy Jane Smith/Handout via REUTERS",
        ]
    ),
    "photo credit": dict(middle=["Picture: Chani Anderson"]),
    "agency photo credit with the photographer": dict(middle=["REUTERS/Kevin Lamarque"]),
    "paper photo credit with the photographer": dict(middle=["The STAR/Michael Varcas"]),
    "headline cut short at the end of a breadcrumb": dict(
        before=["HomeEconomyUnemployment falls to 3.9% as 65,000 more..."]
    ),
    "caption with credit": dict(middle=["Job seekers in Leeds. Photo: Getty Images"]),
    "caption in brackets": dict(middle=["[Photo/IC]"]),
    "embedded post author line": dict(
        middle=["— Jane Doe (@janedoe) March 5, 2020"],
    ),
    "time-zone notice": dict(before=["All times are in BST"]),
    "list of other stories": dict(
        after=[
            "Related News",
            "Bank of England holds interest rates at 0.75%",
            "Retail sales fall for a third month in a row",
            "Wages in London grow fastest in a decade",
            "Car production drops 15% after plant closures",
        ]
    ),
    "ticker of other stories": dict(
        after=[
            "Space Race Intensifies As Russia Plans Lunar Nuclear Power Plant By 2036 -",
            "Italy Orders Meta To Suspend WhatsApp Terms -",
            "Serena Williams Surprises Sister With Wedding Gift -",
            "Scientist Find New Clue To Spot Mental Health Risk -",
        ]
    ),
    "read-more link": dict(middle=["READ MORE: Wages rise at fastest rate in a decade"]),
    "copyright": dict(after=["Copyright © 2018, Chicago Tribune"]),
    "newsletter": dict(after=["Sign up for our daily newsletter"]),
    "end marker": dict(after=["ENDS."]),
    "agency credit": dict(before=["(Xinhua)"]),
    "long caption ending with its credit in brackets": dict(
        middle=[
            "Job seekers queue outside a job centre in Manchester on Monday, as the number of "
            "people claiming benefits rose for a third month, with more expected next week "
            "[Jane Smith/Reuters]"
        ]
    ),
    "caption ending with an agency photo credit": dict(
        middle=[
            "Job seekers queue outside a job centre in Manchester on Monday. Claims rose for a "
            "third month in a row across the North West. (AP Photo/Jane Smith)"
        ]
    ),
    "republication note": dict(
        after=[
            "This article first appeared in the Manchester Evening News on March 5 and is "
            "republished with permission."
        ]
    ),
    "news ticker on one line": dict(
        before=[
            "Off the wire",
            "Bank holds rates at 0.75%  • Retail sales fall for a third month  • Wages in "
            "London grow fastest in a decade  • Car production drops after plant closures  •",
        ]
    ),
    "comment widget notice": dict(
        after=["This site uses Akismet to reduce spam. Learn how your comment data is processed."]
    ),
    "the site's notice to its readers": dict(
        after=["Dear reader, online ads enable us to deliver the journalism you value."]
    ),
    "advert label": dict(middle=["Hide Ad"]),
    "an outlet's photo credit in brackets": dict(middle=["(ABC News: Jane Smith)"]),
    "caption ending with a run-in file picture credit": dict(
        middle=[
            "More than 150 job seekers queued outside a job centre in Manchester on Monday, "
            "including 28 people over the age of 75. File picture"
        ]
    ),
    "header announcing other stories": dict(
        after=[
            "Go deeper",
            "Bank of England holds interest rates at 0.75%",
            "Retail sales fall for a third month in a row",
        ]
    ),
    "header with a double colon": dict(
        after=["Other materials on the topic::", "Retail sales fall for a third month in a row"]
    ),
    "furniture ending with the headline": dict(
        before=[f"date 2021-10-22 Follow us on Image Source : TWITTER @JOBS {HEADLINE}"]
    ),
    "a blog feed's notice": dict(
        after=["The post Unemployment falls to 3.9% as 65,000 find work appeared first on ."]
    ),
    "a browser notice": dict(before=["IE 11 is not supported."]),
    "a subscription offer's price": dict(
        after=["Starting at $4.62/week.", "Billed as RM5/month for the 1st 6 months then RM13.90."]
    ),
    "a picture agency's credit alone": dict(middle=["Getty Images"]),
    "a story's slug alone": dict(after=["jobs-figures-reuters-L"]),
    "wire notes that lost their brackets": dict(
        after=[
            "$1 = 65.0225 Indian rupees Reporting by Tanvi Mehta in Bengaluru; Editing by "
            "Sunil Nair"
        ]
    ),
    "caption under its own title": dict(
        middle=[
            "Queues",
            "Queues: job seekers outside a job centre in Manchester, where claims rose "
            "for a third month",
        ]
    ),
}


@pytest.fixture(params=["", "none"], ids=["english-pipeline", "patterns-only"])
def pipeline(request, monkeypatch):
    monkeypatch.setenv(english.ENV_SWITCH, request.param)
    return request.param


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_kind_of_chrome_is_passed_over(case, pipeline):
    parts = CASES[case]
    text = page(**parts)
    everything = nlp.extract(text, include_passed=True)
    chrome_lines = [*parts.get("before", []), *parts.get("middle", []), *parts.get("after", [])]
    for line in chrome_lines:
        start = text.index(line, len(HEADLINE) if line == HEADLINE else 0)
        if line == HEADLINE:
            start = text.index(line, len(HEADLINE))
        inside = [c for c in everything if start <= c.start < start + len(line)]
        assert inside, line
        for candidate in inside:
            assert not candidate.checkworthy, (case, candidate.text)
            assert candidate.reasons[0].startswith("passed over: page chrome"), (
                case,
                candidate.reasons,
            )
    listed = [c.text for c in everything if c.checkworthy]
    for fragment in CLAIM_FRAGMENTS:
        assert any(fragment in text for text in listed), (case, fragment, listed)


def test_the_headline_is_scored_for_its_content_not_passed_over():
    text = page(before=["By Victoria Cavaliere", HEADLINE])
    first = nlp.extract(text, include_passed=True)[0]
    assert first.text == HEADLINE and first.start == 0
    assert first.checkworthy and first.reasons[0] == "headline"


def test_a_page_that_opens_with_chrome_finds_its_headline_after_it():
    text = "Home | News | Economy\n" + page()
    found = chrome.layout(text)
    assert found.headline == (text.index(HEADLINE), text.index(HEADLINE) + len(HEADLINE))
    assert any(start == 0 for start, _end, _kind in found.chrome)


def test_body_text_and_section_headings_are_not_chrome():
    text = page(
        middle=[
            "Regional figures",
            "Unemployment in the North East fell to 5.9%, the highest rate.",
        ]
    )
    flagged = {text[a:b] for a, b, _ in chrome.chrome_lines(text)}
    assert not any(line in flagged for line in BODY)
    assert "Unemployment in the North East fell to 5.9%, the highest rate." not in flagged


def test_chrome_reason_says_what_kind():
    text = page(before=["By Victoria Cavaliere", "Updated: 10-04-2019 20:03"])
    kinds = {text[a:b]: kind for a, b, kind in chrome.chrome_lines(text)}
    assert kinds["By Victoria Cavaliere"] == "a byline"
    assert kinds["Updated: 10-04-2019 20:03"] == "a date or time stamp"


def test_chrome_features_are_linear_on_many_short_lines():
    """A page of 20,000 short lines (a pasted table of links) is classified line by line
    without quadratic work: the run lengths are computed in one pass."""
    lines = [f"Link number {i}" for i in range(20_000)]
    found = chrome.layout("\n".join([HEADLINE, *lines]))
    assert len(found.lines) == 20_001


LONE_SENTENCE_PAGES = [
    "Figures\n\nUnemployment rose to 7.1 percent in March, the minister said.\n",
    "Unemployment rose to 7.1 percent in March, the minister said.\n",
    "Jobs\n\nFigures\n\nUnemployment rose to 7.1 percent in March, the minister said.\n",
    "Figures\n\nThe deficit reached $4.2 billion last year, according to the Treasury.\n",
    "Figures\n\nPolice said 12 people were arrested in Leeds on Saturday.\n",
    "Figures\nHome\nNews\nJobs\nMore\nUnemployment rose to 7.1 percent in March, the minister"
    " said.\n",
]


@pytest.mark.parametrize("text", LONE_SENTENCE_PAGES)
def test_a_lone_full_sentence_with_a_figure_and_attribution_is_never_chrome(text, pipeline):
    """A short page holding one real sentence (a verb, a figure, an attribution) lists it:
    with no running text around it, "before the body" and "after the body" are no reason
    to call it page furniture."""
    sentence = text.rstrip("\n").split("\n")[-1]
    start = text.index(sentence)
    assert not any(a <= start < b for a, b, _ in chrome.chrome_lines(text)), chrome.chrome_lines(
        text
    )
    everything = nlp.extract(text, include_passed=True)
    found = [
        c
        for c in everything
        if c.start <= start < c.end or start <= c.start < start + len(sentence)
    ]
    assert found and all(not c.reasons[0].startswith("passed over: page chrome") for c in found), [
        (c.text, c.reasons) for c in found
    ]
    assert any(c.checkworthy for c in found), [(c.text, c.reasons) for c in found]


def test_where_a_reported_fact_stands_never_makes_it_chrome_whatever_the_weights():
    """Fitted weights may give "before the body", "after the body" or "among short lines"
    enough weight to call a line chrome on their own; a sentence with a verb, a figure and
    an attribution is kept all the same. A pattern of its own (a photo credit) still counts."""
    fact = "Unemployment rose to 7.1 percent in March, the minister said."
    body = "The labour market has been weak for most of the past year, and economists are worried."
    text = "\n".join(
        ["Jobs", "Home", "News", "Business", fact, "Sport", body, "Weather", "Markets"]
    )
    weights = {
        "bias": -1.0,
        "before_body": 6.0,
        "after_body": 6.0,
        "in_short_run": 6.0,
        "short_title": 6.0,
        "no_sentence_end": 0.0,
    }
    flagged = {text[a:b] for a, b, _ in chrome.chrome_lines(text, weights)}
    assert {"Home", "News", "Business"} <= flagged  # the weights do call its neighbours chrome
    assert fact not in flagged
    caption = "Unemployment rose to 7.1 percent in March, the minister said. Photo: Getty Images"
    text = "\n".join(["Jobs", body, caption, body])
    assert caption in {
        text[a:b] for a, b, _ in chrome.chrome_lines(text, {"bias": -3.0, "caption": 5.0})
    }


@pytest.mark.parametrize(
    "notes",
    [
        "($1 = 0.8504 euros) (Reporting by Jane Smith; Editing by John Doe)",
        "(Reporting by Jane Smith in London; Additional reporting by Li Wei; Writing by Tom Ray)",
        "(€1 = $1.09)",
    ],
)
def test_a_wire_storys_bracketed_notes_are_an_agency_credit(notes, pipeline):
    """ "(Reporting by ...)" and "($1 = ...)" run into the last paragraph: LABELLING.md's
    agency credit, passed over as chrome by sentence; the paragraph's own sentence is not."""
    last = (
        "The number of people out of work dropped by 65,000 to 1.3 million, the lowest since 1975."
    )
    text = "\n".join([HEADLINE, BODY[0], f"{last} {notes}"])
    everything = {c.text: c for c in nlp.extract(text, include_passed=True)}
    assert everything[notes].reasons[0] == "passed over: page chrome (an agency credit)"
    assert not everything[notes].checkworthy
    assert everything[last].checkworthy, everything[last].reasons


def test_a_sentence_in_brackets_that_is_not_a_wire_note_is_not_chrome():
    from workbench.nlp.chrome_patterns import wire_note

    assert wire_note("($1 = 0.85 euros)") and wire_note("(Writing by Tom Ray; Editing by Jo Li)")
    assert not wire_note("(The ministry said 1,200 people were reported by police.)")
    assert not wire_note("Reporting by Jane Smith was criticised.")
    assert not wire_note("($1 = 0.85 euros) Prices rose.")


@pytest.mark.parametrize(
    "credit",
    ["(Jane Smith/Associated Press)", "((Jane Smith/Associated Press))", "[Jane Smith/Reuters]"],
)
def test_a_photo_credit_closing_a_line_in_single_or_double_brackets_is_a_feature(credit):
    from workbench.nlp.chrome_lines import all_features, lines_of

    line = f"Rescuers search a flooded area in Pelluhue, southwest of Santiago. {credit}"
    _head, features = all_features(lines_of("\n".join([HEADLINE, BODY[0], line])))
    assert features[2]["credit_end"] == 1.0
    plain = "Rescuers searched a flooded area in Pelluhue, the police said (on Sunday)."
    _head, features = all_features(lines_of("\n".join([HEADLINE, BODY[0], plain])))
    assert features[2]["credit_end"] == 0.0


def test_title_case_teasers_and_run_in_bylines_are_line_features():
    from workbench.nlp.chrome_lines import all_features, lines_of

    text = "\n".join(
        [
            HEADLINE,
            BODY[0],
            "Space Race Intensifies As Russia Plans Lunar Nuclear Power Plant By 2036",
            "By Obinna Uballa Nigeria's inflation rate has continued its downward trajectory, "
            "falling to 16.05 percent in October, according to the latest Consumer Price Index "
            "report released on Monday by the National Bureau of Statistics in the…",
            "Unemployment fell to 3.9% in the three months to March as more people found work",
        ]
    )
    _head, features = all_features(lines_of(text))
    assert features[2]["title_case"] and not features[4]["title_case"]
    assert features[3]["byline_lead"] and features[3]["cut_short"]
    assert not any(f["byline_lead"] or f["cut_short"] for f in features[:3])


def test_the_new_line_patterns_say_what_they_find():
    from workbench.nlp.chrome_patterns import site_notice, ticker

    assert ticker("China, Senegal to advance ties  • Across China: a catwalk  • Xi meets Lee  •")
    assert ticker("Bank holds rates | Retail sales fall again | Wages grow fastest in a decade")
    assert not ticker("Home | World | Business | Sport")  # a menu (``nav``), not headlines
    # Sentences joined by bullets are a list of facts, not a ticker; two items are not one.
    assert not ticker("Prices rose 3%. • Wages fell 2%. • Rents rose 5%.")
    assert not ticker("Retail sales fall  • Wages grow")
    assert site_notice("Comments are posted from viewers like you.", 7)
    assert site_notice("Please view the main text area of the page by skipping the main menu.", 13)
    # Quoted speech and news about a site's users are not the site talking to its readers.
    assert not site_notice("“Please delete your comments,” the minister told reporters.", 8)
    assert not site_notice("The company said 2 million users could not log in on Monday.", 12)
    assert not site_notice("Unemployment fell to 3.9%, the ONS said.", 7)


@pytest.mark.parametrize(
    "line, post",
    [
        ("Kids in yellow counties waiting for the storm #StormBarra pic.twitter.com/P6kwOhJFrn", 1),
        ("Teachers checking the forecast again tonight https://t.co/xubAdcgf6i", 1),
        ("Read the full report at www.example.com/jobs-report-2021", 0),
        ("— Jane Doe (@janedoe) December 6, 2021", 0),
        ("Kids waiting pic.twitter.com/P6kwOhJFrn — Jane Doe (@janedoe) December 6, 2021", 0),
    ],
)
def test_an_embedded_posts_text_is_not_its_author_line(line, post):
    """A post's words ending with its picture link are labelled by what they say
    (LABELLING.md): the link makes them neither an author line nor a link."""
    from workbench.nlp.chrome_lines import all_features, lines_of

    _head, features = all_features(lines_of("\n".join([HEADLINE, BODY[0], line])))
    assert features[2]["post_text"] == post
    if post:
        assert not features[2]["embed"] and not features[2]["urlish"]
    else:
        assert features[2]["embed"] or features[2]["urlish"]


@pytest.mark.parametrize("credit", ["(ABC News: Jane Smith)", "(Kyodo)", "[Reuters]"])
def test_the_line_before_a_credit_in_brackets_is_a_caption_line(credit):
    """ "(ABC News: Jane Smith)" and a bracketed agency under a line make that line a photo
    caption (``before_credit``); a bracketed source note does not."""
    from workbench.nlp.chrome_lines import all_features, lines_of

    caption = "Officials of the Bank of England meet in London on Jan. 7, 2021."
    for after, expected in ((credit, 1.0), ("(Source: Office for National Statistics)", 0.0)):
        _head, features = all_features(lines_of("\n".join([HEADLINE, BODY[0], caption, after])))
        assert features[2]["before_credit"] == expected, after


def test_a_live_pages_numbered_recap_is_not_a_header_of_other_stories():
    """ "1. The latest coronavirus headlines" opens a live page's own entry (its recap of the
    day): the lines under it are the article, not a block of other stories."""
    from workbench.nlp.chrome_lines import all_features, lines_of

    for header, expected in (("1. The latest coronavirus headlines", 0.0), ("FEATURE NEWS", 1.0)):
        text = "\n".join([HEADLINE, BODY[0], header, "• Curfews will begin in Paris on Saturday"])
        _head, features = all_features(lines_of(text))
        assert features[2]["list_header"] == expected, header
        assert features[3]["after_list_header"] == expected, header


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("7:10 a.m. – Confirmed death toll has reached 8.", "7:10 a.m. – "),
        ("9.50 pm: The number of cases in Maharashtra rose to 1,200.", "9.50 pm: "),
        ("9/17/2015  – The death toll rose to 11.", "9/17/2015  – "),
        (
            "CHILE (KUSI) – 12:33 p.m. – A state of emergency was declared in 3 regions.",
            "CHILE (KUSI) – 12:33 p.m. – ",
        ),
        (
            "Kampala, Uganda | THE INDEPENDENT | Two opposition MPs were remanded to Luzira "
            "prison until May 3 on charges of inciting violence, the court heard on Tuesday.",
            "Kampala, Uganda | THE INDEPENDENT | ",
        ),
        ("Wednesday 8:00 p.m. – Five people were killed.", "Wednesday 8:00 p.m. – "),
        ("22.29MF – Turnout in the city was 31%, the council said.", "22.29MF – "),
        ("10.05 GMT: The death toll has risen to 12.", "10.05 GMT: "),
    ],
)
def test_a_stamp_or_dateline_run_into_a_claim_is_left_out_of_it(line, furniture, pipeline):
    """A live page's entries begin with their stamp on the same line: the claim listed is
    the sentence after it, so the stamp is never part of a claim."""
    text = page(middle=[line])
    everything = nlp.extract(text, include_passed=True)
    (found,) = [c for c in everything if line.endswith(c.text) and c.text in line]
    assert found.text == line[len(furniture) :]
    assert found.start == text.index(line) + len(furniture)
    assert found.checkworthy, found.reasons


@pytest.mark.parametrize(
    "line",
    [
        "2019 – The central bank raised rates three times.",
        "March 3 - Prices rose 3% in a month.",
        "Police: The man, 23, was arrested on Monday.",
        "WASHINGTON (Reuters) - The Fed raised rates by 0.75 points on Wednesday.",
    ],
)
def test_a_date_or_source_that_belongs_to_the_sentence_stays_in_it(line):
    from workbench.nlp.chrome_lines import furniture_prefix

    assert furniture_prefix(line) == 0
