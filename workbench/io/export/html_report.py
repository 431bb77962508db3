"""``html``: a self-contained, print-friendly report.

One file, nothing loaded from anywhere (no scripts, fonts, images or style
sheets from the web): each article with its claims marked and numbered, then
each claim with its verdict, rationale and evidence (retrieval time and SHA-256
of what was captured). Every piece of text is escaped; only http(s) addresses
become links.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.colours import blend, readable_text
from workbench.io.export import ExportResult, Progress, register
from workbench.io.export.report import (
    Report,
    ReportArticle,
    ReportClaim,
    gather,
    paragraphs,
    shown_date,
    verdict_counts,
)
from workbench.io.files import atomic_write

if TYPE_CHECKING:
    from workbench.store import ProjectStore

MARK_TINT = 0.22  # a mark's background: the label's colour at 22% over white (STYLE)

STYLE = """
:root { --ink: #1b1b1b; --muted: #5f6368; --rule: #d0d4d9; }
* { box-sizing: border-box; }
body { font: 11pt/1.55 Georgia, "DejaVu Serif", serif; color: var(--ink); max-width: 46rem;
       margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4 { font-family: "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
                 line-height: 1.25; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { font-size: 1.35rem; margin-top: 2.5rem; border-top: 2px solid var(--ink); padding-top: .6rem; }
h3 { font-size: 1.05rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.meta { color: var(--muted); font-size: .9rem; }
.summary { display: flex; flex-wrap: wrap; gap: .4rem; padding: 0; list-style: none; }
.summary li { border: 1px solid var(--rule); border-left: 6px solid var(--c, #9e9e9e);
              padding: .1rem .5rem; font-size: .9rem; }
.text p { margin: 0 0 .8rem; }
mark { background: color-mix(in srgb, var(--c, #9e9e9e) 22%, white); color: inherit;
       border-bottom: 2px solid var(--c, #9e9e9e); padding: 0 .1rem; }
mark a { color: inherit; text-decoration: none; }
mark sup { font: bold .7rem Arial, sans-serif; color: var(--t, #555); }
.claim { border-left: 6px solid var(--c, #9e9e9e); padding: .2rem 0 .2rem .9rem;
         margin: 1.4rem 0; break-inside: avoid; }
.claim h4 { margin: 0 0 .3rem; font-size: 1.02rem; }
.num { display: inline-block; min-width: 1.6rem; color: var(--muted); }
.verdict { font: bold .95rem Arial, "DejaVu Sans", sans-serif; color: var(--t, #555);
           margin: .2rem 0; }
.status { font-weight: normal; color: var(--muted); }
blockquote { margin: .3rem 0; padding-left: .7rem; border-left: 2px solid var(--rule);
             color: var(--muted); font-style: italic; }
.note { background: #fff8e1; padding: .2rem .4rem; font-size: .9rem; }
.evidence { font-size: .9rem; padding-left: 1.3rem; }
.evidence li { margin-bottom: .3rem; overflow-wrap: anywhere; }
code { font: .8rem "DejaVu Sans Mono", monospace; }
footer { margin-top: 3rem; border-top: 1px solid var(--rule); color: var(--muted);
         font-size: .85rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  h2 { break-before: page; } h2:first-of-type { break-before: avoid; }
  .evidence a::after { content: " <" attr(href) ">"; color: var(--muted); }
  a { color: inherit; }
}
"""


def link(url: str, text: str | None = None) -> str:
    shown = escape(text if text is not None else url)
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{escape(url, quote=True)}">{shown}</a>'
    return shown


def _colour(report: Report, item: ReportClaim | None) -> str:
    if item is not None and item.label is not None:
        return label_style(item.label.colour)
    return ""


@lru_cache(maxsize=256)
def label_style(colour: str) -> str:
    """The style attribute of an element drawn in a label's colour: ``--c`` the colour
    itself (bars, tinted marks), ``--t`` the same hue dark enough to read as text on
    white and on the mark's tint (WCAG AA): "Mixture" yellow is written in dark ochre."""
    try:
        text = readable_text(colour, ["#ffffff", blend(colour, "#ffffff", MARK_TINT)])
    except ValueError:  # not #rrggbb: the browser gets the colour as it is
        text = colour
    return f' style="--c:{escape(colour, quote=True)};--t:{escape(text, quote=True)}"'


def _multiline(text: str) -> str:
    return "".join(
        f"<p>{escape(p).replace(chr(10), '<br>')}</p>"
        for p in text.strip().split("\n\n")
        if p.strip()
    )


def article_text(report: Report, entry: ReportArticle) -> str:
    out = ['<div class="text">']
    for paragraph in paragraphs(entry.article.text, entry.claims):
        out.append("<p>")
        for piece, item in paragraph:
            text = escape(piece).replace("\n", "<br>")
            if item is None:
                out.append(text)
            else:
                n = item.number
                out.append(
                    f'<mark id="t{n}"{_colour(report, item)}><a href="#c{n}">{text}</a>'
                    f"<sup>{n}</sup></mark>"
                )
        out.append("</p>")
    out.append("</div>")
    return "".join(out)


def evidence_list(item: ReportClaim) -> str:
    if not item.evidence:
        return '<p class="meta">No evidence attached.</p>'
    rows = []
    for e in item.evidence:
        bits = [link(e.url, e.title or e.url), escape(e.stance.value)]
        if e.retrieved_at:
            bits.append(f"retrieved {escape(e.retrieved_at)}")
        if e.final_url and e.final_url != e.url:
            bits.append("final URL " + link(e.final_url))
        if e.sha256:
            bits.append(f"SHA-256 <code>{escape(e.sha256)}</code>")
        elif e.error:
            bits.append(f"not captured: {escape(e.error)}")
        else:
            bits.append("not captured yet")
        if e.note:
            bits.append(f"<i>{escape(e.note)}</i>")
        rows.append(f"<li>{' · '.join(bits)}</li>")
    return f'<ol class="evidence">{"".join(rows)}</ol>'


def claim_section(report: Report, item: ReportClaim) -> str:
    claim, n = item.claim, item.number
    verdict = report.verdict_of(item) or "Not rated"
    parts = [
        f'<section class="claim" id="c{n}"{_colour(report, item)}>',
        f'<h4><a class="num" href="#t{n}">{n}</a> {escape(claim.text)}</h4>',
        f'<p class="verdict">{escape(verdict)} <span class="status">· {escape(claim.status.label)}'
        "</span></p>",
    ]
    if claim.text != claim.quote:
        parts.append(f"<blockquote>“{escape(claim.quote)}”</blockquote>")
    if claim.claimant:
        parts.append(f'<p class="meta">Claimant: {escape(claim.claimant)}</p>')
    if claim.anchor_note:
        parts.append(f'<p class="note">{escape(claim.anchor_note)}</p>')
    if claim.rationale.strip():
        parts.append(f'<div class="rationale">{_multiline(claim.rationale)}</div>')
    parts.append(evidence_list(item))
    parts.append("</section>")
    return "".join(parts)


def article_meta(entry: ReportArticle) -> str:
    a = entry.article
    bits = [escape(b) for b in (a.author, shown_date(a.published)) if b]
    if a.source_url:
        bits.append(link(a.source_url))
    bits.append(f"text SHA-256 <code>{escape(a.sha256)}</code>")
    if entry.replaced_by is not None:
        bits.append(f"an earlier version (replaced by article {entry.replaced_by})")
    return f'<p class="meta">{" · ".join(bits)}</p>'


def render(report: Report, progress: Progress | None = None) -> str:
    organisation = report.organisation.get("name", "")
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="{escape(report.generator, quote=True)}">',
        f"<title>{escape(report.title)}</title><style>{STYLE}</style></head><body>",
        f"<header><h1>{escape(report.title)}</h1>",
        f'<p class="meta">{escape(organisation) + " · " if organisation else ""}'
        f"{report.claim_count} claims · scale: {escape(report.scale.name)} · "
        f"generated {escape(report.generated_at)}</p>",
        '<ul class="summary">',
    ]
    colours = {label.name: label.colour for label in report.scale.labels}
    for name, count in verdict_counts(report):
        style = label_style(colours[name]) if name in colours else ""
        out.append(f"<li{style}>{escape(name)}: {count}</li>")
    out.append("</ul></header><main>")
    total = len(report.articles)
    for index, entry in enumerate(report.articles):
        out.append(f"<h2>{escape(entry.article.title)}</h2>")
        out.append(article_meta(entry))
        out.append(article_text(report, entry))
        if entry.claims:
            out.append("<h3>Claims</h3>")
            out.extend(claim_section(report, item) for item in entry.claims)
        if progress:
            progress(index + 1, total)
    out.append(
        f"</main><footer><p>{escape(report.generator)}. Evidence times are UTC; "
        "SHA-256 is of the exact bytes received.</p></footer></body></html>\n"
    )
    return "".join(out)


@register("html", ".html", "a self-contained, print-friendly report")
def export_html(store: ProjectStore, out: Path, progress: Progress | None = None) -> ExportResult:
    report = gather(store)
    atomic_write(out, render(report, progress))
    return ExportResult(
        out, f"wrote {out}: {len(report.articles)} article(s), {report.claim_count} claims"
    )
