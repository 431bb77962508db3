"""Claim text for matching: cleaning, query terms for BM25, names and numbers.

A claim as found in the wild carries noise a checked claim does not: links,
handles, hashtags, a tweet's signature line ("— Name (@handle) May 5, 2020"),
"BREAKING", "RT". The query keeps what identifies a claim, its names and figures,
and drops the words every claim shares.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+", re.I)
_SIGNATURE = re.compile(
    r"[—–-]\s*([^()\n—–]{1,80}?)\s*\(@(\w+)\)\s*"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2},\s+\d{4}\s*$"
)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_HANDLE_OR_TAG = re.compile(r"[@#](\w+)")
_WORD = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

STOPWORDS = frozenset(
    """
a about above after again against all also am an and any are aren as at be because been
before being below between both but by can cannot could couldn did didn do does doesn doing
don down during each few for from further had hadn has hasn have haven having he her here
hers herself him himself his how i if in into is isn it its itself just let me more most
mustn my myself no nor not now of off on once only or other ought our ours ourselves out
over own same shan she should shouldn so some such than that the their theirs them
themselves then there these they this those through to too under until up very was wasn
we were weren what when where which while who whom why will with won would wouldn you your
yours yourself yourselves s t ll re ve d m o y
""".split()
)

# Words that tell how a claim is shared, not what it says.
BOILERPLATE = frozenset(
    """
breaking rt via video videos watch photo photos pic pics image images says said say saying
claim claims claimed fact facts check checked viral share shared sharing retweet retweets
follow thread lol wow omg please read today yesterday tonight new news report reports
reported update just really actually literally amp http https www com twitter tweet tweets
post posts posted facebook instagram youtube look see here hey guys folks everyone
""".split()
)


_DROPPED = STOPWORDS | BOILERPLATE
_NAME = re.compile(r"(?<![.!?:]\s)(?<!^)\b([A-Z][\w'’-]+)")


def signature_author(text: str) -> str:
    """The name in a tweet's signature line ("— Name (@handle) May 5, 2020"), if any."""
    match = _SIGNATURE.search(html.unescape(text or "").rstrip())
    return match.group(1).strip() if match else ""


def name_terms(name: str) -> frozenset[str]:
    """The words of a person's or organisation's name worth looking for (no initials)."""
    return frozenset(
        stem(w.lower())
        for w in words(name)
        if len(w) > 2 and w.lower() not in STOPWORDS and w.lower() not in BOILERPLATE
    )


def clean(text: str) -> str:
    """The claim without links, entities and the tweet signature (whose name is kept)."""
    text = html.unescape(text or "")
    text = _URL.sub(" ", text)
    text = _SIGNATURE.sub(lambda m: f" {m.group(1)} ", text.rstrip())
    text = _HANDLE_OR_TAG.sub(lambda m: " " + _CAMEL.sub(" ", m.group(1)).replace("_", " "), text)
    return " ".join(text.split())


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light stem (lower case, no plural or possessive ending) for overlap features."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_terms(text: str) -> list[str]:
    """Stemmed words that carry meaning: no stopwords, no sharing boilerplate."""
    return [
        stem(lower)
        for lower in map(str.lower, _WORD.findall(text))
        if lower not in _DROPPED and (len(lower) > 1 or lower.isdigit())
    ]


def numbers(text: str) -> set[str]:
    """Figures in the text, normalised ("1,000" and "1000" are one)."""
    found = set()
    for match in _NUMBER.findall(text):
        value = match.replace(",", "")
        value = value.rstrip("0").rstrip(".") if "." in value else value
        if value and value not in {"0", "1"}:
            found.add(value)
    return found


def names(text: str) -> set[str]:
    """Capitalised words not at the start of a sentence: people, places, organisations."""
    found = set()
    for word in _NAME.findall(text):
        lower = word.lower()
        if lower not in _DROPPED and len(word) > 1:
            found.add(stem(lower))
    return found


def fts_terms(text: str, limit: int = 40) -> list[str]:
    """The BM25 query's terms: content words and figures, each once, in order."""
    seen: dict[str, None] = {}
    for word in words(clean(text)):
        lower = word.lower().rstrip("%")
        if lower in STOPWORDS or lower in BOILERPLATE or (len(lower) < 2 and not lower.isdigit()):
            continue
        seen.setdefault(lower.replace("’", "'"), None)
    return list(seen)[:limit]


def query_of(terms: list[str]) -> str:
    """An FTS5 query: any of the terms (BM25 weighs the rare ones), each quoted."""
    return " OR ".join('"' + term.replace('"', '""') + '"' for term in terms)


def fts_query(text: str) -> str:
    return query_of(fts_terms(text))


@lru_cache(maxsize=100_000)
def analyse(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """A library entry's content terms, figures and names, computed once per text."""
    return frozenset(content_terms(text)), frozenset(numbers(text)), frozenset(names(text))
