"""``claimreview``: schema.org ClaimReview in JSON-LD, one per claim that has a verdict.

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

from workbench.core.scale import VerdictScale
from workbench.core.urls import safe_http_url
from workbench.io.export import ExportResult, register
from workbench.io.export.report import (
    Report,
    ReportArticle,
    ReportClaim,
    gather,
    iso_date,
)
from workbench.io.files import atomic_write


def review_url(base: str, claim_id: int) -> str:
    """``{id}`` in the base is replaced by the claim's id; otherwise ``#claim-ID`` is added."""
    base = base.strip()
    if not base:
        return ""
    if "{id}" in base:
        return base.replace("{id}", str(claim_id))
    return f"{base}#claim-{claim_id}"


def article_url(article) -> str:
    return safe_http_url(article.source_url or "") or safe_http_url(article.imported_from or "")


def script_safe_json(document) -> str:
    """JSON that can be pasted into an HTML ``<script type="application/ld+json">``:
    ``<``, ``>`` and ``&`` (and the JavaScript line separators) as ``\\u`` escapes, so no
    value can close the script element or open a comment. The JSON is unchanged."""
    text = json.dumps(document, ensure_ascii=False, indent=2)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def has_verdict(item: ReportClaim, scale: VerdictScale) -> bool:
    if scale.conclusion_only:
        return bool(item.claim.rationale.strip())
    return bool(item.claim.verdict)


def rating(report: Report, item: ReportClaim) -> dict:
    result = {"@type": "Rating", "alternateName": report.verdict_of(item)}
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
    url = safe_http_url(review_url(report.review_base_url, claim.id))
    if url:
        review["url"] = url
    return review


def claim_reviews(report: Report) -> tuple[list[dict], int]:
    """The ClaimReviews, and how many claims were left out for want of a verdict."""
    reviews, left_out = [], 0
    for entry in report.articles:
        for item in entry.claims:
            if has_verdict(item, report.scale):
                reviews.append(claim_review(report, entry, item))
            else:
                left_out += 1
    return reviews, left_out


@register("claimreview", ".jsonld", "schema.org ClaimReview JSON-LD, one per rated claim")
def export_claimreview(store, out: Path, progress=None) -> ExportResult:
    report = gather(store, progress)
    reviews, left_out = claim_reviews(report)
    document = {"@context": "https://schema.org", "@graph": reviews}
    atomic_write(out, script_safe_json(document) + "\n")
    message = (
        f"wrote {out}: {len(reviews)} ClaimReview{'s' if len(reviews) != 1 else ''}; "
        f"{left_out} claim{'s' if left_out != 1 else ''} left out (no verdict)"
    )
    missing = []
    if not report.organisation.get("name"):
        missing.append("organisation (author)")
    if not report.review_base_url:
        missing.append("review base URL (url)")
    if missing and reviews:
        message += f"; not set, so left out: {', '.join(missing)} (see `workbench settings`)"
    return ExportResult(out, message)
