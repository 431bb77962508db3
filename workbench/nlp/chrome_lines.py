"""Line features of page chrome: each non-empty line of a pasted page and what it looks like.

A line's own patterns (``_pattern_features``: a date stamp, a byline, a widget ...) and
its neighbourhood (a run of short title-like lines, the line before a photo credit, the
headline repeated): the features ``chrome.py`` weighs into P(chrome).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.nlp.chrome_patterns import (
    _AGENCY,
    _BYLINE,
    _CAPTION,
    _CAPTION_LIKE,
    _CAPTION_START,
    _COPYRIGHT,
    _CREDIT_END,
    _CREDIT_START,
    _DATE_TOKEN,
    _EMBED,
    _END_MARK,
    _ENDS_SENTENCE,
    _FINE_PRINT,
    _HAS_DATE,
    _LABEL_LEAD,
    _LABEL_ONLY,
    _LIST_HEADER,
    _NAV,
    _PHOTOGRAPHER,
    _RELATED_LINK,
    _SLASH_CREDIT,
    _SPEECH,
    _STAFF,
    _TIMEZONE,
    _WIDGET,
    _WORDS,
    count_words,
    site_notice,
    ticker,
    urlish,
)


@dataclass(frozen=True)
class Line:
    """A non-empty line of the text: its span (trimmed) and its text."""

    start: int
    end: int
    text: str


def lines_of(text: str) -> list[Line]:
    out = []
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = position + (len(raw) - len(raw.lstrip()))
            out.append(Line(start, start + len(stripped), stripped))
        position += len(raw) + 1
    return out


def _normal(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _date_only(text: str) -> bool:
    words = _WORDS.findall(text)
    if not words or len(words) > 14 or not _HAS_DATE.search(text):
        return False
    rest = [w for w in words if not _DATE_TOKEN.match(w.rstrip("."))]
    return len(rest) <= 1 and len(words) <= 14


def _ends_sentence(text: str) -> bool:
    return bool(_ENDS_SENTENCE.search(text[-60:]))  # the end is enough, and long lines are common


def _is_title(line: Line) -> bool:
    """A short line that does not end like a sentence: a heading, a headline, a menu item."""
    words = len(line.text.split())
    return words <= 16 and not _ends_sentence(line.text.rstrip(" -–—|"))


# fmt: off
_STRONG = ("date_only", "byline", "agency", "widget", "copyright", "nav", "urlish", "end_mark",
           "label_only", "caption_start", "caption", "embed", "timezone", "list_header",
           "bracketed", "related_link", "ticker", "site_notice")
# fmt: on


def _is_body(line: Line) -> bool:
    """A line of running text: a dozen words or more, ending like a sentence."""
    return len(line.text.split()) >= 12 and _ends_sentence(line.text)


def _byline(text: str, n: int) -> bool:
    """ "By Name" where nothing but a date or punctuation comes before "by"; "X Staff";
    a wire story's "(Reporting by ...; Editing by ...)"."""
    if re.match(r"^\W{0,2}(?:additional )?(?:reporting|writing|editing) by\b", text, re.IGNORECASE):
        return True
    if n > 14:
        return False
    match = _BYLINE.search(text)
    if match:
        before = text[: match.start()]
        if not re.search(r"[A-Za-z]", before) or _date_only(before):
            return True
    return n <= 5 and bool(_STAFF.search(text))


def _repeats(normal: str, headline: str, text: str) -> bool:
    """The headline again, alone or with a date or a label before or after it, or cut
    short with "..." (a breadcrumb's last item, run into the words before it)."""
    if not headline or not normal:
        return False
    if normal == headline:
        return True
    if text.rstrip().endswith(("...", "…")):
        # The first word may be glued to a breadcrumb ("HomeHealthSmoking, alcohol ...").
        words = normal.split()[1:]
        cut = " ".join(words)
        if len(words) >= 4 and f" {cut} " in f" {headline} ":
            return True
    if len(headline) <= 15 or headline not in normal:
        return False
    # "date 2021-10-22 Follow us on Image Source : TWITTER @BJP4INDIA <the headline>": a
    # run of page furniture that ends with the headline again.
    if len(headline.split()) >= 5 and normal.endswith(" " + headline):
        before = normal[: -len(headline)].split()
        if len(before) <= 15:
            return True
    rest = normal.replace(headline, " ", 1).split()
    return len(rest) <= 6 and all(_DATE_TOKEN.match(w) for w in rest)


