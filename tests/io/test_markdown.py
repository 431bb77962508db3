"""Markdown import by markdown-it-py: the text a reader sees, code kept as written."""

from __future__ import annotations

from workbench.io.article_markdown import markdown_to_text


def test_code_fences_and_indented_code_are_kept_as_written():
    """The regular expressions stripped "**", "# " and links inside code before."""
    md = (
        "Intro.\n\n```python\nx = **not bold**  # not a heading\n# also not\n[a](b)\n```\n\n"
        "    indented *code* stays\n\nAfter.\n"
    )
    assert markdown_to_text(md) == (
        "Intro.\n\nx = **not bold**  # not a heading\n# also not\n[a](b)\n\n"
        "indented *code* stays\n\nAfter."
    )


def test_inline_code_keeps_its_text_and_markup_inside_it():
    assert markdown_to_text("Run `a *b* c` now.") == "Run a *b* c now."


def test_escapes_and_entities_read_as_the_reader_sees_them():
    """A backslash escape and ``&amp;`` were kept as typed before."""
    assert markdown_to_text(r"Prices \*rose\* 5 &amp; more.") == "Prices *rose* 5 & more."


def test_lists_quotes_headings_links_images_and_comments():
    md = (
        "# Budget ##\n\nSee [the report](https://x.example) <!-- hidden -->here.\n\n"
        "![chart](c.png)\n\n> Quoted words.\n\n- one\n- two\n\n1. first\n2. second\n\n"
        "[ref]: https://example.org\n"
    )
    assert markdown_to_text(md) == (
        "Budget\n\nSee the report here.\n\nQuoted words.\n\none\ntwo\n\n1. first\n2. second"
    )


def test_a_paragraph_keeps_its_line_breaks():
    assert markdown_to_text("line one\nline two  \nline three") == (
        "line one\nline two\nline three"
    )
