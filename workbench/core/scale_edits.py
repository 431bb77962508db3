"""The rules of editing a verdict scale: what each edit may do, and the labels it leaves.

A claim stores its verdict as the label's exact name, so a label in use cannot
simply vanish: its claims move first. Names are unique without regard to case; a
conclusion-only scale has no labels to edit. Pure functions: the store writes
the label lists these return (``store.scale``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from workbench.core.errors import ValidationError
from workbench.core.scale import VerdictLabel, VerdictScale, check_colour, check_label_name

KEEP: Any = object()  # "leave this field as it is" (None is a real value for a rating)


@dataclass(frozen=True)
class LabelEdit:
    """One edit of a label: the scale's labels after it, and what the history records."""

    labels: list[VerdictLabel]
    action: str
    before: dict[str, Any]
    after: dict[str, Any]


def editable(scale: VerdictScale) -> VerdictScale:
    """``scale`` if its labels can be edited; a conclusion-only scale is refused."""
    if scale.conclusion_only:
        raise ValidationError("this project's scale is conclusion-only: it has no labels to edit")
    return scale


def check_replacement(scale: VerdictScale, usage: dict[str, int]) -> dict[str, str]:
    """Refuse a new scale that lacks a label claims use; returns the labels whose
    spelling changes (old name → the new scale's name for it, matched without case)."""
    lost = sorted(name for name in usage if scale.find(name) is None)
    if lost:
        raise ValidationError(
            "the new scale lacks labels that claims use ("
            + ", ".join(f"{name}: {usage[name]}" for name in lost)
            + "); move those claims first"
        )
    renamed: dict[str, str] = {}
    for name in usage:
        label = scale.find(name)
        if label is not None and label.name != name:
            renamed[name] = label.name
    return renamed


def add_label(scale: VerdictScale, label: VerdictLabel, position: int | None) -> LabelEdit:
    """Add a label (at the end, or at ``position``); its name must be new, ignoring case."""
    editable(scale)
    label = replace(label, name=check_label_name(label.name), colour=check_colour(label.colour))
    if scale.find(label.name) is not None:
        raise ValidationError(f"the scale already has a label called {label.name!r}")
    labels = list(scale.labels)
    at = len(labels) if position is None else max(0, min(position, len(labels)))
    labels.insert(at, label)
    return LabelEdit(labels, "add label", {}, {"label": label.__dict__})


def rename_label(scale: VerdictScale, name: str, new_name: str) -> LabelEdit | None:
    """The labels with ``name`` renamed (None: the name is the same); a clash is refused.

    ``before["label"]`` and ``after["label"]`` are the old and new exact names.
    """
    editable(scale)
    index = scale.index_of(name)
    old = scale.labels[index].name
    new = check_label_name(new_name)
    clash = scale.find(new)
    if clash is not None and clash is not scale.labels[index]:
        raise ValidationError(f"the scale already has a label called {clash.name!r}")
    if new == old:
        return None
    labels = list(scale.labels)
    labels[index] = replace(labels[index], name=new)
    return LabelEdit(labels, "rename label", {"label": old}, {"label": new})


def update_label(
    scale: VerdictScale,
    name: str,
    *,
    colour: str | None = None,
    description: str | None = None,
    rating: Any = KEEP,
    ordinal: bool | None = None,
) -> tuple[int, LabelEdit | None]:
    """A label recoloured, or its description, rating or ordinal flag changed.

    Returns the label's index and the edit (None when nothing changes).
    """
    editable(scale)
    index = scale.index_of(name)
    current = scale.labels[index]
    changes: dict[str, Any] = {}
    if colour is not None:
        changes["colour"] = check_colour(colour)
    if description is not None:
        changes["description"] = description.strip()
    if rating is not KEEP:
        if rating is not None and (not isinstance(rating, int) or isinstance(rating, bool)):
            raise ValidationError(f"a rating is a whole number, not {rating!r}")
        changes["rating"] = rating
    if ordinal is not None:
        changes["ordinal"] = bool(ordinal)
    changes = {k: v for k, v in changes.items() if getattr(current, k) != v}
    if not changes:
        return index, None
    labels = list(scale.labels)
    labels[index] = replace(current, **changes)
    return index, LabelEdit(
        labels,
        "update label",
        {"label": current.name, **{k: getattr(current, k) for k in changes}},
        {"label": current.name, **changes},
    )


def move_label(scale: VerdictScale, name: str, position: int) -> LabelEdit | None:
    """The labels with ``name`` moved to ``position`` (0 = first); None when it stays."""
    editable(scale)
    index = scale.index_of(name)
    labels = list(scale.labels)
    position = max(0, min(position, len(labels) - 1))
    if position == index:
        return None
    label = labels.pop(index)
    labels.insert(position, label)
    return LabelEdit(
        labels,
        "move label",
        {"label": label.name, "position": index},
        {"label": label.name, "position": position},
    )


def delete_label(
    scale: VerdictScale, name: str, move_to: str | None, used_by: list[int]
) -> tuple[str, str | None, LabelEdit]:
    """Delete a label: refused while claims (``used_by``) use it, unless ``move_to``
    names the label they move to. Returns the old exact name, the target's, and the edit."""
    editable(scale)
    old = scale.labels[scale.index_of(name)].name
    target = None
    if move_to is not None:
        target = scale.labels[scale.index_of(move_to)].name
        if target == old:
            raise ValidationError(f"cannot move the claims of {old!r} to the label itself")
    if used_by and target is None:
        shown = ", ".join(str(i) for i in used_by[:10]) + ("…" if len(used_by) > 10 else "")
        raise ValidationError(
            f"the label {old!r} is used by {len(used_by)} claim{'s' if len(used_by) > 1 else ''} "
            f"({shown}); move them to another label first"
        )
    labels = [label for label in scale.labels if label.name != old]
    edit = LabelEdit(
        labels, "delete label", {"label": old}, {"moved_to": target, "claims": len(used_by)}
    )
    return old, target, edit
