"""Page chrome in plain text: the lines of a pasted news page that are not the article.

A web page copied as text brings its furniture along: datelines and "Updated:"
stamps, bylines, "1 Min Read", share and comment widgets, breadcrumbs, photo
captions and credits, the headline repeated, lists of other stories, an embedded
post's author line, time-zone notices, "ENDS.". Each line of the text gets a set
of features (patterns that follow ``news-claims/LABELLING.md``, and the line's
neighbourhood: a run of short title-like lines is a list of headlines, the line
before a photo credit is a caption), and a logistic regression fitted on the
labelled news pages (``train_news.py``, weights in ``news.json``) turns them into
P(chrome). The first line is the headline and is never chrome. Lines found to be
chrome are passed over with the reason "page chrome" before any scoring.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DAYS = r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
_ZONES = (
    r"gmt|bst|utc|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|cet|cest|ist|aedt|aest|acst|awst|nzdt|"
    r"nzst|hkt|sgt|jst|kst|wib|sast|cat|wat|eat|msk|ast"
)
# Words that may stand beside a date in a dateline without making it a sentence.
_DATE_FILLER = (
    r"updated|update|published|posted|last|modified|created|first|on|at|am|pm|a\.m|p\.m|"
    r"in|years?|ago|hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|today|"
    r"yesterday|edt|date|time|local|read"
)
_DATE_TOKEN = re.compile(
    rf"^(?:{_MONTHS}|{_DAYS}|{_ZONES}|{_DATE_FILLER})\.?$|^\d[\d:./-]*(?:st|nd|rd|th|am|pm|h)?$",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[\w'’]+(?:[.:/-][\w'’]+)*\.?")
_HAS_DATE = re.compile(rf"\b(?:{_MONTHS})\b\.?\s*\d|\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}|\b\d{{1,2}}:\d\d\b|\b(?:19|20)\d\d\b", re.IGNORECASE)
_BYLINE = re.compile(
    r"(?:\b(?:[Ee]dited|[Rr]eporting|[Ww]riting|[Ww]ritten|[Cc]ompiled|[Pp]roduced|[Pp]resented|"
    r"[Pp]hotographs|[Pp]hotos|[Ww]ords|[Aa]dditional reporting)\s+)?\b[Bb][Yy]\s+(?:[A-Z][\w'’.-]*|[A-ZÀ-Þ][^\s]*)(?:\s+(?:[A-Z][\w'’.-]*|and|de|van|von|al|el|da|di))*",
)
# A photo described: "X talks to reporters in Davao, May 9, 2016." "(L-R) ...", "pictured".
_CAPTION_LIKE = re.compile(
    r"\b(?:is|are) (?:shown|seen|pictured)\b|\bpictured\b|\b(?:poses?|gestures?|looks? on|waves?|"
    r"smiles?|reacts?|speaks? to|talks? to|arrives?|attends?|walks?|stands?|holds?|sits?)\b"
    r".{0,160}\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}, (?:19|20)\d\d)\.?$"
    r"|\((?:l|r|c|l-r|r-l|left|right|centre|center|top|above|below)\)|\bfrom left\b|\bleft to right\b"
    # Present tense with a day: captions describe the picture ("X speaks in Y on Monday").
    r"|^[^.!?]{3,80}?\b(?:speaks|talks|walks|arrives|attends|gestures|looks|poses|stands|sits|"
    r"holds|waves|smiles|reacts|delivers|addresses|leaves|enters|visits|meets|shakes|listens|"
    r"watches|celebrates|kneels|prays|mourns|march|marches|gather|gathers|waits|wait|queue|"
    r"queues|inspects|tours|greets|hugs|embraces|carries|carry|sit|stand|walk|look|pose|hold)\b"
    r"[^.!?]{0,140}\b(?:on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b)",
    re.IGNORECASE,
)
_STAFF = re.compile(
    r"\b(?:staff|reporter|correspondent|desk|bureau|editor|contributor|news service|wire)s?\b",
    re.IGNORECASE,
)
_AGENCY = re.compile(
    r"^[\s(\[|•·-]*(?:reuters|afp|ap|associated press|xinhua|pti|ians|ani|aa|anadolu(?: agency)?|"
    r"dpa|efe|ansa|kyodo|yonhap|tass|ria novosti|bernama|upi|bloomberg|agencies|agency|"
    r"press association|pa|pa media|bbc|cnn)[\s)\]|,.:;•·-]*$",
    re.IGNORECASE,
)
_WIDGET = re.compile(
    r"\b(?:share(?: this| on| via| article| story)?|tweet|whatsapp|facebook|linkedin|pinterest|"
    r"telegram|e-?mail (?:this|a friend)|send a link|print(?: this)?(?: article| page)?|"
    r"\d+ comments?|comments? \(\d+\)|no comments|view comments|show comments|comments:|"
    r"leave a (?:comment|reply)|post a comment|subscribe|subscription|newsletter|"
    r"sign (?:in|up)|log ?in|log ?out|create an account|my account|register|"
    r"read (?:more|offline|next|full story)|min(?:ute)?s? read|views?:? \d+|\d+ views|"
    r"copy link|get involved|go deeper|load more|show more|see more|more stories|"
    r"continue reading|keep reading|just now|submit (?:a )?(?:release|news|story|tip)|"
    r"support (?:our|us|independent) journalism|donate|story continues|article continues|"
    r"continues below|originally (?:published|appeared)|trust principles|our standards|"
    r"follow (?:him|her|them|us|me) on|breaking(?: news)?|exclusive|image \d+ of \d+|"
    r"click to (?:expand|enlarge)|view (?:gallery|slideshow|image)|contact us|about us|"
    r"your inbox|your email|enter your|comments are closed|be the first to comment|"
    r"join the conversation|comment policy|join our|like us on|now playing|video duration|"
    r"promoted|paid content|partner content|more on this story|more about this|"
    r"short link|permalink|font size|text size|advertisement|sponsored(?: by)?|"
    r"follow us|click here|listen(?: to this)?|watch(?: now| video)|skip to|back to top|"
    r"show all posts|showing posts|cookies?|privacy policy|terms of (?:use|service)|"
    r"download the app|get the app|open in app|next article|previous article)\b"
    r"|^(?:home|menu|search|related|latest|popular|trending|print|e-?mail|live|report)\b"
    r"|\b(?:tags?|category|categories|section|topics?|filed under|posted in|source)\s*:",
    re.IGNORECASE,
)
_RELATED_LINK = re.compile(
    r"^\W{0,3}(?:more|read more|also read|read also|see also|related(?: stories| story| articles?| news)?|"
    r"watch|listen|also see|don'?t miss|must read|recommended|trending|editor'?s picks?|latest|"
    r"up next|next|previous|top stories|breaking)\s*[:|»›>]\s*\S",
    re.IGNORECASE,
)
# A site's own fine print, long or short: cookie banners, comment forms, disclaimers.
_FINE_PRINT = re.compile(
    r"\b(?:we|this (?:site|website)) uses? cookies|continuing to (?:browse|use this)|required fields are|"
    r"will not be published|notify me of (?:new|follow)|save my name|"
    r"provides? this (?:news )?content|\bas is\b.{0,20}\bwithout warranty|views expressed (?:in|here)|"
    r"do not necessarily reflect|readers'? comments|comments? (?:policy|will be moderated)",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(
    r"©|\bcopyright\b|all rights reserved|\bdisclaimer\b|views expressed|opinions expressed|\bcookies\b|"
    r"necessarily (?:reflect|represent)|without warranty|(?:accept|assume) (?:any |no )?(?:responsibility|liability)"
    r"|\b(?:is|was) an? (?:senior |staff |freelance |chief |political |special |contributing )?"
    r"(?:reporter|writer|journalist|correspondent|editor|contributor|columnist) (?:for|at|with)\b",
    re.IGNORECASE,
)
_LIST_HEADER = re.compile(
    r"^(?:[\w.'’]+\s){1,2}(?:top stories|most read|most popular|most viewed|latest news|more stories|"
    r"related (?:stories|news|articles|content)|trending(?: now)?|recommended(?: for you)?)\s*:?$"
    r"|^(?:today'?s |more |also )?(?:related|popular|latest|top|most read|most popular|"
    r"trending|recommended|you (?:may|might) also like|more from|editor'?s picks|hot topics|"
    r"read (?:more|next)|further reading|see also|in other news|more stories|"
    r"more news|top stories|breaking news)\b.{0,30}$",
    re.IGNORECASE,
)
_CAPTION_START = re.compile(
    r"^\W{0,3}(?:photo|image|picture|pictured|file photo|file|caption|illustration|graphic|video|"
    r"photograph|photographer|credit|courtesy|image source|image caption|media caption|"
    r"chart|map|data|top|above|below|left|right|main|inset)\b\s*[:/|,]",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"\b(?:credit|photo|image|picture|photograph|illustration|chart)s?\s*:\s*\S"
    r"|\[(?:photo|image|picture|video)\b|\((?:photo|image|picture|file photo)\b"
    r"|\b(?:getty images|shutterstock|afp via getty|via reuters|/reuters|reuters/|/ap\b|ap photo|"
    r"afp photo|/afp\b|epa-efe|/epa\b|handout|file photo|alamy|pa wire|pa images|"
    r"istock|ians photo|pti photo)\b"
    r"|—\s*getty",
    re.IGNORECASE,
)
_CREDIT_START = re.compile(
    r"^[\[(]?(?:photo|image|picture|credit|courtesy|file photo|source|pics?)\b", re.IGNORECASE
)
# "Pic Larry Cummins", "Photo by Jane Doe": a photographer's credit on its own line.
_PHOTOGRAPHER = re.compile(r"^(?:pics?|photos?|pictures?|photographs?)(?: by)?:?\s+[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,3}\.?$", re.IGNORECASE)
_EMBED = re.compile(
    r"\(@\w{1,30}\)|pic\.twitter\.com/|\bt\.co/|^\s*[—–-]\s*.{1,60}\(@\w+\)|"
    r"a post shared by|view this post on (?:instagram|facebook|x|twitter)|"
    r"^\s*@\w{2,30}\b.{0,40}$|\b(?:posted|shared) (?:by|on) .{1,40}\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_TIMEZONE = re.compile(
    r"^all times (?:are )?(?:in |shown in |listed in )?\w+|^times (?:are|shown) (?:in )?\w+|"
    r"^\(?all times\b", re.IGNORECASE
)
_END_MARK = re.compile(r"^(?:ends?|-?\s*30\s*-|#{3}|\*{3}|-{3,}|–|—|-|\|+|×|x|•)\.?$", re.IGNORECASE)
_URLISH = re.compile(r"https?:|www\.|\S+@\S+\.\w{2,}|\.(?:jpe?g|png|gif|webp|html?|php)\b|_{3,}|\w+\.(?:com|org|net|co\.uk)\b", re.IGNORECASE)
_NAV = re.compile(r"\s[|>»·/→]\s|\s[|»]$|^[|»]")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’')\]]*$|[.!?][\"”’]\s*\(?[^()]{0,40}\)?$")
_COUNTED = re.compile(r"\S*\w\S*")  # a word: white-space separated, with a letter or digit
_LABEL_ONLY = re.compile(r"^[\w'’ ]{1,30}:$")
# "The Minister said:" is a lead-in to a quote (not a claim, but not chrome either).
_SPEECH = re.compile(r"\b(?:said|says|told|added|adds|explained|explains|wrote|writes|continued|stated|noted)\b")

FEATURES = (
    "date_only", "byline", "agency", "widget", "copyright", "list_header", "related_link",
    "caption_start", "caption", "duplicate", "all_caps", "ellipsis",
    "before_credit", "embed", "timezone", "end_mark", "urlish", "nav", "label_only", "bracketed",
    "headline_repeat", "short_title", "in_title_run", "after_list_header", "in_short_run", "before_body",
    "after_body", "no_sentence_end", "few_letters", "long", "one_word",
)
# Used only when no fitted weights are shipped (``news.json``): the strong patterns.
FALLBACK_WEIGHTS = {
    "bias": -3.0, "date_only": 5.0, "byline": 4.0, "agency": 5.0, "widget": 2.5, "copyright": 4.0,
    "caption_start": 5.0, "bracketed": 4.0, "related_link": 5.0, "duplicate": 3.0,
    "all_caps": 1.5, "ellipsis": 2.0,
    "list_header": 4.0, "caption": 4.0, "before_credit": 3.0, "embed": 4.0, "timezone": 5.0,
    "end_mark": 5.0, "urlish": 3.0, "nav": 3.0, "label_only": 4.0, "headline_repeat": 6.0,
    "short_title": 0.5, "in_title_run": 1.5, "after_list_header": 1.5, "in_short_run": 0.5, "before_body": 0.5,
    "after_body": 0.5, "no_sentence_end": 0.5,
    "few_letters": 2.0, "long": -2.0, "one_word": 0.5,
}
THRESHOLD = 0.5


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


_STRONG = ("date_only", "byline", "agency", "widget", "copyright", "nav", "urlish", "end_mark",
           "label_only", "caption_start", "caption", "embed", "timezone", "list_header", "bracketed",
           "related_link")


def _is_body(line: Line) -> bool:
    """A line of running text: a dozen words or more, ending like a sentence."""
    return len(line.text.split()) >= 12 and _ends_sentence(line.text)


def _byline(text: str, n: int) -> bool:
    """"By Name" where nothing but a date or punctuation comes before "by"; "X Staff";
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
    """The headline again, alone or with a date or a label before or after it."""
    if not headline or not normal:
        return False
    if normal == headline:
        return True
    if len(headline) <= 15 or headline not in normal:
        return False
    rest = normal.replace(headline, " ", 1).split()
    return len(rest) <= 6 and all(_DATE_TOKEN.match(w) for w in rest)


