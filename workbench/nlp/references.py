"""Claimants across an article: references resolved, attribution carried along.

``claimant.py`` reads each sentence alone, so it returns "she", "the minister",
"the report" or a bare surname as written. Here, in reading order:

- **References** go to the nearest earlier named claimant that fits: "he"/"she"
  to a person (a "Mrs"/"Ms" or "Mr" before the name decides when there is one),
  "they" to a group or organisation, "it" to an organisation or a document; "the
  minister", "the spokesman", "the judge" to the nearest earlier claimant or name
  whose words hold that title (or a synonym: spokesman, spokeswoman,
  spokesperson), "the company" to the company that spoke last, else the one
  named last; "the report", "the study" to the nearest earlier report or study;
  "his research" to the person. A bare surname ("Underhill said", "Ms Murphy
  said") takes the fuller name said earlier ("Carol Underhill"), and a title
  alone ("the Union Home Minister") the titled name said earlier ("Union Home
  Minister Amit Shah"). "It" may also point to a one-word name the article writes
  as a name ("Eskom says ..."), never to a person's surname. A reference that fits
  nothing stays as written.
- **Carrying on**: a sentence that names nobody takes the claimant of the
  sentence before it in the same paragraph (a report's next finding, the rest of
  what a spokesman said), and a quotation that opens a paragraph takes the
  claimant of the quotation before it. Across paragraphs nothing else is carried:
  a new paragraph without attribution is the article's own voice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.nlp.claimant import PRONOUNS
from workbench.nlp.claimant_words import SPEAKER_NOUNS

FEMALE = {"mrs", "ms", "miss", "madam", "dame", "lady", "she", "her", "mrs.", "ms."}
MALE = {"mr", "mr.", "sir", "lord", "he", "him", "his"}
# fmt: off
# The words of a person's title: a name that holds one is a person's, whatever
# organisation it names.
PERSON_TITLES = {
    "spokesman", "spokeswoman", "spokesperson", "minister", "chief", "chairman", "chairwoman",
    "chairperson", "director", "secretary", "president", "governor", "mayor", "officer",
    "inspector", "commissioner", "superintendent", "sergeant", "detective", "judge", "justice",
    "senator", "councillor", "councilor", "ambassador", "professor", "prof", "dr", "mr", "mrs",
    "ms", "manager", "chancellor", "premier", "lawyer", "attorney", "prosecutor", "coach",
}
# fmt: on
# fmt: off
DOCUMENTS = {
    "report", "study", "studies", "survey", "poll", "research", "paper", "analysis", "review",
    "data", "statement", "filing", "release", "figures", "statistics", "findings", "results",
    "count", "tally", "tracker", "update", "guidelines", "editorial", "journal", "document",
}
# fmt: on
# fmt: off
ORGANISATIONS = {
    "ministry", "department", "office", "agency", "institute", "university", "council", "court",
    "police", "government", "company", "inc", "corp", "ltd", "commission", "committee",
    "service", "bank", "party", "union", "association", "organisation", "organization",
    "centre", "center", "board", "authority", "authorities", "group", "firm", "army",
    "military", "hospital", "foundation", "federation", "bureau", "administration", "cabinet",
    "parliament", "congress", "senate", "executive", "un", "who", "cdc", "fbi", "ine",
    "holdings", "plc", "llc", "limited", "corporation", "industries", "airlines", "airways",
}
# fmt: on
# fmt: off
GROUPS = {
    "officials", "sources", "researchers", "scientists", "experts", "analysts", "residents",
    "witnesses", "eyewitnesses", "authorities", "police", "officers", "detectives", "people",
    "economists", "prosecutors", "lawyers", "doctors", "members", "leaders", "critics",
    "investigators", "authors", "team", "villagers", "activists", "campaigners",
}
# fmt: on
SYNONYMS = {
    "spokesman": {"spokesman", "spokeswoman", "spokesperson", "spokespeople"},
    "spokeswoman": {"spokesman", "spokeswoman", "spokesperson", "spokespeople"},
    "spokesperson": {"spokesman", "spokeswoman", "spokesperson", "spokespeople"},
    "judge": {"judge", "justice", "magistrate"},
    "magistrate": {"judge", "magistrate"},
    "study": {"study", "research", "paper", "studies"},
    "research": {"study", "research", "paper"},
    "report": {"report", "study", "survey", "review"},
    "survey": {"survey", "poll", "study", "report", "research"},
    "company": {"company", "firm", "inc", "corp", "ltd", "group"},
    "firm": {"company", "firm", "inc", "corp", "ltd", "group"},
    "researchers": {"researchers", "scientists", "authors", "team"},
    "scientists": {"researchers", "scientists"},
    "ministry": {"ministry", "department"},
    "department": {"ministry", "department"},
    "official": {"official", "officer"},
    "councillor": {"councillor", "councilor", "cr", "cllr"},
    "cr": {"councillor", "councilor", "cr", "cllr"},
}
_REFERENCE_FORM = re.compile(
    r"^(?:the|this|that|these|those|its|their)\s+((?:[a-z-]+\s+){0,2}[a-z-]+)$", re.IGNORECASE
)
_POSSESSIVE_FORM = re.compile(
    r"^(his|her|their|its)\s+((?:[a-z-]+\s+){0,2}[a-z-]+)$", re.IGNORECASE
)


# "The Montreal-based company", "the London-listed miner": a place in a modifier does not
# make the phrase a name.
_PLACE_MODIFIER = re.compile(r"^[A-Z][\w.]*-(?:based|listed|headquartered|owned|run)$")


class _Reference:
    """ "the minister", "the Minister", "this report": a determiner and common nouns; "the
    GMB union" is a name (a capitalised word that is no title)."""

    def __init__(self, form: re.Pattern[str]) -> None:
        self.form = form

    def match(self, name: str) -> re.Match[str] | None:
        found = self.form.match(name)
        if found and _NAMED_BODY.search(name):
            return None  # "The Department of Statistics": a body's own name
        if found and all(
            w[:1].islower() or w.lower() in SPEAKER_NOUNS or _PLACE_MODIFIER.match(w)
            for w in found.group(found.lastindex or 0).split()  # the forms have groups
        ):
            return found
        return None


