"""Measuring the app's claim list on labelled news pages (``workbench eval-news``).

Each article is read as the app reads a pasted ``.txt`` (its canonical text), the
app's extraction runs on it, and the listed claims are mapped back onto the
file's own offsets, where the gold units are. A unit counts as **listed** when one
listed claim covers more than half of its characters. Figures: precision, recall
and F1 of CLAIM over units; how many BOILER (and NOT) units were listed; claimant
accuracy over the listed CLAIM units that have a gold claimant (the claimant of
the listed claim that covers the unit most, matched by ``claimant_matches``);
and articles per second.

Claimant match rule: both names are normalised (lower case, no leading article or
determiner, no possessive ``'s``, punctuation dropped), and split into their
alternatives: the name without its brackets, what is inside brackets, and each
comma-separated part ("Carol Underhill, Shasta-Trinity spokeswoman" gives "carol
underhill" and "shasta-trinity spokeswoman"). The predicted name matches the gold
one when some pair of alternatives is equal; or the prediction contains the gold
name word for word, with at most six words more (it is at least as specific:
"Foreign Ministry spokesman Lu Kang" for "the ministry"); or the gold name contains
the prediction and the prediction holds a proper name (a capitalised word that is
not a title: "the CDC" for "The CDC's researchers"; "the minister" alone never
matches "Finance Minister Máirtín Ó Muilleoir"); or one name's head word (its last)
occurs in the other and is a proper name (a surname, an organisation's name:
"Underhill" and "Carol Underhill") or names a document ("Lancet study" and "a study
published in The Lancet").
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Callable, Sequence

from workbench.io.article_text import article_from_text
from workbench.nlp import detector
from workbench.nlp.newsdata import NewsArticle

# Capitalised words that are titles or generic nouns, not names: sharing them is no match.
# fmt: off
GENERIC = {
    "minister", "president", "secretary", "spokesman", "spokeswoman", "spokesperson", "official",
    "officials", "source", "sources", "police", "government", "ministry", "department", "office",
    "report", "study", "survey", "mr", "mrs", "ms", "dr", "prof", "sir", "general", "chief",
    "director", "governor", "mayor", "senator", "sen", "rep", "the", "a", "an", "of", "for",
    "and", "in", "on", "at", "to", "new", "national", "state", "federal", "county", "city", "u.s",
}
# fmt: on
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"}
_WORD = re.compile(r"[\w][\w.'’-]*")


def _forms(name: str) -> list[list[str]]:
    """The alternatives of a claimant name, each as a list of original-case words."""
    name = unicodedata.normalize("NFC", name).strip()
    inside = re.findall(r"\(([^)]*)\)", name)
    outside = re.sub(r"\([^)]*\)", " ", name)
    pieces = [outside, *inside]
    for piece in list(pieces):
        pieces.extend(part for part in piece.split(",") if part.strip())
    forms: list[list[str]] = []
    for piece in pieces:
        words = [re.sub(r"['’]s$", "", w).strip(".'’-") for w in _WORD.findall(piece)]
        words = [w for w in words if w]
        while words and words[0].lower() in _DETERMINERS:
            words = words[1:]
        if words and words not in forms:
            forms.append(words)
    return forms


def _proper(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in GENERIC


def _contains(long: list[str], short: list[str]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


# fmt: off
DOCUMENT_HEADS = {
    "study", "studies", "report", "survey", "poll", "research", "data", "figures", "statistics",
    "count", "tally", "tracker", "update", "estimate", "filing", "release", "statement",
    "analysis", "review", "paper", "journal", "editorial", "guidelines", "results", "findings",
}
# fmt: on


def claimant_matches(predicted: str, gold: str) -> bool:
    """True when ``predicted`` names the same claimant as ``gold`` (the rule above)."""
    if not predicted.strip() or not gold.strip():
        return predicted.strip() == gold.strip()
    for p in _forms(predicted):
        for g in _forms(gold):
            pl, gl = [w.lower() for w in p], [w.lower() for w in g]
            if pl == gl:
                return True
            if _contains(pl, gl) and len(pl) - len(gl) <= 6:
                return True  # at least as specific as the gold name
            if _contains(gl, pl) and any(_proper(w) for w in p):
                return True
            for a, b_low in ((p, gl), (g, pl)):
                head = a[-1]
                if (_proper(head) or head.lower() in DOCUMENT_HEADS) and head.lower() in b_low:
                    return True
    return False


def offset_map(raw: str, canonical: str) -> list[int]:
    """For each character of ``canonical`` (the app's canonical text of ``raw``), its
    offset in ``raw`` (plus one entry for the end). The canonical text keeps a
    subsequence of the raw lines, each NFC-normalised and without trailing spaces."""
    raw_lines: list[tuple[int, str]] = []
    start = 0
    for match in re.finditer(r"\r\n|\r|\n", raw):
        raw_lines.append((start, raw[start : match.start()]))
        start = match.end()
    raw_lines.append((start, raw[start:]))
    out: list[int] = []
    cursor = 0
    for line in canonical.split("\n"):
        if line:
            while cursor < len(raw_lines):
                start, body = raw_lines[cursor]
                cursor += 1
                if unicodedata.normalize("NFC", body).rstrip() == line:
                    ratio = len(body) / max(len(unicodedata.normalize("NFC", body)), 1)
                    out.extend(start + int(j * ratio) for j in range(len(line)))
                    out.append(start + len(body))  # the line's end ("\n" in canonical)
                    break
            else:  # not found: should not happen; keep the map the right length
                last = out[-1] if out else 0
                out.extend([last] * (len(line) + 1))
        else:
            out.append(out[-1] if out else 0)
    out = out[: len(canonical)]
    out.append(out[-1] + 1 if out else len(raw))
    return out


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def evaluate_articles(
    articles: Sequence[NewsArticle],
    threshold: float | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict:
    """The figures described in the module docstring, and every unit's outcome."""
    detector.warm_up()  # loading is not part of the measured speed
    units_out: list[dict] = []
    elapsed = 0.0
    for number, article in enumerate(articles, start=1):
        canonical = article_from_text(article.text, name=article.file).text
        started = time.perf_counter()
        candidates = detector.extract(canonical, threshold=threshold, include_passed=True)
        elapsed += time.perf_counter() - started
        units_out.extend(unit_results(article, canonical, candidates))
        if progress:
            progress(number, len(articles))
    report = summarise(units_out)
    report["articles"] = len(articles)
    report["threshold"] = detector.default_threshold() if threshold is None else threshold
    report["articles_per_second"] = round(len(articles) / elapsed, 2) if elapsed else None
    report["unit_results"] = units_out
    return report


def unit_results(article: NewsArticle, canonical: str, candidates: list) -> list[dict]:
    """Each labelled unit of ``article``: listed or not, and the claimant it was given
    (``candidates``: the app's extraction of ``canonical``, every sentence)."""
    where = offset_map(article.text, canonical)
    spans = [(where[c.start], where[c.end - 1] + 1, c) for c in candidates]
    out = []
    for unit in article.units:
        length = unit.end - unit.start
        best = max(spans, key=lambda s: _overlap(unit.start, unit.end, s[0], s[1]), default=None)
        covering = [
            s
            for s in spans
            if s[2].checkworthy and _overlap(unit.start, unit.end, s[0], s[1]) * 2 > length
        ]
        listed = bool(covering)
        shown = (
            covering[0][2]
            if covering
            else (best[2] if best and _overlap(unit.start, unit.end, best[0], best[1]) else None)
        )
        claimant_ok = None
        if listed and unit.label == "CLAIM" and unit.claimant:
            claimant_ok = claimant_matches(shown.claimant if shown else "", unit.claimant)
        out.append(
            {
                "file": article.file,
                "start": unit.start,
                "end": unit.end,
                "label": unit.label,
                "listed": listed,
                "text": article.text[unit.start : unit.end],
                "score": shown.score if shown else None,
                "why": (
                    shown.reasons[0] if shown and not shown.checkworthy and shown.reasons else ""
                ),
                "gold_claimant": unit.claimant,
                "claimant": shown.claimant if shown else "",
                "claimant_right": claimant_ok,
            }
        )
    return out


def summarise(units: Sequence[dict]) -> dict:
    """Precision, recall and F1 of CLAIM, BOILER and NOT listed, claimant accuracy, from
    the units' outcomes (``unit_results``)."""
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    listed_by = {"CLAIM": 0, "NOT": 0, "BOILER": 0}
    total_by = {"CLAIM": 0, "NOT": 0, "BOILER": 0}
    attributed = right = spurious = own_voice = 0
    for u in units:
        listed, gold_claim = u["listed"], u["label"] == "CLAIM"
        total_by[u["label"]] += 1
        listed_by[u["label"]] += listed
        counts[
            "tp" if listed and gold_claim else "fp" if listed else "fn" if gold_claim else "tn"
        ] += 1
        if listed and gold_claim:
            if u["gold_claimant"]:
                attributed += 1
                right += bool(u["claimant_right"])
            else:
                own_voice += 1
                spurious += bool(u["claimant"])
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "units": sum(total_by.values()),
        "claim": {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "n": total_by["CLAIM"],
        },
        "boiler": {
            "n": total_by["BOILER"],
            "listed": listed_by["BOILER"],
            "share": round(listed_by["BOILER"] / total_by["BOILER"], 4)
            if total_by["BOILER"]
            else 0.0,
        },
        "not": {"n": total_by["NOT"], "listed": listed_by["NOT"]},
        "claimant": {
            "attributed": attributed,
            "right": right,
            "accuracy": round(right / attributed, 4) if attributed else 0.0,
            "own_voice_listed": own_voice,
            "own_voice_given_a_claimant": spurious,
        },
    }
