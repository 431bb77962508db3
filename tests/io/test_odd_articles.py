"""Odd article files: devices, pipes, odd encodings, bombs. One line and exit 1, or success,
always within bounds (each runs as a command in a child process that is watched)."""

from __future__ import annotations

import os
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from tests.io.pages import _CONTENT_TYPES, W_NS
from tests.reliability import harness
from workbench.core.errors import ArticleError
from workbench.io.articles import read_article

CAFE = "Café prices rose by 12 percent in 2023, the minister said on Tuesday."


def extract(path: Path | str, *extra: str, timeout: float = 120) -> harness.Outcome:
    """``workbench extract`` in a watched child; a hang or more than 1 GB fails the test."""
    outcome = harness.run("extract", str(path), *extra, timeout=timeout)
    assert outcome.status is not None, f"ran longer than {timeout} s: {outcome.describe()}"
    assert outcome.peak_mb < 1024, outcome.describe()
    return outcome


def one_line_refusal(outcome: harness.Outcome, *words: str) -> None:
    assert outcome.status == 1, outcome.describe()
    lines = outcome.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("workbench: error: "), outcome.describe()
    for word in words:
        assert word in lines[0]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused_at_once(device):
    outcome = extract(device, timeout=60)
    one_line_refusal(outcome, "not a regular file")


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    outcome = extract(fifo, timeout=60)
    one_line_refusal(outcome, "not a regular file")


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_a_byte_order_mark_is_read_as_utf32(tmp_path, codec):
    bom = b"\xff\xfe\x00\x00" if codec.endswith("le") else b"\x00\x00\xfe\xff"
    text = tmp_path / "a.txt"
    text.write_bytes(bom + CAFE.encode(codec))
    assert read_article(text).text == CAFE
    page = tmp_path / "a.html"
    page.write_bytes(bom + f"<html><title>T</title><body><p>{CAFE}</p></body></html>".encode(codec))
    assert CAFE in read_article(page).text


@pytest.mark.parametrize(
    "label",
    ["base64", "rot13", "hex", "zlib", "idna", "unicode_escape", "utf-7", "x-no-such-charset"],
)
def test_a_page_declaring_a_codec_that_is_not_a_charset_is_refused_in_one_line(tmp_path, label):
    page = tmp_path / "page.html"
    page.write_text(
        f'<html><head><meta charset="{label}"><title>T</title></head>'
        f"<body><p>{CAFE}</p></body></html>",
        encoding="utf-8",
    )
    outcome = extract(page)
    one_line_refusal(outcome, "unknown charset", label)


@pytest.mark.parametrize("label", ["rot13", "base64", "unicode_escape", "idna"])
def test_encoding_given_by_the_user_must_be_a_text_encoding(tmp_path, label):
    text = tmp_path / "a.txt"
    text.write_text(CAFE, encoding="utf-8")
    with pytest.raises(ArticleError, match="unknown encoding"):
        read_article(text, encoding=label)


def _docx(path: Path, document: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("word/document.xml", document)
    return path


def _paragraphs(count: int, words: int = 40) -> bytes:
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'
    para = "<w:p><w:r><w:t>" + "word " * words + "</w:t></w:r></w:p>"
    return (head + para * count + "</w:body></w:document>").encode()


def test_a_docx_bomb_is_refused_on_what_it_inflates_to(tmp_path):
    """A few hundred KB of zip holding 79 MB of XML took 1.18 GB to read."""
    bomb = _docx(tmp_path / "bomb.docx", _paragraphs(79_000_000 // 230))
    assert bomb.stat().st_size < 1_000_000
    outcome = extract(bomb)
    one_line_refusal(outcome, "too large")


def test_a_docx_with_more_text_than_an_article_is_refused(tmp_path):
    big = _docx(tmp_path / "big.docx", _paragraphs(110_000, words=40))  # 22 MB of words
    with pytest.raises(ArticleError, match="too large"):
        read_article(big)


def test_a_dtd_anywhere_in_a_docx_is_refused(tmp_path):
    document = (
        f'<?xml version="1.0"?><!-- {"x" * 5000} --><!DOCTYPE w:document ['
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    ).encode()
    with pytest.raises(ArticleError, match="DTD"):
        read_article(_docx(tmp_path / "dtd.docx", document))


@pytest.mark.parametrize(
    "unit", ["**a ", "__a ", "*a ", "_a ", "<!--", "![", "[a](", "[a][", "# " + "#"]
)
def test_markdown_bombs_are_read_in_linear_time(tmp_path, unit):
    """80 KB of "**a " took 35 s (quadratic): a megabyte of each pattern now takes seconds."""
    path = tmp_path / "bomb.md"
    path.write_text(
        "Title\n\nThe minister said so. " + unit * (1_000_000 // len(unit)) + "\n", encoding="utf-8"
    )
    outcome = extract(path, "--json", timeout=240)
    assert outcome.status == 0, outcome.describe()


def test_a_megabyte_line_of_words_is_one_long_passed_over_sentence(tmp_path):
    """Over 1,000,000 characters spaCy refuses a text (it was exit 70); a 1 MB "sentence"
    took 2.7 GB and minutes. It is passed over as too long to be a sentence."""
    words = "the minister said that troops and budget figures rose across the border "
    path = tmp_path / "line.txt"
    path.write_text("A headline\n\n" + words * (1_050_000 // len(words)) + "\n", encoding="utf-8")
    outcome = extract(path, "--all", "--json", timeout=240)
    assert outcome.status == 0, outcome.describe()
    assert "too long to be one sentence" in outcome.out


def test_an_article_url_that_drips_its_headers_stops_at_the_deadline(monkeypatch):
    from tests.reliability import servers
    from workbench.io import article_url

    monkeypatch.setattr(article_url, "POLICY", replace(article_url.POLICY, total_timeout=1.5))
    server = servers.HostileServer({"/": servers.drip_headers(0.1)}).start()
    try:
        with pytest.raises(ArticleError, match="took longer than 1.5 s"):
            article_url.fetch_article(server.url("/"))
    finally:
        server.stop()


def test_an_article_page_with_too_much_markup_is_refused(tmp_path):
    """A megabyte of "<p>x" kept the extractor busy for minutes."""
    page = tmp_path / "tags.html"
    page.write_text("<html><body>" + "<p>x" * 250_000, encoding="utf-8")
    outcome = extract(page)
    one_line_refusal(outcome, "too much markup")
