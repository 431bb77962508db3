"""Odd articles: `workbench extract` succeeds or refuses in one line, within time and memory;
`workbench new` on a refused article creates no file at all."""

from __future__ import annotations

from tests.reliability import harness


def test_odd_article(article_case, tmp_path, record):
    folder = tmp_path / "case"
    folder.mkdir()
    path = article_case.make(folder)
    before = harness.folder_state(folder)
    outcome = harness.run("extract", str(path), "--json", timeout=180)
    problems = harness.check_contract(outcome, memory_mb=1024)
    expected = {"refuse": 1, "accept": 0}.get(article_case.expect)
    if expected is not None and outcome.status != expected:
        problems.append(f"expected exit status {expected}")
    modified = harness.folder_state(folder) != before
    if modified:
        problems.append("the article's folder changed")
    record("articles", article_case.name, outcome, problems, modified)
    assert not problems, f"{outcome.describe()}: {problems}"
    if outcome.status == 1:
        projects = tmp_path / "projects"
        projects.mkdir()
        made = harness.run("new", str(projects / "p.fcw"), "--article", str(path), timeout=180)
        problems = harness.check_contract(made, memory_mb=1024)
        if made.status != 1 or list(projects.iterdir()):
            problems.append(f"left {sorted(p.name for p in projects.iterdir())}")
        record("articles", article_case.name, made, problems, False)
        assert not problems, f"{made.describe()}: {problems}"
