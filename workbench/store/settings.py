"""Settings: the project's key → JSON values (title, scale metadata, fetch settings...)."""

from __future__ import annotations

import json
from typing import Any

from workbench.core.models import ProjectInfo
from workbench.store.repo import Repository


class SettingsRepo(Repository):
    """``store.settings``: read and change the project's settings, each change logged."""

    def get(self, key: str, default: Any = None) -> Any:
        rows = list(self._db.query("SELECT value FROM settings WHERE key = ?", [key]))
        with self._store._reading():
            return json.loads(rows[0]["value"]) if rows else default

    def all(self) -> dict[str, Any]:
        with self._store._reading():
            return {
                row["key"]: json.loads(row["value"])
                for row in self._db.query("SELECT * FROM settings")
            }

    def set(self, key: str, value: Any) -> None:
        if self.get(key) == value:
            return
        store = self._store
        with store._write() as db:
            before = self.get(key)
            db.table("settings").upsert(
                {"key": key, "value": json.dumps(value, ensure_ascii=False)}, pk="key"
            )
            store._log("setting", None, "update", {key: before}, {key: value})
            store._changed("setting", "update")

    def title(self) -> str:
        """The project's title (the file's name until one is set)."""
        return str(self.get("title", self._store.path.stem))

    def info(self) -> ProjectInfo:
        return ProjectInfo(
            path=str(self._store.path),
            title=self.title(),
            schema_version=self._store.schema_version,
            settings=self.all(),
        )
