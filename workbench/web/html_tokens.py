"""A linear-time HTML tokenizer: start tags, end tags and text, for reading a page's words.

It is the fallback of the page reader (``workbench.web.page``) for pages lxml cannot
build a whole tree of (nesting past libxml2's 256 levels). The standard library's
``html.parser`` rescans the rest of the document at every
``<`` it cannot finish, so a page made of ``<a b='`` repeated takes quadratic
time (a megabyte of it was still parsing after several minutes). This tokenizer
follows the WHATWG tokenizer's rules where they matter for text: an unclosed
quoted attribute or comment runs to the end of the document (and is dropped, as
browsers drop it); ``script``, ``style`` and the other raw-text elements run to
their end tag; ``title`` and ``textarea`` are text with character references.
Every search moves forward from where the last one ended, so no byte is scanned
twice: the time is proportional to the page's length, whatever it holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape

RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext"})
ESCAPABLE_RAW_TEXT = frozenset({"title", "textarea"})

_NAME = re.compile(r"[^\s/>]+")
_SPACE = re.compile(r"[\s/]*")
_ATTR_NAME = re.compile(r"[^\s/>=]+|=[^\s/>=]*")
_EQUALS = re.compile(r"\s*=\s*")
_UNQUOTED = re.compile(r"[^\s>]*")
_END_CACHE: dict[str, re.Pattern[str]] = {}

# A token: ("start", name, attrs, self_closing), ("end", name), ("text", text).
Token = tuple


def _end_tag(name: str) -> re.Pattern[str]:
    pattern = _END_CACHE.get(name)
    if pattern is None:
        pattern = _END_CACHE[name] = re.compile(rf"</{re.escape(name)}(?=[\s/>])", re.IGNORECASE)
    return pattern


def tokens(html: str) -> Iterator[Token]:
    """The tokens of ``html`` in order; text has its character references decoded."""
    n = len(html)
    i = 0
    text_from = 0  # where the text not yet given out starts
    while i < n:
        lt = html.find("<", i)
        if lt < 0:
            break
        following = html[lt + 1 : lt + 2]
        if not (following in ("!", "?", "/") or (following.isascii() and following.isalpha())):
            i = lt + 1  # a "<" that starts nothing is text
            continue
        if lt > text_from:
            yield ("text", unescape(html[text_from:lt]))
        step = _markup(html, lt, following)
        if step is None:
            return  # EOF inside a tag (an unclosed quote, say): browsers drop it
        found, i = step
        yield from found
        text_from = i
    if text_from < n:
        yield ("text", unescape(html[text_from:]))


def _markup(html: str, i: int, following: str) -> tuple[list[Token], int] | None:
    """The tokens of the markup at ``html[i]`` ("<") and the index after it; None at EOF."""
    n = len(html)
    if html.startswith("<!--", i):
        end = html.find("-->", i + 4)
        return [], n if end < 0 else end + 3
    if following in ("!", "?"):
        end = html.find(">", i + 2)  # doctype, processing instruction, bogus comment
        return [], n if end < 0 else end + 1
    if following == "/":
        name = _NAME.match(html, i + 2)
        end = html.find(">", i + 2)
        if end < 0:
            return None  # EOF inside an end tag: nothing more to read
        if name is None or not name.group()[0].isalpha():
            return [], end + 1
        return [("end", name.group().lower())], end + 1
    start = _start_tag(html, i)
    if start is None:
        return None
    token, i = start
    name = token[1]
    if name not in RAW_TEXT and name not in ESCAPABLE_RAW_TEXT:
        return [token], i
    closing = _end_tag(name).search(html, i)  # raw text runs to its end tag
    stop = n if closing is None else closing.start()
    if stop == i:
        return [token], stop
    raw = html[i:stop]
    return [token, ("text", unescape(raw) if name in ESCAPABLE_RAW_TEXT else raw)], stop


def _match(pattern: re.Pattern[str], html: str, pos: int) -> re.Match[str]:
    """``pattern.match`` where it cannot fail (the callers know what stands at ``pos``)."""
    match = pattern.match(html, pos)
    if match is None:
        raise AssertionError(f"{pattern.pattern!r} did not match at {pos}")
    return match


def _start_tag(html: str, i: int) -> tuple[Token, int] | None:
    """The start tag at ``html[i]`` and the index after it, or None at the end of input."""
    n = len(html)
    name_match = _match(_NAME, html, i + 1)  # a letter follows the "<"
    name = name_match.group().lower()
    pos = name_match.end()
    attrs: list[tuple[str, str | None]] = []
    while True:
        pos = _match(_SPACE, html, pos).end()
        if pos >= n:
            return None
        if html[pos] == ">":
            return ("start", name, attrs, html[pos - 1] == "/"), pos + 1
        attr = _match(_ATTR_NAME, html, pos)  # not a blank, "/" or ">": one character at least
        key = attr.group().lower()
        pos = attr.end()
        value: str | None = None
        equals = _EQUALS.match(html, pos)
        if equals:
            pos = equals.end()
            if pos >= n:
                return None
            quote = html[pos]
            if quote in "\"'":
                close = html.find(quote, pos + 1)
                if close < 0:
                    return None
                value = unescape(html[pos + 1 : close])
                pos = close + 1
            else:
                unquoted = _match(_UNQUOTED, html, pos)
                value = unescape(unquoted.group())
                pos = unquoted.end()
        attrs.append((key, value))
