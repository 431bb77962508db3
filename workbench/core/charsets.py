"""Which encodings a page or a file may name: text encodings, never Python's other codecs.

Python's codec registry also holds transforms (``base64``, ``hex``, ``zlib``,
``rot13``) and codecs that read escapes or host names (``unicode_escape``,
``idna``, ``punycode``, ``utf-7``). A page that declares one of those must not get
its bytes fed to it: ``bytes.decode('base64')`` raises, ``unicode_escape`` turns
``\\x3c`` into ``<``, and ``utf-7`` is a classic way to smuggle markup past a filter.
A charset a page or a server declares is therefore looked up in the WHATWG Encoding
Standard's list of encodings (the ones browsers decode), and one the user gives on
the command line must at least be a real text encoding.
"""

from __future__ import annotations

import codecs

# Python's names for the encodings of the WHATWG Encoding Standard. (UTF-32 is not one:
# it is read only by its byte-order mark, which readers check first.)
# fmt: off
WEB_CODECS = frozenset({
    "utf-8", "utf-16", "utf-16-le", "utf-16-be",
    "cp866", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-7",
    "iso8859-8", "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16",
    "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "cp874", "cp1250", "cp1251", "cp1252",
    "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "gbk", "gb18030", "gb2312",
    "big5", "big5hkscs", "euc_jp", "iso2022_jp", "shift_jis", "cp932", "euc_kr", "cp949",
    "iso8859-1", "ascii", "tis-620", "iso8859-11", "iso8859-9",
})
# fmt: on
# WHATWG labels Python does not know under that name.
EXTRA_LABELS = {
    "windows-874": "cp874",
    "x-mac-cyrillic": "mac-cyrillic",
    "x-mac-ukrainian": "mac-cyrillic",
    "windows-31j": "cp932",
    "x-sjis": "shift_jis",
    "ms932": "cp932",
    "x-gbk": "gbk",
    "unicode-1-1-utf-8": "utf-8",
    "unicode11utf8": "utf-8",
    "unicode20utf8": "utf-8",
    "x-unicode20utf8": "utf-8",
    "ucs-2": "utf-16-le",
    "unicode": "utf-16-le",
    "unicodefffe": "utf-16-be",
}
# Web pages: these labels mean windows-1252 (and ISO-8859-9 windows-1254), as browsers read them.
WEB_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254"}
# Text codecs that are not charsets: they read escapes, host names or UTF-7.
NOT_CHARSETS = frozenset(
    {
        "idna",
        "punycode",
        "unicode-escape",
        "raw-unicode-escape",
        "utf-7",
        "undefined",
        "unicode-internal",
    }
)


def _lookup(label: str) -> str:
    label = (label or "").strip().strip("\"'").lower()
    if not label or len(label) > 40:
        return ""
    if label in EXTRA_LABELS:
        return EXTRA_LABELS[label]
    try:
        info = codecs.lookup(label)
    except LookupError:
        return ""
    if not getattr(info, "_is_text_encoding", True):
        return ""
    return info.name


def web_codec(label: str, *, html: bool = True) -> str:
    """The Python codec for a charset a page or server declares, or "" if it is not one.

    With ``html`` the labels browsers read as windows-1252 are mapped to it.
    """
    name = _lookup(label)
    if name not in WEB_CODECS:
        return ""
    return WEB_ALIASES.get(name, name) if html else name


def user_codec(label: str) -> str:
    """The Python codec for an encoding the user names, or "" if it is not a text encoding."""
    name = _lookup(label)
    return "" if name in NOT_CHARSETS else name


# Byte-order marks, longest first: UTF-32 LE starts with UTF-16 LE's mark.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def bom_codec(data: bytes) -> str:
    """The codec a byte-order mark at the start of ``data`` names, or ""."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    return ""
