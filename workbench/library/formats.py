"""Reading collections of fact-checks: ClaimReview JSON-LD, the Fact Check Tools API, CSV.

Everything here turns text into ``Review`` objects; nothing writes. Formats:

- schema.org ClaimReview in JSON-LD: one object, a list, an ``@graph``, reviews
  nested in other objects, JSON Lines, or an HTML page's
  ``<script type="application/ld+json">`` blocks (as fact-checkers publish them and
  as ``workbench export --format claimreview`` writes them);
- the Google Fact Check Tools API's search results (``claims[].claimReview[]``);
- CSV or TSV with a header, its columns mapped by name or by ``--map``;
- the CLEF CheckThat! ``verified_claims.docs.tsv`` (``vclaim_id``, ``vclaim``, ``title``).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from workbench.core.errors import WorkbenchError
from workbench.core.reviews import Review, first_sentence

MAX_DEPTH = 40
# The library's own key, kept in an export's ``@id`` so a shared library deduplicates.
KEY_PREFIX = "urn:fact-check-workbench:"
_LD_BLOCK = re.compile(
    r"<script\b[^>]*\btype\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL,
)


@dataclass
class Parsed:
    """What a file held: its reviews, and what could not be read (one line each)."""

    reviews: list[Review] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    format: str = ""


# -- small readers of schema.org values ---------------------------------------------------
def _text(value: object) -> str:
    """A plain string from a JSON-LD value (a string, a number, {"@value"}, {"name"}, a list)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return " ".join(html.unescape(value).split())
    if isinstance(value, bool):
        return ""
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return next((t for t in (_text(v) for v in value) if t), "")
    if isinstance(value, dict):
        for key in ("@value", "name", "headline", "text", "url", "@id"):
            if key in value:
                return _text(value[key])
    return ""


def _url(value: object) -> str:
    if isinstance(value, dict):
        return _text(value.get("url") or value.get("@id") or value.get("sameAs"))
    if isinstance(value, list):
        return next((u for u in (_url(v) for v in value) if u), "")
    text = _text(value)
    return text if text.lower().startswith(("http://", "https://")) else ""


def _number(value: object) -> float | None:
    if isinstance(value, dict):
        value = value.get("@value")
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(str(value).strip())
    except ValueError:
        return None
    return number if number == number and abs(number) < 1e9 else None


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TYPE_NAME = re.compile(r".*[/#:]")


def _date(value: object) -> str:
    text = _text(value)
    match = _ISO_DATE.match(text)
    return match.group(0) if match else text[:40]


def _is_type(node: dict, name: str) -> bool:
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and (k == name or _TYPE_NAME.sub("", k) == name) for k in kinds)


# -- ClaimReview ---------------------------------------------------------------------
def review_from_claimreview(node: dict) -> Review:
    """A Review from one ClaimReview object (missing fields stay empty)."""
    rating = node.get("reviewRating")
    if isinstance(rating, list):
        rating = next((r for r in rating if isinstance(r, dict)), {})
    rating = rating if isinstance(rating, dict) else {}
    item = node.get("itemReviewed")
    if isinstance(item, list):
        item = next((i for i in item if isinstance(i, dict)), {})
    item = item if isinstance(item, dict) else {}
    verdict = _text(
        rating.get("alternateName") or rating.get("name") or rating.get("textualRating")
    )
    value = _number(rating.get("ratingValue"))
    if not verdict and value is not None:
        verdict = f"{value:g}"
    appearance = item.get("appearance") or item.get("firstAppearance")
    node_id = node.get("@id")
    key = (
        node_id[len(KEY_PREFIX) :]
        if isinstance(node_id, str) and node_id.startswith(KEY_PREFIX)
        else ""
    )
    return Review(
        key=key,
        claim=_text(node.get("claimReviewed"))
        or _text(item.get("text"))
        or _text(item.get("name")),
        url=_url(node.get("url")) or _url(node.get("@id")),
        title=_text(node.get("headline") or node.get("name")),
        claimant=_text(item.get("author")),
        verdict=verdict,
        rating=value,
        best_rating=_number(rating.get("bestRating")),
        worst_rating=_number(rating.get("worstRating")),
        publisher=_text(node.get("author") or node.get("publisher")),
        publisher_url=_url(node.get("author") or node.get("publisher")),
        date=_date(node.get("datePublished") or node.get("dateCreated")),
        rationale=first_sentence(
            _text(
                rating.get("ratingExplanation") or node.get("reviewBody") or node.get("description")
            )
        ),
        appearance=_url(appearance),
        language=_text(node.get("inLanguage"))[:20],
    )


