"""``python -m training.nlp.train_news``: the script that makes ``news.json``."""

from __future__ import annotations

import json

from tests.nlp.test_news_eval import make_folder
from training.nlp import train_news
from workbench.nlp import model


def test_train_news_is_deterministic_on_a_small_folder(tmp_path):
    """The script that makes news.json runs on any labelled folder and gives the same file twice."""

    folder = make_folder(tmp_path / "set", split={"01_roads.txt": "train", "02_fire.txt": "train"})
    settings = dict(train_news.SETTINGS, folds=2)
    (tmp_path / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    outputs = []
    for name in ("a.json", "b.json"):
        out = tmp_path / name
        code = train_news.main(
            [
                "--folder",
                str(folder),
                "--out",
                str(out),
                "--settings",
                str(tmp_path / "settings.json"),
            ]
        )
        assert code == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    meta = json.loads(outputs[0])
    assert meta["data"][0]["train_articles"] == 2 and meta["data"][0]["folder"] == "set"
    assert set(meta["chrome"]["weights"]) >= {"bias", "byline", "date_only"}
    model.reload_news()  # the shipped file, not the one written here


def _pages_of_claims():
    """Ten pages of ten claims each, scored 0.1 .. 1.0; on the last two pages every claim
    scores 0.1 (the pages a threshold misses whole)."""
    scores, gold, pages = [], [], []
    for p in range(10):
        for i in range(10):
            scores.append(0.1 if p >= 8 else (i + 1) / 10)
            gold.append(True)
            pages.append(f"page{p}")
    return scores, gold, pages


def test_the_bootstrap_margin_lowers_the_threshold_where_recall_hangs_on_a_few_pages():
    scores, gold, pages = _pages_of_claims()
    plain, report = train_news.recall_threshold(scores, gold, 0.6)
    assert report["recall"] >= 0.6
    margin = {"quantile": 0.1, "resamples": 500, "seed": 0}
    safer, safer_report = train_news.recall_threshold(scores, gold, 0.6, pages, margin)
    # Resamples that draw the two missed pages more often have a lower recall: the
    # threshold that holds in 90% of them is lower, and the recall on the pages higher.
    assert safer < plain and safer_report["recall"] > report["recall"]
    # Deterministic: the same seed gives the same threshold.
    assert train_news.recall_threshold(scores, gold, 0.6, pages, margin)[0] == safer


def test_page_weights_let_each_page_weigh_a_power_of_its_rows():
    files = ["a"] * 16 + ["b"] * 4
    assert train_news.page_weights(files, 1) is None
    weights = train_news.page_weights(files, 0.5)
    assert abs(sum(weights) - len(files)) < 1e-9
    total_a = sum(w for w, f in zip(weights, files) if f == "a")
    total_b = sum(w for w, f in zip(weights, files) if f == "b")
    assert abs(total_a / total_b - 2.0) < 1e-9  # sqrt(16) / sqrt(4)