def _pattern_features(text: str, n: int) -> dict[str, float]:
    """The features a line has by itself (``n``: its words, punctuation not counted)."""
    short = n <= 12
    letters = sum(map(str.isalpha, text))
    return {
        "date_only": float(n <= 14 and _date_only(text)),
        "byline": float(_byline(text, n)),
        "agency": float(bool(_AGENCY.match(text))),
        "widget": float(n <= 10 and bool(_WIDGET.search(text))),
        "copyright": float(n <= 25 and bool(_COPYRIGHT.search(text))
                           or n <= 80 and bool(_FINE_PRINT.search(text))),
        "list_header": float(bool(_LIST_HEADER.match(text)) and n <= 6),
        "related_link": float(bool(_RELATED_LINK.match(text)) and n <= 30),
        "all_caps": float(3 <= n <= 30 and letters >= 10 and sum(map(str.isupper, text)) >= 0.8 * letters),
        "ellipsis": float(n <= 30 and text.rstrip().endswith(("...", "…"))),
        "caption_start": float(n <= 80 and bool(_CAPTION_START.match(text) or _PHOTOGRAPHER.match(text))),
        "caption": float(n <= 60 and bool(_CAPTION.search(text) or n <= 45 and _CAPTION_LIKE.search(text))),
        "bracketed": float(bool(re.fullmatch(r"\[[^\[\]]{1,80}\][\s|]*", text))),
        "embed": float(n <= 40 and bool(_EMBED.search(text))),
        "timezone": float(bool(_TIMEZONE.match(text))),
        "end_mark": float(bool(_END_MARK.match(text))),
        "urlish": float(n <= 20 and bool(_URLISH.search(text))),
        "nav": float(n <= 60 and (short or len(_NAV.findall(text)) >= 3) and bool(_NAV.search(text))),
        "label_only": float(bool(_LABEL_ONLY.match(text)) and not _SPEECH.search(text)),
        "no_sentence_end": float(not _ends_sentence(text)),
        "few_letters": float(letters < max(3, 0.5 * len(text))),
        "long": float(n > 25),
        "one_word": float(n <= 2),
    }


