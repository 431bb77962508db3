"""The shipped classifier, the evaluation command, and the labelled-data reader."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from workbench.core.errors import WorkbenchError
from workbench.nlp import model, signals
from workbench.nlp.data import f1_report, read_tsv
from workbench.nlp.evaluate import evaluate


def test_trained_model_loads_from_resources():
    assert (model.MODEL_DIR / "config.cfg").is_file()
    meta = model.meta()
    assert 0 < meta["threshold"] < 1
    assert "ClaimBuster" in meta["credit"]
    assert meta["dev_test"]["f1"] >= 0.70
    size = sum(p.stat().st_size for p in model.MODEL_DIR.rglob("*") if p.is_file())
    assert size < 20 * 1024 * 1024
    probabilities = model.probabilities(
        ["The unemployment rate fell to 3.5 percent in 2019.", "Thank you very much."]
    )
    assert all(0 <= p <= 1 for p in probabilities)
    assert probabilities[0] > probabilities[1]


TSV = (
    "Sentence_id\tText\tclass_label\n"
    "1\tThe deficit rose by $200 billion in 2019, the treasury said.\tYes\n"
    '2\t"Thank you, thank you very much."\tNo\n'
    "3\tUnemployment fell to 3.5 percent last year.\tYes\n"
    '4\t"He said ""no"" twice, and that was that."\tNo\n'
    "5\tI want to thank everyone for coming tonight.\tNo\n"
)


def test_reader_handles_quoted_texts(tmp_path):
    path = tmp_path / "small.tsv"
    path.write_text(TSV, encoding="utf-8")
    data = read_tsv(path)
    assert data.labels == [True, False, True, False, False]
    assert data.texts[3] == 'He said "no" twice, and that was that.'


def test_evaluate_counts_and_scores(tmp_path):
    path = tmp_path / "small.tsv"
    path.write_text(TSV, encoding="utf-8")
    report = evaluate(path)
    assert report["n"] == 5
    assert report["sentences_per_second"] > 0
    # Threshold 0: every sentence is a claim, 2 of 5 right: P 0.4, R 1, F1 0.5714.
    everything = evaluate(path, threshold=0.0)
    assert (everything["precision"], everything["recall"], everything["f1"]) == (0.4, 1.0, 0.5714)
    # Threshold 1: nothing is a claim.
    nothing = evaluate(path, threshold=1.0)
    assert (nothing["recall"], nothing["f1"], nothing["accuracy"]) == (0.0, 0.0, 0.6)


def test_f1_report_by_hand():
    report = f1_report([True, True, False, False], [True, False, True, False])
    assert (report["precision"], report["recall"], report["f1"], report["accuracy"]) == (
        0.5,
        0.5,
        0.5,
        0.5,
    )


def test_bad_tsv_is_refused(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(WorkbenchError, match="not a CheckThat"):
        read_tsv(path)


def test_cli_extract_and_eval_json(tmp_path, seed_path):
    path = tmp_path / "small.tsv"
    path.write_text(TSV, encoding="utf-8")

    def run(*a: object) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "workbench", *map(str, a)],
            capture_output=True,
            text=True,
            check=False,
        )

    out = run("eval-claims", path, "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert {"precision", "recall", "f1", "n", "sentences_per_second"} <= set(report)
    out = run("extract", seed_path, "--json")
    assert out.returncode == 0, out.stderr
    claims = json.loads(out.stdout)["claims"]
    assert claims and {"text", "start", "end", "score", "reasons", "claimant"} <= set(claims[0])
    out_all = json.loads(run("extract", seed_path, "--json", "--all").stdout)["claims"]
    assert len(out_all) > len(claims)
    assert any(not c["checkworthy"] and c["reasons"][0].startswith("passed over") for c in out_all)
    bad = run("eval-claims", seed_path)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr


def test_spacy_is_imported_without_its_cli_which_still_works():
    """The loading shortcut leaves nothing broken: spacy.cli and spacy.info import on demand."""
    code = (
        "import sys\n"
        "from workbench.nlp import model\n"
        "assert model.load() is not None\n"
        "assert not {'spacy.cli', 'typer', 'weasel'} & set(sys.modules), sorted(sys.modules)\n"
        "import spacy, spacy.cli\n"
        "assert callable(spacy.cli.download)\n"
        "assert spacy.info(silent=True)['spacy_version'] == spacy.__version__\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_classifier_tokenises_like_spacy_english():
    """The classifier is loaded without its saved tokenizer: spaCy's English rules are the same."""
    import spacy

    text = "Dr. Smith didn't say the U.S. spent $1.5bn — “never”, he said 😀. Москва!"
    loaded = [t.text for t in model.load().make_doc(text)]
    assert loaded == [t.text for t in spacy.blank("en").make_doc(text)]
    saved = spacy.blank("en")
    saved.tokenizer.from_disk(model.MODEL_DIR / "tokenizer")
    assert loaded == [t.text for t in saved.make_doc(text)]


def test_meta_records_how_the_model_was_made():
    meta = model.meta()
    assert set(meta["combiner"]["classifiers"]) == set(model.load().pipe_names)
    assert set(meta["combiner"]["signals"]) == set(signals.FEATURES)
    assert meta["settings"]["seed"] == 0
    for split in ("train", "dev", "dev_test"):
        assert len(meta["data"][split]["sha256"]) == 64
    assert 0 < meta["cross_validation"]["average_precision"] < 1
    assert meta["dev"]["f1"] > 0.8
