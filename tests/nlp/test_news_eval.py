"""``workbench eval-news``: labelled folders read exactly, units matched to the app's list,
the claimant match rule, the figures, and one-line errors for bad folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_runner import run_workbench
from workbench.core.errors import WorkbenchError
from workbench.nlp import news_eval, newsdata

# Our own small pages (the labelled sets are third-party and stay outside the repository).
PAGES = {
    "01_roads.txt": (
        "Skip to content\r\n"
        "Council approves $12m budget for roads\r\n"
        "By Jane Smith\r\n"
        "The council approved a $12 million budget for road repairs on Tuesday, the mayor said.\r\n"
        "The vote was 7-2.\r\n"
        "Share on Facebook\r\n"
    ),
    "02_fire.txt": (
        "Wildfire destroys 40 homes in Shasta County\n"
        "Updated: 10-04-2019 20:03\n"
        "A wildfire destroyed 40 homes and forced 2,000 people to leave, officials said on"
        " Sunday.\n"
        "We hope everyone stays safe tonight.\n"
    ),
}


def unit(file: str, text: str, fragment: str, label: str, claimant: str = "") -> str:
    start = text.index(fragment)
    return f"{file}\t{start}\t{start + len(fragment)}\t{label}\t{claimant}\t"


def make_folder(root: Path, *, split: dict[str, str] | None = None) -> Path:
    (root / "articles").mkdir(parents=True)
    rows = ["file\tstart\tend\tlabel\tclaimant\tnote"]
    for name, text in PAGES.items():
        (root / "articles" / name).write_bytes(text.encode("utf-8"))
    a, b = PAGES["01_roads.txt"], PAGES["02_fire.txt"]
    rows += [
        unit("01_roads.txt", a, "Skip to content", "BOILER"),
        unit("01_roads.txt", a, "Council approves $12m budget for roads", "CLAIM"),
        unit("01_roads.txt", a, "By Jane Smith", "BOILER"),
        unit(
            "01_roads.txt",
            a,
            "The council approved a $12 million budget for road repairs on Tuesday, "
            "the mayor said.",
            "CLAIM",
            "the mayor",
        ),
        unit("01_roads.txt", a, "The vote was 7-2.", "NOT"),
        unit("01_roads.txt", a, "Share on Facebook", "BOILER"),
        unit("02_fire.txt", b, "Wildfire destroys 40 homes in Shasta County", "CLAIM"),
        unit("02_fire.txt", b, "Updated: 10-04-2019 20:03", "BOILER"),
        unit(
            "02_fire.txt",
            b,
            "A wildfire destroyed 40 homes and forced 2,000 people to leave, officials "
            "said on Sunday.",
            "CLAIM",
            "officials",
        ),
        unit("02_fire.txt", b, "We hope everyone stays safe tonight.", "NOT"),
    ]
    (root / "gold.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    if split:
        lines = ["file\tsplit", *(f"{k}\t{v}" for k, v in split.items())]
        (root / "split.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


run = run_workbench


def test_folder_is_read_with_exact_offsets(tmp_path):
    folder = make_folder(tmp_path / "set")
    articles = newsdata.read_folder(folder)
    assert [a.file for a in articles] == ["01_roads.txt", "02_fire.txt"]
    for article in articles:
        for u in article.units:
            assert article.text[u.start : u.end].strip() == article.text[u.start : u.end]
    assert articles[0].units[3].claimant == "the mayor"


def test_offsets_map_back_through_the_canonical_text():
    raw = PAGES["01_roads.txt"]
    from workbench.io.article_text import article_from_text

    canonical = article_from_text(raw, name="x.txt").text
    where = news_eval.offset_map(raw, canonical)
    assert len(where) == len(canonical) + 1
    for fragment in ("Council approves", "The vote was 7-2.", "By Jane Smith"):
        i = canonical.index(fragment)
        assert raw[where[i] : where[i] + len(fragment)] == fragment


def test_figures_at_the_extremes_are_exact(tmp_path):
    """Threshold 1 lists nothing; threshold 0 lists every unit not passed over by a rule:
    the headlines, the claims and the opinions, never the chrome lines."""
    articles = newsdata.read_folder(make_folder(tmp_path / "set"))
    nothing = news_eval.evaluate_articles(articles, threshold=1.0)
    assert nothing["claim"] == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "tp": 0,
        "fp": 0,
        "fn": 4,
        "n": 4,
    }
    assert nothing["boiler"] == {"n": 4, "listed": 0, "share": 0.0}
    everything = news_eval.evaluate_articles(articles, threshold=0.0)
    assert everything["claim"]["tp"] == 4 and everything["claim"]["recall"] == 1.0
    assert everything["boiler"]["listed"] == 0
    assert everything["claimant"]["attributed"] == 2
    assert everything["claimant"]["right"] == 2
    assert everything["articles_per_second"] > 0
    # Both NOT units are sentences the app scores, so at threshold 0 both are listed.
    assert everything["claim"]["fp"] == 2 and everything["not"] == {"n": 2, "listed": 2}
    assert everything["claim"]["precision"] == round(4 / 6, 4)


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("Carol Underhill", "Carol Underhill, Shasta-Trinity National Forest spokeswoman", True),
        ("Underhill", "Carol Underhill", True),
        ("the CDC", "The CDC", True),
        ("Foreign Ministry spokesman Lu Kang", "the ministry", True),
        ("Lancet study", "a study published in The Lancet", True),
        ("the Electoral Commission", "The National Electoral Institute (INE)", False),
        ("INE", "The National Electoral Institute (INE)", True),
        ("the minister", "Finance Minister Máirtín Ó Muilleoir", False),
        ("Finance Minister Máirtín Ó Muilleoir", "the minister", True),
        ("a local official", "the unnamed official", False),
        ("Mrs Hawa Koomson", "Hawa Koomson, Minister for Special Development Initiatives", True),
        ("police", "Police", True),
        ("", "police", False),
        ("Reuters", "AFP", False),
    ],
)
def test_claimant_match_rule(predicted, gold, same):
    assert news_eval.claimant_matches(predicted, gold) is same


def test_cli_prints_figures_and_json(tmp_path):
    folder = make_folder(tmp_path / "set", split={"01_roads.txt": "dev", "02_fire.txt": "train"})
    out = run("eval-news", folder, "--split", "dev", "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["articles"] == 1 and report["units"] == 6 and report["split"] == "dev"
    assert {"claim", "boiler", "not", "claimant", "articles_per_second", "threshold"} <= set(report)
    text = run("eval-news", folder, folder, "--threshold", "0", "--errors")
    assert text.returncode == 0, text.stderr
    assert "CLAIM     precision" in text.stdout and "BOILER    0 of 8 listed" in text.stdout


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "no such folder"),
        ("no-gold", "not a labelled set"),
        ("no-split", "has no split.tsv"),
        ("bad-label", "unknown label"),
        ("bad-offsets", "outside"),
        ("missing-article", "no article"),
    ],
)
def test_bad_folders_get_one_line_errors(tmp_path, setup, message):
    folder = tmp_path / "set"
    if setup != "missing":
        make_folder(folder)
    if setup == "no-gold":
        (folder / "gold.tsv").unlink()
    gold = folder / "gold.tsv"
    if setup == "bad-label":
        gold.write_text(
            gold.read_text(encoding="utf-8").replace("\tNOT\t", "\tMAYBE\t", 1), encoding="utf-8"
        )
    if setup == "bad-offsets":
        gold.write_text(
            gold.read_text(encoding="utf-8") + "01_roads.txt\t5\t99999\tNOT\t\t\n", encoding="utf-8"
        )
    if setup == "missing-article":
        (folder / "articles" / "02_fire.txt").unlink()
    args = ["eval-news", folder] + (["--split", "dev"] if setup == "no-split" else [])
    out = run(*args)
    assert out.returncode == 1
    assert out.stderr.startswith("workbench: error:") and message in out.stderr
    assert "Traceback" not in out.stderr
    with pytest.raises(WorkbenchError):
        newsdata.read_folder(folder, "dev" if setup == "no-split" else "all")
