"""Hostile web servers for `workbench fetch`: each case is a page that misbehaves.

A case installs its routes on the test's ``HostileServer``, names the path to cite as
evidence, and says how the capture must end (``captured``, ``failed`` or ``either``)
and, for failures, words the recorded error must contain.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tests.reliability import harness, servers
from workbench.evidence.settings import FetchSettings

# The project's fetch settings in these cases: short, so a case ends in seconds.
LIMITS = FetchSettings(
    total_timeout=3, read_timeout=1, connect_timeout=1, max_bytes=1024 * 1024, max_redirects=5
)


@dataclass(frozen=True)
class Case:
    name: str
    expect: str  # "captured", "failed" or "either"
    routes: Callable[[], dict[str, servers.Behaviour]]
    path: str = "/"
    words: tuple[str, ...] = field(default_factory=tuple)
    kind: str = ""


def all_cases() -> list[Case]:
    s = servers
    cases: list[Case] = []

    def add(name, expect, routes, path="/", words=(), kind=""):
        cases.append(Case(name, expect, routes, path, tuple(words), kind))

    add(
        "drip-headers",
        "failed",
        lambda: {"/": s.drip_headers(0.2)},
        words=["whole fetch took longer than 3 s"],
        kind="slow drip",
    )
    add(
        "drip-body",
        "failed",
        lambda: {"/": s.drip_body(0.2)},
        words=["whole fetch took longer than 3 s"],
        kind="slow drip",
    )
    add(
        "silent",
        "failed",
        lambda: {"/": s.silent},
        words=["sent nothing for 1 s"],
        kind="slow drip",
    )
    add("infinite-chunked", "captured", lambda: {"/": s.infinite(True)}, kind="infinite body")
    add("infinite-unsized", "captured", lambda: {"/": s.infinite(False)}, kind="infinite body")
    add("gzip-bomb-256mb", "captured", lambda: {"/": s.bomb("gzip", 256)}, kind="bomb")
    add("deflate-bomb-256mb", "captured", lambda: {"/": s.bomb("deflate", 256)}, kind="bomb")
    add("gzip-bomb-2gb", "captured", lambda: {"/": s.bomb("gzip", 2048)}, kind="bomb")
    add(
        "redirect-loop",
        "failed",
        lambda: {"/": s.redirect("/")},
        words=["too many redirects"],
        kind="redirect loop",
    )
    add(
        "redirect-chain",
        "failed",
        lambda: {"/chain/": s.redirect_chain},
        path="/chain/0",
        words=["too many redirects"],
        kind="redirect loop",
    )
    add(
        "redirect-credentials",
        "failed",
        lambda: {"/": s.redirect("http://u:p@127.0.0.1:{port}/x")},
        words=["user name or password"],
        kind="redirect loop",
    )
    for target in (
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,<b>x</b>",
        "ftp://127.0.0.1/x",
    ):
        add(
            f"redirect-to-{target.split(':')[0]}",
            "failed",
            lambda t=target: {"/": s.redirect(t)},
            words=["not a web page"],
            kind="redirect loop",
        )
    add(
        "redirect-scheme-relative",
        "failed",
        lambda: {"/": s.redirect("//127.0.0.1:9/x")},
        words=["127.0.0.1:9"],
        kind="redirect loop",
    )
    add("reset", "failed", lambda: {"/": s.reset}, kind="broken")
    for seed in range(3):
        add(f"garbage-{seed}", "failed", lambda seed=seed: {"/": s.garbage(seed)}, kind="broken")
    add("many-headers", "failed", lambda: {"/": s.many_headers}, kind="broken")
    add(
        "binary",
        "failed",
        lambda: {"/": s.ok(b"\x89PNG\r\n" + bytes(5000), content_type="image/png")},
        words=["not text"],
        kind="broken",
    )
    add(
        "binary-as-html",
        "failed",
        lambda: {"/": s.ok(bytes(5000))},
        words=["binary"],
        kind="broken",
    )
    add("not-found", "failed", lambda: {}, words=["HTTP 404"], kind="broken")
    for label in (
        "base64",
        "rot13",
        "hex",
        "zlib",
        "idna",
        "utf-7",
        "unicode_escape",
        "bz2",
        "x-nonsense",
        "utf-32",
    ):
        for where in ("meta", "header"):
            add(
                f"charset-{label}-{where}",
                "captured",
                lambda label=label, where=where: {"/": s.charset_page(label, where)},
                kind="odd charset",
            )
    for kind in ("attr", "comment", "tag", "nested", "end", "lt"):
        add(
            f"html-{kind}-1mb",
            "captured",
            lambda kind=kind: {"/": s.quadratic_html(kind, 1_000_000)},
            kind="odd HTML",
        )
    return cases


def sample(cases: list[Case]) -> list[Case]:
    """CI's fixed sample: the first case of each kind, and the ones the issue reported."""
    chosen = harness.first_of_each_kind(cases)
    reported = {
        "drip-headers",
        "redirect-credentials",
        "redirect-scheme-relative",
        "charset-idna-header",
        "charset-base64-meta",
        "html-attr-1mb",
    }
    return chosen + [c for c in cases if c.name in reported and c not in chosen]
