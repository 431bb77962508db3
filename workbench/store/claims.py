"""Claims: add, edit, delete and restore, each change logged and committed at once."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, replace

from workbench.core.curation import trim_span
from workbench.core.errors import NotFoundError, ValidationError
from workbench.core.models import Claim, ClaimStatus, Origin, utc_now
from workbench.store.done import DoneChecksMixin

ANCHOR_CONTEXT = 32  # characters of prefix and suffix kept to re-anchor a quote

# Fields a caller may change through update_claim, and their column names.
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

_COLUMNS = (
    "id", "article_id", "span_start", "span_end", "quote", "prefix", "suffix", "text",
    "claimant", "score", "reasons", "origin", "status", "verdict", "rationale", "position",
    "created_at", "updated_at", "anchor_note", "touched",
)
_SELECT = (
    f"SELECT {', '.join('c.' + name for name in _COLUMNS)}, "
    "(SELECT COUNT(*) FROM evidence e WHERE e.claim_id = c.id) AS evidence_count "
    "FROM claims c"
)
_ORIGINS = {o.value: o for o in Origin}
_STATUSES = {s.value: s for s in ClaimStatus}
_loads = json.JSONDecoder().decode


def _claim(row: tuple) -> Claim:
    """A Claim from a row of ``_SELECT`` (a plain tuple: listing 10,000 claims must be fast)."""
    (id_, article_id, start, end, quote, prefix, suffix, text, claimant, score, reasons,
     origin, status, verdict, rationale, position, created_at, updated_at, anchor_note,
     touched, evidence_count) = row
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


def _to_column(name: str, value):
    if name == "reasons":
        return json.dumps(list(value), ensure_ascii=False)
    if name in ("origin", "status") and value is not None:
        return value.value if hasattr(value, "value") else str(value)
    if name == "touched":
        return int(bool(value))
    return value


def _public(claim: Claim) -> dict:
    data = asdict(claim)
    data["origin"] = claim.origin.value
    data["status"] = claim.status.value
    data.pop("evidence_count", None)
    return data


def anchor(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The (prefix, quote, suffix) of a span, as a TextQuoteSelector keeps them."""
    return (
        text[max(0, start - ANCHOR_CONTEXT):start],
        text[start:end],
        text[end:end + ANCHOR_CONTEXT],
    )


