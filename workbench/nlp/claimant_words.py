"""The words the claimant patterns know (``claimant.py``): reporting verbs, the nouns
that head a speaker's phrase, and the small words around them."""

from __future__ import annotations

import re

# Word lists: data, laid out by hand, not by the formatter.
# fmt: off
# Verbs that report what someone said or found; "declared"/"claimed" are left out of
# the claimant forms (they also take objects: "declared war", "claimed the lives").
SAY = {
    "say", "says", "said", "tell", "tells", "told", "add", "adds", "added", "explain", "explains",
    "explained", "state", "states", "stated", "note", "notes", "noted", "observe", "observes",
    "observed", "warn", "warns", "warned", "reveal", "reveals", "revealed", "announce",
    "announces", "announced", "confirm", "confirms", "confirmed", "insist", "insists",
    "insisted", "argue", "argues", "argued", "write", "writes", "wrote", "report", "reports",
    "reported", "stress", "stresses", "stressed", "emphasise", "emphasised", "emphasises",
    "emphasize", "emphasized", "emphasizes", "indicate", "indicates", "indicated", "acknowledge",
    "acknowledges", "acknowledged", "admit", "admits", "admitted", "deny", "denies", "denied",
    "allege", "alleges", "alleged", "estimate", "estimates", "estimated", "suggest",
    "suggests", "suggested", "find", "finds", "found", "show", "shows", "showed", "conclude",
    "concludes", "concluded", "tweet", "tweets", "tweeted", "testify", "testifies",
    "testified", "assert", "asserts", "asserted", "maintain", "maintains", "maintained",
    "recall", "recalls", "recalled", "continue", "continues", "continued", "mention",
    "mentions", "mentioned", "disclose", "discloses", "disclosed", "unveil", "unveils",
    "unveiled", "describe", "describes", "described", "identify", "identifies", "identified",
    "predict", "predicts", "predicted", "point", "points", "pointed", "reply", "replies",
    "replied", "claim", "claims", "claimed", "declare", "declares", "declared", "believe",
    "believes", "believed", "cite", "cites", "cited", "project", "projects", "projected",
    "proves", "proved", "concede", "concedes", "conceded", "highlight", "highlights",
    "highlighted", "remark", "remarked", "commented", "comments",
}
# Verbs that also take a plain object without reporting speech ("claimed the lives",
# "declared war", "found the body", "showed the way"): a speaker only before a clause.
_OBJECT_VERBS = {
    "claim", "claims", "claimed", "declare", "declares", "declared", "find", "finds", "found",
    "show", "shows", "showed", "continue", "continues", "continued", "point", "points",
    "pointed", "identify", "identifies", "identified", "describe", "describes", "described",
    "maintain", "maintains", "maintained", "project", "projects", "projected", "cite", "cites",
    "cited", "highlight", "highlights", "highlighted", "recall", "recalls", "recalled",
}
# A feeling, a hope or a complaint reports a claim only before its clause: "Coyle felt
# that ...", never "felt the pressure" (nor "assured the jury", "feared the worst").
CLAUSE_ONLY = {
    "felt", "feels", "hoped", "hopes", "feared", "fears", "lamented", "laments", "conveyed",
    "conveys", "affirmed", "affirms", "reiterated", "reiterates", "clarified", "clarifies",
    "boasted", "boasts", "complained", "complains", "contended", "contends", "assured",
    "assures", "shouted",
}
SAY |= CLAUSE_ONLY
# Forms that are as often nouns ("in the state", "the report said"): a verb only before
# "that", a colon, a comma or a quotation, or at the end of the clause.
_AMBIGUOUS = {
    "state", "states", "report", "reports", "note", "notes", "estimate", "estimates", "claim",
    "claims", "show", "shows", "point", "points", "reply", "replies", "comments", "project",
    "projects", "cite", "cites", "highlight", "highlights", "find", "finds", "update", "add",
    "tweet", "tweets", "mention", "mentions", "recall", "recalls",
}
# Verbs that come before their speaker: "..., said the official", "..., says Minister X".
INVERTED = {
    "said", "says", "added", "adds", "explained", "explains", "observed", "observes", "noted",
    "notes", "wrote", "writes", "continued", "continues", "insisted", "warned", "warns",
    "argued", "argues", "asked", "asks", "replied", "recalled", "stressed", "remarked",
    "commented", "declared", "concluded", "concludes", "confirmed", "confirms", "stated", "pointed",
    "states", "tweeted", "reports", "reported", "announced", "announces", "claimed",
}
_TIME_WORDS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "today", "yesterday", "tonight", "last", "this", "on", "in", "at",
    "earlier", "later", "that", "it", "during",
}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"}
# Nouns that can head a speaker's phrase ("a local official", "the study").
SPEAKER_NOUNS = {
    "official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson",
    "spokespeople", "minister", "ministers", "secretary", "president", "police", "officers",
    "detectives", "researchers", "researcher", "scientists", "scientist", "experts", "expert",
    "analysts", "analyst", "economists", "economist", "residents", "resident", "witness",
    "witnesses", "eyewitness", "eyewitnesses", "report", "reports", "study", "studies",
    "survey", "poll", "statement", "authorities", "authority", "department", "ministry",
    "government", "agency", "office", "council", "court", "judge", "magistrate", "company",
    "firm", "group", "organisation", "organization", "institute", "university", "commission",
    "committee", "board", "bank", "service", "union", "party", "campaign", "prosecutors",
    "prosecutor", "lawyer", "lawyers", "attorney", "counsel", "solicitor", "doctors", "doctor",
    "hospital", "coroner", "army", "military", "forces", "data", "figures", "statistics",
    "results", "count", "tally", "tracker", "update", "release", "filing", "document",
    "review", "analysis", "journal", "paper", "research", "findings", "guidelines",
    "estimate", "estimates", "administrator", "governor", "mayor", "chief", "director",
    "manager", "officer", "member",
    "members", "leader", "leaders", "chairman", "chairwoman", "chair", "councillor",
    "councilor", "senator", "representative", "ambassador", "commissioner", "inspector",
    "editorial", "website", "newspaper", "broadcaster", "centre",
    "center", "people", "farmers", "villagers", "activists", "campaigners", "organisers",
    "organizers", "authors", "team", "staff", "workers", "students", "parents", "users",
    "victims", "family", "relatives", "observers", "monitors", "critics", "supporters",
    "judges", "magistrates", "courts", "ministries", "companies", "agencies", "commissions",
    "councils", "governments", "bench", "panel", "jury", "inquiry", "coroners",
    "opponents", "historians", "diplomats", "investigators", "regulators", "auditors",
    "radio", "media", "television", "tv", "outlet", "outlets", "channel", "network", "press",
    "investigation", "audit", "census", "watchdog", "regulator", "prosecution", "defence",
}
DETERMINERS = {
    "the", "a", "an", "another", "his", "her", "its", "their", "our", "this", "that", "these",
    "those", "some", "several", "numerous", "many", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "both", "one", "other", "senior", "top",
}
_LINK_WORDS = {
    "of", "for", "at", "in", "from", "by", "and", "de", "van", "von", "al", "bin", "da", "di",
    "du", "le", "la",
}
_CLAUSE_VERBS = {
    "was", "were", "is", "are", "had", "has", "have", "would", "will", "could", "did", "does",
    "do", "may", "might", "can", "should", "must", "remains", "remained",
}
_PREPOSITIONS = {"of", "for", "at", "in", "from", "by", "on"}
_STOP = {
    "that", "which", "who", "whom", "whose", "is", "was", "were", "are", "be", "been", "has",
    "have", "had", "will", "would", "could", "should", "may", "might", "can", "but", "as",
    "when", "while", "because", "after", "before", "if", "than", "then", "also", "not", "it",
    "there", "here", "this", "to", "with", "into", "over", "about", "what", "so",
    "said", "says", "told",
}
# Between a speaker and the verb: "Nike Inc on Thursday said", "X has also said".
_BETWEEN = {
    "has", "have", "had", "also", "later", "earlier", "then", "further", "again", "today",
    "yesterday", "tonight", "on", "last", "this", "week", "month", "year", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon", "evening",
    "night", "previously", "recently", "once", "repeatedly", "publicly", "separately",
    "reportedly", "now", "already", "would", "could", "originally", "initially", "first",
}
_OBJECTS = {
    "reporters", "journalists", "us", "the", "court", "media", "press", "parliament",
    "lawmakers", "him", "her", "them", "listeners", "viewers", "a", "an", "news", "conference",
    "briefing", "committee", "local", "agency", "newspaper", "radio", "television", "tv",
}

