"""The one page reader (``workbench.web.page``): lxml, and the linear tokenizer as fallback."""

from __future__ import annotations

from workbench.web.page import read_html, read_page, visible_text


def test_blocks_break_lines_and_hidden_elements_give_nothing():
    title, text = read_html(
        "<html><head><title>Report</title><style>p{}</style></head><body>"
        "<nav><ul><li>Home</li><li>About</li></ul></nav><h1>Heading</h1>"
        "<p>First <b>bold</b> words.</p><template><p>never</p></template>"
        "<svg><title>icon</title></svg><table><tr><td>a</td><td>b</td></tr></table>"
    )
    assert title == "Report"
    assert text == "Home\n\nAbout\n\nHeading\n\nFirst bold words.\n\nab"


def test_a_page_without_a_title_takes_its_h1():
    assert read_html("<body><h1>The  heading</h1><p>x</p>")[0] == "The heading"


def test_nesting_past_libxml2s_limit_is_read_whole_by_the_fallback():
    """libxml2 stops building the tree at 256 levels: the words after would be lost."""
    page = (
        "<html><title>Deep</title><body><p>before</p>"
        + "<div>" * 5000
        + "inside"
        + "</div>" * 5000
        + "<p>after</p>"
    )
    title, text = read_html(page)
    assert title == "Deep"
    assert text == "before\n\ninside\n\nafter"


def test_implied_end_tags_still_break_lines():
    # An unclosed <p> inside a table cell, and a <p> opened inside another.
    text = visible_text("<body><p>one<p>two<table><tr><td>cell<p>para</td></tr></table>")
    assert text == "one\n\ntwo\n\ncell\npara"


def test_an_empty_or_blank_page_has_no_text():
    assert read_page(b"", "text/html") == ("", "")
    assert read_page(b"   \n ", "text/html") == ("", "")
