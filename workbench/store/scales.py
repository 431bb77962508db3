"""The project's verdict scale, stored as ordered rows of ``scale_labels``."""

from __future__ import annotations

import json

from workbench.core.scale import VerdictLabel, VerdictScale
from workbench.store.base import StoreBase


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

    def set_scale(self, scale: VerdictScale) -> None:
        """Replace the scale's labels (claims are not touched: see the scale editor for renames)."""
        before = self.scale().to_dict() if self.db["scale_labels"].exists() else None
        with self._write() as db:
            db.execute("DELETE FROM scale_labels")
            for position, label in enumerate(scale.labels):
                db.execute(
                    "INSERT INTO scale_labels (position, name, colour, description, rating, ordinal) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [position, label.name, label.colour, label.description, label.rating,
                     int(label.ordinal)],
                )
            meta = {
                "name": scale.name,
                "conclusion_only": scale.conclusion_only,
                "description": scale.description,
            }
            db["settings"].upsert({"key": "scale", "value": json.dumps(meta, ensure_ascii=False)}, pk="key")
            self._log("scale", None, "update", before, scale.to_dict())
            self._changed("scale", "update")
