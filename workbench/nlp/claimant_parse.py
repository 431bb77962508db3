"""Claimants and attribution from the English pipeline's parse (when it is installed):
asked when the patterns of ``claimant.py`` find nobody, and for the attribution reason,
where the parse tells "stated that ..." from "has not declared war"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from workbench.nlp.claimant_words import SAY, clean

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_DROP_DEPS = {"punct", "relcl", "acl", "advcl"}
_SPEECH_DEPS = {"ccomp", "parataxis", "xcomp"}


def _speech_verbs(doc: Doc | Span) -> Iterator[Token]:
    """The verbs of ``doc`` that report speech: a speech verb with a clause under it
    ("stated that ...") or in a sentence with a quote. "Has not declared war" is not one."""
    has_quote = any(t.text in {"“", '"'} for t in doc)
    for token in doc:
        if token.lower_ not in SAY or token.pos_ not in {"VERB", "AUX"}:
            continue
        if has_quote or any(c.dep_ in _SPEECH_DEPS for c in token.children):
            yield token


def _according_to_token(doc: Doc | Span) -> Token | None:
    for token in doc:
        if token.lower_ == "according" and token.i < doc[-1].i and token.nbor().lower_ == "to":
            return token.nbor()
    return None


def claimant_from_doc(doc: Doc | Span) -> str:
    """The claimant found in a parsed sentence (a spaCy Doc or Span), or ""."""
    to = _according_to_token(doc)
    if to is not None:
        for child in to.children:
            if child.dep_ == "pobj":
                return clean(_phrase(child))
    for token in _speech_verbs(doc):
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects and token.dep_ == "conj":  # "X posted ... and said"
            subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
        for child in subjects:
            if child.lower_ in _NOT_SPEAKERS or child.tag_ in {"WDT", "WP", "EX"}:
                continue  # "..., which could be explained by": a relative pronoun is no one
            return clean(_phrase(child))
    return ""


_NOT_SPEAKERS = {"which", "who", "whom", "that", "what", "there", "this", "these", "those"}


def attribution_from_doc(doc: Doc | Span) -> str:
    """The words that attribute a parsed sentence to someone ("according to", "stated",
    "allegedly"), or "": the parse tells a reported statement from "declared war"."""
    if _according_to_token(doc) is not None:
        return "according to"
    for token in _speech_verbs(doc):
        return token.text
    for token in doc:
        if token.lower_ in {"allegedly", "reportedly"}:
            return token.text
    return ""


def _phrase(head: Token) -> str:
    """The noun phrase under ``head``: without clauses and punctuation, and without an
    apposition set off by commas ("Ilya Ponomarev, a former MP"); a name right after
    its title ("officer Clae Hack") and coordinated speakers stay."""
    doc = head.doc

    def keep(token: Token) -> bool:
        if token.text == "-" and not token.whitespace_:
            return True  # a hyphen inside a name ("Jong-Un")
        if token.dep_ == "appos":
            return doc[token.i - 1].text != "," and token.i == token.head.i + 1 + (
                0 if token.left_edge.i == token.i else token.i - token.left_edge.i
            )
        return token.dep_ not in _DROP_DEPS

    tokens = [head]
    stack = [c for c in head.children if keep(c)]
    while stack:
        token = stack.pop()
        tokens.append(token)
        stack.extend(c for c in token.children if keep(c))
    tokens.sort(key=lambda t: t.i)
    run = [head]
    index = tokens.index(head)
    for token in reversed(tokens[:index]):
        if token.i == run[0].i - 1:
            run.insert(0, token)
        else:
            break
    for token in tokens[index + 1 :]:
        if token.i == run[-1].i + 1:
            run.append(token)
        else:
            break
    while run and (run[-1].is_punct or run[-1].dep_ == "cc"):
        run.pop()
    return "".join(t.text_with_ws for t in run).strip()
