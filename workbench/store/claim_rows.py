"""How a claim is stored: its columns, its row and back, its anchor in the article's text."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from workbench.core.models import Claim, ClaimStatus, Origin

ANCHOR_CONTEXT = 32  # characters of prefix and suffix kept to re-anchor a quote

# Fields a caller may change through ``store.claims.update``, and their column names.
EDITABLE = {
    "start": "span_start",
    "end": "span_end",
    "quote": "quote",
    "prefix": "prefix",
    "suffix": "suffix",
    "text": "text",
    "claimant": "claimant",
    "score": "score",
    "reasons": "reasons",
    "origin": "origin",
    "status": "status",
    "verdict": "verdict",
    "rationale": "rationale",
    "anchor_note": "anchor_note",
    "touched": "touched",
}

# A change to any of these is a person's work on the claim (see ``Claim.touched``).
WORK_FIELDS = {"start", "end", "text", "claimant", "status", "verdict", "rationale"}

# fmt: off
_COLUMNS = (
    "id", "article_id", "span_start", "span_end", "quote", "prefix", "suffix", "text",
    "claimant", "score", "reasons", "origin", "status", "verdict", "rationale", "position",
    "created_at", "updated_at", "anchor_note", "touched",
)
# fmt: on
CLAIM_SELECT = (
    f"SELECT {', '.join('c.' + name for name in _COLUMNS)}, "
    "(SELECT COUNT(*) FROM evidence e WHERE e.claim_id = c.id) AS evidence_count "
    "FROM claims c"
)
_ORIGINS = {o.value: o for o in Origin}
_STATUSES = {s.value: s for s in ClaimStatus}
_loads = json.JSONDecoder().decode


def claim_from_row(row: tuple[Any, ...]) -> Claim:
    """A Claim from a row of ``CLAIM_SELECT`` (a plain tuple: 10,000 claims list fast)."""
    (
        id_,
        article_id,
        start,
        end,
        quote,
        prefix,
        suffix,
        text,
        claimant,
        score,
        reasons,
        origin,
        status,
        verdict,
        rationale,
        position,
        created_at,
        updated_at,
        anchor_note,
        touched,
        evidence_count,
    ) = row
    return Claim(
        id=id_,
        article_id=article_id,
        start=start,
        end=end,
        quote=quote,
        prefix=prefix or "",
        suffix=suffix or "",
        text=text or quote,
        claimant=claimant or "",
        score=score,
        reasons=_loads(reasons) if reasons and reasons != "[]" else [],
        origin=_ORIGINS[origin or "auto"],
        status=_STATUSES[status or "new"],
        verdict=verdict or None,
        rationale=rationale or "",
        position=position or 0,
        created_at=created_at or "",
        updated_at=updated_at or "",
        anchor_note=anchor_note or "",
        evidence_count=evidence_count or 0,
        touched=bool(touched),
    )


def to_column(name: str, value: Any) -> Any:
    if name == "reasons":
        return json.dumps(list(value), ensure_ascii=False)
    if name in ("origin", "status") and value is not None:
        return value.value if hasattr(value, "value") else str(value)
    if name == "touched":
        return int(bool(value))
    return value


def public(claim: Claim) -> dict[str, Any]:
    data = asdict(claim)
    data["origin"] = claim.origin.value
    data["status"] = claim.status.value
    data.pop("evidence_count", None)
    return data


def anchor(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The (prefix, quote, suffix) of a span, as a TextQuoteSelector keeps them."""
    return (
        text[max(0, start - ANCHOR_CONTEXT) : start],
        text[start:end],
        text[end : end + ANCHOR_CONTEXT],
    )


def claim_record(claim: Claim) -> dict[str, Any]:
    """The row of ``claims`` for ``claim`` (its id left out when it has none yet)."""
    record = {
        "id": claim.id,
        "article_id": claim.article_id,
        "span_start": claim.start,
        "span_end": claim.end,
        "quote": claim.quote,
        "prefix": claim.prefix,
        "suffix": claim.suffix,
        "text": claim.text,
        "claimant": claim.claimant,
        "score": claim.score,
        "reasons": json.dumps(claim.reasons, ensure_ascii=False),
        "origin": claim.origin.value,
        "status": claim.status.value,
        "verdict": claim.verdict,
        "rationale": claim.rationale,
        "position": claim.position,
        "created_at": claim.created_at,
        "updated_at": claim.updated_at,
        "anchor_note": claim.anchor_note,
        "touched": int(claim.touched),
    }
    if record["id"] is None:
        del record["id"]
    return record


def jsonable(value: Any) -> Any:
    if hasattr(value, "value"):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    return value
