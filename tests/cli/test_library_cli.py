"""``workbench library ...`` and ``workbench eval-matching`` as a user runs them."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_project_cli import assert_one_line_error, run
from workbench import ops
from workbench.store import ProjectStore


@pytest.fixture
def rated(tmp_path, seed_project):
    """A project with claim 2 rated False (made in-process: the commands under test are
    the library's)."""
    with ProjectStore.open(seed_project) as store:
        store.settings.set("organisation", {"name": "Desk"})
        store.settings.set("review_base_url", "https://desk.example/c/{id}")
        store.claims.update(2, verdict="False", rationale="No. Really.")
    return seed_project


def test_import_list_match_export_remove(tmp_path, seed_path, rated):
    lib = ["library", "--library", tmp_path / "lib.sqlite"]
    checks = tmp_path / "checks.json"
    checks.write_text(
        json.dumps(
            [
                {
                    "@type": "ClaimReview",
                    "url": "https://x.example/1",
                    "claimReviewed": "Bananas cure the common cold.",
                    "reviewRating": {"alternateName": "False"},
                }
            ]
        ),
        encoding="utf-8",
    )
    imported = run(*lib, "import", checks, rated, "--index")
    assert imported.returncode == 0, imported.stderr
    assert "checks: 1 review read (claimreview); 1 added" in imported.stdout
    assert "project " in imported.stdout and "1 added" in imported.stdout
    listed = run(*lib, "list", "--json")
    assert {s["name"] for s in json.loads(listed.stdout)} == {"checks", f"project:{rated}"}
    other = tmp_path / "other.fcw"
    ops.new_project(other, seed_path).close()
    matched = run(*lib, "match", other, "--claim", 2, "--json")
    assert matched.returncode == 0, matched.stderr
    (result,) = json.loads(matched.stdout)
    best = result["matches"][0]
    assert (best["url"], best["verdict"], best["strong"]) == (
        "https://desk.example/c/2",
        "False",
        True,
    )
    text = run(*lib, "match", "--text", "bananas cure colds")
    assert "Bananas cure the common cold." in text.stdout
    out = tmp_path / "lib.jsonld"
    exported = run(*lib, "export", "-o", out)
    assert exported.stdout.strip() == f"wrote {out}: 2 ClaimReviews"
    stats = json.loads(run(*lib, "stats", "--json").stdout)
    assert (stats["reviews"], stats["with_vectors"], stats["projects"]) == (2, 2, 1)
    removed = run(*lib, "remove", "checks")
    assert removed.stdout.strip() == "removed checks: 1 reviews"
    theirs = ["library", "--library", tmp_path / "theirs.sqlite"]
    assert "2 added" in run(*theirs, "import", out).stdout


def test_bad_input_is_one_line_and_changes_nothing(tmp_path):
    lib = ["library", "--library", tmp_path / "lib.sqlite"]
    bad = tmp_path / "bad.jsonld"
    bad.write_text("{not json", encoding="utf-8")
    assert "bad.jsonld: not valid JSON" in assert_one_line_error(run(*lib, "import", bad))
    assert "no such file" in assert_one_line_error(run(*lib, "import", tmp_path / "none.csv"))
    assert "no source 'x'" in assert_one_line_error(run(*lib, "remove", "x"))
    assert "--map" in assert_one_line_error(run(*lib, "import", bad, "--map", "claim"))
    assert "give a PROJECT" in assert_one_line_error(run(*lib, "match"))
    assert json.loads(run(*lib, "stats", "--json").stdout)["reviews"] == 0
    newer = tmp_path / "project.fcw"
    newer.write_bytes(b"not a library")
    assert "not a SQLite file" in assert_one_line_error(run("library", "--library", newer, "stats"))
    assert newer.read_bytes() == b"not a library"


def test_eval_matching_on_a_small_split(tmp_path):
    folder = tmp_path / "task" / "dev"
    folder.mkdir(parents=True)
    (tmp_path / "task" / "verified_claims.docs.tsv").write_text(
        "\tvclaim\ttitle\n0\tObama released 122 Guantanamo detainees.\tGuantanamo\n"
        "1\tThe moon landing was staged in a studio.\tMoon hoax\n"
        "2\tA shark swam on a flooded highway in Houston.\tHighway shark\n",
        encoding="utf-8",
    )
    (folder / "q.tsv").write_text(
        "\ttweet_content\n1\tSHARK on the highway in Houston!! "
        "pic.twitter.com/x\n2\tmoon landing staged, wake up\n",
        encoding="utf-8",
    )
    (folder / "q.qrels").write_text("1\t0\t2\t1\n2\t0\t1\t1\n", encoding="utf-8")
    done = run("eval-matching", folder / "q.tsv", folder / "q.qrels", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert (result["map@5"], result["mrr"], result["p@1"], result["queries"]) == (1, 1, 1, 2)
    assert result["queries_per_second"] > 0
    plain = run("eval-matching", folder / "q.tsv", folder / "q.qrels", "--mode", "bm25")
    assert plain.stdout.startswith("MAP@5 1.0000  MRR 1.0000  P@1 1.0000  (2 queries")
    (folder / "bad.qrels").write_text("1 0 2\n", encoding="utf-8")
    assert "not 'QUERY 0 DOCUMENT RELEVANCE'" in assert_one_line_error(
        run("eval-matching", folder / "q.tsv", folder / "bad.qrels")
    )


def test_a_verdict_given_on_the_command_line_reaches_the_library(tmp_path, seed_project):
    """As in the window: the user's library holds the project's rated claims after each
    command-line edit (verdict, scale, settings); --no-library leaves it alone."""
    lib = tmp_path / "lib.sqlite"
    rated = run("verdict", seed_project, "--claim", 2, "--label", "false", "--library", lib)
    assert rated.returncode == 0, rated.stderr
    assert rated.stderr == ""
    listed = run("library", "--library", lib, "list", "--json")
    assert [s["name"] for s in json.loads(listed.stdout)] == [f"project:{seed_project}"]
    matched = run("library", "--library", lib, "match", "--text", claim_text(seed_project, 2))
    assert "False" in matched.stdout, matched.stdout
    renamed = run("scale", seed_project, "--rename", "False", "Wrong", "--library", lib)
    assert renamed.returncode == 0, renamed.stderr
    exported = tmp_path / "lib.jsonld"
    assert run("library", "--library", lib, "export", "-o", exported).returncode == 0
    ratings = [
        r["reviewRating"]["alternateName"] for r in json.loads(exported.read_text())["@graph"]
    ]
    assert ratings == ["Wrong"]
    untouched = run(
        "verdict", seed_project, "--claim", 3, "--label", "true", "--library", lib, "--no-library"
    )
    assert untouched.returncode == 0, untouched.stderr
    assert json.loads(run("library", "--library", lib, "stats", "--json").stdout)["reviews"] == 1
    cleared = run("verdict", seed_project, "--claim", 2, "--label", "", "--library", lib)
    assert cleared.returncode == 0, cleared.stderr
    # claim 3 (rated with --no-library) arrives with the next edit; claim 2 has left
    exported_again = run("library", "--library", lib, "export", "-o", exported)
    assert exported_again.stdout.strip() == f"wrote {exported}: 1 ClaimReviews"
    assert claim_text(seed_project, 3) in exported.read_text()


def test_a_library_that_cannot_be_opened_does_not_stop_a_verdict(tmp_path, seed_project):
    broken = tmp_path / "lib.sqlite"
    broken.write_bytes(b"not a library")
    rated = run("verdict", seed_project, "--claim", 2, "--label", "false", "--library", broken)
    assert rated.returncode == 0, rated.stderr
    assert rated.stdout.startswith("claim 2: False")
    (note,) = rated.stderr.splitlines()
    assert note.startswith("note: the fact-check library was not updated: ")
    assert "not a SQLite file" in note
    assert broken.read_bytes() == b"not a library"
    with ProjectStore.open(seed_project, readonly=True) as store:
        assert store.claims.get(2).verdict == "False"


def claim_text(project, claim_id):
    with ProjectStore.open(project, readonly=True) as store:
        return store.claims.get(claim_id).text
