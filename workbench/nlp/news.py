"""What sets a news sentence apart from a debate sentence: the signals of news scoring.

The debate-trained classifier knows figures, names and opinion. A news page adds
kinds of text ``news-claims/LABELLING.md`` says are not claims whatever figures
they hold: procedural text (police appeals, contact instructions, meeting
mechanics), predictions and intentions, hypotheticals and analogies, lead-ins
("The minister said:"), stances ("slammed", "defends"); and it has a headline,
which is scored for its content. These signals are found with patterns; the news
combiner (``news.json``, fitted by ``training/nlp/train_news.py``) weighs them with the
classifiers' log-odds and the debate signals. A sentence not listed because of
one of them is passed over with that reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.nlp import signals
from workbench.nlp.signals import Lexicon

_PHONE = (
    r"(?:\+\d{1,3}[\s-]?)?(?:\(?\d{2,5}\)?[\s-]?)\d{3,4}[\s-]?\d{3,4}\b|\b(?:101|111|999|911|112)\b"
)
# Appeals and contact instructions: never a claim (LABELLING.md), so passed over outright.
CONTACT = re.compile(
    r"\bappeal(?:s|ing|ed)? (?:for|to) (?:witnesses|information|anyone|the public"
    r"|members of the public)"
    r"|\b(?:is|are) appealing\b|\bmaking (?:a|an) (?:direct |urgent |fresh |renewed )?appeal\b"
    r"|\banyone (?:with|who|else who) (?:has|had|may|might|saw|witnessed|information|knows|can)"
    r"|\b(?:asked|urged|encouraged|advised|requested) to (?:contact|call|get in touch|come forward"
    r"|ring|phone|email)"
    r"|\bcome forward\b|\bget in touch\b|\bplease (?:contact|call|ring|email|get in touch|visit"
    r"|send)"
    r"|\b(?:contact|call|ring|phone) (?:police|detectives|officers|us|the incident room"
    r"|crimestoppers|crime stoppers)"
    r"|\bquot(?:e|ing) (?:reference|ref|crime|incident|file|job|log|the reference)\b"
    r"|\bcrime ?stoppers\b"
    r"|\b(?:provided|given|report(?:ed)?) anonymously\b|\b(?:hotline|helpline) (?:on|at|number)\b",
    re.IGNORECASE,
)
_CONTACT_PHONE = re.compile(
    rf"\b(?:on|call|ring|dial|phone|number|tel\.?|telephone|via):? ?(?:{_PHONE})", re.IGNORECASE
)
_CONTACT_START = re.compile(
    r"(?:to (?:register|apply|book|subscribe|donate|find out more)|for (?:more"
    r"|further) (?:information|details)"
    r"|visit|click|register|apply|call|email|contact|send|sign up|join us)\b",
    re.IGNORECASE,
)
# Meeting mechanics and rules of procedure: usually not a claim; weighed by the combiner.
PROCEDURAL = re.compile(
    r"\b(?:the (?:motion|resolution) was (?:seconded|carried|approved)|seconded by"
    r"|meeting (?:was )?adjourned"
    r"|roll call|quorum|public comment period|next (?:regular )?meeting|on the agenda|agenda item"
    r"|more (?:information|details) (?:to follow|will follow|will be (?:released|provided"
    r"|published))"
    r"|(?:is|are) required to|per (?:city |the )?(?:charter|ordinance|statute|rules)"
    r"|in accordance with"
    r"|under the (?:system|rules)|is (?:then )?(?:eliminated|recounted|transferred)|(?:can"
    r"|may) (?:choose|apply|vote))\b",
    re.IGNORECASE,
)
PREDICTION = re.compile(
    r"\b(?:is|are|was|were|be|been|remains?) (?:now |also |widely |still )?(?:expected|likely|set"
    r"|poised|tipped|"
    r"forecast|projected|predicted|anticipated|slated|scheduled|bound|unlikely) to\b"
    r"|\b(?:expects?|expected|predicts?|predicted|forecasts?|forecasted|anticipates?|foresees?|"
    r"envisages?|projects|projected|estimates? that|hopes?|hoped|plans?|planned|intends?|"
    r"intended|aims?|aimed|vows?|vowed|pledges?|pledged|promises?|promised|wants?|wanted|"
    r"seeks?|sought|would like|is going to|are going to|will seek|will try) (?:to|that)\b"
    r"|\b(?:a|an|the) (?:result|decision|ruling|verdict|announcement|vote|report) (?:is"
    r"|was) expected\b"
    r"|\b(?:results?|decisions?|details|figures) (?:are|were|is|was) (?:expected|due)\b"
    r"|\b(?:expects?|expected|predicts?|predicted|forecasts?)\b",
    re.IGNORECASE,
)
# A result set against a forecast ("profit was higher than expected", "ahead of a 38-cent
# forecast by analysts", "beat estimates"): a past fact compared with a prediction, not a
# prediction. Blanked before PREDICTION is looked for.
_AGAINST_FORECAST = re.compile(
    r"\b(?:than|ahead of|above|below|beat|beats|beating|missed|misses|missing|topped|tops|"
    r"exceeded|exceeds|short of|in line with|compared with|against)\b[^.;:!?]{0,40}?"
    r"\b(?:expectations?|expected|forecasts?|estimates?|predictions?|projections?)\b"
    r"|\b(?:un)?expectedly\b|\bunexpected\b|\bas (?:had been )?(?:expected|forecast|predicted)\b",
    re.IGNORECASE,
)
FUTURE = Lexicon("will|won't|shall|going to|it'll|they'll|we'll|he'll|she'll|i'll|you'll")
# The future inside what someone is reported to have declared: "Kim Jong-Un has declared that
# he will send troops", "the ministry announced on Monday that fares will rise". The report of
# a declaration (who declared what, when) is checkable in a way the article's own "will" is
# not, so it is a signal of its own ("reported_future") rather than "future".
_REPORTED_FUTURE = re.compile(
    r"\b(?:declared|announced|confirmed|decided|ordered|decreed|revealed|disclosed|stated|said|"
    r"told \w+(?: \w+)?)\b[^.;:!?]{0,40}?\bthat\b[^.;:!?]{0,60}?\b(?:will|won't|shall|would)\b",
    re.IGNORECASE,
)
# Words that make a projection a report's finding (a claim) rather than a person's guess.
_DOCUMENT = Lexicon(
    "report|study|studies|survey|analysis|research|researchers|data|model|models|projection|"
    "projections|estimate|estimates|findings|scientists|panel|ipcc|imf|world bank|oecd|census|"
    "statistics"
)
HYPOTHETICAL = re.compile(
    r"^(?:(?:and|but|so|yet),? )?(?:even )?if\b|^(?:imagine|suppose|supposing|what if|had (?:he|she"
    r"|they|it|we|i)\b|"
    r"were (?:he|she|they|it|we|i)\b|unless)\b"
    r"|\b(?:if|unless|even if|as if|as though)\b.{0,120}\b(?:would|could|might)\b"
    r"|\b(?:would|could|might) have (?:been|had|happened|died|won|lost)\b|\bin theory\b"
    r"|\bjust as\b|\bthe equivalent of\b|\bit is as if\b|\bhypothetical",
    re.IGNORECASE,
)
STANCE = Lexicon(
    "slam|slams|slammed|defend|defends|defended|criticise|criticises|criticised|criticize|"
    "criticizes|criticized|condemn|condemns|condemned|praise|praises|praised|welcome|welcomes|"
    "welcomed|urge|urges|urged|accuse|accuses|accused|blast|blasts|blasted|hail|hails|hailed|"
    "lash out|lashes out|lashed out|denounce|denounces|denounced|cast doubt|casts doubt|reject|"
    "rejects|rejected|call for|calls for|called for|call on|calls on|called on|demand|demands|"
    "demanded|insist|insists|insisted|oppose|opposes|opposed|support|supports|supported|back|"
    "backs|backed|hit out|hits out|warn against|warns against|warned against|vow|vows|vowed|"
    "question|questions|questioned"
)
FEELING = Lexicon(
    "feel|feels|felt|hope|hopes|hoped|fear|fears|feared|worried|worries|happy|proud|sorry|"
    "regret|regrets|regretted|glad|pleased|delighted|disappointed|upset|angry|sad|afraid|"
    "excited|thrilled|concerned|grateful|thankful|love|loves|hate|hates|wish|wishes"
)
EVALUATION = Lexicon(
    "good|bad|great|terrible|awful|excellent|wonderful|brilliant|fantastic|important|"
    "crucial|vital|essential|disaster|disastrous|success|successful|failure|hypocritical|"
    "ludicrous|ridiculous|absurd|outrageous|shameful|disgraceful|unacceptable|tragic|"
    "remarkable|extraordinary|surprising|shocking|fair|unfair|positive|negative|strong|weak|"
    "beautiful|colourful|colorful|bizarre|fascinating|interesting|best|worst|clear|obvious|"
    "right|wrong|better|worse|significant|serious|difficult|easy|hard|tough|lucky"
)
# Things that happened: the events news reports.
EVENT = Lexicon(
    "killed|died|dead|death|deaths|injured|wounded|arrested|charged|sentenced|jailed|convicted|"
    "acquitted|fined|remanded|bailed|won|wins|elected|approved|passed|rejected|voted|signed|"
    "launched|banned|suspended|resigned|appointed|sacked|fired|raised|cut|increased|decreased|"
    "rose|fell|grew|declined|reached|hit|recorded|infected|evacuated|destroyed|damaged|burned|"
    "attacked|seized|discovered|confirmed|reported|announced|imposed|ordered|upheld|dismissed|"
    "earned|posted|sold|bought|paid|spent|allocated|received|lost|gained|surged|dropped|"
    "jumped|climbed|slumped|doubled|tripled|halved|kills|dies|rises|falls"
)
# fmt: off
_FIRST_PERSON = {"I", "I'm", "I’m", "I've", "I’ve", "I'd", "I’d", "we", "We", "we're", "We're",
                 "we’re", "We’re", "we've", "We've", "our", "Our", "us", "my", "My", "me"}
# fmt: on
# Only words that can start these patterns are looked for first: most sentences have none,
# and a long regular expression with alternatives is slow to try at every position.
_GATES = {
    "contact": frozenset(
        "appeal appeals appealing appealed anyone contact call ring phone email forward touch "
        "please quote quoting crimestoppers stoppers anonymously hotline helpline".split()
    ),
    "procedural": frozenset(
        "motion resolution seconded meeting adjourned roll quorum comment agenda information "
        "details required per accordance under eliminated recounted transferred choose apply "
        "vote".split()
    ),
    "prediction": frozenset(
        "expected expects expect likely unlikely set poised tipped forecast forecasts forecasted "
        "projected projects predicted predicts anticipated anticipates slated scheduled bound "
        "foresees foresee envisages envisage estimate estimates hopes hope hoped plans plan "
        "planned intends intend intended aims aim aimed vows vow vowed pledges pledge pledged "
        "promises promise promised wants want wanted seeks seek sought like going due try".split()
    ),
    "hypothetical": frozenset(
        "if unless imagine suppose supposing theory equivalent hypothetical hypothetically "
        "though just".split()
    ),
}
_MODALS = frozenset(("would", "could", "might"))


def _hypothetical_gate(tokens: frozenset[str], lower: list[str]) -> bool:
    """Whether a hypothetical can be there: "if", "unless" ...; "would have"; a sentence
    opening with "Had" or "Were"."""
    return (
        not _GATES["hypothetical"].isdisjoint(tokens)
        or (not _MODALS.isdisjoint(tokens) and "have" in tokens)
        or bool(lower)
        and lower[0] in {"had", "were"}
    )


_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")

# fmt: off
FEATURES = (
    "procedural", "prediction", "future", "hypothetical", "stance", "first_person",
    "feeling", "evaluation", "event",
    "lead_in", "headline", "heading", "fragment", "long", "page", "near", "chrome", "position",
    "forecast", "reported_future", "cut_end",
)
# fmt: on


@dataclass
class NewsSignals:
    """What the news patterns found in one sentence, and where the sentence stands."""

    contact: str = ""
    procedural: str = ""
    prediction: str = ""
    future: str = ""
    hypothetical: str = ""
    stance: str = ""
    first_person: str = ""
    feeling: str = ""
    evaluation: str = ""
    event: str = ""
    lead_in: bool = False
    # A prediction or an intention and nothing to check besides: no figure, no report.
    bare_prediction: bool = False
    headline: bool = False
    heading: bool = False
    fragment: bool = False
    long: bool = False
    # The page around the sentence: the mean classifier log-odds of the page's sentences
    # (a wire report is mostly claims, a feature or a column mostly not), and of the
    # sentences just before and after it. Set by ``set_context``.
    page: float = 0.0
    near: float = 0.0
    chrome: float = -8.0  # the log-odds that the sentence's line is page chrome
    position: float = 0.0  # how far down the page's scored sentences (0 first, 1 last)
    # A person's forecast in figures ("economists expect growth to slow to 2.3%"): NOT by
    # LABELLING.md unless a report's projection; weighed, as figures make it look a claim.
    forecast: bool = False
    # "X declared that ... will ...": the future in a reported declaration (not "future").
    reported_future: bool = False
    # The page's last sentence, cut off ("Police said 88 of th"): a page copied or stored
    # only in part ends mid-sentence, and what is left is seldom the claim (LABELLING.md:
    # truncated fragments are labelled by their visible text, usually NOT). Set by
    # ``set_context``.
    cut_end: bool = False
    # An opinion or hedge in one clause and a figure, a date or an event in another ("North
    # Korea has not fought in a war since the 1950s, and sadly, these troops may very well
    # be ..."): LABELLING.md makes a sentence that mixes opinion with a checkable fact a
    # claim, so the hedge's weight is not applied to it (``news_score.feature_vector``).
    mixed: bool = False

    def vector(self) -> list[float]:
        return [
            float(v) if isinstance(v := getattr(self, name), float) else (1.0 if v else 0.0)
            for name in FEATURES
        ]

    def passed_over(self, opinion: str = "") -> str:
        """Why the sentence is not a claim whatever its score, or "": LABELLING.md makes
        procedural text (appeals, contact instructions, meeting mechanics), hypotheticals
        and analogies, and lead-ins never claims. (Predictions are weighed, not ruled out:
        a report's projection is a claim.)"""
        if self.contact:
            return f"procedural text (an appeal or contact instructions): “{self.contact}”"
        if self.hypothetical:
            return f"hypothetical: “{self.hypothetical}”"
        if self.procedural and not self.headline:
            return f"procedural text: “{self.procedural}”"
        if self.lead_in:
            return "a lead-in to a quote"
        if self.bare_prediction:
            if opinion:  # "certainly ... is likely to": the hedge says more
                return f"opinion or hedge: “{opinion}”"
            return f"prediction or intention: “{self.prediction}”"
        return ""

    def why_low(self, opinion: str = "") -> str:
        """The reason a sentence scored low, or "" when none of these applies (``opinion``:
        the opinion or hedge the debate signals found)."""
        if self.procedural:
            return f"procedural text: “{self.procedural}”"
        if opinion:
            return f"opinion or hedge: “{opinion}”"
        if self.prediction:
            return f"prediction or intention: “{self.prediction}”"
        if self.stance:
            return f"a stance rather than a fact: “{self.stance}”"
        return ""


def _found(
    pattern: re.Pattern[str], text: str, gate: str = "", tokens: frozenset[str] = frozenset()
) -> str:
    """What ``pattern`` finds in ``text`` (stripped), or ""; with a ``gate``, only when one
    of that gate's words is among ``tokens``."""
    if gate and _GATES[gate].isdisjoint(tokens):
        return ""
    match = pattern.search(text)
    return match.group().strip() if match else ""


def _contact(text: str, tokens: frozenset[str]) -> str:
    match = _CONTACT_START.match(text)
    if match:
        return match.group().strip()
    if _DIGIT.search(text):
        found = _found(_CONTACT_PHONE, text)
        if found:
            return found
    return _found(CONTACT, text, "contact", tokens)


def _outside_quotes(text: str) -> str:
    """The text with quoted passages blanked, so a quoted speaker's words are not the
    article's own ("I", "we" inside a quote are the speaker's)."""
    # Only up to the last closing mark: an opening mark never closed would otherwise make
    # the search rescan the rest of the sentence from each one (quadratic).
    closing = max(text.rfind("”"), text.rfind('"'))
    if closing <= 0:
        return text
    return re.sub(r"[“\"][^”\"]*[”\"]", " ", text[: closing + 1]) + text[closing + 1 :]


_CLAUSE_BREAK = re.compile(r",? (?:and|but|while|yet|although|though) |; | [–—] ")


def _mixed(text: str, opinion: str) -> bool:
    """Whether a clause of ``text`` other than the one holding ``opinion`` (the hedge or
    opinion the debate signals found) holds a figure, a date or an event."""
    if not opinion:
        return False
    clauses = _CLAUSE_BREAK.split(text)
    if len(clauses) < 2:
        return False
    hedge = opinion.lower()
    for clause in clauses:
        if hedge in clause.lower() or len(clause.split()) < 4:
            continue
        _original, lower, joined = signals.token_views(clause)
        if signals.quick_signals(clause).figures or EVENT.find(lower, joined):
            return True
    return False


def news_signals(
    text: str,
    *,
    headline: bool = False,
    heading: bool = False,
    figures: bool | None = None,
    opinion: str = "",
) -> NewsSignals:
    """The news signals of one sentence; ``headline``/``heading``: the sentence is the
    page's headline, or a line of its own without a full stop; ``figures``: it holds a
    figure (found here when not given); ``opinion``: the opinion or hedge the debate
    signals found in it."""
    stripped = text.strip()
    words = len(stripped.split())
    original, lower, joined = signals.token_views(stripped)
    tokens = frozenset(lower)
    plain = _outside_quotes(stripped) if ("“" in stripped or '"' in stripped) else stripped
    ends = bool(_SENTENCE_END.search(stripped))
    prediction = _found(PREDICTION, plain, "prediction", tokens)
    if prediction and _AGAINST_FORECAST.search(plain):
        prediction = _found(PREDICTION, _AGAINST_FORECAST.sub(" ", plain))
    if figures is None:
        figures = bool(signals.quick_signals(stripped).figures)
    if plain is stripped:
        stance = STANCE.find(lower, joined)
    else:
        stance = STANCE.find(*signals.token_views(plain)[1:])
    document = bool(prediction) and bool(_DOCUMENT.find(lower, joined))
    reported_future = bool(_REPORTED_FUTURE.search(plain))
    return NewsSignals(
        bare_prediction=bool(prediction) and not figures and not headline and not document,
        forecast=bool(prediction) and figures and not document,
        # A headline is scored for its content, but an appeal is an appeal there too.
        contact=_found(CONTACT, stripped, "contact", tokens)
        if headline
        else _contact(stripped, tokens),
        procedural=_found(PROCEDURAL, stripped, "procedural", tokens),
        prediction=prediction,
        future="" if reported_future else FUTURE.find(lower, joined),
        reported_future=reported_future,
        hypothetical=_found(HYPOTHETICAL, stripped) if _hypothetical_gate(tokens, lower) else "",
        stance=stance,
        first_person=next((t for t in original if t in _FIRST_PERSON), ""),
        feeling=FEELING.find(lower, joined),
        evaluation=EVALUATION.find(lower, joined),
        event=EVENT.find(lower, joined),
        lead_in=stripped.endswith(":") and words <= 25,
        headline=headline,
        heading=heading and not headline,
        fragment=not ends and not heading and not headline and not stripped.endswith(":"),
        long=words > 30,
        mixed=_mixed(stripped, opinion),
    )


def set_context(found: list[NewsSignals], base: list[float | None], skip: list[bool]) -> None:
    """Give each sentence its page context from the classifiers' log-odds ``base`` of all
    the page's sentences (``skip``: chrome and passed-over sentences, left out)."""
    values = [b for b, s in zip(base, skip) if b is not None and not s]
    page = sum(values) / len(values) if values else 0.0
    kept = [i for i, s in enumerate(skip) if not s]
    rank = {i: r for r, i in enumerate(kept)}
    for i, f in enumerate(found):
        near = [
            value
            for j in (i - 1, i + 1)
            if 0 <= j < len(base) and (value := base[j]) is not None and not skip[j]
        ]
        f.page = page
        f.near = sum(near) / len(near) if near else page
        f.position = rank.get(i, 0) / max(len(kept) - 1, 1)
    if found and not found[-1].headline:  # a short last line is a "heading" by its shape
        found[-1].cut_end = found[-1].fragment or found[-1].heading
