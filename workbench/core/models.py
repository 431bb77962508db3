"""The domain: plain dataclasses for what a fact-checker works with.

No Qt, no SQL, no network here. The store returns these objects and the window
and command line read them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import Enum


def utc_now() -> str:
    """The current time as an ISO-8601 UTC string with a ``Z`` (second precision)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def stored_id(item_id: int | None) -> int:
    """The id of an article, claim or evidence item read from the store. Ids are set by the
    store; only an item not yet added has none, and passing one here is a bug."""
    if item_id is None:
        raise ValueError("an item that was never stored has no id")
    return item_id


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ClaimStatus(str, Enum):
    """Where a claim stands in the checker's workflow."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    NEEDS_REVIEW = "needs_review"
    DONE = "done"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")

    @classmethod
    def parse(cls, value: str) -> ClaimStatus:
        key = value.strip().lower().replace(" ", "_").replace("-", "_")
        for status in cls:
            if status.value == key:
                return status
        valid = ", ".join(s.value for s in cls)
        from workbench.core.errors import ValidationError

        raise ValidationError(f"unknown status {value!r}; valid: {valid}")


class Origin(str, Enum):
    AUTO = "auto"
    MANUAL = "manual"


class Stance(str, Enum):
    SUPPORTS = "supports"
    REFUTES = "refutes"
    CONTEXT = "context"

    @classmethod
    def parse(cls, value: str) -> Stance:
        key = value.strip().lower()
        for stance in cls:
            if stance.value == key:
                return stance
        from workbench.core.errors import ValidationError

        raise ValidationError(f"unknown stance {value!r}; valid: {', '.join(s.value for s in cls)}")


class CaptureStatus(str, Enum):
    PENDING = "pending"
    CAPTURED = "captured"
    FAILED = "failed"


@dataclass
class Article:
    """An imported article. ``text`` is canonical: it never changes after import."""

    title: str
    text: str
    source_url: str = ""
    author: str = ""
    published: str = ""
    language: str = "en"
    imported_from: str = ""
    imported_at: str = field(default_factory=utc_now)
    sha256: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        if not self.sha256:
            self.sha256 = sha256_text(self.text)


@dataclass
class Claim:
    """A check-worthy statement: a span of an article's canonical text, and the work on it.

    ``quote``, ``prefix`` and ``suffix`` follow the W3C Web Annotation
    TextQuoteSelector, so the claim can be found again if the text changes.
    ``text`` is the claim as the checker rewords it for the report.
    """

    article_id: int
    start: int
    end: int
    quote: str
    text: str = ""
    prefix: str = ""
    suffix: str = ""
    claimant: str = ""
    score: float | None = None
    reasons: list[str] = field(default_factory=list)
    origin: Origin = Origin.AUTO
    status: ClaimStatus = ClaimStatus.NEW
    verdict: str | None = None
    rationale: str = ""
    position: int = 0
    created_at: str = field(default_factory=utc_now)
    updated_at: str = ""
    anchor_note: str = ""
    evidence_count: int = 0
    id: int | None = None
    # A person changed the claim's span (split, merge, new span) or its work.
    touched: bool = False

    def __post_init__(self) -> None:
        if not self.text:
            self.text = self.quote
        if not self.updated_at:
            self.updated_at = self.created_at
        if type(self.origin) is not Origin:
            self.origin = Origin(self.origin)
        if type(self.status) is not ClaimStatus:
            self.status = ClaimStatus(self.status)

    @property
    def has_work(self) -> bool:
        """True when a person has put work into the claim that re-detection must keep."""
        return (
            self.origin is Origin.MANUAL
            or self.touched
            or self.status is not ClaimStatus.NEW
            or bool(self.verdict)
            or bool(self.rationale.strip())
            or self.evidence_count > 0
            or self.text != self.quote
        )


@dataclass
class Capture:
    """One retrieval of a URL: what the server sent, when, and its fingerprint."""

    url: str
    status: CaptureStatus = CaptureStatus.PENDING
    final_url: str = ""
    http_status: int | None = None
    content_type: str = ""
    retrieved_at: str = ""
    title: str = ""
    sha256: str = ""
    size: int = 0
    truncated: bool = False
    text: str = ""
    error: str = ""
    id: int | None = None
    # Not stored: set when listing a URL's captures, True for a good capture whose
    # SHA-256 differs from the good capture before it (the page changed).
    changed: bool = False


@dataclass
class Evidence:
    """A source attached to a claim, with the latest capture of its URL.

    The capture fields come from the newest good capture (or, with none, from the
    newest attempt); ``error`` is the newest attempt's error when it failed after
    that, or the "too large" note of a truncated capture. ``attempted_at`` is the
    time of the newest attempt, ``versions`` the number of good captures.
    """

    claim_id: int
    url: str
    stance: Stance = Stance.CONTEXT
    note: str = ""
    added_at: str = field(default_factory=utc_now)
    capture_status: CaptureStatus = CaptureStatus.PENDING
    final_url: str = ""
    title: str = ""
    http_status: int | None = None
    content_type: str = ""
    retrieved_at: str = ""
    sha256: str = ""
    error: str = ""
    author: str = ""
    truncated: bool = False
    attempted_at: str = ""
    versions: int = 0
    id: int | None = None

    def __post_init__(self) -> None:
        self.stance = Stance(self.stance)
        self.capture_status = CaptureStatus(self.capture_status)

    def with_capture(self, capture: Capture) -> Evidence:
        """This item as the store will show it once ``capture`` is recorded.

        The same rule as the store's query (a failure never hides a good capture),
        applied in memory: the window updates a row from a fetch result without a
        query while many results arrive. ``tests/store`` checks the two agree.
        """
        if capture.status is CaptureStatus.CAPTURED:
            return replace(
                self,
                capture_status=CaptureStatus.CAPTURED,
                final_url=capture.final_url,
                title=capture.title,
                http_status=capture.http_status,
                content_type=capture.content_type,
                retrieved_at=capture.retrieved_at,
                sha256=capture.sha256,
                truncated=capture.truncated,
                error=capture.error if capture.truncated else "",
                attempted_at=capture.retrieved_at,
                versions=self.versions + 1,
            )
        error = capture.error or "the fetch failed"
        if self.sha256:
            return replace(self, error=error, attempted_at=capture.retrieved_at)
        return replace(
            self,
            capture_status=CaptureStatus.FAILED,
            final_url=capture.final_url,
            title="",
            http_status=capture.http_status,
            content_type=capture.content_type,
            retrieved_at=capture.retrieved_at,
            error=error,
            attempted_at=capture.retrieved_at,
        )

    @property
    def archive_url(self) -> str:
        """The Wayback Machine link nearest to when the page was captured (or added)."""
        from workbench.core.urls import archive_url

        return archive_url(self.url, self.retrieved_at or self.added_at)


@dataclass
class HistoryEntry:
    """One line of the append-only change log: what changed, when, before and after."""

    at: str
    entity: str
    entity_id: int | None
    action: str
    before: dict | None
    after: dict | None
    id: int | None = None
    # The user action (transaction) this change was part of; None before schema 3.
    txn: int | None = None
    txn_label: str = ""
    txn_source: str = ""

    def describe(self) -> str:
        what = f"{self.entity} {self.entity_id}" if self.entity_id is not None else self.entity
        if self.action == "update" and self.before and self.after:
            fields = ", ".join(sorted(k for k in self.after if self.before.get(k) != self.after[k]))
            return f"{self.at}  {what}: changed {fields}"
        return f"{self.at}  {what}: {self.action}"


@dataclass
class ProjectInfo:
    """What a project is: title and settings, plus counts for a summary."""

    path: str
    title: str
    schema_version: int
    settings: dict = field(default_factory=dict)