def _pattern_features(text: str, n: int) -> dict[str, float]:
    """The features a line has by itself (``n``: its words, punctuation not counted)."""
    short = n <= 12
    letters = sum(map(str.isalpha, text))
    post = n >= 5 and bool(_POST_LINK.search(text)) and not _EMBED_AUTHOR.search(text)
    return {
        "date_only": float(n <= 14 and _date_only(text)),
        "byline": float(_byline(text, n)),
        "agency": float(bool(_AGENCY.match(text))),
        "widget": float(n <= 10 and bool(_WIDGET.search(text))),
        "copyright": float(
            n <= 25 and bool(_COPYRIGHT.search(text)) or n <= 80 and bool(_FINE_PRINT.search(text))
        ),
        "list_header": float(bool(_LIST_HEADER.match(text)) and n <= 6),
        "related_link": float(bool(_RELATED_LINK.match(text)) and n <= 30),
        "all_caps": float(
            3 <= n <= 30 and letters >= 10 and sum(map(str.isupper, text)) >= 0.8 * letters
        ),
        "ellipsis": float(n <= 30 and text.rstrip().endswith(("...", "…"))),
        "caption_start": float(
            n <= 80 and bool(_CAPTION_START.match(text) or _PHOTOGRAPHER.match(text))
        ),
        "caption": float(
            n <= 60
            and bool(
                _CAPTION.search(text)
                or n <= 45
                and _CAPTION_LIKE.search(text)
                or n <= 7
                and _SLASH_CREDIT.match(text)
            )
        ),
        "bracketed": float(bool(re.fullmatch(r"\[[^\[\]]{1,80}\][\s|]*", text))),
        # An embedded post's own words with its picture link ("... #StormBarra
        # pic.twitter.com/xubAdcgf6i") are labelled by what they say (LABELLING.md): only its
        # author line is chrome, so the link alone does not make the post "embed" or "urlish".
        "embed": float(n <= 40 and not post and bool(_EMBED.search(text))),
        "post_text": float(post),
        "timezone": float(bool(_TIMEZONE.match(text))),
        "end_mark": float(bool(_END_MARK.match(text))),
        "urlish": float(n <= 20 and not post and urlish(text)),
        "nav": float(
            n <= 60 and (short or len(_NAV.findall(text)) >= 3) and bool(_NAV.search(text))
        ),
        "label_only": float(bool(_LABEL_ONLY.match(text)) and not _SPEECH.search(text)),
        "no_sentence_end": float(not _ends_sentence(text)),
        "few_letters": float(letters < max(3, 0.5 * len(text))),
        "long": float(n > 25),
        "one_word": float(n <= 2),
        "credit_end": float(n <= 80 and bool(_CREDIT_END.search(text[-100:]))),
        "long_no_end": float(n >= 15 and not _ends_sentence(text) and not text.endswith(":")),
        "title_case": float(_title_case(text, n)),
        # Another story's teaser in a list: "By Name" run into its first words; a long line
        # cut short with "…" (its first sentences).
        "byline_lead": float(n > 14 and bool(_BYLINE_LEAD.match(text))),
        "cut_short": float(n > 30 and text.rstrip().endswith(("...", "…"))),
        "ticker": float(ticker(text)),
        "site_notice": float(site_notice(text, n)),
    }


# A post's picture or short link at the end of its text; its author line "— Name (@handle)".
_POST_LINK = re.compile(r"\b(?:pic\.twitter\.com|t\.co)/\w+\s*$")
_EMBED_AUTHOR = re.compile(r"\(@\w{1,30}\)")
_BYLINE_LEAD = re.compile(r"^By [A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,2} [A-Z\d“\"‘]")


# Short words that only Title Case capitalises ("Russia Plans Plant By 2036").
_MINOR = frozenset("a an and as at by for from in into of on or over the to up with".split())


def _title_case(text: str, n: int) -> bool:
    """A line in Title Case ("Trump Flew On Epstein Jet Eight Times"): nearly every word
    capitalised, a short word among them, no sentence end. A headline's style: on a page
    past its own headline, another story's title or a heading."""
    if not 4 <= n <= 20 or _ends_sentence(text):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text)]
    if len(words) < 4:
        return False
    upper = sum(w[0].isupper() for w in words)
    minor = any(w.lower() in _MINOR and w[0].isupper() for w in words[1:])
    return minor and upper >= 0.85 * len(words)


