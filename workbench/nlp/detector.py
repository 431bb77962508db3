"""Claim detection: every sentence scored, the check-worthy ones listed with reasons.

Steps: split into sentences with exact offsets (``sentences.py``); score every
sentence with the trained classifier, moved by the linguistic signals
(``model.py``, ``signals.py``); pass over questions, boilerplate and fragments;
then, for the sentences kept, add entity reasons and the claimant with the English
pipeline when it is installed (``english.py``, ``claimant.py``). Work is done in
batches and reported through a plain ``progress(done, total)`` callback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from workbench.nlp import claimant as claimants
from workbench.nlp import english, model, signals
from workbench.nlp.sentences import Sentence, split_sentences

Progress = Callable[[int, int], None]
ENGLISH_BATCH = 64
# Bounds that keep a long or odd article linear in time and memory. A "sentence" longer
# than this is not a sentence (a page of text without full stops, a table flattened to
# one line): it is passed over unscored (spaCy refuses texts over 1,000,000 characters,
# and scoring one of a megabyte took gigabytes). The English pipeline (parser and
# entities, about 5 ms a claim) runs on the first ENGLISH_MAX_CLAIMS claims of an
# article; later ones get their reasons and claimant from the patterns, as without it.
MAX_SENTENCE_CHARS = 5_000
ENGLISH_MAX_CLAIMS = 500
# Scoring costs 0.2-0.4 ms a sentence: past this many (about 12 MB of prose; a 5 MB
# article has 40,000), sentences are passed over unscored, so that a file of a million
# one-word lines cannot keep the machine busy for an hour.
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
    return model.threshold()


def score_texts(texts: list[str], progress: Progress | None = None) -> list[tuple[float, signals.Signals]]:
    """The final score and signals of each text (no English pipeline: fast)."""
    out = []
    for text, base in zip(texts, model.base_logits(texts, progress)):
        found = signals.quick_signals(text)
        out.append((model.combine(base, found), found))
    return out


def is_claim(score: float, found: signals.Signals, threshold: float) -> bool:
    """The decision the app makes for a sentence (also used to evaluate and to tune)."""
    return score >= threshold and not found.passed_over


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
    total = max(len(sentences), 1) * 2
    texts = [text[s.start:s.end] for s in sentences]
    fits = [len(piece) <= MAX_SENTENCE_CHARS and n < MAX_SENTENCES
            for n, piece in enumerate(texts)]
    scored_iter = iter(score_texts([t for t, ok in zip(texts, fits) if ok],
                                   _stage(progress, 0, len(sentences), total)))
    candidates: list[Candidate] = []
    for sentence, piece, ok in zip(sentences, texts, fits):
        if not ok:
            why = (f"too long to be one sentence ({len(piece):,} characters)"
                   if len(piece) > MAX_SENTENCE_CHARS
                   else f"beyond the first {MAX_SENTENCES:,} sentences of the article")
            candidates.append(Candidate(sentence.start, sentence.end, piece, 0.0,
                                        [f"passed over: {why}"], "", False, sentence.kind))
            continue
        score, found = next(scored_iter)
        why = found.passed_over or ("boilerplate" if sentence.kind == "caption" else "")
        keep = not why and score >= limit
        if not why and not keep:
            why = f"low score ({score:.2f})"
            if found.opinion:
                why = f"opinion or hedge: “{found.opinion}”"
        reasons = signals.reasons_from(signals.find_signals(piece, found)) if keep else [f"passed over: {why}"]
        if sentence.kind == "heading" and keep:
            reasons.insert(0, "headline")
        candidates.append(
            Candidate(sentence.start, sentence.end, piece, round(score, 4), reasons, "", keep, sentence.kind)
        )
    _add_english(candidates, _stage(progress, len(sentences), len(sentences), total))
    _resolve_claimants(candidates)
    if progress:
        progress(total, total)
    return candidates if include_passed else [c for c in candidates if c.checkworthy]


def _add_english(candidates: list[Candidate], progress: Progress | None) -> None:
    """Entity reasons and claimants from the English pipeline, for the claims kept."""
    kept = [c for c in candidates if c.checkworthy][:ENGLISH_MAX_CLAIMS]
    pipeline = english.load() if kept else None
    parsed = {id(c) for c in kept} if pipeline is not None else set()
    for candidate in candidates:
        if id(candidate) not in parsed and len(candidate.text) <= MAX_SENTENCE_CHARS:
            candidate.claimant = claimants.claimant_from_text(candidate.text)
    if pipeline is None:
        if progress:
            progress(1, 1)
        return
    done = 0
    for batch in model.iter_batches(kept, ENGLISH_BATCH):
        for candidate, doc in zip(batch, pipeline.pipe([c.text for c in batch])):
            found = signals.find_signals(candidate.text)
            # The parse tells "stated that ..." from "has not declared war" better than patterns.
            found.attribution = claimants.attribution_from_doc(doc)
            entity = english.entity_reasons(doc)
            pattern = [r for r in signals.reasons_from(found) if not r.startswith(("figures:", "names:"))]
            if not any(r.startswith(("money", "percentage", "quantity", "figure", "date", "time")) for r in entity):
                pattern = [r for r in signals.reasons_from(found) if r.startswith("figures:")] + pattern
            head = [r for r in candidate.reasons if r == "headline"]
            candidate.reasons = head + entity + pattern
            candidate.claimant = claimants.claimant_from_doc(doc) or claimants.claimant_from_text(candidate.text)
        done += len(batch)
        if progress:
            progress(done, len(kept))


def _resolve_claimants(candidates: list[Candidate]) -> None:
    """"He explained" and a quotation that goes on take the previous sentence's claimant."""
    previous = ""
    previous_quoted = False
    for candidate in candidates:
        quoted = claimants.starts_with_quote(candidate.text) or "“" in candidate.text
        if claimants.is_pronoun(candidate.claimant) and previous:
            candidate.claimant = previous
        elif not candidate.claimant and claimants.starts_with_quote(candidate.text) and previous_quoted:
            candidate.claimant = previous
        if candidate.claimant:
            if not claimants.is_pronoun(candidate.claimant):
                previous = candidate.claimant
            if candidate.checkworthy and f"claimant: {candidate.claimant}" not in candidate.reasons:
                candidate.reasons.append(f"claimant: {candidate.claimant}")
        previous_quoted = quoted and bool(candidate.claimant)
        if not candidate.claimant and not quoted:
            previous_quoted = False


def warm_up() -> None:
    """Load the classifier and the English pipeline now (the window does this in a worker)."""
    model.load()
    english.load()
