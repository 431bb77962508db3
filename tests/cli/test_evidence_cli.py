"""``workbench evidence``, ``fetch`` and ``export``, run as a user runs them, against 127.0.0.1."""

from __future__ import annotations

import hashlib
import json
import re

from tests.cli.test_project_cli import assert_one_line_error, run
from tests.localsite import closed_port_url, html


def file_bytes(path):
    return path.read_bytes()


def test_add_fetch_export_show_the_capture(tmp_path, seed_project, site):
    page = html("Pentagon briefing – 12 000 troops", "<p>Transcript.</p>").encode("utf-8")
    url = site.add("/briefing", page)
    dead = closed_port_url()
    added = run(
        "evidence",
        "add",
        seed_project,
        "--claim",
        1,
        url,
        "--stance",
        "supports",
        "--note",
        "official transcript",
    )
    assert added.returncode == 0, added.stderr
    assert "pending" in added.stdout
    assert run("evidence", "add", seed_project, "--claim", 2, dead).returncode == 0
    pending = json.loads(run("evidence", "list", seed_project, "--json").stdout)
    assert [e["status"] for e in pending] == ["pending", "pending"]

    fetched = run("fetch", seed_project)
    assert fetched.returncode == 0, fetched.stderr  # it ran, though one page failed
    lines = fetched.stdout.strip().splitlines()
    assert len(lines) == 2  # one line per URL
    digest = hashlib.sha256(page).hexdigest()
    assert f"captured  200  {digest}  {url}  “Pentagon briefing – 12 000 troops”" in lines
    assert any(line.startswith(f"failed    {dead}  refused:") for line in lines)
    assert "1 captured, 1 failed" in fetched.stderr

    out = tmp_path / "export.json"
    exported = run("export", seed_project, "--format", "json", "-o", out)
    assert exported.returncode == 0, exported.stderr
    claims = {c["id"]: c for c in json.loads(out.read_text("utf-8"))["articles"][0]["claims"]}
    (good,) = claims[1]["evidence"]
    assert {
        k: good[k]
        for k in ("url", "final_url", "title", "http_status", "sha256", "stance", "note", "error")
    } == {
        "url": url,
        "final_url": url,
        "title": "Pentagon briefing – 12 000 troops",
        "http_status": 200,
        "sha256": digest,
        "stance": "supports",
        "note": "official transcript",
        "error": None,
    }
    assert good["content_type"] == "text/html; charset=utf-8"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", good["retrieved_at"])
    stamp = re.sub(r"\D", "", good["retrieved_at"])
    assert good["archive_url"] == f"https://web.archive.org/web/{stamp}/{url}"
    (bad,) = claims[2]["evidence"]
    assert bad["sha256"] is None and bad["error"].startswith("refused: nothing at 127.0.0.1")
    assert bad["status"] == "failed"
    for claim in claims.values():
        assert {
            "id",
            "text",
            "start",
            "end",
            "score",
            "reasons",
            "claimant",
            "status",
            "verdict",
            "rationale",
            "evidence",
        } <= set(claim)

    # Only what still needs a capture is fetched again.
    again = run("fetch", seed_project)
    assert again.returncode == 0
    failed_lines = [line for line in lines if line.startswith("failed")]
    assert again.stdout.strip().splitlines() == failed_lines
    assert len(site.requests["/briefing"]) == 1


def test_refused_urls_leave_the_project_untouched(seed_project):
    before = file_bytes(seed_project)
    for bad in (
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,hi",
        "http://",
        "not a url",
    ):
        result = run("evidence", "add", seed_project, "--claim", 1, bad)
        line = assert_one_line_error(result)
        assert result.returncode == 1
        if bad.startswith("file"):
            assert line == (
                "workbench: error: only http and https URLs can be evidence "
                "(file: refused): 'file:///etc/passwd'"
            )
    assert file_bytes(seed_project) == before


