"""The project's verdict scale, stored as ordered rows of ``scale_labels``, and its editing.

A claim stores its verdict as the label's exact name, so renaming a label rewrites
every claim that uses it (in the same transaction, each claim's change logged), and
a label still in use cannot simply be deleted: its claims are moved first.
"""

from __future__ import annotations

import json
from dataclasses import replace

from workbench.core.errors import ValidationError
from workbench.core.models import utc_now
from workbench.core.scale import VerdictLabel, VerdictScale, check_colour, check_label_name
from workbench.store.base import StoreBase

_KEEP = object()  # "leave this field as it is" (None is a real value for a rating)


class ScaleMixin(StoreBase):
    def scale(self) -> VerdictScale:
        labels = [
            VerdictLabel(
                name=row["name"],
                colour=row["colour"] or "#9e9e9e",
                description=row["description"] or "",
                rating=row["rating"],
                ordinal=bool(row["ordinal"]),
            )
            for row in self.db.query("SELECT * FROM scale_labels ORDER BY position")
        ]
        meta = self.setting("scale", {}) or {}
        return VerdictScale(
            name=meta.get("name", "Custom"),
            labels=labels,
            conclusion_only=bool(meta.get("conclusion_only", False)),
            description=meta.get("description", ""),
        )

    # -- whole scale -----------------------------------------------------------------
    def set_scale(self, scale: VerdictScale) -> None:
        """Replace the scale. Refused while claims use a label the new scale lacks."""
        scale.validate()
        if self.db["scale_labels"].exists():
            used = self.verdict_usage()
            lost = sorted(name for name in used if scale.find(name) is None)
            if lost:
                raise ValidationError(
                    "the new scale lacks labels that claims use ("
                    + ", ".join(f"{name}: {used[name]}" for name in lost)
                    + "); move those claims first"
                )
            before = self.scale().to_dict()
        else:
            before = None
        with self._write() as db:
            done_before = self._all_done_missing() if before is not None else {}
            renamed = {}
            for name in self.verdict_usage() if before else {}:
                exact = scale.find(name).name
                if exact != name:
                    renamed[name] = exact
            for old, new in renamed.items():
                db.execute("UPDATE claims SET verdict = ? WHERE verdict = ?", [new, old])
            self._write_labels(scale.labels)
            meta = {
                "name": scale.name,
                "conclusion_only": scale.conclusion_only,
                "description": scale.description,
            }
            db["settings"].upsert(
                {"key": "scale", "value": json.dumps(meta, ensure_ascii=False)}, pk="key"
            )
            self._log("scale", None, "update", before, scale.to_dict())
            self._changed("scale", "update")
            if renamed:
                self._changed("claim", "update", *self.claim_ids_with_verdict(list(renamed.values())))
            self._recheck_done(done_before)

    def _write_labels(self, labels: list[VerdictLabel]) -> None:
        self.db.execute("DELETE FROM scale_labels")
        for position, label in enumerate(labels):
            self.db.execute(
                "INSERT INTO scale_labels (position, name, colour, description, rating, ordinal) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    position,
                    label.name,
                    label.colour,
                    label.description,
                    label.rating,
                    int(label.ordinal),
                ],
            )

    def verdict_usage(self) -> dict[str, int]:
        """How many claims use each verdict label (labels nobody uses are left out)."""
        return {
            row["verdict"]: row["n"]
            for row in self.db.query(
                "SELECT verdict, COUNT(*) AS n FROM claims WHERE verdict IS NOT NULL "
                "AND verdict != '' GROUP BY verdict"
            )
        }

    def claim_ids_with_verdict(self, names: list[str]) -> list[int]:
        """The ids of the claims rated with any of ``names`` (exact spelling)."""
        if not names:
            return []
        marks = ", ".join("?" for _ in names)
        return [
            r[0]
            for r in self.db.execute(
                f"SELECT id FROM claims WHERE verdict IN ({marks}) ORDER BY id", names
            ).fetchall()
        ]

    # -- editing one label -----------------------------------------------------------
    def _editable_scale(self) -> VerdictScale:
        scale = self.scale()
        if scale.conclusion_only:
            raise ValidationError(
                "this project's scale is conclusion-only: it has no labels to edit"
            )
        return scale

    def _save_labels(
        self, before: VerdictScale, labels: list[VerdictLabel], action: str, detail: dict
    ) -> None:
        """Write the new label list and log one scale entry (inside a ``_write``)."""
        self._write_labels(labels)
        self._log(
            "scale",
            None,
            action,
            {"labels": before.names(), **detail.get("before", {})},
            {"labels": [label.name for label in labels], **detail.get("after", {})},
        )
        self._changed("scale", "update")

    def add_scale_label(self, label: VerdictLabel, position: int | None = None) -> VerdictScale:
        """Add a label (at the end, or at ``position``); its name must be new, ignoring case."""
        scale = self._editable_scale()
        label = replace(label, name=check_label_name(label.name), colour=check_colour(label.colour))
        if scale.find(label.name) is not None:
            raise ValidationError(f"the scale already has a label called {label.name!r}")
        labels = list(scale.labels)
        at = len(labels) if position is None else max(0, min(position, len(labels)))
        labels.insert(at, label)
        with self._write():
            self._save_labels(scale, labels, "add label", {"after": {"label": label.__dict__}})
        return self.scale()

    def rename_scale_label(self, name: str, new_name: str) -> int:
        """Rename a label and every claim rated with it; returns how many claims changed."""
        scale = self._editable_scale()
        index = scale.index_of(name)
        old = scale.labels[index].name
        new = check_label_name(new_name)
        clash = scale.find(new)
        if clash is not None and clash is not scale.labels[index]:
            raise ValidationError(f"the scale already has a label called {clash.name!r}")
        if new == old:
            return 0
        labels = list(scale.labels)
        labels[index] = replace(labels[index], name=new)
        ids = self.claim_ids_with_verdict([old])
        with self._write() as db:
            self._save_labels(
                scale,
                labels,
                "rename label",
                {"before": {"label": old}, "after": {"label": new, "claims": len(ids)}},
            )
            db.execute(
                "UPDATE claims SET verdict = ?, updated_at = ? WHERE verdict = ?",
                [new, utc_now(), old],
            )
            for claim_id in ids:
                self._log("claim", claim_id, "update", {"verdict": old}, {"verdict": new})
            if ids:
                self._changed("claim", "update", *ids)
        return len(ids)

    def update_scale_label(
        self,
        name: str,
        *,
        colour: str | None = None,
        description: str | None = None,
        rating=_KEEP,
        ordinal: bool | None = None,
    ) -> VerdictLabel:
        """Recolour a label, or change its description, rating or place in the order."""
        scale = self._editable_scale()
        index = scale.index_of(name)
        current = scale.labels[index]
        changes: dict = {}
        if colour is not None:
            changes["colour"] = check_colour(colour)
        if description is not None:
            changes["description"] = description.strip()
        if rating is not _KEEP:
            if rating is not None and (not isinstance(rating, int) or isinstance(rating, bool)):
                raise ValidationError(f"a rating is a whole number, not {rating!r}")
            changes["rating"] = rating
        if ordinal is not None:
            changes["ordinal"] = bool(ordinal)
        changes = {k: v for k, v in changes.items() if getattr(current, k) != v}
        if not changes:
            return current
        labels = list(scale.labels)
        labels[index] = replace(current, **changes)
        with self._write():
            self._save_labels(
                scale,
                labels,
                "update label",
                {
                    "before": {"label": current.name, **{k: getattr(current, k) for k in changes}},
                    "after": {"label": current.name, **changes},
                },
            )
        return labels[index]

    def move_scale_label(self, name: str, position: int) -> VerdictScale:
        """Move a label to ``position`` (0 = first) in the scale's order."""
        scale = self._editable_scale()
        index = scale.index_of(name)
        labels = list(scale.labels)
        position = max(0, min(position, len(labels) - 1))
        if position == index:
            return scale
        label = labels.pop(index)
        labels.insert(position, label)
        with self._write():
            self._save_labels(
                scale,
                labels,
                "move label",
                {
                    "before": {"label": label.name, "position": index},
                    "after": {"label": label.name, "position": position},
                },
            )
        return self.scale()

    def delete_scale_label(self, name: str, *, move_to: str | None = None) -> int:
        """Delete a label. Refused while claims use it, unless ``move_to`` names the label
        they move to (in the same transaction). Returns how many claims were moved."""
        scale = self._editable_scale()
        index = scale.index_of(name)
        old = scale.labels[index].name
        ids = self.claim_ids_with_verdict([old])
        target = None
        if move_to is not None:
            target = scale.labels[scale.index_of(move_to)].name
            if target == old:
                raise ValidationError(f"cannot move the claims of {old!r} to the label itself")
        if ids and target is None:
            shown = ", ".join(str(i) for i in ids[:10]) + ("…" if len(ids) > 10 else "")
            raise ValidationError(
                f"the label {old!r} is used by {len(ids)} claim{'s' if len(ids) > 1 else ''} "
                f"({shown}); move them to another label first"
            )
        labels = [label for label in scale.labels if label.name != old]
        with self._write() as db:
            done_before = self._all_done_missing()
            if ids:
                db.execute(
                    "UPDATE claims SET verdict = ?, updated_at = ? WHERE verdict = ?",
                    [target, utc_now(), old],
                )
                for claim_id in ids:
                    self._log("claim", claim_id, "update", {"verdict": old}, {"verdict": target})
                self._changed("claim", "update", *ids)
            self._save_labels(
                scale,
                labels,
                "delete label",
                {"before": {"label": old}, "after": {"moved_to": target, "claims": len(ids)}},
            )
            self._recheck_done(done_before)
        return len(ids)