def find_claimreviews(data: object, depth: int = 0) -> Iterator[dict]:
    """Every ClaimReview object in a JSON-LD document, however it is nested."""
    if depth > MAX_DEPTH:
        return
    if isinstance(data, list):
        for value in data:
            yield from find_claimreviews(value, depth + 1)
    elif isinstance(data, dict):
        if _is_type(data, "ClaimReview"):
            yield data
            return
        for value in data.values():
            if isinstance(value, list | dict):
                yield from find_claimreviews(value, depth + 1)


# -- the Fact Check Tools API ------------------------------------------------------------
def reviews_from_factcheck_api(data: dict) -> Iterator[Review]:
    """``{"claims": [{"text", "claimant", "claimDate", "claimReview": [...]}]}``."""
    for claim in data.get("claims") or []:
        if not isinstance(claim, dict):
            continue
        for review in claim.get("claimReview") or []:
            if not isinstance(review, dict):
                continue
            given = review.get("publisher")
            publisher = given if isinstance(given, dict) else {}
            site = _text(publisher.get("site"))
            yield Review(
                claim=_text(claim.get("text")),
                url=_url(review.get("url")),
                title=_text(review.get("title")),
                claimant=_text(claim.get("claimant")),
                verdict=_text(review.get("textualRating")),
                publisher=_text(publisher.get("name")) or site,
                publisher_url=f"https://{site}" if site and "/" not in site else "",
                date=_date(review.get("reviewDate") or claim.get("claimDate")),
                language=_text(review.get("languageCode"))[:20],
            )


def _json_error(name: str, exc: json.JSONDecodeError) -> WorkbenchError:
    return WorkbenchError(
        f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
        "nothing was imported"
    )


def parse_json(text: str, name: str) -> Parsed:
    """A JSON or JSON-LD document (or JSON Lines): ClaimReviews or the API's shape."""
    try:
        documents = [json.loads(text)]
    except json.JSONDecodeError as exc:
        if exc.msg != "Extra data":
            raise _json_error(name, exc) from None
        documents = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    documents.append(json.loads(line))
                except json.JSONDecodeError as line_exc:
                    raise WorkbenchError(
                        f"{name}: line {number} is not valid JSON "
                        f"({line_exc.msg}); nothing was imported"
                    ) from None
    parsed = Parsed(format="claimreview")
    for document in documents:
        if isinstance(document, dict) and isinstance(document.get("claims"), list):
            parsed.format = "factcheck-api"
            parsed.reviews.extend(reviews_from_factcheck_api(document))
        else:
            parsed.reviews.extend(
                review_from_claimreview(node) for node in find_claimreviews(document)
            )
    return parsed


def parse_html(text: str, name: str) -> Parsed:
    """The ClaimReviews in a page's ``application/ld+json`` script blocks."""
    parsed = Parsed(format="html")
    blocks = _LD_BLOCK.findall(text)
    for number, block in enumerate(blocks, start=1):
        block = block.strip()
        if block.startswith("<!--"):
            block = block[4:].rsplit("-->", 1)[0]
        try:
            document = json.loads(block)
        except json.JSONDecodeError as exc:
            parsed.problems.append(
                f"JSON-LD block {number} is not valid JSON (line {exc.lineno}: {exc.msg}); skipped"
            )
            continue
        parsed.reviews.extend(review_from_claimreview(node) for node in find_claimreviews(document))
    if not blocks:
        parsed.problems.append('no <script type="application/ld+json"> block in the page')
    return parsed


