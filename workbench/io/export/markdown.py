"""``markdown``: the report as Markdown, for newsroom CMSs, wikis and chat.

Article text is escaped so that a ``*`` or ``[`` in it stays a character; claims
are shown in bold with their number in brackets, and listed after the article.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.urls import safe_http_url
from workbench.io.export import ExportResult, Progress, register
from workbench.io.export.report import (
    Report,
    ReportClaim,
    gather,
    paragraphs,
    shown_date,
    verdict_counts,
)
from workbench.io.files import atomic_write

if TYPE_CHECKING:
    from workbench.store import ProjectStore

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
_LINE_START = re.compile(r"^(\s*)([-+>]|\d+\.)(?=\s)", re.MULTILINE)


def md(text: str) -> str:
    """Text that Markdown shows as written: no markup, no HTML, no entity, no link."""
    # CommonMark ends a line at a lone CR too: make it a line break the rules below see.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), _SPECIAL.sub(r"\\\1", text))


def _url(url: str) -> str:
    """An http(s) address as an autolink, percent-encoded so that it cannot break out of
    it (whatever an older version stored); anything else as plain text, never a link."""
    safe = safe_http_url(url)
    return f"<{safe}>" if safe else md(url)


def claim_block(report: Report, item: ReportClaim) -> list[str]:
    claim = item.claim
    lines = [f"### {item.number}. {md(claim.text)}", ""]
    verdict = report.verdict_of(item) or "Not rated"
    lines.append(f"**Verdict:** {md(verdict)} · *{claim.status.label}*")
    if claim.claimant:
        lines.append(f"  \n**Claimant:** {md(claim.claimant)}")
    lines.append("")
    if claim.text != claim.quote:
        lines += [f"> “{md(claim.quote)}”", ""]
    if claim.anchor_note:
        lines += [f"*Note: {md(claim.anchor_note)}*", ""]
    if claim.rationale.strip():
        lines += [md(claim.rationale.strip()), ""]
    if item.evidence:
        lines.append("**Evidence:**")
        lines.append("")
        for e in item.evidence:
            bits = [_url(e.url), e.stance.value]
            if e.title:
                bits.insert(1, md(e.title))
            if e.retrieved_at:
                bits.append(f"retrieved {e.retrieved_at}")
            if e.sha256:
                bits.append(f"SHA-256 `{e.sha256}`")
            elif e.error:
                bits.append(f"not captured: {md(e.error)}")
            if e.note:
                bits.append(f"*{md(e.note)}*")
            lines.append(f"- {' · '.join(bits)}")
        lines.append("")
    return lines


def render(report: Report, progress: Progress | None = None) -> str:
    lines = [f"# {md(report.title)}", ""]
    organisation = report.organisation.get("name", "")
    lines.append(
        f"{md(organisation) + ' · ' if organisation else ''}{report.claim_count} claims · "
        f"scale: {md(report.scale.name)} · generated {report.generated_at}"
    )
    lines.append("")
    lines.append(" · ".join(f"{md(name)}: {count}" for name, count in verdict_counts(report)))
    lines.append("")
    for index, entry in enumerate(report.articles):
        a = entry.article
        lines += [f"## {md(a.title)}", ""]
        meta = [md(b) for b in (a.author, shown_date(a.published)) if b]
        if a.source_url:
            meta.append(_url(a.source_url))
        meta.append(f"text SHA-256 `{a.sha256}`")
        lines += [" · ".join(meta), ""]
        for paragraph in paragraphs(a.text, entry.claims):
            text = "".join(
                md(piece) if item is None else f"**{md(piece).strip()}** \\[{item.number}\\]"
                for piece, item in paragraph
            )
            lines += [text.replace("\n", "  \n"), ""]
        for item in entry.claims:
            lines += claim_block(report, item)
        if progress:
            progress(index + 1, len(report.articles))
    lines.append(
        f"---\n\n*{md(report.generator)}. Evidence times are UTC; SHA-256 is of the "
        "exact bytes received.*"
    )
    return "\n".join(lines) + "\n"


@register("markdown", ".md", "the report as Markdown")
def export_markdown(
    store: ProjectStore, out: Path, progress: Progress | None = None
) -> ExportResult:
    report = gather(store)
    atomic_write(out, render(report, progress))
    return ExportResult(
        out, f"wrote {out}: {len(report.articles)} article(s), {report.claim_count} claims"
    )