# fmt: on
_LEADING = re.compile(
    r"^(?:Furthermore|However|Moreover|Meanwhile|Now|But|And|So|Also|Then|Still|Yet),?\s+"
)


def clean(name: str) -> str:
    name = _LEADING.sub("", name.strip(" ,.;:“”\"'‘’—–-"))
    return name.strip(" ,.;:")


# fmt: off
# What a document is: "a survey of 2,000 adults found", "what the study showed".
DOCUMENT_NOUNS = {
    "study", "studies", "survey", "surveys", "analysis", "review", "report", "poll", "audit",
    "census", "trial", "investigation", "inquiry", "assessment", "evaluation", "meta-analysis",
    "paper", "research", "count", "tally",
}
RESEARCHERS = {"researchers", "scientists", "investigators", "authors", "team", "economists",
               "analysts", "epidemiologists", "experts"}
# Verbs of research and of publishing figures: their subject (a study, researchers, an
# organisation) is the source of what the sentence reports.
RESEARCH_VERBS = {
    "studied", "analysed", "analyzed", "examined", "surveyed", "tracked", "followed",
    "compared", "measured", "tested", "identified", "recorded", "registered", "counted",
    "unveiled", "published", "released", "issued", "calculated", "assessed", "reviewed",
    "monitored", "detected", "documented", "recruited", "enrolled", "interviewed", "modelled",
    "modeled", "introduced", "looked", "analyses", "examines", "tracks", "compares",
    "measures", "estimates", "records", "identifies", "publishes", "releases", "discovered",
    "discovers", "observed", "logged",
}
_FINDING_VERBS = {"found", "find", "finds", "discovered", "discover", "showed", "shows", "show",
                  "learned", "learnt", "concluded", "saw", "observed", "noticed", "uncovered"}
ORGANISATION_WORDS = {
    "ministry", "department", "office", "agency", "institute", "university", "council", "court",
    "commission", "committee", "service", "bank", "authority", "board", "bureau", "centre",
    "center", "administration", "organisation", "organization", "foundation", "association",
    "corporation", "company", "inc", "corp", "ltd", "plc", "group", "police", "government",
    "cdc", "who", "un", "fbi", "nhs", "ons", "imf", "oecd",
}
# fmt: on
