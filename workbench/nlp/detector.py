"""Claim detection: every sentence scored, the check-worthy ones listed with reasons.

Steps: split into sentences with exact offsets (``sentences.py``); score every
sentence with the trained classifier, moved by the linguistic signals
(``model.py``, ``signals.py``); pass over questions, boilerplate and fragments;
then, for the sentences kept, add entity reasons and the claimant with the English
pipeline when it is installed (``english.py``, ``claimant.py``). Work is done in
batches and reported through a plain ``progress(done, total)`` callback.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TypeVar

from workbench.nlp import (
    chrome,
    encoder,
    english,
    model,
    news,
    news_score,
    references,
    signals,
    transcript,
)
from workbench.nlp import claimant as claimants
from workbench.nlp.sentences import Sentence, split_sentences

T = TypeVar("T")

Progress = Callable[[int, int], None]
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


def is_claim(score: float, found: signals.Signals, threshold: float) -> bool:
    """The decision the app makes for a sentence (also used to evaluate and to tune)."""
    return score >= threshold and not found.passed_over


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
    page = chrome.layout(text, chrome_weights)
    texts = [text[s.start : s.end] for s in sentences]
    logits = model.classifier_logits(texts, progress)
    kinds = _inside(sentences, page.chrome, "")
    line_odds = _inside(sentences, page.lines, -8.0)
    debates = [signals.quick_signals(piece) for piece in texts]
    found = [
        news.news_signals(
            piece,
            headline=page.headline is not None and page.headline[0] <= s.start < page.headline[1],
            heading=s.kind == "heading",
            figures=bool(d.figures),
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
    in the encoder's band (the uncertain ones), the nearest the threshold first, at most
    the encoder's cap of them; how many were rescored. Nothing happens without the
    encoder (onnxruntime missing, switched off) or an encoder combiner in ``news.json``."""
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
    heads = found.features([text[sentences[i].start : sentences[i].end] for i in todo])
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
    # Over-long sentences are scored by their beginning only (and passed over below), so
    # every sentence keeps its place for the page's context.
    scorable = [
        s if s.end - s.start <= MAX_SENTENCE_CHARS else replace(s, end=s.start + MAX_SENTENCE_CHARS)
        for s in sentences[:MAX_SENTENCES]
    ]
    # The page's lines are read only as far as the sentences scored (a million short
    # lines cost a gigabyte of line features otherwise).
    page = text[: scorable[-1].end] if len(sentences) > MAX_SENTENCES else text
    scored = score_page(page, scorable, _stage(progress, 0, len(sentences), total))
    candidates: list[Candidate] = []
    for n, sentence in enumerate(sentences):
        if turns:  # the speaker's label is not part of what they say
            turn = transcript.speaker_at(turns, sentence.start)
            if turn and sentence.start <= turn.label_start and turn.body_start < sentence.end:
                sentence = Sentence(turn.body_start, sentence.end, sentence.kind)
        piece = text[sentence.start : sentence.end]
        if n >= MAX_SENTENCES or len(piece) > MAX_SENTENCE_CHARS:
            why = (
                f"too long to be one sentence ({len(piece):,} characters)"
                if len(piece) > MAX_SENTENCE_CHARS
                else f"beyond the first {MAX_SENTENCES:,} sentences of the article"
            )
            candidates.append(
                Candidate(
                    sentence.start,
                    sentence.end,
                    piece,
                    0.0,
                    [f"passed over: {why}"],
                    "",
                    False,
                    sentence.kind,
                )
            )
            continue
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
        candidates.append(
            Candidate(
                sentence.start,
                sentence.end,
                piece,
                round(score, 4),
                reasons,
                "",
                keep,
                sentence.kind,
            )
        )
    raws, mentions = _add_english(
        candidates, _stage(progress, len(sentences), len(sentences), total)
    )
    if turns:  # in a transcript, whoever holds the floor makes the claim
        for i, candidate in enumerate(candidates):
            turn = transcript.speaker_at(turns, candidate.start)
            raws[i] = turn.speaker if turn else raws[i]
    _resolve_claimants(text, candidates, raws, mentions)
    if progress:
        progress(total, total)
    return candidates if include_passed else [c for c in candidates if c.checkworthy]


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
            mentions[i] = [
                _marked(n) for n in signals.names_in(candidate.text) if len(n.split()) >= 2
            ]
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
            raws[i] = raws[i] or claimants.claimant_from_doc(doc)
            mentions[i] = english.people_and_organisations(doc)
        done += len(batch)
        if progress:
            progress(done, len(kept))
    return raws, mentions


