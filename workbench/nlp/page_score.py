"""Page scoring: every sentence of an article scored by the article scorer.

The classifiers' log-odds, debate and news signals and page chrome of each sentence
(``page_signals``); the news scorer over them, or the sentence scorer for a transcript
(``score_page``); those in its band rescored by the sentence encoder (``refine``); and
why a sentence is passed over whatever its score (``why_passed``). ``detector.extract``
builds the candidates from these scores.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from workbench.nlp import chrome, encoder, model, news, news_score, signals, stories, transcript
from workbench.nlp.chrome_patterns import wire_note
from workbench.nlp.sentences import Sentence

T = TypeVar("T")

Progress = Callable[[int, int], None]


@dataclass
class Scored:
    """A sentence of a page as the article scorer sees it."""

    score: float
    debate: signals.Signals
    found: news.NewsSignals
    chrome: str  # the kind of page chrome the sentence's line is, or ""
    spoken: bool = False  # a transcript's sentence: scored and passed over as debates are


@dataclass
class PageSignals:
    """Everything the article scorer knows about each sentence of a page."""

    logits: list[list[float] | None]
    debate: list[signals.Signals]
    found: list[news.NewsSignals]
    chrome: list[str]


def page_signals(
    text: str,
    sentences: list[Sentence],
    progress: Progress | None = None,
    chrome_weights: dict[str, float] | None = None,
) -> PageSignals:
    """The classifiers' log-odds, debate and news signals and page chrome of every
    sentence of ``text`` (``chrome_weights``: other weights than the shipped ones, to train)."""
    page = chrome.layout(text, chrome_weights, stories.encoder_vectors)
    texts = [text[s.start : s.end] for s in sentences]
    logits = model.classifier_logits(texts, progress)
    kinds = _inside(sentences, page.chrome, "")
    # A wire story's bracketed notes run into its last paragraph's line: chrome by sentence.
    kinds = [
        k or ("an agency credit" if wire_note(piece) else "") for k, piece in zip(kinds, texts)
    ]
    line_odds = _inside(sentences, page.lines, -8.0)
    debates = [signals.quick_signals(piece) for piece in texts]
    found = [
        news.news_signals(
            piece,
            headline=page.headline is not None and page.headline[0] <= s.start < page.headline[1],
            heading=s.kind == "heading",
            figures=bool(d.figures),
            opinion=d.opinion,
        )
        for s, piece, d in zip(sentences, texts, debates)
    ]
    for f, odds in zip(found, line_odds):
        f.chrome = odds
    rows: list[list[float] | None] = list(logits) if logits is not None else [None] * len(texts)
    base = [None if row is None else model.base_logits_from(row) for row in rows]
    skip = [
        bool(kind or s.kind == "caption" or d.passed_over or f.passed_over())
        for kind, s, d, f in zip(kinds, sentences, debates, found)
    ]
    news.set_context(found, base, skip)
    return PageSignals(rows, debates, found, kinds)


def _inside(sentences: list[Sentence], spans: list[tuple], default: T) -> list[T]:
    """For each sentence, the last field of the span (sorted, not overlapping) holding its
    start, else ``default``."""
    out = []
    k = 0
    for sentence in sentences:
        while k < len(spans) and spans[k][1] <= sentence.start:
            k += 1
        inside = k < len(spans) and spans[k][0] <= sentence.start < spans[k][1]
        out.append(spans[k][-1] if inside else default)
    return out


def score_page(
    text: str, sentences: list[Sentence], progress: Progress | None = None
) -> list[Scored]:
    """Every sentence of an article scored by the news scorer, after the page's chrome
    lines are found (their sentences are scored too, but passed over)."""
    page = page_signals(text, sentences, progress)
    turns = transcript.turns(text)
    if turns:
        return _score_transcript(text, sentences, page, turns)
    scored = [
        Scored(news_score.score(row, d, f), d, f, kind)
        for row, d, f, kind in zip(page.logits, page.debate, page.found, page.chrome)
    ]
    refine(text, sentences, page, scored)
    return scored


def _score_transcript(
    text: str, sentences: list[Sentence], page: PageSignals, turns: list[transcript.Turn]
) -> list[Scored]:
    """A transcript's sentences scored by the sentence scorer (as ``eval-claims`` scores
    debates), each without its speaker's label, on the article scorer's scale: a sentence
    at the sentence scorer's threshold is at the article scorer's."""
    pieces = [_without_label(text, s, turns) for s in sentences]
    relabelled = [
        i for i, (s, piece) in enumerate(zip(sentences, pieces)) if len(piece) != s.end - s.start
    ]
    logits = list(page.logits)
    if relabelled and any(row is not None for row in logits):
        again = model.classifier_logits([pieces[i] for i in relabelled]) or []
        for i, fresh in zip(relabelled, again):
            logits[i] = fresh
    shift = _logit(news_score.threshold()) - _logit(model.threshold())
    out = []
    for piece, row, f, kind in zip(pieces, logits, page.found, page.chrome):
        debate = signals.quick_signals(piece)
        base = None if row is None else model.base_logits_from(row)
        score = model.sigmoid(_logit(model.combine(base, debate)) + shift)
        out.append(Scored(score, debate, f, kind, spoken=True))
    return out


def _without_label(text: str, sentence: Sentence, turns: list[transcript.Turn]) -> str:
    turn = transcript.speaker_at(turns, sentence.start)
    if (
        turn
        and sentence.start <= turn.label_start < sentence.end
        and turn.body_start < sentence.end
    ):
        return text[turn.body_start : sentence.end]
    return text[sentence.start : sentence.end]


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def refine(text: str, sentences: list[Sentence], page: PageSignals, scored: list[Scored]) -> int:
    """Rescore with the sentence-vector heads (``encoder.py``) the sentences whose score is
    in the encoder's band (``news.json``; every score since round 5), the nearest the
    threshold first, at most the encoder's cap of them; how many were rescored. Nothing
    happens without the encoder (onnxruntime missing, switched off) or an encoder
    combiner in ``news.json``."""
    plan = news_score.encoder_plan()
    if plan is None:
        return 0
    (low, high), cap = plan
    limit = news_score.threshold()
    todo = [
        i
        for i, (s, sentence) in enumerate(zip(scored, sentences))
        if low <= s.score <= high and not why_passed(s, sentence)
    ]
    if not todo:
        return 0
    found = encoder.load()
    if found is None:
        return 0
    todo = sorted(todo, key=lambda i: abs(scored[i].score - limit))[:cap]
    texts = [text[sentences[i].start : sentences[i].end] for i in todo]
    heads = found.features(
        texts, extra=news_score.news_head(), extra_inputs=news_score.news_head_inputs()
    )
    if any(len(row) != news_score.heads_wanted() for row in heads):
        return 0  # a news head fitted on another model's vectors: score without the encoder
    for i, row in zip(todo, heads):
        s = scored[i]
        s.score = news_score.score_with_encoder(page.logits[i], s.debate, s.found, row)
    return len(todo)


def why_passed(scored: Scored, sentence: Sentence) -> str:
    """Why a sentence is passed over whatever its score, or ""."""
    if scored.chrome:
        return f"page chrome ({scored.chrome})"
    if sentence.kind == "caption":
        return "boilerplate"
    if scored.spoken:  # the news rules (predictions, lead-ins ...) are not the debates'
        return scored.debate.passed_over
    return scored.debate.passed_over or scored.found.passed_over(scored.debate.opinion)
