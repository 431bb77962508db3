"""``workbench library export``: the library as ClaimReview JSON-LD, which imports back."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from workbench.core.reviews import Review
from workbench.io.files import atomic_write
from workbench.library.formats import KEY_PREFIX


def _rating(review: Review) -> dict:
    rating: dict = {"@type": "Rating"}
    if review.verdict:
        rating["alternateName"] = review.verdict
    if review.rating is not None:
        rating["ratingValue"] = review.rating
        if review.best_rating is not None and review.worst_rating is not None:
            rating.update(bestRating=review.best_rating, worstRating=review.worst_rating)
    if review.rationale:
        rating["ratingExplanation"] = review.rationale
    return rating


def _claim(review: Review) -> dict:
    item: dict = {"@type": "Claim"}
    if review.claimant:
        item["author"] = {"@type": "Person", "name": review.claimant}
    if review.appearance:
        item["appearance"] = {"@type": "CreativeWork", "url": review.appearance}
    return item


def claimreview(review: Review) -> dict:
    """One ClaimReview; values the library does not know are left out."""
    node: dict = {
        "@type": "ClaimReview",
        "@id": KEY_PREFIX + review.key,
        "claimReviewed": review.claim,
    }
    if review.url:
        node["url"] = review.url
    if review.title:
        node["headline"] = review.title
    rating = _rating(review)
    if len(rating) > 1:
        node["reviewRating"] = rating
    item = _claim(review)
    if len(item) > 1:
        node["itemReviewed"] = item
    if review.publisher:
        node["author"] = {"@type": "Organization", "name": review.publisher}
        if review.publisher_url:
            node["author"]["url"] = review.publisher_url
    if review.date:
        node["datePublished"] = review.date
    if review.language:
        node["inLanguage"] = review.language
    return node


def export_library(reviews: Iterable[Review], out: str | Path) -> int:
    """Write the reviews to ``out`` (atomically); returns how many."""
    graph = [claimreview(r) for r in reviews]
    document = {"@context": "https://schema.org", "@graph": graph}
    atomic_write(out, json.dumps(document, ensure_ascii=False, indent=1) + "\n")
    return len(graph)
