"""``workbench workshop``, run as a trainer runs it: a real process, real files."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from tests.cli_runner import run_workbench
from workbench.core.models import Article, Claim
from workbench.presets import load_preset
from workbench.store import ProjectStore

TEXT = "A Workshop Article\n\n" + " ".join(
    f"Claim number {i} says the budget grew by {i * 7} percent in {1990 + i}." for i in range(8)
)
KEY = ["True", "Mostly True", "Mixture", "Mostly False", "False", "Misleading", "True", "False"]
RATINGS = {
    "Ana": ["True", "Mostly True", "Mixture", "False", "False", "Misleading", "True", "False"],
    "Ben": [
        "Mostly True",
        "Mostly True",
        "Mostly False",
        "Mostly False",
        "False",
        "Unproven",
        "True",
        None,
    ],  # one claim left unrated
    "Cleo": [
        "True",
        "Mixture",
        "Mixture",
        "Mostly False",
        "Mostly False",
        "Misleading",
        "Mostly True",
        "False",
    ],
}


run = run_workbench


def one_line_error(result):
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("workbench: error: "), result.stderr
    return lines[0]


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def key(tmp_path):
    """A key rated with the default scale, each claim with a rationale of the trainer's."""
    sentences = TEXT.split("\n\n")[1].split(". ")

    def setup(store):
        article = store.articles.add(Article(title="A Workshop Article", text=TEXT))
        for sentence, verdict in zip(sentences, KEY):
            start = TEXT.index(sentence)
            claim = store.claims.add(
                Claim(article_id=article.id, start=start, end=start + len(sentence), quote="")
            )
            store.evidence.add(claim.id, "https://example.org/okapiwhistle-report", "supports")
            store.claims.set_verdict(
                claim.id,
                verdict,
                rationale=f"Trainer rationale {claim.id} citing the Okapiwhistle report",
                status="done",
            )

    path = tmp_path / "KEY.fcw"
    ProjectStore.create(path, scale=load_preset(), setup=setup).close()
    return path


def participants(exercise, folder):
    files = []
    for name, ratings in RATINGS.items():
        path = folder / f"{name}.fcw"
        shutil.copy2(exercise, path)
        with ProjectStore.open(path) as store:
            store.settings.set("workshop_participant", name)
            for claim, verdict in zip(store.claims.all(), ratings):
                if verdict:
                    store.claims.set_verdict(claim.id, verdict)
        files.append(path)
    return files


def test_pack_then_compare_json_matches_an_independent_alpha(key, tmp_path):
    krippendorff = pytest.importorskip("krippendorff")
    np = pytest.importorskip("numpy")
    exercise = tmp_path / "EXERCISE.fcw"
    before = digest(key)
    packed = run("workshop", "pack", key, "-o", exercise)
    assert packed.returncode == 0, packed.stderr
    assert "8 claims" in packed.stdout and digest(key) == before
    data = exercise.read_bytes()
    assert b"Okapiwhistle" not in data and b"okapiwhistle" not in data
    assert b"Trainer rationale" not in data
    files = participants(exercise, tmp_path)

    result = run("workshop", "compare", *files, "--key", key, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {"krippendorff_alpha", "fleiss_kappa", "claims", "participants"} <= set(report)
    labels = report["labels"]
    matrix = np.array(
        [
            [np.nan if r is None else labels.index(r) for r in ratings]
            for ratings in RATINGS.values()
        ],
        dtype=float,
    )
    expected = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
    assert report["krippendorff_alpha"]["nominal"] == pytest.approx(expected, abs=1e-6)
    order = report["ordinal_labels"]
    ordinal = np.array(
        [
            [np.nan if r not in order else order.index(r) for r in ratings]
            for ratings in RATINGS.values()
        ],
        dtype=float,
    )
    expected_ordinal = krippendorff.alpha(
        reliability_data=ordinal,
        level_of_measurement="ordinal",
        value_domain=list(range(len(order))),
    )
    assert report["krippendorff_alpha"]["ordinal"] == pytest.approx(expected_ordinal, abs=1e-6)
    people = {p["name"]: p for p in report["participants"]}
    assert people["Ana"]["exact"] == pytest.approx(7 / 8)
    assert people["Ben"]["verdicts"] == 7 and people["Ben"]["compared"] == 7
    assert len(report["claims"]) == 8
    disagreement = [c["disagreement"] for c in report["claims"]]
    assert disagreement == sorted(disagreement, reverse=True)


def test_compare_text_and_html_report(key, tmp_path):
    exercise = tmp_path / "EXERCISE.fcw"
    run("workshop", "pack", key, "-o", exercise)
    files = participants(exercise, tmp_path)
    out = tmp_path / "report.html"
    result = run("workshop", "compare", *files, "--key", key, "--report", out)
    assert result.returncode == 0, result.stderr
    assert "Krippendorff's alpha" in result.stdout and "Ben: 7/8 rated" in result.stdout
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "Cleo" in html
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    hidden = tmp_path / "hidden.html"
    assert run("workshop", "compare", *files, "--report", hidden, "--anonymous").returncode == 0
    text = hidden.read_text(encoding="utf-8")
    assert "Cleo" not in text and "Participant 3" in text


def test_workshop_errors_are_one_line_and_leave_files_alone(key, tmp_path):
    exercise = tmp_path / "EXERCISE.fcw"
    run("workshop", "pack", key, "-o", exercise)
    files = participants(exercise, tmp_path)
    other = tmp_path / "OTHER.fcw"
    run("workshop", "pack", key, "-o", other)
    before = {f: digest(f) for f in [*files, other, exercise]}
    assert "another exercise" in one_line_error(run("workshop", "compare", *files, other))
    assert "already exists" in one_line_error(run("workshop", "pack", key, "-o", exercise))
    assert "no such file" in one_line_error(
        run("workshop", "pack", tmp_path / "nope.fcw", "-o", tmp_path / "x.fcw")
    )
    assert {f: digest(f) for f in [*files, other, exercise]} == before
    junk = tmp_path / "junk.fcw"
    junk.write_bytes(b"\x00" * 200)
    skipped = run("workshop", "compare", files[0], junk, "--json")
    assert skipped.returncode == 0 and "warning: skipped junk.fcw" in skipped.stderr


def test_lock_and_merge_commands(key, tmp_path):
    exercise = tmp_path / "EXERCISE.fcw"
    run("workshop", "pack", key, "-o", exercise, "--lock")
    with ProjectStore.open(exercise, readonly=True) as store:
        assert store.settings.get("workshop_locked") is True
    assert run("workshop", "lock", exercise, "--unlock").returncode == 0
    with ProjectStore.open(exercise, readonly=True) as store:
        assert store.settings.get("workshop_locked") is False
    files = participants(exercise, tmp_path)
    merged = run("workshop", "merge", *files, "--into", tmp_path / "CURATION.fcw", "--key", key)
    assert merged.returncode == 0, merged.stderr
    assert "merged Ana, Ben, Cleo" in merged.stdout
