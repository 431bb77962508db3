"""Evidence capture: fetch a cited page, fingerprint it, keep what it said.

No Qt and no SQL here: ``fetch`` turns a URL into a ``Capture`` (plus the
compressed body) on any thread; ``CapturePool`` runs many fetches at once and
records them through the store. The window and ``workbench fetch`` share both.
"""

from workbench.core.urls import archive_save_url, archive_url
from workbench.evidence.fetch import FetchResult, describe_error, fetch
from workbench.evidence.pool import CaptureOutcome, CapturePool
from workbench.evidence.settings import SETTING_KEY, FetchSettings
from workbench.web.page import read_page

# fmt: off
__all__ = [
    "SETTING_KEY", "CaptureOutcome", "CapturePool", "FetchResult", "FetchSettings",
    "archive_save_url", "archive_url", "describe_error", "fetch", "read_page",
]
# fmt: on
