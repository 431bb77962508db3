"""Other stories run on under the article: a title after the article's body has begun,
with running text under it about something else than the page's lead.

A page copied as text often carries more than its article: the next story of a blog or
category page pasted in full, a "Go deeper" or "In other news" feed whose teasers are
whole sentences, a sidebar of summaries. LABELLING.md makes all of it page chrome, but
its lines look like the article's: a short title, then paragraphs that end like
sentences. What tells them apart is what they are about. The sentence vectors of the
matching model (``encoder.py``) encode mostly topic, so each candidate story (a
title-like line, the running text under it up to the next candidate) is compared with
the page's lead: the headline and the first body paragraphs. A story whose title and
first paragraphs are unlike the lead (mean cosine below ``BELOW``) is another story, and
its lines get the chrome feature ``other_story`` (``chrome.py``), weighed like the
others by the classifier fitted on the labelled pages.

A live blog or a council's minutes stays on its subject, and a section of a long feature
under its own subheading is about the article's subject, so they keep their lines. The
feature needs the encoder: without it (onnxruntime missing, switched off) no line gets
it, and the page is read by its line patterns alone, as before round 8 of issue 13.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

# Chosen on the train pages by cross-validation (``training/nlp/news_cv.py``, round 8).
LEAD = 3  # body paragraphs that, with the headline, make the page's lead
BELOW = 0.12  # a story whose mean likeness to the lead is below this is another story
CAP = 30  # candidate stories compared at most (the last ones: feeds come at the end)
FIRST = 2  # body paragraphs of a candidate compared, with its title
LOOK = 3  # a title's first body paragraph must come within this many lines

# texts -> unit vectors, a row per text; None when there is no encoder to ask
Embed = Callable[[list[str]], "np.ndarray | None"]


def other_stories(
    texts: Sequence[str],
    titles: Sequence[bool],
    bodies: Sequence[bool],
    headline: int,
    embed: Embed,
) -> set[int]:
    """The indices of the lines (``texts``) that belong to another story than the page's:
    ``titles`` and ``bodies`` say which lines are title-like and running text."""
    import numpy as np

    body = [i for i, b in enumerate(bodies) if b and i != headline]
    if len(body) < LEAD:
        return set()
    starts = [
        i
        for i in range(body[1] + 1, len(texts))
        if titles[i]
        and i != headline
        and any(bodies[j] for j in range(i + 1, min(i + 1 + LOOK, len(texts))))
    ][-CAP:]
    if not starts:
        return set()
    # A title-like line with no running text before the next one (a story's title above
    # its date or kicker) opens the story under it: that story's title is its first line.
    stories = []
    opened = None
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(texts)
        first = [j for j in range(start + 1, end) if bodies[j]][:FIRST]
        opened = start if opened is None else opened
        if first:
            stories.append((opened, end, first))
            opened = None
    if not stories:
        return set()
    lead = [texts[headline], *(texts[i] for i in body[:LEAD])]
    asked = lead + [texts[i] for start, _end, first in stories for i in (start, *first)]
    found = embed(asked)
    if found is None:
        return set()
    vectors = np.asarray(found, dtype=np.float32)
    direction = vectors[: len(lead)].mean(axis=0)
    norm = float(np.linalg.norm(direction))
    if norm < 1e-9:
        return set()
    likeness = vectors[len(lead) :] @ (direction / norm)
    out: set[int] = set()
    k = 0
    for start, end, first in stories:
        title, text = float(likeness[k]), float(likeness[k + 1 : k + 1 + len(first)].mean())
        k += 1 + len(first)
        if (title + text) / 2 < BELOW:
            out.update(range(start, end))
    return out


def encoder_vectors(texts: list[str]) -> np.ndarray | None:
    """The encoder's sentence vectors (an ``Embed``), loading it on first use; None
    without it."""
    from workbench.nlp import encoder

    found = encoder.load()
    return None if found is None else found.embedder.embed(texts)
