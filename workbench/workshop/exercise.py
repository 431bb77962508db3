"""Exercise packs: a trainer's project handed out to participants without the answers.

An exercise is an ordinary project file with three settings of its own:
``workshop_exercise`` (its id, title, mode and the claims it was handed out with),
``workshop_locked`` (re-detection refused) and ``workshop_participant`` (the name a
participant gives once). Comparing refuses files whose exercise id differs, so a
stray file from last week's workshop cannot skew this week's figures.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.errors import ProjectFileError, ValidationError, WorkbenchError
from workbench.core.models import stored_id, utc_now
from workbench.store import ProjectStore
from workbench.store.exercise import (
    keep_only_settings,
    log_event,
    open_memory_copy,
    strip_work,
    write_compact_copy,
)

EXERCISE_KEY = "workshop_exercise"
LOCK_KEY = "workshop_locked"
PARTICIPANT_KEY = "workshop_participant"
MODE_CLAIMS = "claims"
MODE_NO_CLAIMS = "no_claims"
# Settings an exercise keeps from its key; any other setting may hold the key's work.
KEPT_SETTINGS = {"title", "scale"}
MAX_NAME = 80


@dataclass
class ReferenceClaim:
    """A claim as it was handed out: participants' claims are matched to it by id and span."""

    id: int
    article_id: int
    start: int
    end: int
    text: str

    def to_list(self) -> list:
        return [self.id, self.article_id, self.start, self.end, self.text]

    @classmethod
    def from_list(cls, row: list) -> ReferenceClaim:
        return cls(int(row[0]), int(row[1]), int(row[2]), int(row[3]), str(row[4]))


@dataclass
class Exercise:
    """What identifies an exercise and what it was handed out with."""

    id: str
    title: str
    mode: str = MODE_CLAIMS
    created_at: str = ""
    evidence_kept: bool = False
    articles: list[str] = field(default_factory=list)  # SHA-256 of each article's text
    claims: list[ReferenceClaim] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "mode": self.mode,
            "created_at": self.created_at,
            "evidence_kept": self.evidence_kept,
            "articles": self.articles,
            "claims": [c.to_list() for c in self.claims],
        }

    @classmethod
    def from_dict(cls, data: dict) -> Exercise:
        return cls(
            id=str(data["id"]),
            title=str(data.get("title", "")),
            mode=data.get("mode", MODE_CLAIMS),
            created_at=data.get("created_at", ""),
            evidence_kept=bool(data.get("evidence_kept", False)),
            articles=list(data.get("articles", [])),
            claims=[ReferenceClaim.from_list(row) for row in data.get("claims", [])],
        )


def exercise_of(store: ProjectStore) -> Exercise | None:
    """The exercise a project file belongs to, or None for an ordinary project."""
    data = store.settings.get(EXERCISE_KEY)
    if not isinstance(data, dict) or "id" not in data:
        return None
    try:
        return Exercise.from_dict(data)
    except (KeyError, TypeError, ValueError, IndexError):
        raise ProjectFileError(f"{store.path.name}: its workshop settings are damaged") from None


def is_locked(store: ProjectStore) -> bool:
    return bool(store.settings.get(LOCK_KEY, False))


def ensure_unlocked(store: ProjectStore) -> None:
    """Refuse re-detection in an exercise the trainer locked."""
    if is_locked(store):
        raise WorkbenchError(
            f"{store.path.name}: the trainer locked this exercise's claim list; "
            "claims cannot be re-detected"
        )


def set_locked(store: ProjectStore, locked: bool) -> None:
    if exercise_of(store) is None:
        raise ValidationError(f"{store.path.name}: not a workshop exercise (see workshop pack)")
    store.settings.set(LOCK_KEY, bool(locked))


def participant_name(store: ProjectStore) -> str:
    return str(store.settings.get(PARTICIPANT_KEY, "") or "")


def clean_name(name: str) -> str:
    """A participant's name as stored: one line, trimmed, not empty, not too long."""
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise ValidationError("the participant's name is empty")
    if len(cleaned) > MAX_NAME:
        raise ValidationError(f"the participant's name is longer than {MAX_NAME} characters")
    return cleaned


def set_participant_name(store: ProjectStore, name: str) -> str:
    cleaned = clean_name(name)
    store.settings.set(PARTICIPANT_KEY, cleaned)
    return cleaned


def pack(
    key: str | Path,
    out: str | Path,
    *,
    keep_claims: bool = True,
    keep_evidence: bool = False,
    lock: bool = False,
    title: str = "",
    overwrite: bool = False,
) -> Exercise:
    """Make an exercise file at ``out`` from the trainer's project ``key`` (left unchanged)."""
    key, out = Path(key), Path(out)
    if out.suffix.lower() != ".fcw":
        raise ValidationError(f"{out.name}: an exercise file must end in .fcw")
    if out.exists() and not overwrite:
        raise ProjectFileError(f"{out.name}: already exists; choose another name (or --force)")
    if out.exists() and key.exists() and out.resolve() == key.resolve():
        raise ValidationError("the exercise cannot replace its key; choose another name")
    store = open_memory_copy(key)
    try:
        claims = store.claims.all() if keep_claims else []
        exercise = Exercise(
            id=uuid.uuid4().hex,
            title=title or store.settings.title(),
            mode=MODE_CLAIMS if keep_claims else MODE_NO_CLAIMS,
            created_at=utc_now(),
            evidence_kept=keep_evidence and keep_claims,
            articles=[a.sha256 for a in store.articles.all()],
            claims=[
                ReferenceClaim(stored_id(c.id), c.article_id, c.start, c.end, c.text)
                for c in claims
            ],
        )
        if not exercise.articles:
            raise ValidationError(f"{key.name}: has no article to hand out")
        strip_work(store, keep_claims=keep_claims, keep_evidence=keep_evidence)
        keep_only_settings(store, KEPT_SETTINGS)
        store.settings.set("title", exercise.title)
        store.settings.set(EXERCISE_KEY, exercise.to_dict())
        store.settings.set(LOCK_KEY, bool(lock))
        log_event(store, "workshop", "exercise", {"exercise": exercise.id, "mode": exercise.mode})
        write_compact_copy(store, out)
    finally:
        store.close()
    return exercise
