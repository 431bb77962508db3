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
