"""Claim detection: every sentence scored, the check-worthy ones listed with reasons.

Steps: split into sentences with exact offsets (``sentences.py``); score every
sentence with the trained classifier, moved by the linguistic signals
(``model.py``, ``signals.py``); pass over questions, boilerplate and fragments;
then, for the sentences kept, add entity reasons and the claimant with the English
pipeline when it is installed (``english.py``, ``claimant.py``). Work is done in
batches and reported through a plain ``progress(done, total)`` callback.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from workbench.nlp import (
    article_claimants,
    chrome_lines,
    encoder,
    english,
    model,
    news_score,
    signals,
    transcript,
)
from workbench.nlp import claimant as claimants
from workbench.nlp.page_score import Progress, Scored, score_page, why_passed
from workbench.nlp.sentences import Sentence, split_sentences

ENGLISH_BATCH = 64
# Bounds that keep a long or odd article linear in time and memory. A "sentence" longer
# than this is not a sentence (a page of text without full stops, a table flattened to
# one line): it is passed over unscored (spaCy refuses texts over 1,000,000 characters,
# and scoring one of a megabyte took gigabytes). The English pipeline (parser and
# entities, 5-10 ms a claim) runs on an article's first ENGLISH_MAX_CLAIMS claims; later
# ones get their reasons and claimant from the patterns, as without it. Scoring costs
# 0.2-0.4 ms a sentence: past MAX_SENTENCES (about 12 MB of prose; a 5 MB article has
# 40,000) sentences are passed over unscored, so that a file of a million one-word lines
# cannot keep the machine busy for an hour.
MAX_SENTENCE_CHARS = 5_000
ENGLISH_MAX_CLAIMS = 500
MAX_SENTENCES = 100_000


@dataclass
class Candidate:
    """A sentence, its exact span, score, reasons and claimant; ``text == article[start:end]``."""

    start: int
    end: int
    text: str
    score: float
    reasons: list[str] = field(default_factory=list)
    claimant: str = ""
    checkworthy: bool = True
    kind: str = "sentence"


def default_threshold() -> float:
    """The threshold of the article scorer (news), chosen on the news train split."""
    return news_score.threshold()


def score_texts(
    texts: list[str], progress: Progress | None = None
) -> list[tuple[float, signals.Signals]]:
    """The sentence scorer: the final score and signals of each text on its own, as
    debate sentences are scored (no English pipeline: fast). ``eval-claims`` uses it."""
    out = []
    for text, base in zip(texts, model.base_logits(texts, progress)):
        found = signals.quick_signals(text)
        out.append((model.combine(base, found), found))
    return out


def _stage(progress: Progress | None, offset: int, weight: int, total: int) -> Progress | None:
    if progress is None:
        return None
    return lambda done, of: progress(offset + (done * weight) // max(of, 1), total)


def extract(
    text: str,
    *,
    threshold: float | None = None,
    include_passed: bool = False,
    progress: Progress | None = None,
) -> list[Candidate]:
    """The check-worthy sentences of ``text`` (every sentence with ``include_passed``)."""
    limit = default_threshold() if threshold is None else threshold
    sentences: list[Sentence] = split_sentences(text)
    turns = transcript.turns(text)
    total = max(len(sentences), 1) * 2
    scored = _score_bounded(text, sentences, _stage(progress, 0, len(sentences), total))
    candidates = [
        _candidate(
            text, n, _without_furniture(text, _without_speaker(sentence, turns)), scored, limit
        )
        for n, sentence in enumerate(sentences)
    ]
    raws, mentions = _add_english(
        candidates, _stage(progress, len(sentences), len(sentences), total)
    )
    if turns:  # in a transcript, whoever holds the floor makes the claim
        for i, candidate in enumerate(candidates):
            turn = transcript.speaker_at(turns, candidate.start)
            raws[i] = turn.speaker if turn else raws[i]
    article_claimants.resolve_claimants(text, candidates, raws, mentions)
    if progress:
        progress(total, total)
    return candidates if include_passed else [c for c in candidates if c.checkworthy]


def _score_bounded(text: str, sentences: list[Sentence], progress: Progress | None) -> list[Scored]:
    """The page's sentences scored within the bounds (the first MAX_SENTENCES of them)."""
    # Over-long sentences are scored by their beginning only (and passed over below), so
    # every sentence keeps its place for the page's context.
    scorable = [
        s if s.end - s.start <= MAX_SENTENCE_CHARS else replace(s, end=s.start + MAX_SENTENCE_CHARS)
        for s in sentences[:MAX_SENTENCES]
    ]
    # The page's lines are read only as far as the sentences scored (a million short
    # lines cost a gigabyte of line features otherwise).
    page = text[: scorable[-1].end] if len(sentences) > MAX_SENTENCES else text
    return score_page(page, scorable, progress)