# "the Department of Statistics", "the Office for National Statistics": capitalised words
# joined by "of"/"for" make a body's name, not a reference ("the department").
_NAMED_BODY = re.compile(r"\b[A-Z][\w'’-]* (?:of|for) (?:the )?[A-Z]")
_REFERENCE = _Reference(_REFERENCE_FORM)
_POSSESSIVE = _Reference(_POSSESSIVE_FORM)
PERSON_MARK = "\x00person:"  # a mention that is a person: the mark, then the name
ORG_MARK = "\x00org:"  # a mention that is an organisation (an ORG entity): the mark, the name
# What "the company", "the airline", "the Montreal-based company" may stand for: the nearest
# organisation named before, a speaker or only mentioned ("Blackberry reported ...").
COMPANY_NOUNS = {
    "company",
    "firm",
    "airline",
    "carrier",
    "bank",
    "lender",
    "group",
    "retailer",
    "manufacturer",
    "maker",
    "insurer",
    "operator",
    "giant",
    "startup",
    "chain",
    "brand",
    "conglomerate",
    "corporation",
    "business",
    "supplier",
    "producer",
    "miner",
    "automaker",
}
_TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "cr",
    "cllr",
    "sir",
    "judge",
    "justice",
    "sen",
    "rep",
    "gov",
}


@dataclass
class Known:
    """A claimant named earlier in the article."""

    name: str
    words: list[str]  # lower case, without punctuation
    spoke: bool = True  # a claimant (False: only mentioned)
    person: bool = False  # a mention known to be a person (a PERSON entity, a titled name)
    organisation: bool = False  # a mention known to be an organisation (an ORG entity)
    documents: frozenset[str] = frozenset()  # what it spoke in: "said in a statement"
    proper: bool = False  # written with a capital inside a sentence somewhere ("Eskom")

    @property
    def last(self) -> str:
        return self.words[-1] if self.words else ""

    def kind(self) -> str:
        words = set(self.words)
        if words & DOCUMENTS:
            return "document"
        if self.last in GROUPS or " and " in f" {' '.join(self.words)} ":
            return "group"
        if self.person or words & PERSON_TITLES and self.last not in ORGANISATIONS:
            # "Boulder Police Chief Maris Herold", "national police spokesman Rikwanto":
            # a person who speaks for an organisation
            return "person"
        if self.organisation or words & ORGANISATIONS or self.name.isupper():
            return "organisation"
        return "person"

    def gender(self) -> str:
        words = set(self.words[:3])
        if words & FEMALE:
            return "female"
        if words & MALE:
            return "male"
        return ""


def _words(name: str) -> list[str]:
    return [w.strip(".'’").lower() for w in re.findall(r"[\w'’.-]+", name) if w.strip(".'’")]


