"""How evidence pages are fetched: limits that keep a capture safe, bounded and polite.

The limits are those of ``workbench.web.fetch.FetchPolicy`` (the one fetcher's
policy); a project may change them, and says how many pages are fetched at once.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

import requests

from workbench import __version__
from workbench.core.errors import ValidationError
from workbench.web.fetch import MB, FetchPolicy

SETTING_KEY = "fetch"  # the project setting (JSON) that overrides the defaults

USER_AGENT = (
    f"FactCheckWorkbench/{__version__} (evidence capture for fact-checking; "
    f"one request per cited page; python-requests/{requests.__version__})"
)


@dataclass(frozen=True)
class FetchSettings:
    """Limits for one fetch. A project may override them (``workbench evidence settings``)."""

    max_bytes: int = 10 * MB  # the body kept; a bigger page is truncated and marked so
    connect_timeout: float = 10.0  # seconds to connect
    read_timeout: float = 20.0  # seconds the server may stay silent
    total_timeout: float = 120.0  # seconds for the whole fetch, connect to last byte (a trickle)
    max_redirects: int = 10
    workers: int = 8  # pages fetched at once
    user_agent: str = USER_AGENT

    def __post_init__(self) -> None:
        checks = {
            "max_bytes": self.max_bytes >= 1024,
            "connect_timeout": self.connect_timeout > 0,
            "read_timeout": self.read_timeout > 0,
            "total_timeout": self.total_timeout > 0,
            "max_redirects": 0 <= self.max_redirects <= 50,
            "workers": 1 <= self.workers <= 64,
        }
        bad = [name for name, ok in checks.items() if not ok]
        if bad:
            raise ValidationError(f"fetch setting out of range: {', '.join(bad)}")

    @classmethod
    def from_dict(cls, data: dict | None) -> FetchSettings:
        """Settings from a project's stored JSON; unknown keys are ignored, bad values refused."""
        known = {f.name: f.type for f in fields(cls)}
        values: dict[str, Any] = {}
        if data is not None and not isinstance(data, dict):
            raise ValidationError(f"fetch settings: not a set of values ({type(data).__name__})")
        for key, value in (data or {}).items():
            if key in known and key != "user_agent":
                try:
                    values[key] = float(value) if "timeout" in key else int(value)
                except (TypeError, ValueError):
                    raise ValidationError(
                        f"fetch setting {key}: not a number ({value!r})"
                    ) from None
        return cls(**values)

    def policy(self) -> FetchPolicy:
        """The fetcher's limits for one capture."""
        return FetchPolicy(
            max_bytes=self.max_bytes,
            connect_timeout=self.connect_timeout,
            read_timeout=self.read_timeout,
            total_timeout=self.total_timeout,
            max_redirects=self.max_redirects,
            user_agent=self.user_agent,
        )

    def to_dict(self) -> dict:
        data = asdict(self)
        data.pop("user_agent")
        return data

    def with_(self, **changes: Any) -> FetchSettings:
        """A copy with the given values changed (None means "keep")."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})
