"""Evidence work on a whole project: which URLs still need a capture, and capturing them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.evidence.pool import CaptureOutcome, CapturePool
from workbench.evidence.settings import SETTING_KEY, FetchSettings

if TYPE_CHECKING:
    from workbench.store import ProjectStore


def project_settings(store: "ProjectStore") -> FetchSettings:
    """The project's fetch settings (the defaults, changed by its ``fetch`` setting)."""
    return FetchSettings.from_dict(store.settings.get(SETTING_KEY, {}))


def urls_to_fetch(
    store: "ProjectStore", claim_id: int | None = None, *, again: bool = False
) -> list[str]:
    """The distinct URLs to capture: pending or failed (every URL with ``again``)."""
    if claim_id is not None:
        store.claims.get(claim_id)  # NotFoundError for a wrong id
    return store.captures.urls_to_fetch(claim_id, again=again)


def capture_urls(
    project: str | Path,
    urls: list[str],
    settings: FetchSettings,
    on_result: Callable[[CaptureOutcome], None] | None = None,
) -> list[CaptureOutcome]:
    """Capture ``urls`` concurrently into ``project``; every outcome, in completion order."""
    outcomes: list[CaptureOutcome] = []

    def record(outcome: CaptureOutcome) -> None:
        outcomes.append(outcome)
        if on_result is not None:
            on_result(outcome)

    with CapturePool(project, settings, on_result=record) as pool:
        pool.submit(urls)
        pool.wait()
    return outcomes