def _credit_only(text: str) -> bool:
    """A photo credit line with nothing else: "[Photo/IC]", "Courtesy NASA/Handout via REUTERS"."""
    n = len(text.split())
    caption = _CAPTION.search(text) or _CAPTION_START.match(text) or _PHOTOGRAPHER.match(text)
    return bool(caption) and (n <= 6 or bool(_CREDIT_START.match(text))) and n <= 12


def all_features(lines: list[Line]) -> tuple[int, list[dict[str, float]]]:
    """The headline's index and every line's features (see ``FEATURES``), in linear time.

    The headline is the first line (of the first eight) that no strong chrome pattern
    matches: usually line 1, but a pasted page may begin with a menu or a date.
    """
    counts = [len(_COUNTED.findall(line.text)) for line in lines]
    own = [_pattern_features(line.text, n) for line, n in zip(lines, counts)]
    headline = next(
        (i for i, f in enumerate(own[:8]) if not any(f[name] for name in _STRONG)), 0
    )
    title = [_is_title(line) for line in lines]
    body = [_is_body(line) for line in lines]
    # Length of the run of title-like lines each line is in (the headline ends a run).
    run = [0] * len(lines)
    i = 0
    while i < len(lines):
        if not title[i] or i == headline:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and title[j + 1] and j + 1 != headline:
            j += 1
        for k in range(i, j + 1):
            run[k] = j - i + 1
        i = j + 1
    # Runs of short lines (a menu, a list of stories with their teasers, a ticker).
    short = [n <= 20 for n in counts]
    short_run = [0] * len(lines)
    i = 0
    while i < len(lines):
        if not short[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and short[j + 1]:
            j += 1
        for k in range(i, j + 1):
            short_run[k] = j - i + 1
        i = j + 1
    first_body = next((i for i in range(headline + 1, len(lines)) if body[i]), len(lines))
    last_body = max((i for i in range(len(lines)) if body[i]), default=-1)
    head_text = _normal(lines[headline].text) if lines else ""
    last_header = -100
    # Only short lines can repeat the headline or a neighbour in a way that matters here.
    normals = [_normal(line.text) if n <= 60 else "" for line, n in zip(lines, counts)]
    out = []
    for i, (line, n, f) in enumerate(zip(lines, counts, own)):
        if i > headline and (_LIST_HEADER.match(line.text) or _RELATED_LINK.match(line.text)):
            last_header = i
        elif n > 40:
            last_header = -100  # a long paragraph: the list is over
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        f = dict(f)
        f["before_credit"] = float(bool(nxt) and _credit_only(nxt) and not _COPYRIGHT.search(nxt)
                                   and 3 <= n <= 60 and not f["caption"] and not f["caption_start"])
        f["headline_repeat"] = float(i != headline and _repeats(normals[i], head_text, line.text))
        # The same line twice in a row: an image's alt text and caption, a widget. (A
        # standfirst repeated further down is labelled by its content: LABELLING.md.)
        twin = (i > 0 and normals[i - 1] == normals[i]) or (i + 1 < len(lines) and normals[i + 1] == normals[i])
        f["duplicate"] = float(twin and len(normals[i]) > 20 and not f["headline_repeat"] and i != headline)
        f["short_title"] = float(title[i])
        f["in_title_run"] = float(title[i] and run[i] >= 3)
        f["after_list_header"] = float(0 < i - last_header <= 30)
        f["in_short_run"] = float(short_run[i] >= 5)
        f["before_body"] = float(headline < i < first_body)
        f["after_body"] = float(i > last_body)
        out.append(f)
    return headline, out


def probability(features: dict[str, float], weights: dict[str, float]) -> float:
    z = weights.get("bias", 0.0) + sum(weights.get(k, 0.0) * v for k, v in features.items())
    return 1 / (1 + math.exp(-max(min(z, 40.0), -40.0)))


def _weights() -> tuple[dict[str, float], float]:
    from workbench.nlp import model

    fitted = model.news_meta().get("chrome")
    if fitted:
        return fitted["weights"], float(fitted.get("threshold", THRESHOLD))
    return FALLBACK_WEIGHTS, THRESHOLD


def reason(features: dict[str, float]) -> str:
    """What kind of chrome a line is, for the reason shown to the user."""
    for name, label in (
        ("headline_repeat", "the headline repeated"),
        ("date_only", "a date or time stamp"),
        ("timezone", "a time-zone notice"),
        ("byline", "a byline"),
        ("agency", "an agency credit"),
        ("embed", "an embedded post's author line"),
        ("caption_start", "a caption or credit"),
        ("caption", "a caption or credit"),
        ("bracketed", "a note in brackets"),
        ("before_credit", "a photo caption"),
        ("list_header", "a list of other stories"),
        ("related_link", "a link to another story"),
        ("duplicate", "a line repeated on the page"),
        ("after_list_header", "a list of other stories"),
        ("in_title_run", "a list of headlines or links"),
        ("widget", "a page widget"),
        ("nav", "navigation"),
        ("urlish", "a link or file name"),
        ("end_mark", "a separator"),
        ("label_only", "a label without text"),
    ):
        if features.get(name):
            return label
    return "page furniture"


@dataclass
class Layout:
    """Where a page's headline is, which of its lines are chrome (each with its kind), and
    every line's span with its chrome log-odds (the news scorer weighs lines that look
    like chrome without being called chrome)."""

    headline: tuple[int, int] | None
    chrome: list[tuple[int, int, str]]
    lines: list[tuple[int, int, float]]


def log_odds(features: dict[str, float], weights: dict[str, float]) -> float:
    z = weights.get("bias", 0.0) + sum(weights.get(k, 0.0) * v for k, v in features.items())
    return max(min(z, 8.0), -8.0)


def layout(text: str, weights: dict[str, float] | None = None) -> Layout:
    """The headline's span and the spans of the lines of ``text`` that are page chrome."""
    lines = lines_of(text)
    if not lines:
        return Layout(None, [], [])
    if weights is None:
        weights, limit = _weights()
    else:
        limit = THRESHOLD
    head, features_of = all_features(lines)
    odds = [log_odds(f, weights) for f in features_of]
    cut = math.log(limit / (1 - limit))
    chrome = [
        (lines[i].start, lines[i].end, reason(features))
        for i, features in enumerate(features_of)
        if i != head and odds[i] >= cut
    ]
    spans = [(line.start, line.end, -8.0 if i == head else z) for i, (line, z) in enumerate(zip(lines, odds))]
    return Layout((lines[head].start, lines[head].end), chrome, spans)


def chrome_lines(text: str, weights: dict[str, float] | None = None) -> list[tuple[int, int, str]]:
    """The spans of the lines of ``text`` that are page chrome, each with its kind."""
    return layout(text, weights).chrome
