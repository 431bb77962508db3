"""Verdict scales: the ordered labels an organisation rates claims with."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from workbench.core.errors import ValidationError
from workbench.paths import RESOURCES

SCALES_DIR = RESOURCES / "scales"
DEFAULT_SCALE = "default"


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
                    f"this project's scale {self.name!r} has no labels: the rationale is the verdict"
                )
            raise ValidationError(
                f"unknown verdict {name!r}; valid: {', '.join(self.names())}"
            )
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

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "VerdictScale":
        labels = [VerdictLabel(**label) for label in data.get("labels", [])]
        return cls(
            name=data["name"],
            labels=labels,
            conclusion_only=bool(data.get("conclusion_only", False)),
            description=data.get("description", ""),
        )


def preset_names() -> list[str]:
    return sorted(path.stem for path in SCALES_DIR.glob("*.json"))


def load_preset(name: str = DEFAULT_SCALE) -> VerdictScale:
    """A shipped scale from ``resources/scales/NAME.json``."""
    path: Path = SCALES_DIR / f"{name}.json"
    if not path.is_file():
        raise ValidationError(f"unknown scale {name!r}; presets: {', '.join(preset_names())}")
    return VerdictScale.from_dict(json.loads(path.read_text(encoding="utf-8")))
