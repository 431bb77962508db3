"""``claimreview``: schema.org ClaimReview in JSON-LD, one per claim marked done.

ClaimReview is what gets published, so only claims whose status is done are
exported unless ``all_claims`` (``--all-claims``) asks for every rated claim; the
message says which, and how many were left out and why.

This is what search engines, platforms and fact-check databases read. Fields
(https://schema.org/ClaimReview): ``claimReviewed`` (the claim as reworded),
``reviewRating`` (a Rating: ``alternateName`` the label, ``ratingValue``,
``bestRating``, ``worstRating``, ``ratingExplanation`` the rationale),
``itemReviewed`` (a Claim: ``author`` the claimant, ``appearance`` the article's
URL, ``datePublished``), ``author`` (the organisation, from the project settings),
``datePublished`` and ``url`` (the review's address, from a configurable base).
A value the project does not know is left out rather than invented.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.models import Article, ClaimStatus
from workbench.core.scale import VerdictScale
from workbench.core.urls import safe_http_url
from workbench.io.export import ExportResult, Progress, register
from workbench.io.export.report import (
    Report,
    ReportArticle,
    ReportClaim,
    gather,
    iso_date,
)
from workbench.io.files import atomic_write

if TYPE_CHECKING:
    from workbench.store import ProjectStore


def review_url(base: str, claim_id: int) -> str:
    """``{id}`` in the base is replaced by the claim's id; otherwise ``#claim-ID`` is added."""
    base = base.strip()
    if not base:
        return ""
    if "{id}" in base:
        return base.replace("{id}", str(claim_id))
    return f"{base}#claim-{claim_id}"


def article_url(article: Article) -> str:
    return safe_http_url(article.source_url or "") or safe_http_url(article.imported_from or "")


def script_safe_json(document: object) -> str:
    """JSON that can be pasted into an HTML ``<script type="application/ld+json">``:
    ``<``, ``>`` and ``&`` (and the JavaScript line separators) as ``\\u`` escapes, so no
    value can close the script element or open a comment. The JSON is unchanged."""
    text = json.dumps(document, ensure_ascii=False, indent=2)
    for char, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text


def has_verdict(item: ReportClaim, scale: VerdictScale) -> bool:
    if scale.conclusion_only:
        return bool(item.claim.rationale.strip())
    return bool(item.claim.verdict)


def rating(report: Report, item: ReportClaim) -> dict:
    result: dict[str, object] = {"@type": "Rating", "alternateName": report.verdict_of(item)}
    label = item.label
    bounds = report.scale.rating_bounds()
    if label is not None and label.rating is not None and bounds is not None:
        # Labels outside the scale's order ("Misleading") carry no number.
        result.update(ratingValue=label.rating, bestRating=bounds[0], worstRating=bounds[1])
    if item.claim.rationale.strip():
        result["ratingExplanation"] = item.claim.rationale.strip()
    return result


def claim_review(report: Report, entry: ReportArticle, item: ReportClaim) -> dict:
    claim, article = item.claim, entry.article
    reviewed: dict = {"@type": "Claim"}
    if claim.claimant:
        reviewed["author"] = {"@type": "Person", "name": claim.claimant}
    url = article_url(article)
    if url:
        reviewed["appearance"] = {"@type": "CreativeWork", "url": url}
    if iso_date(article.published):
        reviewed["datePublished"] = iso_date(article.published)
    review: dict = {
        "@type": "ClaimReview",
        "claimReviewed": claim.text,
        "reviewRating": rating(report, item),
        "itemReviewed": reviewed,
    }
    organisation = report.organisation
    if organisation.get("name"):
        review["author"] = {"@type": "Organization", "name": organisation["name"]}
        organisation_url = safe_http_url(str(organisation.get("url") or ""))
        if organisation_url:  # only ever a web address, whatever the settings hold
            review["author"]["url"] = organisation_url
    review["datePublished"] = (claim.updated_at or report.generated_at)[:10]
    url = safe_http_url(review_url(report.review_base_url, item.number))
    if url:
        review["url"] = url
    return review


def claim_reviews(report: Report, all_claims: bool = False) -> tuple[list[dict], dict[str, int]]:
    """The ClaimReviews of the claims marked done (``all_claims``: of every rated claim),
    and how many were left out, by reason: ``no verdict``, ``not done``."""
    reviews: list[dict] = []
    left_out = {"no verdict": 0, "not done": 0}
    for entry in report.articles:
        for item in entry.claims:
            if not has_verdict(item, report.scale):
                left_out["no verdict"] += 1
            elif not all_claims and item.claim.status is not ClaimStatus.DONE:
                left_out["not done"] += 1
            else:
                reviews.append(claim_review(report, entry, item))
    return reviews, left_out


def _claims(n: int) -> str:
    return f"{n} claim{'s' if n != 1 else ''}"


@register(
    "claimreview",
    ".jsonld",
    "schema.org ClaimReview JSON-LD, one per claim marked done (or every rated claim)",
)
def export_claimreview(
    store: ProjectStore, out: Path, progress: Progress | None = None, all_claims: bool = False
) -> ExportResult:
    """ClaimReviews are what gets published: by default only claims marked done."""
    report = gather(store, progress)
    reviews, left_out = claim_reviews(report, all_claims)
    document = {"@context": "https://schema.org", "@graph": reviews}
    atomic_write(out, script_safe_json(document) + "\n")
    which = (
        "every rated claim, done or not (--all-claims)" if all_claims else "the claims marked done"
    )
    message = (
        f"wrote {out}: {len(reviews)} ClaimReview{'s' if len(reviews) != 1 else ''} of {which}"
    )
    reasons = []
    if left_out["not done"]:
        reasons.append(
            f"{_claims(left_out['not done'])} rated but not done (--all-claims includes them)"
        )
    if left_out["no verdict"]:
        reasons.append(f"{_claims(left_out['no verdict'])} without a verdict")
    if reasons:
        message += "; left out: " + ", ".join(reasons)
    missing = []
    if not report.organisation.get("name"):
        missing.append("organisation (author)")
    if not report.review_base_url:
        missing.append("review base URL (url)")
    if missing and reviews:
        message += f"; not set, so left out: {', '.join(missing)} (see `workbench settings`)"
    return ExportResult(out, message)