def _credit_only(text: str) -> bool:
    """A photo credit line with nothing else: "[Photo/IC]", "Courtesy NASA/Handout via REUTERS"."""
    n = len(text.split())
    caption = (
        _CAPTION.search(text)
        or _CAPTION_START.match(text)
        or _PHOTOGRAPHER.match(text)
        or n <= 7
        and _SLASH_CREDIT.match(text)
    )
    if n <= 6 and text[:1] in "([" and (_AGENCY.match(text) or _OUTLET_CREDIT.match(text)):
        return True  # "(Kyodo)", "(ABC News: Lucas Hill)"
    return bool(caption) and (n <= 6 or bool(_CREDIT_START.match(text))) and n <= 12


# "(ABC News: Lucas Hill)": an outlet, a colon, the photographer, alone in brackets.
_OUTLET_CREDIT = re.compile(
    r"^[\[(](?!source\b)[A-Z][\w.&'’ -]{1,30}: ?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}[\])]$",
    re.IGNORECASE,
)


def all_features(lines: list[Line]) -> tuple[int, list[dict[str, float]]]:
    """The headline's index and every line's features (see ``FEATURES``), in linear time.

    The headline is the first line (of the first eight) that no strong chrome pattern
    matches: usually line 1, but a pasted page may begin with a menu or a date.
    """
    counts = [count_words(line.text) for line in lines]
    own = [_pattern_features(line.text, n) for line, n in zip(lines, counts)]
    headline = next((i for i, f in enumerate(own[:8]) if not any(f[name] for name in _STRONG)), 0)
    title = [_is_title(line) for line in lines]
    body = [_is_body(line) for line in lines]
    run = _title_runs(title, headline)
    short_run = _short_runs(counts)
    first_body = next((i for i in range(headline + 1, len(lines)) if body[i]), len(lines))
    last_body = max((i for i in range(len(lines)) if body[i]), default=-1)
    head_text = _normal(lines[headline].text) if lines else ""
    last_header = -100
    # Only short lines can repeat the headline or a neighbour in a way that matters here.
    normals = [_normal(line.text) if n <= 60 else "" for line, n in zip(lines, counts)]
    feed = _feed_start(lines, own, title, first_body)
    out = []
    for i, (line, n, f) in enumerate(zip(lines, counts, own)):
        if i > headline and (_LIST_HEADER.match(line.text) or _RELATED_LINK.match(line.text)):
            last_header = i
        elif n > 40:
            last_header = -100  # a long paragraph: the list is over
        f = dict(f)
        _neighbour_features(f, i, lines, n, normals, head_text, headline)
        f["short_title"] = float(title[i])
        f["in_title_run"] = float(title[i] and run[i] >= 3)
        f["after_list_header"] = float(0 < i - last_header <= 30)
        f["in_short_run"] = float(short_run[i] >= 5)
        # Without a line of running text, "before" and "after" the body mean nothing (a
        # short page of one or two sentences is not chrome for that).
        f["before_body"] = float(headline < i < first_body < len(lines))
        f["after_body"] = float(0 <= last_body < i)
        f["feed_story"] = float(i >= feed)
        out.append(f)
    return headline, out


_PHOTO = ("caption", "caption_start", "credit_end")


def _feed_start(
    lines: list[Line], own: list[dict[str, float]], title: list[bool], first_body: int
) -> int:
    """Where a feed of other stories begins (``len(lines)``: nowhere): the first story
    with its picture under a header of other stories ("Go deeper", "More stories") after
    the article's body has begun, i.e. a title line whose next line is a photo caption
    or credit. An article that resumes after a list of related links starts with no
    such title, so it keeps its lines; a feed's teasers, however long, are all chrome."""
    header = False
    for i in range(first_body + 1, len(lines) - 1):
        text = lines[i].text
        if _LIST_HEADER.match(text) or _RELATED_LINK.match(text):
            header = True
        elif (
            header
            and title[i]
            and not any(own[i][k] for k in (*_PHOTO, "date_only", "byline"))
            and any(own[i + 1][k] for k in _PHOTO)
        ):
            return i
    return len(lines)


def _title_runs(title: list[bool], headline: int) -> list[int]:
    """Length of the run of title-like lines each line is in (the headline ends a run)."""
    run = [0] * len(title)
    i = 0
    while i < len(title):
        if not title[i] or i == headline:
            i += 1
            continue
        j = i
        while j + 1 < len(title) and title[j + 1] and j + 1 != headline:
            j += 1
        for k in range(i, j + 1):
            run[k] = j - i + 1
        i = j + 1
    return run