_PERSON_TITLES = re.compile(
    r"^(?:Mr|Mrs|Ms|Miss|Dr|Doctor|Prof|Professor|Sir|Dame|Lord|Lady|Judge|Justice|Senator|Sen|Rep|"
    r"Governor|Mayor|President|Minister|Councillor|Cr|Detective|Inspector|Sergeant|Officer|"
    r"Chief|Secretary|Ambassador|General|Colonel|Captain|Magistrate)\.? "
)


def _marked(name: str) -> str:
    """A name found by patterns, marked as a person when a title comes with it."""
    return references.PERSON_MARK + name if _PERSON_TITLES.match(name) else name


def _resolve_claimants(
    text: str, candidates: list[Candidate], raws: list[str], mentions: list[list[str]]
) -> None:
    """Each sentence's claimant with references resolved and attribution carried along
    (``references.py``); the listed claims get a "claimant:" reason."""
    paragraphs, quoted, opens, groups = [], [], [], []
    paragraph = 0
    depth = 0
    group = -1
    previous_end = 0
    for i, candidate in enumerate(candidates):
        if "\n" in text[previous_end : candidate.start]:
            paragraph += 1
            depth = 0
        inside = depth > 0
        if not inside:
            group = -1
        depth = max(depth + sentence_quotes(candidate.text), 0)
        if not inside and depth > 0:
            group = i  # a quotation opens here and goes on into the next sentence
        groups.append(group)
        paragraphs.append(paragraph)
        quoted.append(inside or any(q in candidate.text for q in '“”"'))
        opens.append(claimants.starts_with_quote(candidate.text))
        previous_end = candidate.end
    proper = proper_words(text)
    lower = {w for w in re.findall(r"\b[a-z][\w'’-]*", text)}
    named = [_opens_with_name(c.text, proper, lower) for c in candidates]
    spoke_in = [claimants.documents_spoken_in(c.text) for c in candidates]
    resolved = references.resolve_article(
        raws, paragraphs, quoted, opens, mentions, groups, named, spoke_in
    )
    defined = claimants.acronyms(text) if "(" in text else {}
    for candidate, claimant in zip(candidates, resolved):
        bare = claimant.removeprefix("the ").removeprefix("The ")
        claimant = defined.get(bare, claimant)  # "DOH": "Department of Health (DOH)"
        candidate.claimant = claimant
        if claimant and candidate.checkworthy and f"claimant: {claimant}" not in candidate.reasons:
            candidate.reasons.append(f"claimant: {claimant}")


_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'’-]*")


def proper_words(text: str) -> set[str]:
    """Words the article writes with a capital inside a sentence: names ("Russia")."""
    out = set()
    for match in re.finditer(r"(?<=[a-z,;] )([A-Z][\w'’-]*)", text):
        out.add(match.group(1).rstrip("'’s").rstrip("'’"))
    return out


def _opens_with_name(sentence: str, proper: set[str], lower: set[str]) -> bool:
    """The sentence's first word (after an opening "On Friday," of up to four words) is a
    name: the article writes it with a capital inside a sentence, or never in lower case
    and it is not a common opening word ("The", "It", "However")."""
    body = sentence.lstrip("“\"‘'( ")
    head, comma, rest = body.partition(",")
    if comma and len(head.split()) <= 4:
        body = rest.lstrip()
    match = _WORD.match(body)
    if not match:
        return False
    word = match.group().rstrip("'’s").rstrip("'’")
    if word in proper:
        return True
    return (
        word.lower() not in lower
        and word not in signals.SENTENCE_START_WORDS
        and word[:1].isupper()
    )


def sentence_quotes(text: str) -> int:
    """How many quotations ``text`` opens and leaves open."""
    depth = text.count("“") - text.count("”")
    if text.count('"') % 2:
        depth += 1 if text.lstrip().startswith('"') else -1
    return depth


def warm_up() -> None:
    """Load the classifier, the English pipeline and the sentence encoder now (the window
    does this in a worker)."""
    model.load()
    english.load()
    if news_score.encoder_plan() is not None:
        encoder.load()
