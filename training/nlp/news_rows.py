"""The rows the news models are fitted on: each line of a labelled page (for the
page-chrome classifier) and each sentence the article scorer would score (for the news
combiner), with the features the app computes for them, and the CT24 dev sentences
laid out as pages (``train_news.py``)."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.io.article_text import article_from_text
from workbench.nlp import chrome, chrome_lines, encoder, news_score, page_score, stories
from workbench.nlp.data import DEV, read_tsv
from workbench.nlp.news_eval import offset_map
from workbench.nlp.newsdata import NewsArticle
from workbench.nlp.sentences import Sentence, split_sentences


@dataclass
class LineRow:
    file: str
    features: dict[str, float]
    boiler: bool
    headline: bool
    text: str = ""
    claim: bool = False  # most of the line is CLAIM units


@dataclass
class SentenceRow:
    file: str
    text: str
    features: list[float]
    claim: bool
    passed: bool  # page chrome, or passed over by a rule whatever its score (as the app does)
    heads: list[float] | None = None  # the sentence-vector heads' log-odds (encoder.py)
    vector: list[float] | None = None  # the sentence's vector (for the news head)


def _labels_by_overlap(article: NewsArticle, start: int, end: int) -> dict[str, int]:
    out: dict[str, int] = {}
    for unit in article.units:
        overlap = min(end, unit.end) - max(start, unit.start)
        if overlap > 0:
            out[unit.label] = out.get(unit.label, 0) + overlap
    return out


def line_rows_of(article: NewsArticle) -> list[LineRow]:
    """The chrome rows (one per line) of one labelled article."""
    canonical = article_from_text(article.text, name=article.file).text
    where = offset_map(article.text, canonical)
    lines = chrome_lines.lines_of(canonical)
    head, features_of = chrome.features_of(lines, stories.encoder_vectors)
    rows = []
    for i, (line, features) in enumerate(zip(lines, features_of, strict=False)):
        labels = _labels_by_overlap(article, where[line.start], where[line.end - 1] + 1)
        if labels:
            boiler = labels.get("BOILER", 0) * 2 > sum(labels.values())
            claim = labels.get("CLAIM", 0) * 2 > sum(labels.values())
            rows.append(LineRow(article.file, features, boiler, i == head, line.text, claim))
    return rows


def sentence_rows_of(article: NewsArticle, chrome_weights: dict[str, float]) -> list[SentenceRow]:
    """The scorer rows (one per sentence the app would score) of one labelled article,
    with the page chrome found by ``chrome_weights``."""
    canonical = article_from_text(article.text, name=article.file).text
    where = offset_map(article.text, canonical)
    sentences = split_sentences(canonical)
    page = page_score.page_signals(canonical, sentences, chrome_weights=chrome_weights)
    rows = []
    for k, sentence in enumerate(sentences):
        labels = _labels_by_overlap(article, where[sentence.start], where[sentence.end - 1] + 1)
        if not labels:
            continue
        debate, found = page.debate[k], page.found[k]
        passed = bool(
            page.chrome[k]
            or sentence.kind == "caption"
            or debate.passed_over
            or found.passed_over(debate.opinion)
        )
        rows.append(
            SentenceRow(
                article.file,
                canonical[sentence.start : sentence.end],
                news_score.feature_vector(page.logits[k], debate, found),
                labels.get("CLAIM", 0) * 2 > sum(labels.values()),
                passed,
            )
        )
    return rows


def debate_rows(chrome_weights: dict[str, float], settings: dict) -> list[SentenceRow]:
    """The CT24 dev sentences (ClaimBuster's expert labels, never the debates' reported
    dev-test) as the article scorer sees them: in their order, a sentence a line, pages of
    ``settings["debate_page"]`` lines. Their classifier scores are out of sample (the
    classifiers were trained on CT24 train)."""
    data = read_tsv(DEV)
    out: list[SentenceRow] = []
    size = settings["debate_page"]
    for k in range(0, len(data.texts), size):
        lines = [" ".join(t.split()) or "." for t in data.texts[k : k + size]]
        text = "\n".join(lines)
        sentences, start = [], 0
        for line in lines:
            sentences.append(Sentence(start, start + len(line)))
            start += len(line) + 1
        page = page_score.page_signals(text, sentences, chrome_weights=chrome_weights)
        for i, line in enumerate(lines):
            debate, found = page.debate[i], page.found[i]
            passed = bool(page.chrome[i] or debate.passed_over or found.passed_over(debate.opinion))
            features = news_score.feature_vector(page.logits[i], debate, found)
            out.append(SentenceRow("ct24-dev", line, features, data.labels[k + i], passed))
    return out


_HEADS_MEMO: dict[str, list[float]] = {}  # sentence -> heads, kept while training runs
_VECTOR_MEMO: dict[tuple[tuple[str, ...], str], list[float]] = {}  # (inputs, sentence) -> vector


def add_heads(rows: list[SentenceRow], inputs: tuple[str, ...] = (encoder.EMBEDDING,)) -> str:
    """Give every row its sentence-vector heads, and its vector for the news head (the
    model outputs ``inputs`` side by side, ``encoder.head_vectors``); the encoder's model
    id, or "" (and no heads) when the encoder cannot be loaded or the model lacks
    ``inputs``: the news scorer is then fitted without it."""
    found = encoder.load()
    if found is None or not found.embedder.has_outputs(inputs):
        return ""
    for row, heads in zip(
        rows, found.features([r.text for r in rows], memo=_HEADS_MEMO), strict=False
    ):
        row.heads = heads
    todo = list(dict.fromkeys(r.text for r in rows if (inputs, r.text) not in _VECTOR_MEMO))
    if todo:
        vectors = encoder.head_vectors(found.embedder, todo, inputs).tolist()
        _VECTOR_MEMO.update(((inputs, t), v) for t, v in zip(todo, vectors, strict=True))
    for row in rows:
        row.vector = _VECTOR_MEMO[(inputs, row.text)]
    return encoder.meta()["model_id"]