class ClaimsMixin(DoneChecksMixin):
    # -- reading ---------------------------------------------------------------------
    def claims(self, article_id: int | None = None) -> list[Claim]:
        if article_id is None:
            rows = self.db.execute(f"{_SELECT} ORDER BY c.article_id, c.span_start, c.id")
        else:
            rows = self.db.execute(
                f"{_SELECT} WHERE c.article_id = ? ORDER BY c.span_start, c.id", [article_id]
            )
        with self._reading():
            return [_claim(row) for row in rows.fetchall()]

    def claim(self, claim_id: int) -> Claim:
        row = self.db.execute(f"{_SELECT} WHERE c.id = ?", [claim_id]).fetchone()
        if row is None:
            raise NotFoundError(f"no claim with id {claim_id}")
        with self._reading():
            return _claim(row)

    # -- writing ---------------------------------------------------------------------
    def _check_span(self, article_id: int, start: int, end: int) -> str:
        rows = list(self.db.query("SELECT text FROM articles WHERE id = ?", [article_id]))
        if not rows:
            raise NotFoundError(f"no article with id {article_id}")
        text = rows[0]["text"]
        if not (0 <= start < end <= len(text)):
            raise ValidationError(
                f"span {start}-{end} is outside the article (0-{len(text)})"
            )
        return text

    def _insert_claim(self, claim: Claim, text: str) -> int:
        prefix, quote, suffix = anchor(text, claim.start, claim.end)
        claim.quote, claim.prefix, claim.suffix = quote, prefix, suffix
        if not claim.text:
            claim.text = quote
        record = {
            "id": claim.id,
            "article_id": claim.article_id,
            "span_start": claim.start,
            "span_end": claim.end,
            "quote": quote,
            "prefix": prefix,
            "suffix": suffix,
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
        columns = list(record)
        cursor = self.db.execute(
            f"INSERT INTO claims ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            [record[c] for c in columns],
        )
        return cursor.lastrowid if claim.id is None else claim.id

    def _renumber(self, article_id: int) -> None:
        """Keep ``position`` equal to the claim's rank in reading order."""
        self.db.execute(
            "WITH r AS (SELECT id, ROW_NUMBER() OVER (ORDER BY span_start, id) AS rn "
            "FROM claims WHERE article_id = ?) "
            "UPDATE claims SET position = r.rn FROM r "
            "WHERE claims.id = r.id AND claims.position IS NOT r.rn",
            [article_id],
        )

    def add_claim(self, claim: Claim) -> Claim:
        """Store a new claim; quote, prefix and suffix are taken from the article's text."""
        return self.add_claims([claim])[0]

    def add_claims(self, claims: Iterable[Claim]) -> list[Claim]:
        """Store many claims in one transaction (as detection does)."""
        claims = list(claims)
        ids: list[int] = []
        texts: dict[int, str] = {}
        with self._write():
            next_id = self._next_claim_id()
            for claim in claims:
                if claim.id is None:
                    claim.id, next_id = next_id, next_id + 1
                if claim.article_id not in texts:
                    texts[claim.article_id] = self._check_span(claim.article_id, 0, 1)
                text = texts[claim.article_id]
                if not (0 <= claim.start < claim.end <= len(text)):
                    raise ValidationError(
                        f"span {claim.start}-{claim.end} is outside the article (0-{len(text)})"
                    )
                if claim.text == claim.quote:
                    claim.text = ""  # the wording follows the (trimmed) quote
                claim.start, claim.end = trim_span(text, claim.start, claim.end)
                if claim.start == claim.end:
                    raise ValidationError("a claim's span cannot be only spaces")
                claim_id = self._insert_claim(claim, text)
                claim.id = claim_id
                ids.append(claim_id)
                self._log("claim", claim_id, "insert", None, _public(claim))
            for article_id in texts:
                self._renumber(article_id)
            if ids:
                self._changed("claim", "insert", *ids)
        by_id = {c.id: c for c in self._claims_by_ids(ids)}
        return [by_id[i] for i in ids]

    def _next_claim_id(self) -> int:
        """An id no claim has ever had in this file, so the history never mixes two claims.

        SQLite would reuse the id of the newest claim once it is deleted; the history
        still remembers that id.
        """
        row = self.db.execute(
            "SELECT MAX(m) FROM (SELECT MAX(id) AS m FROM claims "
            "UNION ALL SELECT MAX(entity_id) FROM history WHERE entity = 'claim')"
        ).fetchone()
        return (row[0] or 0) + 1

    def claims_by_ids(self, ids: list[int]) -> list[Claim]:
        """The claims with these ids that exist, in the order given."""
        found = {c.id: c for c in self._claims_by_ids(list(ids))}
        return [found[i] for i in ids if i in found]

    def _claims_by_ids(self, ids: list[int]) -> list[Claim]:
        if not ids:
            return []
        found: list[Claim] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ", ".join("?" for _ in chunk)
            rows = self.db.execute(f"{_SELECT} WHERE c.id IN ({marks})", chunk).fetchall()
            found.extend(_claim(r) for r in rows)
        return found

    def update_claim(self, claim_id: int, *, check_done: bool = True, **fields) -> Claim:
        """Change some fields of a claim. A new span re-takes the quote from the article.

        Marking a claim done is refused (ValidationError listing what is missing)
        unless it passes the project's checks, and an edit that breaks the checks
        of a done claim moves it back to "in progress" (``check_done=False`` skips
        both, to put back exactly what was there). A change to the span or to the
        work marks the claim ``touched``: re-detection keeps it.
        """
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
        with self._write() as db:
            current = self.claim(claim_id)
            fields = self._claim_changes(current, fields)
            if not fields:
                return current
            done_before = self._done_missing([claim_id]) if check_done else {}
            if check_done and fields.get("status") is ClaimStatus.DONE:
                missing = self.missing_for_done(replace(current, **fields))
                if missing:
                    raise ValidationError(
                        f"claim {claim_id} cannot be marked done; missing: {'; '.join(missing)}"
                    )
            if check_done and WORK_FIELDS & set(fields) and not current.touched:
                fields["touched"] = True
            # ``touched`` is bookkeeping, not a change the history needs to show.
            before = {k: _jsonable(getattr(current, k)) for k in fields if k != "touched"}
            after = {k: _jsonable(v) for k, v in fields.items() if k != "touched"}
            columns = {EDITABLE[k]: _to_column(k, v) for k, v in fields.items()}
            columns["updated_at"] = utc_now()
            sets = ", ".join(f"{col} = ?" for col in columns)
            db.execute(f"UPDATE claims SET {sets} WHERE id = ?", [*columns.values(), claim_id])
            if "start" in fields or "end" in fields:
                self._renumber(current.article_id)
            self._log("claim", claim_id, "update", before, after)
            self._changed("claim", "update", claim_id)
            if check_done and "status" not in fields:
                self._recheck_done(done_before)
        return self.claim(claim_id)

    def _claim_changes(self, current: Claim, fields: dict) -> dict:
        """``fields`` normalised (enums, trimmed span and its quote), only what differs."""
        fields = dict(fields)
        if "status" in fields:
            fields["status"] = ClaimStatus(fields["status"])
        if "origin" in fields:
            fields["origin"] = Origin(fields["origin"])
        if "verdict" in fields and fields["verdict"] == "":
            fields["verdict"] = None
        if "start" in fields or "end" in fields:
            start = fields.get("start", current.start)
            end = fields.get("end", current.end)
            text = self._check_span(current.article_id, start, end)
            start, end = trim_span(text, start, end)
            if start == end:
                raise ValidationError("a claim's span cannot be only spaces")
            if (start, end) != (current.start, current.end):
                prefix, quote, suffix = anchor(text, start, end)
                fields.update(start=start, end=end, quote=quote, prefix=prefix, suffix=suffix)
                if current.text == current.quote and "text" not in fields:
                    fields["text"] = quote
            else:
                fields.pop("start", None)
                fields.pop("end", None)
        return {k: v for k, v in fields.items() if getattr(current, k) != v}

    def set_verdict(
        self,
        claim_id: int,
        label: str | None,
        *,
        rationale: str | None = None,
        status: ClaimStatus | str | None = None,
    ) -> Claim:
        """Rate a claim with a label of the project's scale (matched regardless of case)."""
        fields: dict = {}
        if label:
            fields["verdict"] = self.scale().resolve(label)
        else:
            fields["verdict"] = None
        if rationale is not None:
            fields["rationale"] = rationale
        if status is not None:
            fields["status"] = ClaimStatus.parse(status) if isinstance(status, str) else status
        return self.update_claim(claim_id, **fields)

    def delete_claim(self, claim_id: int, *, remember: bool = True) -> tuple[Claim, list]:
        """Drop a claim and its evidence; returns both so the deletion can be undone.

        A claim a person deletes is remembered (``dismissed``): re-detection never
        brings it back.
        """
        with self._write() as db:
            claim = self.claim(claim_id)
            evidence = self.evidence(claim_id=claim_id)
            db.execute("DELETE FROM evidence WHERE claim_id = ?", [claim_id])
            db.execute("DELETE FROM claims WHERE id = ?", [claim_id])
            if remember:
                self._dismiss(claim)
            self._renumber(claim.article_id)
            self._log("claim", claim_id, "delete", _public(claim), None)
            self._changed("claim", "delete", claim_id)
            if evidence:
                self._changed("evidence", "delete", *[e.id for e in evidence])
        return claim, evidence

    def _dismiss(self, claim: Claim) -> None:
        self.db.execute(
            "INSERT INTO dismissed (article_id, span_start, span_end, quote, claim_id, at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [claim.article_id, claim.start, claim.end, claim.quote, claim.id, utc_now()],
        )

    def restore_claim(self, claim: Claim, evidence: list | None = None) -> Claim:
        """Put back a deleted claim with its id and evidence (undo of ``delete_claim``)."""
        with self._write():
            text = self._check_span(claim.article_id, claim.start, claim.end)
            self._insert_claim(claim, text)
            for item in evidence or []:
                self._insert_evidence(item)
            self.db.execute("DELETE FROM dismissed WHERE claim_id = ?", [claim.id])
            self._renumber(claim.article_id)
            self._log("claim", claim.id, "restore", None, _public(claim))
            self._changed("claim", "insert", claim.id)
        return self.claim(claim.id)

    def delete_claims(self, claim_ids: Iterable[int]) -> None:
        """Drop several claims in one transaction (re-detection replacing automatic claims).

        These are detection output nobody worked on: they are not remembered as
        deleted by a person.
        """
        ids = list(claim_ids)
        if not ids:
            return
        with self._write():
            articles = set()
            for claim_id in ids:
                claim = self.claim(claim_id)
                articles.add(claim.article_id)
                self.db.execute("DELETE FROM evidence WHERE claim_id = ?", [claim_id])
                self.db.execute("DELETE FROM claims WHERE id = ?", [claim_id])
                self._log("claim", claim_id, "delete", _public(claim), None)
            for article_id in sorted(articles):
                self._renumber(article_id)
            self._changed("claim", "delete", *ids)


def _jsonable(value):
    if hasattr(value, "value"):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    return value
