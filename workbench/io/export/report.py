"""What a published report holds, gathered once from the store for every report format.

CSV, Markdown, HTML, PDF and ClaimReview all read a ``Report``: the project's
articles (current versions, and earlier versions only while claims still point
into them), each with its claims in reading order, each claim with its evidence
and its scale label. Reading everything in three queries keeps a 10,000-claim
export fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbench import __version__
from workbench.core.models import Article, Claim, Evidence, utc_now
from workbench.core.scale import VerdictLabel, VerdictScale, conclusion_of

if TYPE_CHECKING:
    from workbench.io.export import Progress
    from workbench.store import ProjectStore

ORGANISATION_KEY = "organisation"  # {"name": ..., "url": ...}
REVIEW_URL_KEY = "review_base_url"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?!\d)")


@dataclass
class ReportClaim:
    claim: Claim
    number: int  # the claim's id: one number per claim in the window, every export and the CLI
    evidence: list[Evidence]
    label: VerdictLabel | None

    @property
    def verdict(self) -> str:
        """The verdict as published: the label, or the conclusion on a conclusion-only scale."""
        return self.claim.verdict or ""


@dataclass
class ReportArticle:
    article: Article
    claims: list[ReportClaim]
    replaced_by: int | None = None


@dataclass
class Report:
    title: str
    scale: VerdictScale
    organisation: dict
    review_base_url: str
    generated_at: str
    generator: str
    articles: list[ReportArticle] = field(default_factory=list)

    @property
    def claim_count(self) -> int:
        return sum(len(a.claims) for a in self.articles)

    def verdict_of(self, item: ReportClaim) -> str:
        if self.scale.conclusion_only:
            return conclusion_of(item.claim.rationale)
        return item.verdict


def gather(store: ProjectStore, progress: Progress | None = None) -> Report:
    """The report's content. ``progress(done, total)`` is called as articles are read."""
    scale = store.scale.get()
    settings = store.settings.all()
    versions = store.articles.versions()
    claims_by_article: dict[int | None, list[Claim]] = {}
    for claim in store.claims.all():
        claims_by_article.setdefault(claim.article_id, []).append(claim)
    evidence_by_claim: dict[int | None, list[Evidence]] = {}
    for item in store.evidence.all():
        evidence_by_claim.setdefault(item.claim_id, []).append(item)
    labels = {label.name: label for label in scale.labels}
    organisation = settings.get(ORGANISATION_KEY) or {}
    report = Report(
        title=settings.get("title") or store.path.stem,
        scale=scale,
        organisation=organisation if isinstance(organisation, dict) else {},
        review_base_url=str(settings.get(REVIEW_URL_KEY) or ""),
        generated_at=utc_now(),
        generator=f"Fact-Check Workbench {__version__}",
    )
    articles = store.articles.all()
    for index, article in enumerate(articles):
        assert article.id is not None  # read from the store
        claims = claims_by_article.get(article.id, [])
        replaced_by = versions.get(article.id)
        if replaced_by is not None and not claims:
            continue  # an earlier version all of whose claims moved on
        items = []
        for claim in claims:
            assert claim.id is not None  # read from the store
            items.append(
                ReportClaim(
                    claim,
                    claim.id,
                    evidence_by_claim.get(claim.id, []),
                    labels.get(claim.verdict or ""),
                )
            )
        report.articles.append(ReportArticle(article, items, replaced_by))
        if progress:
            progress(index + 1, len(articles))
    return report


def iso_date(value: str) -> str:
    """The YYYY-MM-DD at the start of ``value``, or "" when it is not an ISO date."""
    value = (value or "").strip()
    return value[:10] if _ISO_DATE.match(value) else ""


def shown_date(value: str) -> str:
    """A date for people: the ISO date when there is one, else the text as imported."""
    return iso_date(value) or (value or "").strip()


def spans(text: str, claims: list[ReportClaim]) -> Iterator[tuple[str, ReportClaim | None]]:
    """The article's text cut into (piece, claim or None), claims in reading order.

    Overlapping claims are shown from the later one's end (a span is marked once).
    """
    at = 0
    for item in sorted(claims, key=lambda c: (c.claim.start, c.claim.end)):
        start = max(item.claim.start, at)
        end = item.claim.end
        if end <= start:
            continue
        if start > at:
            yield text[at:start], None
        yield text[start:end], item
        at = end
    if at < len(text):
        yield text[at:], None


def paragraphs(text: str, claims: list[ReportClaim]) -> list[list[tuple[str, ReportClaim | None]]]:
    """``spans`` cut again at blank lines: a list of paragraphs, each a list of pieces.

    A claim that runs over a paragraph break is marked in both paragraphs.
    """
    result: list[list[tuple[str, ReportClaim | None]]] = [[]]
    for piece, item in spans(text, claims):
        parts = piece.split("\n\n")
        for index, part in enumerate(parts):
            if index:
                result.append([])
            part = part.strip("\n") if item is None else part
            if part:
                result[-1].append((part, item))
    return [p for p in result if p]


def verdict_counts(report: Report) -> list[tuple[str, int]]:
    """Claims per verdict, in the scale's order, then "not rated"."""
    counts: dict[str, int] = {}
    for entry in report.articles:
        for item in entry.claims:
            if report.scale.conclusion_only:
                key = "concluded" if item.claim.rationale.strip() else ""
            else:
                key = item.claim.verdict or ""
            counts[key] = counts.get(key, 0) + 1
    order = [name for name in report.scale.names() if name in counts]
    order += sorted(k for k in counts if k and k not in order)
    rows = [(name, counts[name]) for name in order]
    if counts.get(""):
        rows.append(("not rated", counts[""]))
    return rows