def test_same_url_twice_on_a_claim_is_refused(seed_project):
    url = "https://example.org/r"
    assert run("evidence", "add", seed_project, "--claim", 1, url).returncode == 0
    line = assert_one_line_error(
        run("evidence", "add", seed_project, "--claim", 1, "HTTPS://EXAMPLE.org/r")
    )
    assert line == "workbench: error: claim 1 already cites https://example.org/r"
    assert run("evidence", "add", seed_project, "--claim", 2, url).returncode == 0


def test_wrong_claim_and_stance_are_one_line_errors(seed_project):
    assert "no claim with id 999" in assert_one_line_error(
        run("evidence", "add", seed_project, "--claim", 999, "https://example.org/")
    )
    result = run(
        "evidence", "add", seed_project, "--claim", 1, "https://example.org/", "--stance", "maybe"
    )
    assert result.returncode == 2 and "invalid choice" in result.stderr  # argparse usage error
    assert_one_line_error(run("fetch", seed_project, "--claim", 999))
    assert_one_line_error(run("evidence", "list", seed_project, "--claim", 999))


def test_list_text_and_claim_filter(seed_project, site):
    url = site.add("/x", html("X marks"))
    run("evidence", "add", seed_project, "--claim", 3, url, "--note", "n")
    run("fetch", seed_project, "--claim", 3)
    text = run("evidence", "list", seed_project, "--claim", 3)
    assert text.returncode == 0
    assert "captured, HTTP 200" in text.stdout and "“X marks”" in text.stdout
    assert "archive https://web.archive.org/web/" in text.stdout
    empty = run("evidence", "list", seed_project, "--claim", 4)
    assert empty.stdout.strip() == "no evidence on claim 4"
    nothing = run("fetch", seed_project)
    assert nothing.returncode == 0 and nothing.stdout == ""
    assert "nothing to fetch" in nothing.stderr


def test_fetch_again_keeps_a_new_version_and_the_size_cap_applies(seed_project, site):
    body = html("Big", "<p>" + "a" * 300_000 + "</p>").encode()
    url = site.add("/big", body)
    run("evidence", "add", seed_project, "--claim", 1, url)
    settings = run("evidence", "settings", seed_project, "--max-mb", "0.125")
    assert settings.returncode == 0 and "max size    128 KB" in settings.stdout
    assert (
        "[too large: only the first 128 KB were kept (the page is 293 KB)]"
        in run("fetch", seed_project).stdout
    )
    again = run("fetch", seed_project, "--again")
    assert again.returncode == 0 and "captured" in again.stdout
    (item,) = json.loads(run("evidence", "list", seed_project, "--json").stdout)
    assert item["truncated"] is True and item["versions"] == 2
    assert item["sha256"] == hashlib.sha256(body[: 128 * 1024]).hexdigest()
    assert item["error"].startswith("too large: only the first 128 KB were kept")
    assert run("evidence", "settings", seed_project, "--reset").returncode == 0


def test_remove(seed_project):
    run("evidence", "add", seed_project, "--claim", 1, "https://example.org/gone")
    removed = run("evidence", "remove", seed_project, "1")
    assert removed.returncode == 0 and "removed evidence 1" in removed.stdout
    again = run("evidence", "remove", seed_project, "1")
    assert "no evidence with id 1" in assert_one_line_error(again)


def test_bad_settings_and_a_read_only_file_are_refused_before_any_download(seed_project, site):
    url = site.add("/never", html("Never fetched"))
    run("evidence", "add", seed_project, "--claim", 1, url)
    line = assert_one_line_error(run("evidence", "settings", seed_project, "--max-mb", "0"))
    assert line == "workbench: error: fetch setting out of range: max_bytes"
    seed_project.chmod(0o444)
    try:
        before = file_bytes(seed_project)
        assert "read-only" in assert_one_line_error(run("fetch", seed_project))
        assert file_bytes(seed_project) == before
    finally:
        seed_project.chmod(0o644)
    assert "/never" not in site.requests
