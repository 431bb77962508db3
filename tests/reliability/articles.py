"""Odd article files, made on purpose (seeded): binary data, devices and pipes, huge lines,
encodings, nested and broken HTML, Word bombs, Markdown bombs.

Each case writes its article into an empty folder and says what the workbench must do
(``refuse``, ``accept`` or ``either``); ``workbench extract`` must end in success or a
one-line refusal, within the time and memory bounds.
"""

from __future__ import annotations

import os
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.io.pages import _CONTENT_TYPES, W_NS
from tests.reliability import harness

SEED = Path(__file__).resolve().parent.parent.parent / "seeds" / "000_d19ec3c93edcc5fb.txt"
SENTENCE = "The minister said on Tuesday that 4,000 troops crossed the border in 2023."


@dataclass(frozen=True)
class Case:
    name: str
    expect: str  # "refuse", "accept" or "either"
    make: Callable[[Path], Path | str]  # folder -> the article's path
    kind: str = ""


def _write(name: str, data: bytes | str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return path

    return make


def _random(name: str, size: int, seed: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(random.Random(seed).randbytes(size))
        return path

    return make


def _device(device: str) -> Callable[[Path], str]:
    return lambda folder: device


def _fifo(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        os.mkfifo(path)
        return path

    return make


def _docx(
    name: str, document: bytes, *, extra: dict[str, bytes] | None = None, stored: bool = False
) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        with zipfile.ZipFile(path, "w", method) as archive:
            archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
            archive.writestr("word/document.xml", document)
            for part, data in (extra or {}).items():
                archive.writestr(part, data)
        return path

    return make


def _paragraphs(count: int, text: str = "word " * 40) -> bytes:
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'
    para = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    return (head + para * count + "</w:body></w:document>").encode()


def _nested_docx(depth: int) -> bytes:
    head = f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>'
    return (
        head + "<w:p><w:r><w:t>x</w:t></w:r>" * depth + "</w:p>" * depth + "</w:body></w:document>"
    ).encode()


def _html(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>Odd page</title></head><body><p>{SENTENCE}</p>{body}"


def all_cases() -> list[Case]:
    cases: list[Case] = []

    def add(name: str, expect: str, make, kind: str) -> None:
        cases.append(Case(name, expect, make, kind))

    seed = SEED.read_text(encoding="utf-8")
    add("seed", "accept", _write("seed.txt", seed), "plain")
    # -- binary and empty ------------------------------------------------------------
    for size in (1, 100, 100_000, 3_000_000):
        for suffix in ("txt", "md", "html", "docx"):
            add(
                f"random-{size}.{suffix}",
                "either" if size == 1 else "refuse",
                _random(f"r.{suffix}", size, size),
                "binary",
            )
    add("empty.txt", "refuse", _write("e.txt", b""), "binary")
    add("blank.md", "refuse", _write("b.md", "\n \n\t\n"), "binary")
    add("nul-in-text", "refuse", _write("n.txt", SENTENCE + "\x00" + SENTENCE), "binary")
    add("too-large", "refuse", _write("big.txt", ("word " * 4_400_000).encode()), "binary")
    # -- devices and pipes: st_size says 0, reading never ends ---------------------------
    for device in ("/dev/zero", "/dev/urandom", "/dev/null", "/dev/full"):
        add(f"device-{device.rsplit('/', 1)[1]}", "refuse", _device(device), "device or FIFO")
    for suffix in ("txt", "html", "docx", "md"):
        add(f"fifo.{suffix}", "refuse", _fifo(f"pipe.{suffix}"), "device or FIFO")
    add("folder", "refuse", lambda folder: folder, "device or FIFO")
    # -- huge lines ------------------------------------------------------------------------
    words = "the minister said that troops and budget figures rose across the border "
    add("line-1mb-words", "accept", _write("w.txt", words * 14_000), "huge line")
    add("line-1mb-capitals", "accept", _write("c.txt", "Aaa Bbb " * 130_000), "huge line")
    add("line-1mb-no-space", "accept", _write("n.txt", "A" * 1_000_000), "huge line")
    add("line-1mb-digits", "accept", _write("d.txt", "1," * 500_000), "huge line")
    add("line-1mb-quotes", "accept", _write("q.txt", "“aaa " * 200_000), "huge line")
    add("line-1mb-full-stops", "accept", _write("f.txt", "1. " * 330_000), "huge line")
    add("many-short-lines", "accept", _write("l.txt", "x\n\n" * 400_000), "huge line")
    add("article-2mb", "accept", _write("long.txt", (seed + "\n\n") * 800), "huge line")
    # -- encodings -------------------------------------------------------------------------
    for codec, bom in (
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-32-le", b"\xff\xfe\x00\x00"),
        ("utf-32-be", b"\x00\x00\xfe\xff"),
        ("utf-8", b"\xef\xbb\xbf"),
    ):
        add(f"bom-{codec}", "accept", _write("bom.txt", bom + SENTENCE.encode(codec)), "encoding")
        add(
            f"bom-{codec}.html",
            "accept",
            _write("bom.html", bom + _html("").encode(codec)),
            "encoding",
        )
    add(
        "latin-1-undeclared",
        "refuse",
        _write("l.txt", "Caf\xe9 ".encode("latin-1") * 50),
        "encoding",
    )
    add("broken-utf16", "refuse", _write("u.txt", b"\xff\xfe" + b"\x00\xd8" * 10), "encoding")
    for label in (
        "base64",
        "rot13",
        "hex",
        "zlib",
        "idna",
        "unicode_escape",
        "utf-7",
        "bz2",
        "undefined",
        "x-nonsense",
        "utf-32",
        "a" * 300,
    ):
        add(
            f"meta-charset-{label[:20]}",
            "either",
            _write("m.html", _html("", f'<meta charset="{label}">')),
            "encoding",
        )
    # -- HTML ------------------------------------------------------------------------------
    for unit in (
        "<a b='",
        "<div>",
        "<!--",
        "<a ",
        "</a",
        "<",
        "<![CDATA[",
        "<script>",
        "<table><tr><td>",
        "<p>x",
    ):
        add(
            f"html-{unit}",
            "either",
            _write("h.html", _html(unit * (1_000_000 // len(unit)))),
            "nested or broken HTML",
        )
    add(
        "html-deep-nesting-200k",
        "either",
        _write("d.html", _html("<div>" * 200_000 + SENTENCE + "</div>" * 200_000)),
        "nested or broken HTML",
    )
    add(
        "html-no-text",
        "refuse",
        _write("e.html", "<html><body><script>x</script></body>"),
        "nested or broken HTML",
    )
    # -- Word ------------------------------------------------------------------------------
    add("docx-bomb-79mb", "refuse", _docx("bomb.docx", _paragraphs(79_000_000 // 230)), "docx bomb")
    add("docx-too-much-text", "refuse", _docx("t.docx", _paragraphs(110_000)), "docx bomb")
    add("docx-deep-nesting", "either", _docx("n.docx", _nested_docx(100_000)), "docx bomb")
    add(
        "docx-dtd",
        "refuse",
        _docx(
            "x.docx",
            (
                f'<?xml version="1.0"?><!-- {"x" * 4000} --><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
                '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c'
                ' "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
                f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p>'
                "</w:body></w:document>"
            ).encode(),
        ),
        "docx bomb",
    )
    add("docx-bad-xml", "refuse", _docx("b.docx", b"<w:document><w:body><w:p>"), "docx bomb")
    add("docx-no-document", "refuse", _docx("m.docx", b"", extra={}), "docx bomb")
    add(
        "docx-huge-core",
        "refuse",
        _docx(
            "c.docx",
            _paragraphs(3),
            extra={"docProps/core.xml": b"<x>" + b"a" * 5_000_000 + b"</x>"},
        ),
        "docx bomb",
    )
    add(
        "docx-truncated",
        "refuse",
        lambda folder: _truncate(_docx("tr.docx", _paragraphs(2000))(folder)),
        "docx bomb",
    )
    # -- Markdown --------------------------------------------------------------------------
    for unit in (
        "**a ",
        "__a ",
        "*a ",
        "_a ",
        "<!--",
        "![",
        "[a](",
        "[a][",
        "`",
        "> ",
        "- ",
        "# #",
        "---\n",
        "[a]: ",
        "***",
    ):
        add(
            f"markdown-{unit.strip() or 'blank'}",
            "accept",
            _write("m.md", f"Title\n\n{SENTENCE} " + unit * (1_000_000 // len(unit)) + "\n"),
            "markdown bomb",
        )
    add(
        "markdown-front-matter-only",
        "either",
        _write("f.md", "---\ntitle: x\n---\n"),
        "markdown bomb",
    )
    add(
        "markdown-unclosed-front-matter",
        "accept",
        _write("u.md", "---\n" + "key: value\n" * 100_000 + SENTENCE),
        "markdown bomb",
    )
    return cases


def _truncate(path: Path) -> Path:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def sample(cases: list[Case]) -> list[Case]:
    """CI's fixed sample: the first case of each kind, and a few that must be refused."""
    chosen = harness.first_of_each_kind(cases)
    names = {
        "device-zero",
        "fifo.txt",
        "line-1mb-words",
        "markdown-**a",
        "html-<a b='",
        "docx-bomb-79mb",
        "meta-charset-base64",
    }
    chosen += [c for c in cases if c.name in names and c not in chosen]
    return chosen