# -- CSV and TSV ---------------------------------------------------------------------------
# Header names each field is recognised by (lower case, without spaces, _ or -).
COLUMN_NAMES = {
    "claim": ["claim", "claimreviewed", "claimtext", "text", "vclaim", "statement"],
    "url": ["url", "reviewurl", "link", "factcheckurl", "review"],
    "title": ["title", "headline", "name"],
    "claimant": ["claimant", "speaker", "claimauthor", "author"],
    "verdict": ["verdict", "rating", "textualrating", "label", "alternatename", "ruling"],
    "publisher": ["publisher", "organisation", "organization", "factchecker", "site"],
    "date": ["date", "datepublished", "reviewdate", "published"],
    "rationale": ["rationale", "explanation", "ratingexplanation", "summary", "conclusion"],
    "language": ["language", "lang", "languagecode", "inlanguage"],
}
FIELDS = tuple(COLUMN_NAMES)


def parse_mapping(spec: str | None) -> dict[str, str]:
    """``claim=Statement,url=Link`` → {"claim": "Statement", "url": "Link"}."""
    mapping: dict[str, str] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        target, sep, column = part.partition("=")
        target = target.strip().lower()
        if not sep or target not in FIELDS or not column.strip():
            raise WorkbenchError(
                f"--map: {part.strip()!r} is not FIELD=COLUMN; fields: {', '.join(FIELDS)}"
            )
        mapping[target] = column.strip()
    return mapping


def _squash(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name.strip().lower())


def parse_table(
    text: str, name: str, *, delimiter: str | None = None, mapping: dict[str, str] | None = None
) -> Parsed:
    """A CSV/TSV with a header row. The CLEF ``verified_claims.docs.tsv`` is recognised."""
    first = text.split("\n", 1)[0]
    if delimiter is None:
        counts = {d: first.count(d) for d in ("\t", ",", ";")}
        delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise WorkbenchError(f"{name}: empty file; nothing was imported") from None
    squashed = [_squash(h) for h in header]
    if "vclaim" in squashed and "title" in squashed and not mapping:
        return _parse_clef(reader, squashed)
    columns: dict[str, int] = {}
    for target, column in (mapping or {}).items():
        if column not in header:
            raise WorkbenchError(
                f"{name}: no column {column!r}; the columns are: "
                f"{', '.join(repr(h) for h in header)}"
            )
        columns[target] = header.index(column)
    for target, names in COLUMN_NAMES.items():
        if target not in columns:
            found = next((squashed.index(n) for n in names if n in squashed), None)
            if found is not None and found not in columns.values():
                columns[target] = found
    if "claim" not in columns:
        raise WorkbenchError(
            f"{name}: no claim column (looked for {', '.join(COLUMN_NAMES['claim'])}); say which "
            f"with --map claim=COLUMN. The columns are: {', '.join(repr(h) for h in header)}"
        )
    parsed = Parsed(format="csv")
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = {t: (row[i].strip() if i < len(row) else "") for t, i in columns.items()}
        url = values.get("url", "")
        if url and not url.lower().startswith(("http://", "https://")):
            parsed.problems.append(
                f"row {number}: {url[:60]!r} is not a web address; kept without it"
            )
            url = ""
        parsed.reviews.append(
            Review(
                claim=values["claim"],
                url=url,
                title=values.get("title", ""),
                claimant=values.get("claimant", ""),
                verdict=values.get("verdict", ""),
                publisher=values.get("publisher", ""),
                date=_date(values.get("date", "")),
                rationale=first_sentence(values.get("rationale", "")),
                language=values.get("language", "")[:20],
            )
        )
    return parsed


def _parse_clef(reader: Iterable[list[str]], squashed: list[str]) -> Parsed:
    claim_at, title_at = squashed.index("vclaim"), squashed.index("title")
    id_at = squashed.index("vclaimid") if "vclaimid" in squashed else 0
    parsed = Parsed(format="clef")
    for row in reader:
        if len(row) <= max(claim_at, title_at):
            continue
        vclaim_id = row[id_at].strip()
        parsed.reviews.append(
            Review(
                claim=row[claim_at],
                title=row[title_at].strip(),
                key=f"clef:{vclaim_id}",
                publisher="Snopes",
            )
        )
    return parsed
