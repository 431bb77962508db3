"""A successful capture of an evidence URL, as the fetcher records one (for export tests)."""

from __future__ import annotations

from workbench.core.models import Capture, CaptureStatus


def add_good_capture(store, url: str, title: str) -> Capture:
    """Record a 200 capture of ``url`` with a fixed time and SHA-256, so reports are stable."""
    return store.captures.add(
        Capture(
            url=url,
            status=CaptureStatus.CAPTURED,
            final_url=url,
            http_status=200,
            retrieved_at="2024-06-26T09:30:00Z",
            title=title,
            sha256="ab" * 32,
        )
    )
