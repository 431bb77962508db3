"""Capturing many URLs at once into a project file, and the shared capture of a URL."""

from __future__ import annotations

import hashlib
import sqlite3
import threading

from tests.localsite import closed_port_url, html
from workbench.core.models import CaptureStatus
from workbench.evidence import CapturePool, FetchSettings
from workbench.evidence.project import capture_urls, urls_to_fetch
from workbench.store import ProjectStore


def test_pool_captures_many_urls_into_the_file(store, site):
    claims = store.claims.all()
    urls = [site.add(f"/p{i}", html(f"Page {i}", "<p>x</p>"), delay=0.05) for i in range(24)]
    for i, url in enumerate(urls):
        store.evidence.add(claims[i % len(claims)].id, url)
    bad = closed_port_url()
    store.evidence.add(claims[0].id, bad)
    todo = urls_to_fetch(store)
    assert todo == urls + [bad]
    seen_threads = set()

    def heard(outcome):
        seen_threads.add(threading.current_thread().name)

    outcomes = capture_urls(store.path, todo, FetchSettings(workers=8), on_result=heard)
    assert sorted(o.url for o in outcomes) == sorted(todo)
    assert seen_threads == {"capture-writer"}
    assert all(o.stored for o in outcomes)
    # The window's connection sees what the pool's own connection wrote.
    items = {e.url: e for e in store.evidence.all()}
    for i, url in enumerate(urls):
        body = html(f"Page {i}", "<p>x</p>").encode()
        assert items[url].capture_status is CaptureStatus.CAPTURED
        assert items[url].title == f"Page {i}"
        assert items[url].sha256 == hashlib.sha256(body).hexdigest()
    assert items[bad].capture_status is CaptureStatus.FAILED
    assert items[bad].error.startswith("refused")
    assert urls_to_fetch(store) == [bad]
    assert len(urls_to_fetch(store, again=True)) == 25
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_url_cited_by_several_claims_is_fetched_once(store, site):
    first, second = store.claims.all()[:2]
    url = site.add("/shared", html("Shared"))
    store.evidence.add(first.id, url, "supports")
    store.evidence.add(second.id, url, "refutes")
    assert urls_to_fetch(store) == [url]
    capture_urls(store.path, urls_to_fetch(store), FetchSettings())
    assert len(site.requests["/shared"]) == 1
    a, b = store.evidence.all(first.id)[0], store.evidence.all(second.id)[0]
    assert a.sha256 == b.sha256 != ""
    assert (a.stance.value, b.stance.value) == ("supports", "refutes")


def test_a_url_already_in_flight_is_not_queued_twice(seed_project, site):
    url = site.add("/slowish", html("Slowish"), delay=0.3)
    with CapturePool(seed_project, FetchSettings(workers=2)) as pool:
        assert pool.submit([url]) == [url]
        assert pool.submit([url]) == []
        assert pool.in_flight() == {url}
        assert pool.wait(5)
        assert pool.in_flight() == set()
    assert len(site.requests["/slowish"]) == 1


def test_closing_without_waiting_leaves_the_queue_pending(seed_project, site):
    urls = [site.add(f"/q{i}", html(f"Q{i}"), delay=0.2) for i in range(12)]
    with ProjectStore.open(seed_project) as store:
        claim = store.claims.all()[0]
        for url in urls:
            store.evidence.add(claim.id, url)
    pool = CapturePool(seed_project, FetchSettings(workers=1))
    pool.submit(urls)
    pool.close(wait=False)
    with ProjectStore.open(seed_project) as store:
        left = urls_to_fetch(store)
    assert 0 < len(left) <= len(urls)  # what was not fetched stays pending, nothing is lost
