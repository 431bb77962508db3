"""Plain-text articles: decoding, web-boilerplate removal, and the canonical text.

The canonical text is what claims point into, so it is made once, on import, by
fixed rules: line ends become ``\\n``, trailing spaces go, lines that are page
furniture ("Skip to content", share buttons) are dropped, and runs of blank lines
shrink to one blank line.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path

from workbench.core.charsets import bom_codec, user_codec
from workbench.core.errors import ArticleError
from workbench.core.models import Article

MB = 1024 * 1024
MAX_BYTES = 20 * MB  # a 100,000-word article is about 0.6 MB

# Whole lines that are page furniture, not article text (matched case-insensitively).
# fmt: off
BOILERPLATE_LINES = [
    r"skip to (main )?content",
    r"skip to navigation",
    r"spread the love",
    r"share( this( article| story| post)?)?( on \w+)?:?",
    r"(click to )?share on (facebook|twitter|x|linkedin|whatsapp|reddit|telegram|email|pinterest)"
    r"( \(opens in new window\))?",
    r"(facebook|twitter|linkedin|whatsapp|reddit|telegram|email|pinterest|print|tweet|pin it)",
    r"like this:?",
    r"loading\.*",
    r"related( posts| articles| stories)?:?",
    r"advertisement",
    r"subscribe( now| to our newsletter)?",
    r"sign up for our newsletter.*",
    r"(leave a|post a) (comment|reply)",
    r"you (may|might) also like:?",
    r"read more:?",
    r"menu",
    r"search( for)?:?",
    r"this (site|website) uses cookies.*",
    r"accept( all)?( cookies)?",
]
# fmt: on
_BOILERPLATE = re.compile(r"^\s*(?:" + "|".join(BOILERPLATE_LINES) + r")\s*$", re.IGNORECASE)


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Bytes to text. UTF-8 (with or without BOM) unless ``encoding`` is given; else refused."""
    bom = bom_codec(data)
    if b"\x00" in data[:8192] and bom not in ("utf-16", "utf-32"):
        raise ArticleError(f"{name}: looks like a binary file, not text")
    if encoding:
        codec = user_codec(encoding)  # never base64, idna, unicode_escape...
        if not codec:
            raise ArticleError(f"{name}: unknown encoding {encoding[:40]!r}")
        try:
            return data.decode(codec)
        except UnicodeDecodeError as exc:
            raise ArticleError(
                f"{name}: is not valid {encoding} (byte 0x{data[exc.start]:02x} at {exc.start})"
            ) from None
    if bom in ("utf-16", "utf-32"):  # UTF-32's mark first: it begins like UTF-16's
        try:
            return data.decode(bom)
        except UnicodeDecodeError:
            raise ArticleError(f"{name}: damaged {bom.upper()} text") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{name}: is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it to UTF-8, or give its encoding with --encoding (e.g. cp1252)"
        ) from None


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file, refused beyond ``limit`` bytes actually read.

    Devices, FIFOs and sockets are refused before anything is read from them (their
    ``st_size`` says nothing: /dev/zero is "0 bytes" and never ends, and a FIFO's
    open() waits forever for a writer).
    """
    name = path.name
    too_large = ArticleError(f"{name}: too large (over the limit of {limit / MB:.0f} MB)")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ArticleError(f"{name}: no such file") from None
    except PermissionError:
        raise ArticleError(f"{name}: permission denied") from None
    except OSError as exc:
        raise ArticleError(f"{name}: cannot be read ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ArticleError(f"{name}: is a folder, not an article")
    if not stat.S_ISREG(info.st_mode):
        raise ArticleError(
            f"{name}: not a regular file (a device, pipe or socket); save the "
            "article to a file first"
        )
    if info.st_size > limit:
        raise ArticleError(
            f"{name}: too large ({info.st_size / MB:.1f} MB; the limit is {limit / MB:.0f} MB)"
        )
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except PermissionError:
        raise ArticleError(f"{name}: permission denied") from None
    except OSError as exc:
        raise ArticleError(f"{name}: cannot be read ({exc.strerror})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped after the stat
            raise ArticleError(f"{name}: not a regular file (a device, pipe or socket)")
        chunks: list[bytes] = []
        size = 0
        while True:  # bounded by what is read, not by what st_size claimed
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise too_large
    except OSError as exc:
        raise ArticleError(f"{name}: cannot be read ({exc.strerror})") from None
    finally:
        os.close(fd)


def canonical_text(raw: str) -> str:
    """The canonical form of an article's text (see the module docstring)."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    lines = [line.rstrip() for line in text.split("\n")]
    kept = [line for line in lines if not _BOILERPLATE.match(line)]
    out: list[str] = []
    for line in kept:
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)


def guess_title(text: str) -> str:
    """The first heading-like line: short, not ending like a sentence."""
    for line in text.split("\n"):
        stripped = line.strip().lstrip("#").strip()
        if not stripped:
            continue
        if len(stripped) <= 200 and not stripped.endswith((".", ",", ";", ":")):
            return stripped
        break
    first = text.strip().split("\n", 1)[0].strip()
    return first[:80] + ("…" if len(first) > 80 else "")


def article_from_text(raw: str, *, name: str, source: str = "", title: str = "") -> Article:
    text = canonical_text(raw)
    if not text.strip():
        raise ArticleError(f"{name}: the article is empty")
    return Article(title=title or guess_title(text), text=text, imported_from=source or name)


def read_text_article(path: str | Path, *, encoding: str | None = None) -> Article:
    """Import a ``.txt`` (or plain ``.md``) file as an article."""
    path = Path(path)
    raw = decode(read_bytes(path), path.name, encoding)
    return article_from_text(raw, name=path.name, source=str(path.resolve()))
