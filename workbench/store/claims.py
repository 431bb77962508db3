"""Claims: add, edit, delete and restore, each change logged and committed at once."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from workbench.core.curation import trim_span
from workbench.core.errors import NotFoundError, ValidationError
from workbench.core.models import Claim, ClaimStatus, Evidence, Origin, stored_id, utc_now
from workbench.store.claim_rows import (
    CLAIM_SELECT,
    EDITABLE,
    WORK_FIELDS,
    anchor,
    claim_from_row,
    claim_record,
    jsonable,
    public,
    to_column,
)
from workbench.store.repo import Repository

# Evidence by capture status, counted in SQL (a project may cite 50,000 sources): the
# same rule as ``evidence._evidence``: any good capture wins; else the newest attempt's
# failure; else pending.
_EVIDENCE_STATUS_COUNTS = """
SELECT CASE
  WHEN EXISTS (SELECT 1 FROM captures c WHERE c.url = e.url AND c.status = 'captured')
    THEN 'captured'
  WHEN (SELECT c.status FROM captures c WHERE c.url = e.url ORDER BY c.id DESC LIMIT 1) = 'failed'
    THEN 'failed'
  ELSE 'pending' END AS status,
  COUNT(*) AS n
FROM evidence e GROUP BY 1
"""


class ClaimRepo(Repository):
    """``self._store.claims``: add, read, edit, delete and restore claims, each change logged."""

    # -- reading ---------------------------------------------------------------------
    def all(self, article_id: int | None = None) -> list[Claim]:
        if article_id is None:
            rows = self._db.execute(f"{CLAIM_SELECT} ORDER BY c.article_id, c.span_start, c.id")
        else:
            rows = self._db.execute(
                f"{CLAIM_SELECT} WHERE c.article_id = ? ORDER BY c.span_start, c.id", [article_id]
            )
        with self._store._reading():
            return [claim_from_row(row) for row in rows.fetchall()]

    def get(self, claim_id: int) -> Claim:
        row = self._db.execute(f"{CLAIM_SELECT} WHERE c.id = ?", [claim_id]).fetchone()
        if row is None:
            raise NotFoundError(f"no claim with id {claim_id}")
        with self._store._reading():
            return claim_from_row(row)

    # -- writing ---------------------------------------------------------------------
    def _check_span(self, article_id: int, start: int, end: int) -> str:
        rows = list(self._db.query("SELECT text FROM articles WHERE id = ?", [article_id]))
        if not rows:
            raise NotFoundError(f"no article with id {article_id}")
        text = rows[0]["text"]
        if not (0 <= start < end <= len(text)):
            raise ValidationError(f"span {start}-{end} is outside the article (0-{len(text)})")
        return text

    def _insert_claim(self, claim: Claim, text: str) -> int:
        prefix, quote, suffix = anchor(text, claim.start, claim.end)
        claim.quote, claim.prefix, claim.suffix = quote, prefix, suffix
        if not claim.text:
            claim.text = quote
        record = claim_record(claim)
        columns = list(record)
        cursor = self._db.execute(
            f"INSERT INTO claims ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            [record[c] for c in columns],
        )
        return stored_id(cursor.lastrowid) if claim.id is None else claim.id

    def _renumber(self, article_id: int) -> None:
        """Keep ``position`` equal to the claim's rank in reading order."""
        self._db.execute(
            "WITH r AS (SELECT id, ROW_NUMBER() OVER (ORDER BY span_start, id) AS rn "
            "FROM claims WHERE article_id = ?) "
            "UPDATE claims SET position = r.rn FROM r "
            "WHERE claims.id = r.id AND claims.position IS NOT r.rn",
            [article_id],
        )

    def add(self, claim: Claim) -> Claim:
        """Store a new claim; quote, prefix and suffix are taken from the article's text."""
        return self.add_many([claim])[0]

    def add_many(self, claims: Iterable[Claim]) -> list[Claim]:
        """Store many claims in one transaction (as detection does)."""
        claims = list(claims)
        ids: list[int] = []
        texts: dict[int, str] = {}
        with self._store._write():
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
                self._store._log("claim", claim_id, "insert", None, public(claim))
            for article_id in texts:
                self._renumber(article_id)
            if ids:
                self._store._changed("claim", "insert", *ids)
        by_id = {c.id: c for c in self._claims_by_ids(ids)}
        return [by_id[i] for i in ids]

    def _next_claim_id(self) -> int:
        """An id no claim has ever had in this file, so the history never mixes two claims.

        SQLite would reuse the id of the newest claim once it is deleted; the history
        still remembers that id.
        """
        row = self._db.execute(
            "SELECT MAX(m) FROM (SELECT MAX(id) AS m FROM claims "
            "UNION ALL SELECT MAX(entity_id) FROM history WHERE entity = 'claim')"
        ).fetchone()
        return (row[0] or 0) + 1

    def by_ids(self, ids: list[int]) -> list[Claim]:
        """The claims with these ids that exist, in the order given."""
        found = {c.id: c for c in self._claims_by_ids(list(ids))}
        return [found[i] for i in ids if i in found]

    def _claims_by_ids(self, ids: list[int]) -> list[Claim]:
        if not ids:
            return []
        found: list[Claim] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ", ".join("?" for _ in chunk)
            rows = self._db.execute(f"{CLAIM_SELECT} WHERE c.id IN ({marks})", chunk).fetchall()
            found.extend(claim_from_row(r) for r in rows)
        return found

    def update(self, claim_id: int, *, check_done: bool = True, **fields: Any) -> Claim:
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
        with self._store._write() as db:
            current = self.get(claim_id)
            fields = self._claim_changes(current, fields)
            if not fields:
                return current
            done_before = self._store.done.snapshot([claim_id]) if check_done else {}
            if check_done and fields.get("status") is ClaimStatus.DONE:
                missing = self._store.done.missing(replace(current, **fields))
                if missing:
                    raise ValidationError(
                        f"claim {claim_id} cannot be marked done; missing: {'; '.join(missing)}"
                    )
            if check_done and WORK_FIELDS & set(fields) and not current.touched:
                fields["touched"] = True
            # ``touched`` is bookkeeping, not a change the history needs to show.
            before = {k: jsonable(getattr(current, k)) for k in fields if k != "touched"}
            after = {k: jsonable(v) for k, v in fields.items() if k != "touched"}
            columns = {EDITABLE[k]: to_column(k, v) for k, v in fields.items()}
            columns["updated_at"] = utc_now()
            sets = ", ".join(f"{col} = ?" for col in columns)
            db.execute(f"UPDATE claims SET {sets} WHERE id = ?", [*columns.values(), claim_id])
            if "start" in fields or "end" in fields:
                self._renumber(current.article_id)
            self._store._log("claim", claim_id, "update", before, after)
            self._store._changed("claim", "update", claim_id)
            if check_done and "status" not in fields:
                self._store.done.recheck(done_before)
        return self.get(claim_id)

    def _claim_changes(self, current: Claim, fields: dict[str, Any]) -> dict[str, Any]:
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
            fields["verdict"] = self._store.scale.get().resolve(label)
        else:
            fields["verdict"] = None
        if rationale is not None:
            fields["rationale"] = rationale
        if status is not None:
            fields["status"] = ClaimStatus.parse(status) if isinstance(status, str) else status
        return self.update(claim_id, **fields)

    def delete(self, claim_id: int, *, remember: bool = True) -> tuple[Claim, list[Evidence]]:
        """Drop a claim and its evidence; returns both so the deletion can be undone.

        A claim a person deletes is remembered (``dismissed``): re-detection never
        brings it back.
        """
        with self._store._write() as db:
            claim = self.get(claim_id)
            evidence = self._store.evidence.all(claim_id=claim_id)
            db.execute("DELETE FROM evidence WHERE claim_id = ?", [claim_id])
            db.execute("DELETE FROM claims WHERE id = ?", [claim_id])
            if remember:
                self._dismiss(claim)
            self._renumber(claim.article_id)
            self._store._log("claim", claim_id, "delete", public(claim), None)
            self._store._changed("claim", "delete", claim_id)
            if evidence:
                self._store._changed("evidence", "delete", *[stored_id(e.id) for e in evidence])
        return claim, evidence

    def _dismiss(self, claim: Claim) -> None:
        self._db.execute(
            "INSERT INTO dismissed (article_id, span_start, span_end, quote, claim_id, at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [claim.article_id, claim.start, claim.end, claim.quote, claim.id, utc_now()],
        )

    def restore(self, claim: Claim, evidence: list[Evidence] | None = None) -> Claim:
        """Put back a deleted claim with its id and evidence (undo of ``delete``)."""
        claim_id = stored_id(claim.id)
        with self._store._write():
            text = self._check_span(claim.article_id, claim.start, claim.end)
            self._insert_claim(claim, text)
            for item in evidence or []:
                self._store.evidence._insert(item)
            self._db.execute("DELETE FROM dismissed WHERE claim_id = ?", [claim_id])
            self._renumber(claim.article_id)
            self._store._log("claim", claim_id, "restore", None, public(claim))
            self._store._changed("claim", "insert", claim_id)
        return self.get(claim_id)

    def delete_many(self, claim_ids: Iterable[int]) -> None:
        """Drop several claims in one transaction (re-detection replacing automatic claims).

        These are detection output nobody worked on: they are not remembered as
        deleted by a person.
        """
        ids = list(claim_ids)
        if not ids:
            return
        with self._store._write():
            articles = set()
            for claim_id in ids:
                claim = self.get(claim_id)
                articles.add(claim.article_id)
                self._db.execute("DELETE FROM evidence WHERE claim_id = ?", [claim_id])
                self._db.execute("DELETE FROM claims WHERE id = ?", [claim_id])
                self._store._log("claim", claim_id, "delete", public(claim), None)
            for article_id in sorted(articles):
                self._renumber(article_id)
            self._store._changed("claim", "delete", *ids)

    def counts(self) -> dict[str, Any]:
        """Claims by status and by verdict, and evidence by capture status."""
        by_status: Counter[str] = Counter()
        by_verdict: Counter[str] = Counter()
        for row in self._db.query(
            "SELECT status, verdict, COUNT(*) AS n FROM claims GROUP BY status, verdict"
        ):
            by_status[row["status"]] += row["n"]
            by_verdict[row["verdict"] or "unrated"] += row["n"]
        evidence: Counter[str] = Counter()
        for row in self._db.query(_EVIDENCE_STATUS_COUNTS):
            evidence[row["status"]] += row["n"]
        return {
            "claims": sum(by_status.values()),
            "by_status": dict(by_status),
            "by_verdict": dict(by_verdict),
            "evidence": sum(evidence.values()),
            "evidence_by_status": dict(evidence),
        }
