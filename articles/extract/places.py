"""Where a meeting took place: a venue in a city ("नई दिल्ली स्थित मानेकशॉ सेंटर"), a city
("टोक्यो में"), or the dateline city ("मॉस्को, 17 सितंबर (भाषा) ...") when the text says
"यहां" (here). A phone or video call has no place unless its own sentence names one; the
caller decides which sentences to pass."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from articles.extract.dates import find_dates
from articles.extract.normalise import LEFT, RIGHT, key_alternation
from tracker.text import normalise_for_match

# Capitals and the cities where bilateral meetings are held, as Hindi papers spell them.
CITIES = """
नई दिल्ली|दिल्ली|मुंबई|कोलकाता|चेन्नई|बेंगलुरु|बेंगलूरु|हैदराबाद|अहमदाबाद|गांधीनगर|वाराणसी|जयपुर|गोवा
|पुणे|लखनऊ|भुवनेश्वर|टोक्यो|तोक्यो|ओसाका|हिरोशिमा|क्योटो|मॉस्को|मास्को|सेंट पीटर्सबर्ग|कज़ान|सोची
|व्लादिवोस्तोक|बीजिंग|शंघाई|तियानजिन|वाशिंगटन|वॉशिंगटन|न्यूयॉर्क|न्यूयार्क|पेरिस|कैनबरा|सिडनी
|मेलबर्न|ब्रिस्बेन|पर्थ|अबू धाबी|अबूधाबी|दुबई|ढाका|काठमांडू|कोलंबो|इस्लामाबाद|लंदन|बर्लिन|जिनेवा
|ब्रसेल्स|रियाद|जेद्दा|तेहरान|काबुल|माले|थिम्पू|सियोल|हनोई|जकार्ता|बाली|कुआलालंपुर|बैंकॉक|मनीला
|सिंगापुर|ओटावा|टोरंटो|ब्रासीलिया|रियो डी जेनेरो|जोहान्सबर्ग|केप टाउन|नैरोबी|काहिरा|रोम|मैड्रिड
|वियना|हेग|एम्स्टर्डम|स्टॉकहोम|ओस्लो|हेलसिंकी|कोपेनहेगन|वारसॉ|कीव|एथेंस|अंकारा|इस्तांबुल|दोहा
|मस्कट|मनामा|कुवैत सिटी|तेल अवीव|यरुशलम|यंगून|नेपीडॉ|बिश्केक|अस्ताना|ताशकंद|म्यूनिख|फ्रैंकफर्ट
|new delhi|delhi|tokyo|moscow|beijing|washington|paris|canberra|abu dhabi|dhaka|london
""".replace("\n", "").split("|")
_CITY = (
    "(?:"
    + key_alternation(normalise_for_match(c) for c in sorted(CITIES, key=len, reverse=True))
    + ")"
)
# Any city of the list as a whole word: places are never person names.
CITY_RE = re.compile(LEFT + _CITY + RIGHT, re.I)
_VENUE_WORDS = r"(?:सेंटर|सेन्टर|केंद्र|भवन|हाउस|होटल|पैलेस|महल|हॉल|सभागार|कन्वेंशन सेंटर)"
_VENUE_IN_CITY = re.compile(
    LEFT + rf"(?P<city>{_CITY}) स्थित (?P<venue>(?:[^\s,।]+ ){{0,3}}?[^\s,।]+) में", re.I
)
_CITY_VENUE = re.compile(
    LEFT + rf"(?P<city>{_CITY}) के (?P<venue>(?:[^\s,।]+ ){{0,2}}{_VENUE_WORDS}) में", re.I
)
_CITY_IN = re.compile(LEFT + rf"(?P<city>{_CITY}){RIGHT}(?: के)? (?:में|पहुंचे|पहुँचे|पहुंचीं)", re.I)
_HERE = re.compile(LEFT + r"(?:यहां|यहाँ)" + RIGHT)
_DATELINE = re.compile(
    rf"^\s*(?P<city>{_CITY})\s*[:,|]\s*"
    r"(?:(?P<date>[0-9०-९]{1,2}[ \-][^\s,()।:|]{2,12}(?:,? [0-9०-९]{4})?)\s*)?"
    r"(?:\((?P<agency>[^()\n]{1,30})\)\s*[:\-–—]?)?",
    re.I,
)


@dataclass(frozen=True)
class Dateline:
    """ "मॉस्को, 17 सितंबर (भाषा)" at the start of a body: where and when it was filed.

    `date` takes its year from publication (never after it); `end` is where the dateline
    stops in the body, so its date is not read as the date of what the story reports."""

    city: str
    date: date | None
    end: int


def find_dateline(body: str, published: date | None) -> Dateline | None:
    """The dateline of a body ("नई दिल्ली, 5 मई (एजेंसी)", "मनीला:"), if it opens with one."""
    m = _DATELINE.match(body)
    if m is None:
        return None
    day = None
    if m.group("date") and published:
        found = find_dates(m.group("date"), published)
        if found and not found[0].relative and found[0].end >= len(m.group("date").rstrip(",")):
            day = found[0].value
            if day > published + timedelta(days=1):
                day = _year_before(day)
    return Dateline(m.group("city"), day, m.end())


def _year_before(day: date) -> date | None:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return None


def find_place(
    sentences: list[str], dateline: Dateline | None, fallback: Sequence[str] = ()
) -> str | None:
    """The first venue or city named in the meeting's sentences, in their order, then in
    `fallback` (sentences about the same event: a signing, a visit); or the dateline city
    when one of them says "यहां" (here)."""
    for text in [*sentences, *fallback]:
        for pattern in (_VENUE_IN_CITY, _CITY_VENUE):
            m = pattern.search(text)
            if m:
                return f"{m.group('venue')}, {m.group('city')}"
        m = _CITY_IN.search(text)
        if m:
            return m.group("city")
    if dateline is not None and any(_HERE.search(text) for text in [*sentences, *fallback]):
        return dateline.city
    return None
