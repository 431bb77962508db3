"""Web pages and Word files that the import tests build themselves (no copies of real sites)."""

from __future__ import annotations

import zipfile
from pathlib import Path

NEWS_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title} | The Daily Example</title>
<meta name="author" content="{author}">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
<link rel="canonical" href="{url}">
<script>window.dataLayer = [{{"event": "SCRIPT TEXT MUST NOT APPEAR"}}];</script>
<style>.nav {{ color: red }} /* STYLE TEXT MUST NOT APPEAR */</style>
</head><body>
<div class="cookie-banner">This site uses cookies. Accept all</div>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/world">World</a></li><li><a href="/sport">NAVIGATION LINK TEXT</a></li></ul></nav>
<header><div class="logo">The Daily Example</div><a href="/login">Sign in</a></header>
<main><article>
<h1>{title}</h1>
<p class="byline">By {author}</p>
{paragraphs}
</article></main>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/x">SIDEBAR STORY ONE</a></li>
<li><a href="/y">SIDEBAR STORY TWO</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>READER COMMENT: this is all fake news!!!</p></div>
<div class="comment"><p>READER COMMENT: totally agree with the mayor.</p></div></section>
<footer><p>FOOTER TEXT © 2024 The Daily Example. All rights reserved. Privacy policy.</p></footer>
<script>console.log("SCRIPT TEXT MUST NOT APPEAR");</script>
</body></html>
"""

PARAGRAPHS = [
    "The mayor said on Monday that the city budget rose by 12 percent in 2023, "
    "reaching 4.2 million euros, the largest increase in a decade.",
    "According to the national statistics office, unemployment in the region fell by "
    "3 percent since the current council was elected, a figure the opposition disputes.",
    "“We created 500 jobs,” the deputy for finance told the council in February, "
    "adding that most of them were in construction.",
]

JUNK = [
    "SCRIPT TEXT",
    "STYLE TEXT",
    "NAVIGATION LINK",
    "SIDEBAR STORY",
    "READER COMMENT",
    "FOOTER TEXT",
    "cookies",
]


def news_page(
    *,
    title: str = "City budget rose by 12 percent, mayor says",
    author: str = "Jane Doe",
    url: str = "https://daily.example/politics/budget-2024",
    charset: str = "utf-8",
    lang: str = "en",
    paragraphs: list[str] | None = None,
) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in (paragraphs or PARAGRAPHS))
    return NEWS_PAGE.format(
        title=title, author=author, url=url, charset=charset, lang=lang, paragraphs=body
    )


def write_page(path: Path, html: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(html.encode(encoding))
    return path


_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""
_CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-05T08:00:00Z</dcterms:created>
</cp:coreProperties>"""
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _run(text: str, bold: bool = False) -> str:
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def write_docx(path: Path, *, title: str, author: str, heading: str, paragraphs: list[str]) -> Path:
    """A minimal but real WordprocessingML package, as Word writes it (the parts Word needs)."""
    body = [f'<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>{_run(heading)}</w:p>']
    for text in paragraphs:
        half = len(text) // 2
        cut = text.rfind(" ", 0, half) + 1 or half
        # Two runs per paragraph, the first bold, as formatting splits text in real files.
        body.append(f"<w:p>{_run(text[:cut], bold=True)}{_run(text[cut:])}</w:p>")
    body.append(
        "<w:p><w:r><w:delText>DELETED TRACKED TEXT</w:delText></w:r>"
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r></w:p>'
    )
    body.append(
        "<w:tbl><w:tr><w:tc><w:p>" + _run("Table cell one.") + "</w:p></w:tc>"
        "<w:tc><w:p>" + _run("Table cell two.") + "</w:p></w:tc></w:tr></w:tbl>"
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(body)}<w:sectPr/></w:body></w:document>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document)
        z.writestr("docProps/core.xml", _CORE.format(title=title, author=author))
    return path
