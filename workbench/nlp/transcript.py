"""Transcripts: a debate, a hearing or an interview pasted as text, each turn opening with
its speaker's label ("TRUMP: ...", "MR. LEHRER: ...", "Hillary Clinton (00:03:12): ...").

The article scorer is calibrated for news pages, where a check-worthy sentence usually
holds a figure; on a debate it lists too few sentences (CT24 dev-test, laid out as an
article: F1 0.67 against the sentence scorer's 0.76). A text whose paragraphs mostly
open with the labels of a few speakers who each speak several times is read as a
transcript: its sentences are scored by the sentence scorer (the debate-trained one that
``eval-claims`` measures), the label is not part of the claim, and the claimant of every
sentence of a turn is the turn's speaker. One-off labels of news copy ("Why it matters:",
"Background:", "Photo:") never make a transcript: each speaker must speak twice or more.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_TITLE = (
    r"(?:(?:MR|MRS|MS|DR|SEN|REP|GOV|SENATOR|GOVERNOR|PRESIDENT|VICE PRESIDENT|JUDGE|JUSTICE)"
    r"\.?\s+)"
)
_LABEL = re.compile(
    rf"^[ \t]*({_TITLE}?[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){{0,3}}"  # TRUMP:, MR. LEHRER:
    r"|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+[A-Z][\w'’-]+"  # Mr. Lehrer:
    r"|[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’.-]+){1,3})"  # Hillary Clinton:
    r"(?:\s*\(\d{1,2}:\d{2}(?::\d{2})?\))?[ \t]*:[ \t]+(?=\S)",  # (00:03:12)
    re.MULTILINE,
)
# Labels of news copy and documents, not speakers.
# fmt: off
_NOT_SPEAKERS = {
    "q", "a", "note", "photo", "photos", "source", "sources", "update", "updated", "related",
    "read more", "editor's note", "why it matters", "background", "what's next", "the big picture",
    "go deeper", "context", "watch", "video", "file", "credit", "caption", "image", "summary",
    "warning", "correction", "disclaimer", "tags", "topics", "date", "time", "venue", "present",
    "staff", "more", "breaking", "just in", "exclusive", "live", "analysis", "opinion",
    # a fact-check's fields ("CLAIM: ...", "VERDICT: FALSE", "SOURCE: Dubawa")
    "claim", "the claim", "verdict", "rating", "our rating", "ruling", "our ruling", "fact",
    "facts", "the facts", "conclusion", "explanation", "evidence", "details", "data", "chart",
    "illustration",
}
# fmt: on
MIN_TURNS = 4


@dataclass(frozen=True)
class Turn:
    """A speaker's turn: the label's span, where what they say starts, and who they are."""

    label_start: int
    body_start: int
    end: int  # where the next turn's label starts, or the end of the text
    speaker: str


def turns(text: str) -> list[Turn] | None:
    """The turns of ``text`` when it reads as a transcript, else None."""
    found = [m for m in _LABEL.finditer(text) if m.group(1).strip().lower() not in _NOT_SPEAKERS]
    if len(found) < MIN_TURNS:
        return None
    names = Counter(_speaker_key(m.group(1)) for m in found)
    repeated = sum(n for n in names.values() if n >= 2)
    if len(names) > max(16, len(found) // 8) or repeated < 0.75 * len(found):
        return None
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", text) if len(p.split()) >= 5]
    if len(found) < 0.4 * max(len(paragraphs), 1):
        return None
    out = []
    for k, match in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(text)
        out.append(Turn(match.start(1), match.end(), end, _clean(match.group(1))))
    return out


def _speaker_key(label: str) -> str:
    return " ".join(label.split()).lower()


def _clean(label: str) -> str:
    return " ".join(label.split()).rstrip(":")


def speaker_at(turns_: list[Turn], position: int) -> Turn | None:
    """The turn holding ``position`` (turns are in order), or None before the first."""
    low, high = 0, len(turns_)
    while low < high:
        middle = (low + high) // 2
        if turns_[middle].label_start <= position:
            low = middle + 1
        else:
            high = middle
    if low == 0:
        return None
    turn = turns_[low - 1]
    return turn if position < turn.end else None
