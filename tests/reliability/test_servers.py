"""Hostile web servers: `workbench fetch` ends on time, bounded, with the right record."""

from __future__ import annotations

import shutil

from tests.reliability import harness, hostile
from workbench.evidence.settings import SETTING_KEY
from workbench.store import ProjectStore

CLAIM = 8  # a claim of the base project without evidence


def test_hostile_server(server_case, hostile_server, base_project, tmp_path, record):
    project = tmp_path / "p.fcw"
    shutil.copyfile(base_project, project)
    hostile_server.routes.update(server_case.routes())
    url = hostile_server.url(server_case.path)
    with ProjectStore.open(project) as store:  # set up in-process: only the fetch is tested
        store.settings.set(SETTING_KEY, hostile.LIMITS.to_dict())
        store.evidence.add(CLAIM, url)
    outcome = harness.run("fetch", str(project), "--claim", str(CLAIM), timeout=60)
    problems = harness.check_contract(outcome, memory_mb=1024)
    if outcome.status != 0:
        problems.append("fetch must exit 0 whatever the page does")
    with ProjectStore.open(project, readonly=True) as store:
        items = store.evidence.all(CLAIM)
    item = {"status": items[0].capture_status.value, "error": items[0].error} if items else {}
    status = item.get("status")
    if server_case.expect != "either" and status != server_case.expect:
        problems.append(
            f"recorded {status!r} ({item.get('error')!r}), expected {server_case.expect}"
        )
    for word in server_case.words:
        if word not in (item.get("error") or ""):
            problems.append(f"the error {item.get('error')!r} lacks {word!r}")
    printed = outcome.out.split()[:1]
    if status and printed and printed[0] != status:
        problems.append(f"printed {printed[0]!r} but recorded {status!r}")
    record("servers", server_case.name, outcome, problems, False)
    assert not problems, f"{outcome.describe()}: {problems}"
