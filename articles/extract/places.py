"""Where a meeting took place: a venue in a city ("नई दिल्ली स्थित मानेकशॉ सेंटर"), a city
("टोक्यो में"), or the dateline city when the text says "यहां" (here)."""

from __future__ import annotations

import re

from articles.extract.normalise import LEFT, RIGHT, pattern_for_key
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
    + "|".join(
        pattern_for_key(normalise_for_match(c)) for c in sorted(CITIES, key=len, reverse=True)
    )
    + ")"
)
_VENUE_WORDS = r"(?:सेंटर|सेन्टर|केंद्र|भवन|हाउस|होटल|पैलेस|महल|हॉल|सभागार|कन्वेंशन सेंटर)"
_VENUE_IN_CITY = re.compile(
    LEFT + rf"(?P<city>{_CITY}) स्थित (?P<venue>(?:[^\s,।]+ ){{0,3}}?[^\s,।]+) में", re.I
)
_CITY_VENUE = re.compile(
    LEFT + rf"(?P<city>{_CITY}) के (?P<venue>(?:[^\s,।]+ ){{0,2}}{_VENUE_WORDS}) में", re.I
)
_CITY_IN = re.compile(LEFT + rf"(?P<city>{_CITY}){RIGHT}(?: के)? (?:में|पहुंचे|पहुँचे|पहुंचीं)", re.I)
_HERE = re.compile(LEFT + r"(?:यहां|यहाँ)" + RIGHT)
_DATELINE = re.compile(rf"^\s*(?P<city>{_CITY})\s*[:,|]", re.I)


def find_place(sentences: list[str], body: str) -> str | None:
    """The first venue or city named in the meeting's sentences, in their order."""
    for text in sentences:
        for pattern in (_VENUE_IN_CITY, _CITY_VENUE):
            m = pattern.search(text)
            if m:
                return f"{m.group('venue')}, {m.group('city')}"
        m = _CITY_IN.search(text)
        if m:
            return m.group("city")
    for text in sentences:
        if _HERE.search(text):
            m = _DATELINE.match(body)
            if m:
                return m.group("city")
    return None