def _short_runs(counts: list[int]) -> list[int]:
    """Runs of short lines (a menu, a list of stories with their teasers, a ticker)."""
    short = [n <= 20 for n in counts]
    short_run = [0] * len(counts)
    i = 0
    while i < len(counts):
        if not short[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(counts) and short[j + 1]:
            j += 1
        for k in range(i, j + 1):
            short_run[k] = j - i + 1
        i = j + 1
    return short_run


def _neighbour_features(
    f: dict[str, float],
    i: int,
    lines: list[Line],
    n: int,
    normals: list[str],
    head_text: str,
    headline: int,
) -> None:
    """The features line ``i`` has from the lines next to it and the headline, set in ``f``."""
    line = lines[i]
    nxt = lines[i + 1].text if i + 1 < len(lines) else ""
    f["before_credit"] = float(
        bool(nxt)
        and _credit_only(nxt)
        and not _COPYRIGHT.search(nxt)
        and 3 <= n <= 60
        and not f["caption"]
        and not f["caption_start"]
    )
    f["headline_repeat"] = float(i != headline and _repeats(normals[i], head_text, line.text))
    # The same line twice in a row: an image's alt text and caption, a widget. (A
    # standfirst repeated further down is labelled by its content: LABELLING.md.)
    twin = (i > 0 and normals[i - 1] == normals[i]) or (
        i + 1 < len(lines) and normals[i + 1] == normals[i]
    )
    f["duplicate"] = float(
        twin and len(normals[i]) > 20 and not f["headline_repeat"] and i != headline
    )
    # "Safety" then "Safety: Eight miles south of ...": a caption under its title (both).
    lead = _LABEL_LEAD.match(line.text)
    titled = lead is not None and i > 0 and _normal(lead.group(1)) == normals[i - 1]
    following = _LABEL_LEAD.match(nxt) if n <= 4 and nxt else None
    f["label_repeat"] = float(
        titled or following is not None and _normal(following.group(1)) == normals[i]
    )


# Page furniture run into the front of a sentence on the same line, up to its separator:
# a live entry's stamp ("7:10 a.m. – ", "9.50 pm: ", "22.29MF – ", "9/17/2015 – "), a
# station's dateline with a stamp ("CHILE (KUSI) – 12:33 p.m. – "), a dateline and outlet
# between bars ("Kampala, Uganda | THE INDEPENDENT | ").
_LEAD_PIECE = re.compile(r"(.{1,40}?)\s*(?:[–—|]|\s-|:)\s+(?=\S)")
# A time of day, with its time zone or the live blogger's initials after it ("22.29MF",
# "10.05 GMT", "9:10 a.m. ET").
_CLOCK = re.compile(r"^\d{1,2}[.:]\d\d\s*(?:[ap]\.?m\.?)?(?:\s*(?-i:[A-Z]{2,4}))?$", re.IGNORECASE)
# A stamp's time of day or full numeric date: "2019 – " or "March 3 – " may open an entry
# of a timeline, whose date is part of what it says.
_STAMP_MARK = re.compile(r"\b\d{1,2}[:.]\d\d\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b")
_PLACE_OR_OUTLET = re.compile(
    r"^(?:[A-Z][A-Za-z'’.-]+(?:,? [A-Z][A-Za-z'’.-]+){0,3}|[A-Z][A-Z'’. ]{1,30})"
    r"(?: \([A-Z][\w.&' -]{0,20}\))?$"
)


def furniture_prefix(text: str) -> int:
    """How many characters at the start of ``text`` are page furniture run into it (0 when
    none): stamps (a time of day, a numeric date) and datelines ended by a dash, a colon or
    a bar, at least one of them a stamp or two of them bars, and a sentence starting with a
    capital after them."""
    end, pieces, stamps = 0, 0, 0
    bars = 0
    while pieces < 3:
        match = _LEAD_PIECE.match(text, end)
        if not match:
            break
        piece = match.group(1).strip()
        stamp = bool(_CLOCK.match(piece) or _date_only(piece) and _STAMP_MARK.search(piece))
        if not stamp and not _PLACE_OR_OUTLET.match(piece):
            break
        if match.group().strip().endswith(":") and not stamp:
            break  # "Police: ..." is a source, not furniture
        stamps += stamp
        bars += "|" in match.group()
        pieces += 1
        end = match.end()
    rest = text[end:]
    if (
        not pieces
        or not (stamps or bars >= 2)
        or not rest[:1].isupper()
        and rest[:1] not in "“\"‘'"
    ):
        return 0
    return end