def _is_named(name: str) -> bool:
    """A claimant with a name in it, not only a reference: some capitalised word that is
    not the phrase's first word (or an all-capitals acronym), or a long description."""
    words = name.split()
    if not words or name.strip().lower() in PRONOUNS:
        return False
    if _REFERENCE.match(name.strip()) or _POSSESSIVE.match(name.strip()):
        return False
    return (
        any(w[:1].isupper() for w in words[1:])
        or words[0][:1].isupper()
        and words[0].lower()
        not in {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"}
        or len(words) >= 3
    )


def _fits(known: Known, head: str) -> bool:
    """Whether "the HEAD" can be ``known``: its words hold the title or noun. A possessor
    never fits ("the council" is not "the council's finance report"), and an
    organisation's noun fits only the organisation itself, its last word or before "of"
    ("the council": "the town council", "the Council of Europe"; never "Council leader
    Mary Evans", who speaks for it but is a person). "The company" and its kind are
    resolved by ``_company_like`` when no claimant before holds the word."""
    words = [w for w in known.words if not w.endswith(("'s", "’s"))]
    if head in ORGANISATIONS and head not in GROUPS and head not in COMPANY_NOUNS:
        at = [i for i, w in enumerate(words) if w == head]
        return bool(at) and (
            at[-1] == len(words) - 1 or any(i + 1 < len(words) and words[i + 1] == "of" for i in at)
        )
    wanted = SYNONYMS.get(head, {head})
    return bool(wanted & (set(words) | known.documents)) or any(
        w.startswith(head) for w in words if len(head) >= 5
    )


def _bare(known: Known, earlier: list[Known]) -> bool:
    """A speaker named by one word, the surname of no fuller or titled name said before
    ("Eskom says ...": a company as likely as a surname, whatever the parse guessed),
    which "it" may point to: "it" is never a person."""
    return (
        known.spoke
        and known.proper
        and len(known.words) == 1
        and not any(k.person and len(k.words) > 1 and k.last == known.last for k in earlier)
    )


def _resolve_pronoun(name: str, lower: str, earlier: list[Known]) -> str:
    if lower in {"i", "we", "you"}:
        return ""
    wanted = {
        "he": "person",
        "him": "person",
        "she": "person",
        "her": "person",
        "they": "group",
        "them": "group",
        "it": "organisation",
    }[lower]
    gender = "female" if lower in {"she", "her"} else "male" if lower in {"he", "him"} else ""
    for known in reversed(earlier):
        if not known.spoke and not (known.person and wanted == "person"):
            continue  # "he" may be a person only mentioned; "it" and "they" only speakers
        kind = "person" if known.person else known.kind()
        # "Tom Lee" is the "Mr Tom Lee" named before: the same surname's title decides.
        sex = known.gender() or next(
            (k.gender() for k in earlier if k.last == known.last and k.gender()), ""
        )
        if wanted == "person" and kind == "person" and (not gender or sex in {"", gender}):
            return known.name
        if wanted == "group" and kind in {"group", "organisation"}:
            return known.name
        if wanted == "organisation" and (
            kind in {"organisation", "document"} or kind == "person" and _bare(known, earlier)
        ):
            return known.name
    return name


def _resolve_reference(name: str, reference: str, earlier: list[Known]) -> str:
    head = reference.split()[-1].lower()
    if head in COMPANY_NOUNS:
        # "the company said": the company that spoke last, else the one named last (an
        # article about BlackBerry mentions Apple Inc's phones; "the company" is still
        # BlackBerry)
        for spoke in (True, False):
            for fitting in (True, False):
                for known in reversed(earlier):
                    if (
                        known.spoke >= spoke
                        and _is_named(known.name)
                        and (_fits(known, head) if fitting else _company_like(known, earlier))
                    ):
                        return known.name
    for known in reversed(earlier):
        if _fits(known, head) and _is_named(known.name):
            return known.name
    if head in DOCUMENTS:
        # "The results showed ...", "the figures": a report no claimant spoke in is the
        # organisation's (or the named report's) that spoke last ("The Department of
        # Statistics said ...").
        for known in reversed(earlier):
            if known.spoke and _is_named(known.name) and known.kind() in _PUBLISHERS:
                return known.name
    return name


_PUBLISHERS = {"organisation", "document"}


_NUMBER_WORD = re.compile(
    r"^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozens?|several|"
    r"many|most|some|all|both|half)$"
)


def _company_like(known: Known, earlier: list[Known]) -> bool:
    """An organisation, or a one-word name that is no person's ("Blackberry", "Infosys"): not
    a PERSON entity nor a titled name, nor the surname of a fuller name said before."""
    if known.kind() == "organisation":
        return True
    return (
        len(known.words) == 1
        and known.kind() == "person"  # no group ("Analysts"), no document
        and not _NUMBER_WORD.match(known.last)  # "Thirty of 60 economists said": not a name
        and not known.person
        and not any(k.last == known.last and len(k.words) > 1 for k in earlier)
    )


# A share of the people asked ("Eighty-five percent", "A majority of respondents (55%)",
# "More than 30 percent of voters", "two in three Britons"): they are the answers of a
# survey, which is the claimant ("the survey", resolved to the survey or poll named before).
_SHARE_QUALIFIER = (
    r"(?:(?:about|almost|around|nearly|more than|less than|fewer than|just over|just under|over|"
    r"under|just|only|some|roughly|at least|a clear|an overwhelming|a large|a small|a|the)\s+)?"
)
_PERCENT = r"[\d.,]+\s*(?:%|percent|per cent|pc)|[a-z]+(?:[ -][a-z]+)?\s+(?:percent|per cent)"
_SHARE_OF_PEOPLE = re.compile(
    rf"^{_SHARE_QUALIFIER}(?:{_PERCENT}|"
    r"majority|minority|half|third|two-thirds|quarter|three-quarters|fifth|most|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|\d+) (?:in|out of) \w+"
    r"(?: (?:(?-i:[A-Z]\w+)|respondents|voters|adults|people))?)"
    r"(?:\s+of\s+(?:the\s+|all\s+)?(?:respondents|those (?:surveyed|polled|asked|questioned)|"
    r"people (?:surveyed|polled|asked)|voters|adults|participants|(?-i:[A-Z]\w+)))?"
    r"(?:\s*\([^()]*\))?$",
    re.IGNORECASE,
)
# The same share opening a sentence ("Eighty-five percent said ...", "A majority of
# respondents believe ..."): no name of its own (``article_claimants``).
SHARE_OPENING = re.compile(
    rf"{_SHARE_QUALIFIER}(?:{_PERCENT}|(?:majority|minority) of)\b", re.IGNORECASE
)


def resolve(raw: str, earlier: list[Known]) -> str:
    """The claimant ``raw`` stands for, given the claimants named before it (nearest last)."""
    name = raw.strip()
    if _SHARE_OF_PEOPLE.match(name):
        name = "the survey"
    lower = name.lower()
    if not name:
        return ""
    if lower in PRONOUNS:
        return _resolve_pronoun(name, lower, earlier)
    possessive = _POSSESSIVE.match(name)
    if possessive:  # "his research": the person's
        for known in reversed(earlier):
            if known.spoke and known.kind() == "person":
                return known.name
        return name
    reference = _REFERENCE.match(name)
    if reference:
        return _resolve_reference(name, reference.group(1), earlier)
    words = _words(name)
    # "the Union Home Minister": the titled name said earlier ("Union Home Minister Amit
    # Shah"), a person whose title holds every word of it.
    titled = words[1:] if words[:1] == ["the"] else []
    if titled and titled[-1] in PERSON_TITLES:
        for known in reversed(earlier):
            n = len(titled)
            if (
                len(known.words) > n
                and known.kind() == "person"
                and any(known.words[k : k + n] == titled for k in range(len(known.words) - n))
            ):
                return known.name
    # "Underhill", "Ms Murphy", "Cr Connor": the fuller name said earlier.
    core = [w for w in words if w not in _TITLES]
    if 1 <= len(core) <= 1 and name[:1].isupper():
        for known in reversed(earlier):
            if known.last == core[-1] and len(known.words) > len(words):
                return known.name
    return name


def resolve_article(
    raws: list[str],
    paragraphs: list[int],
    quoted: list[bool],
    opens_quote: list[bool],
    mentions: list[list[str]] | None = None,
    groups: list[int] | None = None,
    named_subject: list[bool] | None = None,
    spoke_in: list[frozenset[str]] | None = None,
    proper: set[str] | frozenset[str] = frozenset(),
) -> list[str]:
    """The claimant of every sentence of an article, in reading order.

    ``raws``: what ``claimant.py`` found in each sentence; ``paragraphs``: each
    sentence's paragraph number; ``quoted``: the sentence holds a quotation;
    ``opens_quote``: it starts with an opening quotation mark; ``mentions``: names
    each sentence mentions (people, organisations), which references may point to;
    ``groups``: the sentences of one quotation share a number (-1: none), and take
    the speaker named in any of them ("“... bill. He was ...,” Murphy said.");
    ``named_subject``: the sentence opens with a name of its own ("Russia has
    received ..."), so it is the article's voice, not the previous speaker's;
    ``proper``: the words the article writes with a capital inside a sentence (names).
    """
    out: list[str] = []
    own: list[bool] = []
    earlier: list[Known] = []
    previous = ""
    previous_paragraph = -1
    previous_quoted = False
    for i, raw in enumerate(raws):
        claimant = resolve(raw, earlier) if raw else ""
        if claimant.lower() in PRONOUNS:
            claimant = ""
        own.append(bool(claimant))
        same_paragraph = paragraphs[i] == previous_paragraph
        if not claimant and previous:
            named = bool(named_subject and named_subject[i])
            claimant = _carried(
                previous, same_paragraph, previous_quoted, opens_quote[i], quoted[i], named
            )
        if claimant.lower() in PRONOUNS:
            claimant = ""
        out.append(claimant)
        _remember(earlier, mentions[i] if mentions else [], claimant, spoke_in, i, proper)
        if paragraphs[i] != previous_paragraph:
            previous_quoted = False
        previous = claimant
        previous_paragraph = paragraphs[i]
        previous_quoted = (quoted[i] or previous_quoted) and bool(claimant)
    _name_the_headline(out, paragraphs, earlier)
    if groups:
        _share_quotation_speakers(out, own, groups)
    return out


def _carried(
    previous: str,
    same_paragraph: bool,
    previous_quoted: bool,
    opens_quote: bool,
    quoted: bool,
    named: bool,
) -> str:
    """The previous sentence's claimant when a sentence that names nobody carries it on
    (``named``: the sentence opens with a name of its own), else ""."""
    if opens_quote and (previous_quoted or not same_paragraph):
        # A quotation opening a paragraph is the speaker's just named: "Izala said he
        # spoke out of anger.\n\n“I was coming back from my village ...”"
        return previous
    if same_paragraph and not named or quoted and previous_quoted and same_paragraph:
        return previous
    return ""


def _remember(
    earlier: list[Known],
    mentioned: list[str],
    claimant: str,
    spoke_in: list[frozenset[str]] | None,
    i: int,
    proper: set[str] | frozenset[str] = frozenset(),
) -> None:
    """Add the names sentence ``i`` mentions and its claimant to those references may
    point to."""
    for name in mentioned:
        person = name.startswith(PERSON_MARK)
        organisation = name.startswith(ORG_MARK)
        name = name.removeprefix(PERSON_MARK).removeprefix(ORG_MARK)
        if _is_named(name):
            earlier.append(
                Known(name, _words(name), spoke=False, person=person, organisation=organisation)
            )
    if claimant and _is_named(claimant):
        earlier.append(
            Known(
                claimant,
                _words(claimant),
                documents=spoke_in[i] if spoke_in else frozenset(),
                proper=claimant in proper,
            )
        )


def _share_quotation_speakers(out: list[str], own: list[bool], groups: list[int]) -> None:
    """The sentences of one quotation take the speaker named in any of them."""
    speakers: dict[int, str] = {}
    for i, group in enumerate(groups):
        if group >= 0 and own[i] and group not in speakers:
            speakers[group] = out[i]
    for i, group in enumerate(groups):
        if group in speakers and not own[i]:
            out[i] = speakers[group]


def _name_the_headline(out: list[str], paragraphs: list[int], known: list[Known]) -> None:
    """The headline (the first paragraph) names its source briefly ("...: trade minister",
    "Ofori-Atta: ..."); the article names it in full further down: take the first fuller
    name that fits (the same title, or the same last word)."""
    for i, claimant in enumerate(out):
        if paragraphs[i] != paragraphs[0]:
            break
        words = _words(claimant)
        if not words or len(words) > 3:
            continue
        head = words[-1]
        for candidate in known:
            if (
                len(candidate.words) > len(words)
                and candidate.spoke
                and (
                    _fits(candidate, head)
                    if head in SYNONYMS or not claimant[:1].isupper() or head in _TITLE_WORDS
                    else candidate.last == head
                )
            ):
                out[i] = candidate.name
                break


# fmt: off
_TITLE_WORDS = {"minister", "president", "secretary", "governor", "mayor", "chief", "spokesman",
                "spokeswoman", "spokesperson", "officials", "police", "ministry", "department"}
# fmt: on
