"""The project's verdict scale, stored as ordered rows of ``scale_labels``, and its editing.

A claim stores its verdict as the label's exact name, so renaming a label rewrites
every claim that uses it (in the same transaction, each claim's change logged), and
a label still in use cannot simply be deleted: its claims are moved first. What an
edit may do is decided in ``workbench.core.scale_edits``; this is the SQL.
"""

from __future__ import annotations

import json
from typing import Any

from workbench.core import scale_edits
from workbench.core.models import utc_now
from workbench.core.scale import VerdictLabel, VerdictScale
from workbench.core.scale_edits import KEEP, LabelEdit
from workbench.store.repo import Repository


class ScaleRepo(Repository):
    """``store.scale``: the project's verdict scale, and every edit of it."""

    def get(self) -> VerdictScale:
        labels = [
            VerdictLabel(
                name=row["name"],
                colour=row["colour"] or "#9e9e9e",
                description=row["description"] or "",
                rating=row["rating"],
                ordinal=bool(row["ordinal"]),
            )
            for row in self._db.query("SELECT * FROM scale_labels ORDER BY position")
        ]
        meta = self._store.settings.get("scale", {}) or {}
        return VerdictScale(
            name=meta.get("name", "Custom"),
            labels=labels,
            conclusion_only=bool(meta.get("conclusion_only", False)),
            description=meta.get("description", ""),
        )

    def usage(self) -> dict[str, int]:
        """How many claims use each verdict label (labels nobody uses are left out)."""
        return {
            row["verdict"]: row["n"]
            for row in self._db.query(
                "SELECT verdict, COUNT(*) AS n FROM claims WHERE verdict IS NOT NULL "
                "AND verdict != '' GROUP BY verdict"
            )
        }

    def claim_ids_with(self, names: list[str]) -> list[int]:
        """The ids of the claims rated with any of ``names`` (exact spelling)."""
        if not names:
            return []
        marks = ", ".join("?" for _ in names)
        return [
            r[0]
            for r in self._db.execute(
                f"SELECT id FROM claims WHERE verdict IN ({marks}) ORDER BY id", names
            ).fetchall()
        ]

    # -- whole scale -----------------------------------------------------------------
    def set(self, scale: VerdictScale) -> None:
        """Replace the scale. Refused while claims use a label the new scale lacks."""
        store = self._store
        scale.validate()
        renamed: dict[str, str] = {}
        before = None
        if self._db["scale_labels"].exists():
            renamed = scale_edits.check_replacement(scale, self.usage())
            before = self.get().to_dict()
        with store._write() as db:
            done_before = store.done.snapshot_all() if before is not None else {}
            for old, new in renamed.items():
                db.execute("UPDATE claims SET verdict = ? WHERE verdict = ?", [new, old])
            self._write_labels(scale.labels)
            meta = {
                "name": scale.name,
                "conclusion_only": scale.conclusion_only,
                "description": scale.description,
            }
            db.table("settings").upsert(
                {"key": "scale", "value": json.dumps(meta, ensure_ascii=False)}, pk="key"
            )
            store._log("scale", None, "update", before, scale.to_dict())
            store._changed("scale", "update")
            if renamed:
                store._changed("claim", "update", *self.claim_ids_with(list(renamed.values())))
            store.done.recheck(done_before)

    def _write_labels(self, labels: list[VerdictLabel]) -> None:
        self._db.execute("DELETE FROM scale_labels")
        for position, label in enumerate(labels):
            self._db.execute(
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

    # -- editing one label -----------------------------------------------------------
    def _save(self, before: VerdictScale, edit: LabelEdit, **after: Any) -> None:
        """Write the edit's label list and log one scale entry (inside a ``_write``)."""
        self._write_labels(edit.labels)
        self._store._log(
            "scale",
            None,
            edit.action,
            {"labels": before.names(), **edit.before},
            {"labels": [label.name for label in edit.labels], **edit.after, **after},
        )
        self._store._changed("scale", "update")

    def add_label(self, label: VerdictLabel, position: int | None = None) -> VerdictScale:
        """Add a label (at the end, or at ``position``); its name must be new, ignoring case."""
        scale = self.get()
        edit = scale_edits.add_label(scale, label, position)
        with self._store._write():
            self._save(scale, edit)
        return self.get()

    def rename_label(self, name: str, new_name: str) -> int:
        """Rename a label and every claim rated with it; returns how many claims changed."""
        store = self._store
        scale = self.get()
        edit = scale_edits.rename_label(scale, name, new_name)
        if edit is None:
            return 0
        old, new = edit.before["label"], edit.after["label"]
        ids = self.claim_ids_with([old])
        with store._write() as db:
            self._save(scale, edit, claims=len(ids))
            db.execute(
                "UPDATE claims SET verdict = ?, updated_at = ? WHERE verdict = ?",
                [new, utc_now(), old],
            )
            self._log_verdicts(ids, old, new)
        return len(ids)

    def _log_verdicts(self, ids: list[int], old: str, new: str | None) -> None:
        """Log each claim whose verdict a scale edit rewrote (inside a ``_write``)."""
        for claim_id in ids:
            self._store._log("claim", claim_id, "update", {"verdict": old}, {"verdict": new})
        if ids:
            self._store._changed("claim", "update", *ids)

    def update_label(
        self,
        name: str,
        *,
        colour: str | None = None,
        description: str | None = None,
        rating: Any = KEEP,
        ordinal: bool | None = None,
    ) -> VerdictLabel:
        """Recolour a label, or change its description, rating or place in the order."""
        scale = self.get()
        index, edit = scale_edits.update_label(
            scale, name, colour=colour, description=description, rating=rating, ordinal=ordinal
        )
        if edit is None:
            return scale.labels[index]
        with self._store._write():
            self._save(scale, edit)
        return edit.labels[index]

    def move_label(self, name: str, position: int) -> VerdictScale:
        """Move a label to ``position`` (0 = first) in the scale's order."""
        scale = self.get()
        edit = scale_edits.move_label(scale, name, position)
        if edit is None:
            return scale
        with self._store._write():
            self._save(scale, edit)
        return self.get()

    def delete_label(self, name: str, *, move_to: str | None = None) -> int:
        """Delete a label. Refused while claims use it, unless ``move_to`` names the label
        they move to (in the same transaction). Returns how many claims were moved."""
        store = self._store
        scale = scale_edits.editable(self.get())
        old = scale.labels[scale.index_of(name)].name
        ids = self.claim_ids_with([old])
        old, target, edit = scale_edits.delete_label(scale, name, move_to, ids)
        with store._write() as db:
            done_before = store.done.snapshot_all()
            if ids:
                db.execute(
                    "UPDATE claims SET verdict = ?, updated_at = ? WHERE verdict = ?",
                    [target, utc_now(), old],
                )
                self._log_verdicts(ids, old, target)
            self._save(scale, edit)
            store.done.recheck(done_before)
        return len(ids)
