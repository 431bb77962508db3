"""The command line, run as a user runs it: a real process, real files."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3

import pytest

from tests.cli_runner import run_workbench
from workbench.cli import build_parser
from workbench.store.migrations import SCHEMA_VERSION

run = run_workbench


def assert_one_line_error(result):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("workbench: error: ")
    return lines[0]


def test_new_then_info_json(tmp_path, seed_path):
    project = tmp_path / "p.fcw"
    created = run("new", project, "--article", seed_path)
    assert created.returncode == 0, created.stderr
    assert "North Korea Will Send Troops to Ukraine" in created.stdout
    info = run("info", project, "--json")
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert data["title"] == "North Korea Will Send Troops to Ukraine"
    assert data["schema_version"] == SCHEMA_VERSION
    assert len(data["articles"]) == 1
    assert data["articles"][0]["claims"] == data["claims"] > 0
    assert data["by_status"] == {"new": data["claims"]}
    assert data["by_verdict"] == {"unrated": data["claims"]}
    assert data["evidence"] == 0
    conn = sqlite3.connect(project)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA user_version").fetchone()[0] >= 1
    conn.close()
    text = run("info", project)
    assert text.returncode == 0 and "claims:" in text.stdout


def test_boilerplate_is_stripped_on_import(tmp_path, seed_path):
    project = tmp_path / "p.fcw"
    run("new", project, "--article", seed_path)
    out = tmp_path / "p.json"
    assert run("export", project, "--format", "json", "-o", out).returncode == 0
    text = json.loads(out.read_text(encoding="utf-8"))["articles"][0]["text"]
    assert text.startswith("North Korea Will Send Troops to Ukraine\n")
    assert "Skip to content" not in text
    assert "Spread the love" not in text
    assert "Kim Jong-Un has declared" in text


@pytest.mark.parametrize(
    "content, expected",
    [
        ("caf\xe9 au lait is cheap.\n".encode("latin-1"), "not UTF-8"),
        (b"", "empty"),
        (b"  \n\n\t \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
    ids=["latin-1", "empty", "whitespace", "binary"],
)
def test_bad_articles_are_refused_and_no_project_is_left(tmp_path, content, expected):
    article = tmp_path / "a.txt"
    article.write_bytes(content)
    result = run("new", tmp_path / "p.fcw", "--article", article)
    assert expected in assert_one_line_error(result)
    assert not (tmp_path / "p.fcw").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_non_utf8_article_imports_with_a_stated_encoding(tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes("Le caf\xe9 co\xfbte 3 euros, selon le minist\xe8re.\n".encode("cp1252"))
    result = run("new", tmp_path / "p.fcw", "--article", article, "--encoding", "cp1252")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "p.json"
    run("export", tmp_path / "p.fcw", "-f", "json", "-o", out)
    assert "Le café coûte 3 euros" in out.read_text(encoding="utf-8")


def test_missing_article_and_existing_project(tmp_path, seed_project, seed_path):
    assert "no such file" in assert_one_line_error(
        run("new", tmp_path / "x.fcw", "--article", tmp_path / "nope.txt")
    )
    before = hashlib.sha256(seed_project.read_bytes()).hexdigest()
    assert "already exists" in assert_one_line_error(
        run("new", seed_project, "--article", seed_path)
    )
    assert hashlib.sha256(seed_project.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("command", ["info", "open", "history", "export"])
def test_newer_version_file_is_refused_by_every_command(seed_project, tmp_path, command):
    conn = sqlite3.connect(seed_project)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = hashlib.sha256(seed_project.read_bytes()).hexdigest()
    extra = ["-f", "json", "-o", tmp_path / "o.json"] if command == "export" else []
    line = assert_one_line_error(run(command, seed_project, *extra))
    assert "newer version" in line
    assert hashlib.sha256(seed_project.read_bytes()).hexdigest() == before
    assert not (tmp_path / "o.json").exists()


def test_random_bytes_file_is_refused_untouched(tmp_path):
    path = tmp_path / "r.fcw"
    path.write_bytes(os.urandom(20000))
    before = path.read_bytes()
    assert "not a Fact-Check Workbench project" in assert_one_line_error(run("info", path))
    assert path.read_bytes() == before


def test_every_command_has_help():
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert {"new", "info", "open", "export", "history", "search"} <= set(commands)
    for name in commands:
        result = run(name, "--help")
        assert result.returncode == 0, name
        assert "usage: workbench" in result.stdout


def test_history_and_search_commands(seed_project):
    from workbench.store import ProjectStore

    with ProjectStore.open(seed_project) as store:
        claim = store.claims.all()[0]
        store.claims.set_verdict(claim.id, "false", rationale="The ministry denied it on Monday")
    history = run("history", seed_project, "--claim", claim.id)
    assert history.returncode == 0
    assert f"claim {claim.id}: changed rationale, verdict" in history.stdout
    found = run("search", seed_project, "ministry", "--json")
    assert [hit["claim"] for hit in json.loads(found.stdout)] == [claim.id]
