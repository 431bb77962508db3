"""The patterns of page chrome (``chrome.py``), written down once: dates and stamps,
bylines and agency credits, widgets, captions and credits, embedded posts, lists of
other stories, fine print. Compiled at import; ``chrome.py`` tries each only on lines
short enough for it to matter."""

from __future__ import annotations

import re

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DAYS = (
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|"
    r"sun(?:day)?"
)
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
_HAS_DATE = re.compile(
    rf"\b(?:{_MONTHS})\b\.?\s*\d|\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}|\b\d{{1,2}}:\d\d\b|\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"(?:\b(?:[Ee]dited|[Rr]eporting|[Ww]riting|[Ww]ritten|[Cc]ompiled|[Pp]roduced|[Pp]resented|"
    r"[Pp]hotographs|[Pp]hotos|[Ww]ords|[Aa]dditional reporting)\s+)?\b[Bb][Yy]\s+(?:[A-Z][\w'’.-]*"
    r"|[A-ZÀ-Þ][^\s]*)(?:\s+(?:[A-Z][\w'’.-]*|and|de|van|von|al|el|da|di))*",
)
# A photo described: "X talks to reporters in Davao, May 9, 2016." "(L-R) ...", "pictured".
_CAPTION_LIKE = re.compile(
    r"\b(?:is|are) (?:shown|seen|pictured)\b|\bpictured\b|\b(?:poses?|gestures?|looks? on|waves?|"
    r"smiles?|reacts?|speaks? to|talks? to|arrives?|attends?|walks?|stands?|holds?|sits?)\b"
    r".{0,160}\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}, (?:19"
    r"|20)\d\d)\.?$"
    r"|\((?:l|r|c|l-r|r-l|left|right|centre|center|top|above|below)\)|\bfrom left\b"
    r"|\bleft to right\b"
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
    r"press association|pa|pa media|bbc|cnn|getty|getty images|shutterstock|alamy|epa|"
    r"istock|ap photo)[\s)\]|,.:;•·-]*$",
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
    r"|\b(?:tags?|category|categories|section|topics?|filed under|posted in|source)\s*:"
    r"|^(?:hide |skip |close )?(?:ad|advert)s?$",
    re.IGNORECASE,
)
_RELATED_LINK = re.compile(
    r"^\W{0,3}(?:more|read more|also read|read also|see also|related(?: stories| story| articles?"
    r"| news)?|"
    r"watch|listen|also see|don'?t miss|must read|recommended|trending|editor'?s picks?|latest|"
    r"up next|next|previous|top stories|breaking)\s*[:|»›>]\s*\S",
    re.IGNORECASE,
)
# A site's own fine print, long or short: cookie banners, comment forms, disclaimers.
_FINE_PRINT = re.compile(
    r"\b(?:we|this (?:site|website)) uses? cookies|continuing to (?:browse|use this)"
    r"|required fields are|"
    r"will not be published|notify me of (?:new|follow)|save my name|"
    r"provides? this (?:news )?content|\bas is\b.{0,20}\bwithout warranty|views expressed (?:in"
    r"|here)|"
    r"do not necessarily reflect|readers'? comments|comments? (?:policy|will be moderated)"
    # A republication note: "The following editorial ran in the Gazette ... with permission."
    r"|\b(?:re)?(?:published|printed|run|used|reproduced) with (?:the )?(?:kind )?permission\b"
    r"|\b(?:this|the following) (?:article|story|editorial|column|piece|op-ed|letter) "
    r"(?:was )?(?:first |originally )?(?:ran|run|appeared|published|was published)\b"
    r"|\b(?:first|originally) (?:appeared|ran|published) (?:in|on|at)\b",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(
    r"©|\bcopyright\b|all rights reserved|\bdisclaimer\b|views expressed|opinions expressed"
    r"|\bcookies\b|"
    r"necessarily (?:reflect|represent)|without warranty|(?:accept|assume) (?:any "
    r"|no )?(?:responsibility|liability)"
    r"|\b(?:is|was) an? (?:senior |staff |freelance |chief |political |special |contributing )?"
    r"(?:reporter|writer|journalist|correspondent|editor|contributor|columnist) (?:for|at|with)\b",
    re.IGNORECASE,
)
_LIST_HEADER = re.compile(
    r"^(?:[\w.'’]+\s){1,2}(?:top stories|most read|most popular|most viewed|latest news"
    r"|more stories|"
    r"related (?:stories|news|articles|content)|trending(?: now)?|recommended(?: for you)?)\s*:?$"
    r"|^(?:today'?s |more |also )?(?:related|popular|latest|top|most read|most popular|"
    r"trending|recommended|you (?:may|might) also like|more from|editor'?s picks|hot topics|"
    r"read (?:more|next)|further reading|see also|in other news|more stories|"
    r"more news|top stories|breaking news)\b.{0,30}$"
    # A header announcing other stories: "Go deeper", "Other materials on the topic:",
    # "Off the wire", "More on this", "In case you missed it", "What to read next".
    r"|^(?:go deeper|dig deeper|off the wire|in case you missed it|what to read next|"
    r"(?:more|read more|also) (?:on|about|in) (?:this|the topic)|"
    r"(?:other|similar|more|related) (?:materials|stories|articles|posts|news|reads|coverage)"
    r"(?: (?:on|about|in|from) [\w'’ ]{1,30})?)\s*:{0,2}$"
    # "FEATURE NEWS", "News: Latest Articles", "Most Viewed Video Stories", "CTVNews.ca Top
    # Stories", "Check Also", "You may also like": a block of other stories named. Not a
    # numbered entry of a live page ("1. The latest coronavirus headlines": its own recap).
    r"|^(?![\d.]+\s)(?:[\w.'’-]+:? ){0,2}(?:latest|top|featured?|more|most (?:viewed|read|"
    r"popular|shared)|popular|trending|recent|other|breaking)(?: [\w'’-]+){0,2} (?:news|stories"
    r"|articles|videos?|posts|reads)\s*:?$|^(?:check also|you may also like|don'?t miss)\s*:?$",
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
    r"|^(?:file|stock|library) (?:picture|photo|image|pic)\.?$"
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
_PHOTOGRAPHER = re.compile(
    r"^(?:pics?|photos?|pictures?"
    r"|photographs?)(?: by)?:?\s+[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,3}\.?$",
    re.IGNORECASE,
)
# "REUTERS/Kevin Lamarque", "The STAR/Michael Varcas", "AFP/Getty Images": an agency or
# paper, a slash, the photographer (the wire photo credit), on a line of its own.
_SLASH_CREDIT = re.compile(
    r"^[(\[]?(?:the )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,2} ?/ ?"
    r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}[)\]]?$"
)
# A wire story's notes after its last paragraph, in brackets: "(Reporting by ...; Editing
# by ...)", "($1 = 0.8504 euros)", "(Writing by ...)". An agency credit (LABELLING.md).
_WIRE_NOTE = re.compile(
    r"(?:additional |further )?(?:reporting|writing|editing|compiled|research|graphics|"
    r"production|fact-?checking|translation|translated|edited|written|reported)"
    r"(?: and \w+)? by\b|(?:[A-Z]{3}|[$€£¥]) ?1 = |\$1 = ",
    re.IGNORECASE,
)
_BRACKETED_PART = re.compile(r"\(([^()]*)\)")


# The same notes when the brackets were lost in the copy: "$1 = 65.0225 Indian rupees
# Reporting by Tanvi Mehta in Bengaluru; Editing by Sunil Nair". Both credits are needed.
_BARE_WIRE_NOTE = re.compile(
    r"^(?:[$€£¥] ?1 = [\d.,]+ [A-Za-z ]{2,30}?\s+)?(?:additional )?(?:reporting|writing) by\b"
    r".{0,200}\bediting by\b",
    re.IGNORECASE,
)


def wire_note(text: str) -> bool:
    """A sentence made only of a wire story's notes ("(Reporting by ...)"), in brackets or
    with both its reporting and editing credits when the brackets were lost."""
    if _BARE_WIRE_NOTE.match(text.strip()):
        return True
    parts = _BRACKETED_PART.findall(text)
    rest = _BRACKETED_PART.sub("", text).strip(" .;,")
    return bool(parts) and not rest and all(_WIRE_NOTE.match(p.strip()) for p in parts)


_EMBED = re.compile(
    r"\(@\w{1,30}\)|pic\.twitter\.com/|\bt\.co/|^\s*[—–-]\s*.{1,60}\(@\w+\)|"
    r"a post shared by|view this post on (?:instagram|facebook|x|twitter)|"
    r"^\s*@\w{2,30}\b.{0,40}$|\b(?:posted|shared) (?:by|on) .{1,40}\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_TIMEZONE = re.compile(
    r"^all times (?:are )?(?:in |shown in |listed in )?\w+|^times (?:are|shown) (?:in )?\w+|"
    r"^\(?all times\b",
    re.IGNORECASE,
)
_END_MARK = re.compile(
    r"^(?:ends?|-?\s*30\s*-|#{3}|\*{3}|-{3,}|–|—|-|\|+|×|x|•)\.?$", re.IGNORECASE
)
# Searched from every letter of a long word, "A" * 40,000 took 12 s (quadratic), so an
# e-mail address is looked for word by word (``urlish``) and a domain's name is taken
# whole from where its run of letters starts. The lines that match are the same.
_URLISH = re.compile(
    r"https?:|www\.|\.(?:jpe?g|png|gif|webp|html?|php)\b|_{3,}|(?<!\w)\w++\.(?:com|org|net"
    r"|co\.uk)\b",
    re.IGNORECASE,
)
_DOT_WORD = re.compile(r"\.\w{2}")


# A page's slug or a story's tag alone on a line: "blackberry-reuters-L", "-reuters.com".
_SLUG = re.compile(r"^-?[\w.]+(?:-[\w.]+){2,}$|^-[\w.]+$")


def urlish(text: str) -> bool:
    """A web or e-mail address, or a file name, in ``text`` (what ``\\S+@\\S+\\.\\w{2,}``
    and the patterns of ``_URLISH`` find, in linear time), or a slug alone on a line."""
    if _URLISH.search(text) or len(text) <= 60 and _SLUG.match(text.strip()):
        return True
    for word in text.split():
        at = word.find("@", 1)
        if at > 0 and _DOT_WORD.search(word, at + 2):
            return True
    return False


_NAV = re.compile(r"\s[|>»·/→]\s|\s[|»]$|^[|»]")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’')\]]*$|[.!?][\"”’]\s*\(?[^()]{0,40}\)?$")
_COUNTED = re.compile(r"\S*\w\S*")  # a word: white-space separated, with a letter or digit
_WORD_CHAR = re.compile(r"\w")


def count_words(text: str) -> int:
    """How many words ``_COUNTED`` finds, in linear time: its search rescans a long run of
    punctuation from every character ("<!--" * 5,000 took 15 s)."""
    return sum(1 for token in text.split() if _WORD_CHAR.search(token))


_LABEL_ONLY = re.compile(r"^[\w'’ ]{1,30}:$")
# "The Minister said:" is a lead-in to a quote (not a claim, but not chrome either).
_SPEECH = re.compile(
    r"\b(?:said|says|told|added|adds|explained|explains|wrote|writes|continued|stated|noted)\b"
)
# A photo credit closing a caption, in brackets: "... in Tulsa last month [Leah Millis/Reuters]",
# "... in Houston. (AP Photo/David J. Phillip)", "(Photo: Getty Images)".
_CREDIT_END = re.compile(
    r"[\[(](?:[^\[\]()]{1,60}/[^\[\]()/]{1,40}|(?:[^\[\]()]{0,40}\b)?(?:photo|photograph|image"
    r"|picture|"
    r"file|getty|reuters|afp|ap|epa|handout|courtesy|supplied|shutterstock|alamy"
    r"|pa)\b[^\[\]()]{0,60})"
    r"[\])]{0,2}\s*$"  # "((Roberto Candia/Associated Press))": some sites double them
    # "(ABC News: Alice Pavlovic)": an outlet, a colon, the photographer (not "Source:").
    r"|[\[(](?!source\b)[A-Z][\w.&'’ -]{1,30}: ?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}[\])]\s*$"
    # "..., including 28 people over the age of 75. File picture": the credit run in.
    r"|[.!?”\"]\s+(?:file|stock|supplied|library) (?:picture|photo|image|pic)\.?\s*$",
    re.IGNORECASE,
)
# "Safety: Eight miles south of ..." after a line "Safety": a caption under its title.
_LABEL_LEAD = re.compile(r"^([A-Z][\w'’-]*(?: [\w'’-]+){0,3}):\s+\S")


# A news ticker pasted as one line: other stories' headlines joined by bullets
# ("China, Senegal to advance ties  • Across China: ...  • ...").
_TICKER_SEPARATOR = re.compile(r"\s[•·|◆▪►]\s|\s{2,}[•·|◆▪►]|[•·|◆▪►]\s{2,}")


def ticker(text: str) -> bool:
    """Three or more headline-like items joined by bullets on one line: a ticker."""
    parts = [p.strip() for p in _TICKER_SEPARATOR.split(text) if p.strip(" •·|◆▪►")]
    if len(parts) < 3:
        return False
    titles = sum(1 for p in parts if 2 <= len(p.split()) <= 20 and not _ENDS_SENTENCE.search(p))
    return titles >= 0.7 * len(parts)


# The site talking to its reader about itself: comments, ads, cookies, subscriptions, the
# page's menu ("This site uses Akismet to reduce spam. Learn how your comment data is
# processed.", "Dear reader, online ads enable us to deliver ...", "Paid Subscribers get all
# access to make & read comments."): a site word and the reader addressed.
_SITE_WORD = re.compile(
    r"\b(?:comments?|commenting|commenters?|ads|adverts?|advertising|ad blockers?|adblock|spam|"
    r"cookies?|subscribers?|subscriptions?|newsletters?|browsers?|main menu|menus?|captcha|"
    r"javascript|paywall|log in|login|sign in|e-?paper|push notifications|"
    r"(?:this|our) (?:site|website|page|station|app|newsroom|journalism|readers|viewers))\b",
    re.IGNORECASE,
)
_READER = re.compile(
    r"\b(?:you|your|please|click|tap|learn|dear reader|readers?|viewers?|subscribers?)\b",
    re.IGNORECASE,
)


# A blog's feed notice: "The post 20 arrested for attacking police appeared first on .";
# a browser notice: "IE 11 is not supported."
_FEED_NOTICE = re.compile(
    r"^The post .{3,300} appeared first on\b"
    r"|^(?:IE|Internet Explorer) ?\d{0,2} is not supported\b",
    re.IGNORECASE,
)


# A subscription offer's price: "Starting at $4.62/week.", "Billed as RM148.00/year".
_OFFER = re.compile(
    r"^(?:billed|starting|starts|from|only|just|then|renews)\b.{0,40}?"
    r"(?:[$€£¥]|\b(?:RM|Rs\.?|USD|EUR|GBP|CAD|AUD|NZD|INR)\s?)\d[\d.,]*\s*"
    r"(?:/|per |an? )\s*(?:week|wk|month|mo|year|yr|annum|day)\b",
    re.IGNORECASE,
)


def site_notice(text: str, n: int) -> bool:
    """The site addressing its readers about itself (not quoted speech), its feed's "The
    post ... appeared first on ..." notice, "IE 11 is not supported", or a subscription
    offer's price standing alone."""
    if _FEED_NOTICE.match(text) or n <= 14 and _OFFER.match(text):
        return True
    if n > 60 or re.search(r"[“”\"]", text):
        return False
    return bool(_SITE_WORD.search(text) and _READER.search(text))
