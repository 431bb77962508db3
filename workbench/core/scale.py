"""Verdict scales: the ordered labels an organisation rates claims with."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from workbench.core.errors import ValidationError

DEFAULT_SCALE = "default"
MAX_LABEL_LENGTH = 60
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def check_label_name(name: str) -> str:
    """A label name, trimmed, if it is usable; else a ValidationError saying why."""
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError("a verdict label needs a name")
    if len(name) > MAX_LABEL_LENGTH:
        raise ValidationError(
            f"a verdict label is at most {MAX_LABEL_LENGTH} characters: {name[:40]!r}…"
        )
    return name


def check_colour(colour: str) -> str:
    """A colour as ``#rrggbb`` (lower case); anything else is refused."""
    colour = (colour or "").strip()
    if not _COLOUR.fullmatch(colour):
        raise ValidationError(f"a colour is written #rrggbb (e.g. #c62828), not {colour!r}")
    return colour.lower()


@dataclass
class VerdictLabel:
    """One rating. ``ordinal`` labels form the true-to-false order; others stand outside it."""

    name: str
    colour: str = "#9e9e9e"
    description: str = ""
    rating: int | None = None
    ordinal: bool = True


@dataclass
class VerdictScale:
    """An ordered list of labels. ``conclusion_only`` scales have no labels at all."""

    name: str
    labels: list[VerdictLabel] = field(default_factory=list)
    conclusion_only: bool = False
    description: str = ""

    def names(self) -> list[str]:
        return [label.name for label in self.labels]

    def find(self, name: str) -> VerdictLabel | None:
        """The label called ``name``, matched without regard to case."""
        key = name.strip().casefold()
        for label in self.labels:
            if label.name.casefold() == key:
                return label
        return None

    def resolve(self, name: str) -> str:
        """The label's exact spelling, or a ValidationError listing the valid labels."""
        label = self.find(name)
        if label is None:
            if self.conclusion_only:
                raise ValidationError(
                    f"this project's scale {self.name!r} has no labels: the rationale is "
                    "the verdict"
                )
            raise ValidationError(f"unknown verdict {name!r}; valid: {', '.join(self.names())}")
        return label.name

    def ordinal_labels(self) -> list[str]:
        """The labels in order, best first, leaving out those outside the order."""
        return [label.name for label in self.labels if label.ordinal]

    def colour_of(self, name: str | None) -> str | None:
        label = self.find(name) if name else None
        return label.colour if label else None

    def rating_bounds(self) -> tuple[int, int] | None:
        """(best, worst) ratings, or None when no label carries a rating."""
        ratings = [label.rating for label in self.labels if label.rating is not None]
        if not ratings:
            return None
        return max(ratings), min(ratings)

    def index_of(self, name: str) -> int:
        """The position of the label called ``name`` (any case), or a ValidationError."""
        key = name.strip().casefold()
        for index, label in enumerate(self.labels):
            if label.name.casefold() == key:
                return index
        raise ValidationError(f"the scale has no label {name!r}; labels: {', '.join(self.names())}")

    def validate(self) -> VerdictScale:
        """Refuse a scale whose labels are unnamed, duplicated (ignoring case) or badly coloured."""
        seen: set[str] = set()
        for label in self.labels:
            label.name = check_label_name(label.name)
            label.colour = check_colour(label.colour)
            key = label.name.casefold()
            if key in seen:
                raise ValidationError(f"the scale has two labels called {label.name!r}")
            seen.add(key)
        if self.conclusion_only and self.labels:
            raise ValidationError("a conclusion-only scale has no labels")
        return self

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> VerdictScale:
        labels = [VerdictLabel(**label) for label in data.get("labels", [])]
        return cls(
            name=data["name"],
            labels=labels,
            conclusion_only=bool(data.get("conclusion_only", False)),
            description=data.get("description", ""),
        )


def preset_key(name: str) -> str:
    """How a preset's name is written in its file name: ``PolitiFact`` → ``politifact``."""
    return name.strip().lower().replace("_", "-").replace(" ", "-")


def unknown_preset(name: str, presets: list[str]) -> ValidationError:
    return ValidationError(f"unknown scale {name!r}; presets: {', '.join(presets)}")


def conclusion_of(rationale: str, limit: int = 200) -> str:
    """The short verdict of a conclusion-only scale: the rationale's first sentence.

    Full Fact-style reviews publish a one-line conclusion in place of a label;
    the first sentence of the first paragraph is that line.
    """
    first = (rationale or "").strip().split("\n", 1)[0].strip()
    match = re.match(r"(.+?[.!?])(\s|$)", first)
    sentence = match.group(1) if match else first
    if len(sentence) > limit:
        sentence = sentence[: limit - 1].rstrip() + "…"
    return sentence
