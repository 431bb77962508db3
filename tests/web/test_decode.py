"""The one charset rule (``workbench.web.decode``): BOM, given, header, meta, UTF-8, cp1252."""

from __future__ import annotations

import pytest

from workbench.web.decode import EncodingError, decode_page

CAFE = "Café – “quoted” €5"


def page(charset: str = "", body: str = CAFE) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<html><head>{meta}<title>T</title></head><body><p>{body}</p></body></html>"


def test_a_byte_order_mark_beats_everything_declared():
    data = page("koi8-r").encode("utf-16")
    decoded = decode_page(data, content_type="text/html; charset=shift_jis", given=None)
    assert CAFE in decoded.text and decoded.source == "byte-order mark" and decoded.exact


def test_the_encoding_the_user_gives_beats_the_server_and_the_page():
    data = page("utf-8").encode("cp1252")
    decoded = decode_page(data, content_type="text/html; charset=utf-8", given="cp1252")
    assert CAFE in decoded.text and decoded.source == "given" and decoded.exact


def test_the_servers_charset_beats_the_pages():
    data = page("utf-8").encode("cp1252")
    decoded = decode_page(data, content_type="text/html; charset=windows-1252")
    assert CAFE in decoded.text and decoded.source == "sent by the server" and decoded.exact


def test_the_pages_meta_charset_then_utf8():
    assert decode_page(page("koi8-r", "Новости").encode("koi8-r")).text.count("Новости") == 1
    decoded = decode_page(page().encode("utf-8"))
    assert CAFE in decoded.text and decoded.source == "default" and decoded.exact


def test_iso_8859_1_is_read_as_windows_1252_in_html_as_browsers_do():
    decoded = decode_page(page("iso-8859-1").encode("cp1252"))
    assert CAFE in decoded.text and decoded.codec == "cp1252" and decoded.exact


def test_undeclared_and_not_utf8_is_windows_1252_with_a_note():
    decoded = decode_page(page().encode("cp1252"))
    assert CAFE in decoded.text and decoded.codec == "cp1252" and not decoded.exact
    assert decoded.note.startswith("declares no charset and is not UTF-8 (byte 0xe9 at offset")


def test_a_declared_charset_the_bytes_do_not_fit_shows_replacement_characters():
    decoded = decode_page(page("utf-8").encode("cp1252"))
    assert "Caf\ufffd" in decoded.text and not decoded.exact
    assert decoded.note.startswith("is not valid utf-8 as declared in the page (byte 0xe9")


def test_a_utf8_character_cut_by_a_size_cap_is_still_utf8():
    data = page().encode("utf-8")
    cut = data[: data.index("€".encode()) + 1]
    decoded = decode_page(cut)
    assert decoded.codec == "utf-8" and decoded.exact


@pytest.mark.parametrize("label", ["base64", "rot13", "idna", "utf-7", "unicode_escape"])
def test_a_codec_that_is_not_a_charset_is_skipped_with_a_note(label):
    decoded = decode_page(page(label).encode("utf-8"), content_type=f"text/html; charset={label}")
    assert CAFE in decoded.text and decoded.codec == "utf-8"
    assert f"unknown charset {label!r} sent by the server" in decoded.note


@pytest.mark.parametrize("label", ["rot13", "base64", "unicode_escape", "idna", "nonsense"])
def test_a_given_encoding_must_be_a_text_encoding(label):
    with pytest.raises(EncodingError, match="unknown encoding"):
        decode_page(b"text", given=label)
