"""Sentence offsets are exact, whatever the text throws at the splitter."""

from __future__ import annotations

import pytest

from workbench.nlp.sentences import split_sentences


def pieces(text: str) -> list[str]:
    spans = split_sentences(text)
    for s in spans:
        piece = text[s.start : s.end]
        assert piece == piece.strip() and piece, (s, piece)
    return [text[s.start : s.end] for s in spans]


def test_abbreviations_and_decimals_do_not_split():
    text = (
        "Dr. Smith said the U.S. economy grew 1.5 percent in 2023. "
        "Mr. Jones, of St. Louis, disagreed."
    )
    assert pieces(text) == [
        "Dr. Smith said the U.S. economy grew 1.5 percent in 2023.",
        "Mr. Jones, of St. Louis, disagreed.",
    ]


def test_military_and_police_ranks_do_not_split():
    text = (
        "The spokesman, Maj. Reynaldo Balido, confirmed the figure. Det. Insp. Jane Cole and "
        "Supt. Tom Hale agreed."
    )
    assert pieces(text) == [
        "The spokesman, Maj. Reynaldo Balido, confirmed the figure.",
        "Det. Insp. Jane Cole and Supt. Tom Hale agreed.",
    ]


def test_curly_quotes_stay_with_their_sentence():
    text = "“We will win,” she said. “Nobody doubts it.” Then she left."
    assert pieces(text) == ["“We will win,” she said.", "“Nobody doubts it.”", "Then she left."]


def test_a_quotation_over_several_sentences_is_one_span():
    text = "He said: “Prices rose. Wages fell. People suffered.” The minister disagreed."
    assert pieces(text) == [
        "He said: “Prices rose. Wages fell. People suffered.”",
        "The minister disagreed.",
    ]


def test_emoji_and_non_latin_text():
    text = "Das Wetter ist schön 🌞. Москва большая. 東京は大きい。大阪も大きい。 Ende."
    assert pieces(text) == [
        "Das Wetter ist schön 🌞.",
        "Москва большая.",
        "東京は大きい。",
        "大阪も大きい。",
        "Ende.",
    ]


def test_crlf_line_ends_give_exact_offsets():
    text = "Title Line\r\n\r\nFirst sentence here. Second one.\r\nThird line.\r\n"
    assert pieces(text) == ["Title Line", "First sentence here.", "Second one.", "Third line."]
    kinds = [s.kind for s in split_sentences(text)]
    assert kinds[0] == "heading"


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t \r\n", "\u00a0\u2003"])
def test_empty_and_whitespace_only(text):
    assert split_sentences(text) == []


def test_headings_and_captions_are_marked():
    text = "Big News Today\n\n(Photo: Jane Doe via AP)\n\nThe council met on Monday. It voted."
    kinds = {text[s.start : s.end]: s.kind for s in split_sentences(text)}
    assert kinds["Big News Today"] == "heading"
    assert kinds["(Photo: Jane Doe via AP)"] == "caption"
    assert kinds["The council met on Monday."] == "sentence"


def test_question_and_exclamation_marks_end_sentences():
    assert pieces("Is it true? Yes! It is… Really.") == ["Is it true?", "Yes!", "It is…", "Really."]


def test_a_sentence_may_open_with_a_sum_of_money():
    """ "$5bn ..." and a wire story's "($1 = 0.85 euros)" start sentences of their own."""
    assert pieces("Sales fell. $5bn was lost.") == ["Sales fell.", "$5bn was lost."]
    assert pieces("The ruling was not available. ($1 = 0.8504 euros) (Reporting by Jane Doe)") == [
        "The ruling was not available.",
        "($1 = 0.8504 euros) (Reporting by Jane Doe)",
    ]
