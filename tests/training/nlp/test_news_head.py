"""The news head (``training/nlp/news_head.py``): a logistic regression on the sentence
vector whose values, for the rows the combiner is fitted on, are out of fold."""

from __future__ import annotations

from training.nlp.news_head import add_news_head, fit_head, head_value
from training.nlp.news_rows import SentenceRow


def _row(file: str, claim: bool, vector: list[float], passed: bool = False) -> SentenceRow:
    text = f"{file} {vector}"
    return SentenceRow(file, text, [], claim, passed, heads=[0.5, -0.5], vector=vector)


def _rows() -> dict[str, list[SentenceRow]]:
    # Claims lean on the first dimension, the rest on the second; each file differs a little.
    out = {}
    for i, name in enumerate(["a.txt", "b.txt", "c.txt", "d.txt"]):
        shift = 0.1 * i
        out[name] = [
            _row(name, True, [1.0 + shift, 0.1]),
            _row(name, True, [0.8, 0.2 + shift]),
            _row(name, False, [0.1, 1.0 - shift]),
            _row(name, False, [0.2 + shift, 0.9]),
            _row(name, True, [0.0, 5.0], passed=True),  # passed over: never fitted on
        ]
    return out


def test_news_rows_get_out_of_fold_values_and_debate_rows_the_full_heads():
    rows = _rows()
    folds = {"a.txt": 0, "b.txt": 1, "c.txt": 0, "d.txt": 1}
    debate = [_row("ct24-dev", True, [0.9, 0.1])]
    settings = {"folds": 2, "news_head_l2": 1.0}
    full = add_news_head(rows, folds, debate, settings)
    assert len(full) == 3
    held_out = fit_head(rows["b.txt"] + rows["d.txt"], 1.0)  # what fold 0 is scored by
    for row in rows["a.txt"]:
        assert len(row.heads) == 3 and row.heads[:2] == [0.5, -0.5]
        assert row.heads[2] == head_value(held_out, row)
    assert debate[0].heads[2] == head_value(full, debate[0]) > 0
    # The head learned the labels: claims above, the rest below.
    assert head_value(full, _row("x", True, [1.0, 0.0])) > 0
    assert head_value(full, _row("x", False, [0.0, 1.0])) < 0


def test_the_passed_over_rows_are_not_fitted_on():
    rows = [r for rs in _rows().values() for r in rs]
    assert fit_head(rows, 1.0) == fit_head([r for r in rows if not r.passed], 1.0)
    assert fit_head([r for r in rows if r.passed][:0], 1.0) == [0.0]


def test_the_rows_get_the_vector_of_the_model_outputs_the_settings_name(monkeypatch):
    """``add_heads``: the news head's vector is the named outputs side by side, as the app
    computes it when scoring; outputs the model lacks leave the rows without heads (the
    news scorer is then fitted without the encoder), never with a vector of another kind."""
    import numpy as np

    from training.nlp import news_rows
    from workbench.nlp import encoder

    monkeypatch.delenv(encoder.ENV_SWITCH, raising=False)
    encoder.reset()
    try:
        found = encoder.load()
        texts = ["The council approved a $12 million budget.", "Councillors met in the hall."]
        rows = [SentenceRow("a.txt", t, [], True, False) for t in texts]
        inputs = ("layer2", "embedding")
        assert news_rows.add_heads(rows, inputs) == encoder.meta()["model_id"]
        expected = encoder.head_vectors(found.embedder, texts, inputs)
        for row, vector in zip(rows, expected):
            assert len(row.heads) == len(encoder.HEADS)
            assert np.allclose(row.vector, vector, atol=1e-6) and len(row.vector) == 768
        bare = [SentenceRow("a.txt", t, [], True, False) for t in texts]
        assert news_rows.add_heads(bare, ("layer9",)) == ""
        assert all(r.heads is None and r.vector is None for r in bare)
    finally:
        encoder.reset()