def _without_speaker(sentence: Sentence, turns: list[transcript.Turn] | None) -> Sentence:
    """The sentence without its speaker's label: the label is not part of what they say."""
    if turns:
        turn = transcript.speaker_at(turns, sentence.start)
        if turn and sentence.start <= turn.label_start and turn.body_start < sentence.end:
            sentence = Sentence(turn.body_start, sentence.end, sentence.kind)
    return sentence


def _without_furniture(text: str, sentence: Sentence) -> Sentence:
    """The sentence without a stamp or dateline run into its front ("7:10 a.m. – ",
    "Kampala, Uganda | THE INDEPENDENT | "): page furniture, not part of the claim."""
    cut = chrome_lines.furniture_prefix(text[sentence.start : sentence.end])
    return replace(sentence, start=sentence.start + cut) if cut else sentence


def _candidate(
    text: str, n: int, sentence: Sentence, scored: list[Scored], limit: float
) -> Candidate:
    """The ``n``-th sentence as a candidate: kept with its reasons, or passed over and why."""
    piece = text[sentence.start : sentence.end]
    if n >= MAX_SENTENCES or len(piece) > MAX_SENTENCE_CHARS:
        why = (
            f"too long to be one sentence ({len(piece):,} characters)"
            if len(piece) > MAX_SENTENCE_CHARS
            else f"beyond the first {MAX_SENTENCES:,} sentences of the article"
        )
        return Candidate(
            sentence.start,
            sentence.end,
            piece,
            0.0,
            [f"passed over: {why}"],
            "",
            False,
            sentence.kind,
        )
    result = scored[n]
    score = result.score
    why = why_passed(result, sentence)
    keep = not why and score >= limit
    if not why and not keep:
        why = result.found.why_low(result.debate.opinion) or f"low score ({score:.2f})"
    reasons = (
        signals.reasons_from(signals.find_signals(piece, result.debate))
        if keep
        else [f"passed over: {why}"]
    )
    if keep and result.found.headline:
        reasons.insert(0, "headline")
    return Candidate(
        sentence.start,
        sentence.end,
        piece,
        round(score, 4),
        reasons,
        "",
        keep,
        sentence.kind,
    )


def _add_english(
    candidates: list[Candidate], progress: Progress | None
) -> tuple[list[str], list[list[str]]]:
    """Entity reasons and the claimant from the English pipeline for the claims kept;
    each sentence's claimant as written (patterns first, then the parse) and the names
    it mentions, for ``references.py``."""
    raws = [
        claimants.claimant_from_text(c.text) if len(c.text) <= MAX_SENTENCE_CHARS else ""
        for c in candidates
    ]
    mentions: list[list[str]] = [[] for _ in candidates]
    kept = [i for i, c in enumerate(candidates) if c.checkworthy][:ENGLISH_MAX_CLAIMS]
    pipeline = english.load() if kept else None
    parsed = set(kept) if pipeline is not None else set()
    for i, candidate in enumerate(candidates):
        if i not in parsed and len(candidate.text) <= MAX_SENTENCE_CHARS:
            mentions[i] = article_claimants.mentions_in(candidate.text)
    if pipeline is None:
        if progress:
            progress(1, 1)
        return raws, mentions
    done = 0
    for batch in model.iter_batches(kept, ENGLISH_BATCH):
        for i, doc in zip(batch, pipeline.pipe([candidates[i].text for i in batch])):
            candidate = candidates[i]
            found = signals.find_signals(candidate.text)
            # The parse tells "stated that ..." from "has not declared war" better than patterns.
            found.attribution = claimants.attribution_from_doc(doc)
            entity = english.entity_reasons(doc)
            pattern = [
                r for r in signals.reasons_from(found) if not r.startswith(("figures:", "names:"))
            ]
            if not any(
                r.startswith(("money", "percentage", "quantity", "figure", "date", "time"))
                for r in entity
            ):
                pattern = [
                    r for r in signals.reasons_from(found) if r.startswith("figures:")
                ] + pattern
            head = [r for r in candidate.reasons if r == "headline"]
            candidate.reasons = head + entity + pattern
            found_by_parse = "" if raws[i] else claimants.claimant_from_doc(doc)
            if found_by_parse and not claimants.in_dateline(candidate.text, found_by_parse):
                raws[i] = found_by_parse
            mentions[i] = english.people_and_organisations(doc)
        done += len(batch)
        if progress:
            progress(done, len(kept))
    return raws, mentions


def warm_up() -> None:
    """Load the classifier, the English pipeline and the sentence encoder now (the window
    does this in a worker)."""
    model.load()
    english.load()
    if news_score.encoder_plan() is not None:
        encoder.load()
