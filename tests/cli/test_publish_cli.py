"""verdict, scale, settings, import and export, run as a user runs them."""

from __future__ import annotations

import csv
import json

import pytest

from tests.cli.test_project_cli import assert_one_line_error, run
from tests.io.pages import news_page, write_docx, write_page
from workbench.store import ProjectStore


@pytest.fixture
def project(tmp_path, seed_path):
    path = tmp_path / "p.fcw"
    assert run("new", path, "--article", seed_path).returncode == 0
    return path


def test_verdict_then_claimreview_names_what_was_left_out(project, tmp_path):
    with ProjectStore.open(project, readonly=True) as store:
        claims = store.claims.all()
    done = run(
        "verdict",
        project,
        "--claim",
        claims[0].id,
        "--label",
        "mostly FALSE",
        "--rationale",
        "Two million rounds is the ministry's figure, not one.",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"claim {claims[0].id}: Mostly False, new"
    out = tmp_path / "reviews.jsonld"
    exported = run("export", project, "--format", "claimreview", "-o", out)
    assert exported.returncode == 0, exported.stderr
    # Published reviews are the claims marked done; this one is rated but still new.
    assert "0 ClaimReviews of the claims marked done" in exported.stdout
    assert "1 claim rated but not done (--all-claims includes them)" in exported.stdout
    assert json.loads(out.read_text(encoding="utf-8"))["@graph"] == []
    exported = run("export", project, "--format", "claimreview", "-o", out, "--all-claims")
    assert exported.returncode == 0, exported.stderr
    assert "1 ClaimReview of every rated claim, done or not (--all-claims)" in exported.stdout
    assert f"{len(claims) - 1} claims without a verdict" in exported.stdout
    (review,) = json.loads(out.read_text(encoding="utf-8"))["@graph"]
    assert review["reviewRating"]["alternateName"] == "Mostly False"


def test_unknown_label_lists_the_valid_ones_and_changes_nothing(project):
    before = project.read_bytes()
    result = run("verdict", project, "--claim", 1, "--label", "Pants on Fire")
    line = assert_one_line_error(result)
    assert "valid: True, Mostly True, Mixture, Mostly False, False, Misleading, Unproven" in line
    assert project.read_bytes() == before


def test_done_is_refused_with_the_missing_list_until_settings_allow_it(project):
    result = run("verdict", project, "--claim", 1, "--label", "False", "--status", "done")
    line = assert_one_line_error(result)
    assert line.endswith("cannot be marked done; missing: a rationale; 1 evidence item")
    assert (
        run("settings", project, "--min-evidence", "0", "--require-rationale", "off").returncode
        == 0
    )
    ok = run("verdict", project, "--claim", 1, "--label", "False", "--status", "done")
    assert ok.returncode == 0 and ok.stdout.strip() == "claim 1: False, done"
    shown = json.loads(run("settings", project, "--json").stdout)
    assert shown["done_checks"] == {
        "require_verdict": True,
        "require_rationale": False,
        "min_evidence": 0,
    }


def test_scale_rename_and_refused_delete(project):
    run("verdict", project, "--claim", 2, "--label", "misleading")
    refused = run("scale", project, "--delete", "Misleading")
    assert "used by 1 claim (2); move them" in assert_one_line_error(refused)
    renamed = run("scale", project, "--rename", "misleading", "Missing context")
    assert renamed.returncode == 0 and "on 1 claims" in renamed.stdout
    with ProjectStore.open(project, readonly=True) as store:
        assert store.claims.get(2).verdict == "Missing context"
    moved = run("scale", project, "--delete", "Missing context", "--move-to", "false")
    assert moved.returncode == 0 and "moved 1 claims" in moved.stdout
    listing = json.loads(run("scale", project, "--json").stdout)
    assert "Missing context" not in [label["name"] for label in listing["labels"]]
    assert listing["usage"] == {"False": 1}


def test_new_with_a_preset_scale(tmp_path, seed_path):
    path = tmp_path / "pf.fcw"
    assert run("new", path, "--article", seed_path, "--scale", "politifact").returncode == 0
    assert run("verdict", path, "--claim", 1, "--label", "pants on fire").returncode == 0
    bad = run("new", tmp_path / "x.fcw", "--article", seed_path, "--scale", "nope")
    assert "presets: check, conclusion-only, default, politifact, snopes" in assert_one_line_error(
        bad
    )


def test_import_html_and_docx_then_csv(project, tmp_path):
    page = write_page(tmp_path / "budget.html", news_page())
    imported = run("import", project, page)
    assert imported.returncode == 0, imported.stderr
    assert "imported article 2 'City budget rose by 12 percent, mayor says'" in imported.stdout
    doc = write_docx(
        tmp_path / "memo.docx",
        title="Memo",
        author="A. B.",
        heading="Memo",
        paragraphs=["The minister said 40,000 homes were built in 2023, a record."],
    )
    assert run("import", project, doc).returncode == 0
    again = run("import", project, page)
    assert "already in the project, unchanged" in again.stdout
    out = tmp_path / "claims.csv"
    assert run("export", project, "-f", "csv", "-o", out).returncode == 0
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with ProjectStore.open(project, readonly=True) as store:
        assert len(rows) == len(store.claims.all())
        assert [a.title for a in store.articles.all()] == [
            "North Korea Will Send Troops to Ukraine",
            "City budget rose by 12 percent, mayor says",
            "Memo",
        ]
    assert {r["article"] for r in rows} >= {"City budget rose by 12 percent, mayor says"}


def test_import_refusals_are_one_line_and_leave_the_project_alone(project, tmp_path):
    before = project.read_bytes()
    missing = run("import", project, tmp_path / "nope.html")
    assert "nope.html: no such file" in assert_one_line_error(missing)
    offline = run("import", project, "http://127.0.0.1:9/article")
    assert "offline" in assert_one_line_error(offline)
    assert project.read_bytes() == before


def test_pdf_from_the_command_line_without_a_display(project, tmp_path):
    out = tmp_path / "report.pdf"
    result = run("export", project, "--format", "pdf", "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:5] == b"%PDF-"


def test_conclusion_only_project_rates_by_its_written_conclusion(tmp_path, seed_path):
    path = tmp_path / "ff.fcw"
    assert run("new", path, "--article", seed_path, "--scale", "conclusion-only").returncode == 0
    refused = run("verdict", path, "--claim", 1, "--label", "False")
    assert "has no labels: the rationale is the verdict" in assert_one_line_error(refused)
    run("settings", path, "--min-evidence", "0")
    ok = run(
        "verdict",
        path,
        "--claim",
        1,
        "--status",
        "done",
        "--rationale",
        "Wrong: he said nothing of the kind. The transcript shows it.",
    )
    assert ok.stdout.strip() == "claim 1: “Wrong: he said nothing of the kind.”, done"
