"""The reliability suite: generated damaged projects, odd articles and hostile servers.

CI runs a fixed sample of the cases; ``--full`` (or ``WORKBENCH_RELIABILITY=full``) runs
them all. Every case's outcome is collected and summed up at the end of the run (cases,
crashes, hangs, files modified, peak memory), and written as JSON to the file named by
``WORKBENCH_RELIABILITY_REPORT`` if set.
"""

from __future__ import annotations

import json
import os
from collections import Counter

import pytest

from tests.reliability import articles, projects, servers

RESULTS: list[dict] = []


def full_run(config) -> bool:
    return bool(config.getoption("--full")) or os.environ.get("WORKBENCH_RELIABILITY") == "full"


def pytest_generate_tests(metafunc):
    full = full_run(metafunc.config)
    for name, module in (("project_case", projects), ("article_case", articles)):
        if name in metafunc.fixturenames:
            cases = module.all_cases()
            chosen = cases if full else module.sample(cases)
            metafunc.parametrize(name, chosen, ids=[c.name for c in chosen])
    if "server_case" in metafunc.fixturenames:
        from tests.reliability import hostile

        cases = hostile.all_cases()
        chosen = cases if full else hostile.sample(cases)
        metafunc.parametrize("server_case", chosen, ids=[c.name for c in chosen])


@pytest.fixture(scope="session")
def full(request) -> bool:
    return full_run(request.config)


@pytest.fixture(scope="session")
def base_project(tmp_path_factory):
    from tests.conftest import SEED

    return projects.build_base(tmp_path_factory.mktemp("base"), SEED)


@pytest.fixture
def hostile_server():
    server = servers.HostileServer().start()
    yield server
    server.stop()


@pytest.fixture
def record():
    """Add one command's outcome to the run's figures."""

    def add(suite: str, case: str, outcome, problems: list[str], modified: bool) -> None:
        RESULTS.append(
            {
                "suite": suite,
                "case": case,
                "command": outcome.args[0],
                "status": outcome.status,
                "seconds": round(outcome.seconds, 2),
                "peak_mb": round(outcome.peak_mb, 1),
                "problems": problems,
                "modified": modified,
            }
        )

    return add


def summary() -> dict:
    by_suite = Counter(r["suite"] for r in RESULTS)
    cases = {(r["suite"], r["case"]) for r in RESULTS}
    return {
        "cases": len(cases),
        "commands": len(RESULTS),
        "by_suite": {suite: len({c for s, c in cases if s == suite}) for suite in by_suite},
        "succeeded": sum(r["status"] == 0 for r in RESULTS),
        "refused": sum(r["status"] == 1 for r in RESULTS),
        "crashes": sum(r["status"] not in (0, 1, None) for r in RESULTS),
        "hangs": sum(r["status"] is None for r in RESULTS),
        "files_modified": sum(r["modified"] for r in RESULTS),
        "contract_broken": sum(bool(r["problems"]) for r in RESULTS),
        "peak_mb": max((r["peak_mb"] for r in RESULTS), default=0),
        "slowest_s": max((r["seconds"] for r in RESULTS), default=0),
    }


def pytest_terminal_summary(terminalreporter):
    if not RESULTS:
        return
    figures = summary()
    terminalreporter.write_sep("-", "reliability")
    suites = ", ".join(f"{suite} {n}" for suite, n in figures["by_suite"].items())
    terminalreporter.write_line(
        f"{figures['cases']} cases ({suites}), "
        f"{figures['commands']} commands: {figures['succeeded']} succeeded, {figures['refused']} "
        f"refused in one line; crashes {figures['crashes']}, hangs {figures['hangs']}, files "
        f"modified {figures['files_modified']}, peak memory {figures['peak_mb']:.0f} MB, "
        f"slowest {figures['slowest_s']:.1f} s"
    )
    report = os.environ.get("WORKBENCH_RELIABILITY_REPORT")
    if report:
        with open(report, "w", encoding="utf-8") as handle:
            json.dump({"summary": figures, "results": RESULTS}, handle, indent=1)
