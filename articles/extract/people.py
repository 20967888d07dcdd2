"""People: known ones by their aliases, new ones through role patterns.

"जापान के उप विदेश मंत्री ताकेहिरो फुनाकोशी", "रूसी रक्षा मंत्री श्री आंद्रेई बेलूसोव",
"विदेश सचिव विक्रम मिस्री": a role phrase, optionally preceded by a country ("X के", a
demonym, or a country and a ministry or department: "भारत की ओर से उर्वरक विभाग की सचिव",
"ब्रिटिश विदेश कार्यालय की निदेशक"), then an optional note in brackets ("सचिव (पूर्व)") and
an honorific, then a name of one to four words (initials such as "जी." not counted) that
stops at the first postposition, verb, city, country or other word that cannot be part of
a name. "श्री X (English)" with a role right after it ("..., ऑस्ट्रेलिया की संसाधन मंत्री,")
is a person too. A name the dictionary does not know is returned with `known=False`, to
be reviewed before it is trusted. An unqualified role ("विदेश सचिव") belongs to the
gazetteer's home country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from articles.extract.countries import CountryMention
from articles.extract.facts import PersonFact
from articles.extract.normalise import LEFT, RIGHT, fold_key, key_alternation
from articles.extract.places import CITY_RE
from articles.extract.sentences import Document
from tracker.text import normalise_for_match

if TYPE_CHECKING:
    from articles.gazetteer import Gazetteer

ROLES = {
    "उप विदेश मंत्री": "vice-foreign-minister", "विदेश उप मंत्री": "vice-foreign-minister",
    "विदेश राज्य मंत्री": "minister", "उप प्रधानमंत्री": "minister",
    "प्रधानमंत्री": "prime-minister", "प्रधान मंत्री": "prime-minister", "पीएम": "prime-minister",
    "चांसलर": "prime-minister", "राष्ट्रपति": "head-of-state", "सम्राट": "head-of-state",
    "क्राउन प्रिंस": "head-of-state", "युवराज": "head-of-state",
    "विदेश मंत्री": "foreign-minister", "विदेश मामलों के मंत्री": "foreign-minister",
    "विदेश सचिव": "foreign-secretary", "रक्षा मंत्री": "defence-minister",
    "रक्षा सचिव": "official", "वाणिज्य मंत्री": "commerce-minister",
    "वाणिज्य एवं उद्योग मंत्री": "commerce-minister", "वाणिज्य और उद्योग मंत्री": "commerce-minister",
    "व्यापार मंत्री": "commerce-minister", "वित्त मंत्री": "finance-minister",
    "गृह मंत्री": "home-minister", "राष्ट्रीय सुरक्षा सलाहकार": "national-security-adviser",
    "एनएसए": "national-security-adviser", "प्रवक्ता": "spokesperson", "राजदूत": "ambassador",
    "उच्चायुक्त": "ambassador", "मंत्री": "minister", "मंत्रियों": "minister",
    "prime minister": "prime-minister", "president": "head-of-state",
    "foreign minister": "foreign-minister", "external affairs minister": "foreign-minister",
    "defence minister": "defence-minister", "defense minister": "defence-minister",
    "foreign secretary": "foreign-secretary", "nsa": "national-security-adviser",
    # Officials below minister rank; the ministry or department usually comes before them
    # ("उर्वरक विभाग की सचिव", "विदेश विभाग की अवर सचिव", "आतंकवाद-रोधी विभाग की निदेशक").
    "सचिव": "official", "संयुक्त सचिव": "official", "अपर सचिव": "official",
    "अतिरिक्त सचिव": "official", "अवर सचिव": "official", "उप सचिव": "official",
    "वाणिज्य सचिव": "official", "निदेशक": "official", "महानिदेशक": "official",
    "उप मंत्री": "minister", "राज्य मंत्री": "minister",
    "undersecretary": "official", "under secretary": "official", "under-secretary": "official",
    "secretary": "official", "director": "official", "deputy minister": "minister",
    "minister of state": "minister", "minister": "minister",
}  # fmt: skip
_ROLE_KINDS = {normalise_for_match(k): v for k, v in ROLES.items()}
_ROLE_RE = re.compile(
    LEFT
    + "(?P<role>"
    + key_alternation(normalise_for_match(r) for r in sorted(ROLES, key=len, reverse=True))
    + ")"
    + RIGHT,
    re.IGNORECASE,
)
_HONORIFIC = re.compile(r"(?:श्री|श्रीमती|सुश्री|डॉ\.?|डॉक्टर|महामहिम|mr\.?|mrs\.?|dr\.?)\s+", re.I)
_TOKEN = re.compile(r"[\u0900-\u0963\u0966-\u097fA-Za-z][\u0900-\u0963\u0966-\u097fA-Za-z\-]*\.?")
_ENGLISH_NAME = re.compile(r"\s*\(([A-Za-z][A-Za-z .'\-]{2,60})\)")
_QUALIFIER_GAP = re.compile(r"^\s*(?:(?:के|की|का)\s+)?$")
# What may stand between a country and a role ("फ्रांस के सशस्त्र बल मंत्री", "भारत
# की ओर से उर्वरक विभाग की सचिव", "ब्रिटिश पक्ष की अगुवाई ... विभाग की निदेशक"): an opener,
# then up to `_PORTFOLIO_WORDS` words of a portfolio, none of them a verb or postposition.
_PORTFOLIO_OPENER = re.compile(
    r"^\s*(?:(?:पक्ष|प्रतिनिधिमंडल|प्रतिनिधिमण्डल)\s+)?"
    r"(?:(?:की|के|का)\s+(?:ओर|तरफ़?)\s+से|की\s+अगुवाई|का\s+नेतृत्व|के|की|का)?(?=\s|$)"
)
_GAP_TOKEN = re.compile(r"\([^()\n]{1,40}\)|[^\s,()]+")
_PORTFOLIO_WORDS = 10
_QUALIFIER_REACH = 120  # characters
_LINK_WORDS = frozenset("के की का और एवं व तथा".split())
_OFFICES = frozenset("मंत्रालय मंत्रालयों विभाग कार्यालय दूतावास उच्चायोग आयोग".split())
# A note in brackets between a role and the name: "सचिव (पूर्व)", "अवर सचिव (Undersecretary)".
_ROLE_NOTE = re.compile(r"\s*\([^()\n]{1,40}\)")
# "जी. किशन रेड्डी": initials are letter names (or a Latin letter) with a full stop.
_INITIALS = frozenset(
    "ए बी सी डी ई एफ जी एच आई जे के एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू एक्स वाई जेड".split()
)
# "श्री रमेश कुमार (Ramesh Kumar), ..." : an honorific that opens a name.
_HONORIFIC_AT = re.compile(LEFT + r"(?:श्रीमती|सुश्री|श्री|डॉ\.|डॉक्टर)\s+")
# Between "श्री X (English)" and a role that follows it: a comma, "जो", a portfolio.
_ROLE_AFTER = re.compile(r"^\s*(?:,\s*)?(?:जो\s+)?")
# Name particles (मोहम्मद बिन जायद अल नाहयान) that do not count toward the word limit.
_PARTICLES = frozenset("बिन बिंत इब्न अल अल- वॉन वान फॉन डी डे दा दि ला ले".split())
_AND = re.compile(r"^\s*(?:और|एवं|तथा|व)\s+$")
# Words that end a name: postpositions, conjunctions, verbs, pronouns, time words, titles.
STOP_WORDS = frozenset(normalise_for_match(w) for w in """
    ने से के की का को में पर और तथा एवं व या भी ही तो है हैं था थे थी हो कि जो यह वह ये वे इस उस
    इन उन एक अपने अपनी अपना दोनों साथ द्वारा तक लिए बाद बीच ओर आज कल परसों अब फिर नहीं
    उन्होंने इन्होंने उनके उनकी उनका उनसे पद पदों मंडल मण्डल जनरल अन्य कई सभी अधिकारी अधिकारियों
    प्रतिनिधि प्रतिनिधिमंडल general
    बताया कहा किया की गई गया मिले मिलकर मुलाकात बैठक वार्ता भेंट बातचीत शिखर दौरे दौरा यात्रा
    सोमवार मंगलवार बुधवार गुरुवार बृहस्पतिवार शुक्रवार शनिवार रविवार श्री जी साहब
    मंत्री मंत्रियों मंत्रालय सचिव प्रधानमंत्री राष्ट्रपति प्रवक्ता राजदूत सरकार देश देशों पक्ष
    नई नेता नेताओं स्तर स्तरीय स्तरों रहे रही रहा लगातार स्वयं खुद ने, समेत सहित यहां यहाँ वहां इसी उसी
    आए आये आईं आई पहुंचे पहुँचे पहुंचीं गए गये गईं हुए हुईं बोले कहते करेंगे करेंगी थीं
    with and of the in at on said met has had was is to for from by
""".split())  # fmt: skip


@dataclass(frozen=True)
class PersonMention:
    key: str  # slug for known people, folded name for new ones
    field: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True)
class RoleMention:
    kind: str
    country: str | None
    field: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True)
class PeopleResult:
    people: tuple[PersonFact, ...]
    keys: tuple[str, ...]  # parallel to people
    mentions: tuple[PersonMention, ...]
    roles: tuple[RoleMention, ...]


def find_people(
    doc: Document, gazetteer: Gazetteer, countries: list[CountryMention], published: date | None
) -> PeopleResult:
    """Known and new people, in order of first mention, with all their mentions."""
    day = published.isoformat() if published else None
    known: dict[tuple[str, int], tuple[str, int]] = {}  # (field, start) -> (slug, end)
    mentions: list[PersonMention] = []
    if gazetteer.person_re is not None:
        for field, text in doc.fields.items():
            for m in gazetteer.person_re.finditer(text):
                slug = gazetteer.person_keys.get(fold_key(m.group()))
                sentence = doc.sentence_at(field, m.start())
                if slug and sentence:
                    known[(field, m.start())] = (slug, m.end())
                    mentions.append(PersonMention(slug, field, m.start(), m.end(), sentence.index))
    ends = {(c.field, c.end): c.code for c in countries}
    info: dict[str, dict] = {}
    roles: list[RoleMention] = []
    for field, text in doc.fields.items():
        for m in _ROLE_RE.finditer(text):
            sentence = doc.sentence_at(field, m.start())
            if sentence is None:
                continue
            kind = _ROLE_KINDS.get(normalise_for_match(m.group("role")), "minister")
            country = _qualifier(text, field, m.start(), ends, sentence.start, gazetteer)
            previous = roles[-1] if roles else None
            if (
                country is None
                and previous
                and previous.field == field
                and _AND.match(text[previous.end : m.start()])
            ):
                country = previous.country  # "X के उप प्रधानमंत्री और रक्षा मंत्री Y"
            roles.append(RoleMention(kind, country, field, m.start(), m.end(), sentence.index))
            pos = m.end()
            note = _ROLE_NOTE.match(text, pos)
            pos = note.end() if note else pos
            while text[pos : pos + 1] == " ":
                pos += 1
            honorific = _HONORIFIC.match(text, pos)
            pos = honorific.end() if honorific else pos
            hit = known.get((field, pos))
            if hit:
                entry = info.setdefault(hit[0], {"role": kind, "country": country})
                entry.setdefault("role", kind)
                continue
            _add_new(text, field, pos, sentence.index, kind, country, gazetteer, mentions, info)
    _honorific_names(doc, gazetteer, known, roles, mentions, info)
    mentions = _merge_short_names(doc, mentions)
    mentions += _surname_mentions(doc, mentions)
    mentions.sort(key=lambda p: (p.sentence, p.start))
    people: list[PersonFact] = []
    keys: list[str] = []
    for mention in mentions:
        if mention.key in keys:
            continue
        extra = info.get(mention.key, {})
        evidence = doc.evidence(doc.sentences[mention.sentence], mention.start, mention.end)
        person = gazetteer.people.get(mention.key)
        if person:
            held = person.role_on(day)
            role = extra.get("role") if extra.get("role") != "minister" else None
            people.append(PersonFact(
                person.name_hi, person.name_en or None,
                (held.country if held else None) or person.country or extra.get("country"),
                role or (held.kind if held else extra.get("role")), True, person.slug, evidence,
            ))  # fmt: skip
        else:
            people.append(PersonFact(
                extra["name"], extra.get("name_en"), extra.get("country") or gazetteer.home_country,
                extra.get("role"), False, None, evidence,
            ))  # fmt: skip
        keys.append(mention.key)
    return PeopleResult(tuple(people), tuple(keys), tuple(mentions), tuple(roles))


def _add_new(text, field, pos, sentence, kind, country, gazetteer, mentions, info) -> str | None:
    """Read a new name at `pos` and record it with its role; the key, or None."""
    name, end = _read_name(text, pos, gazetteer)
    if not name:
        return None
    person = gazetteer.person_of(name)
    key = person.slug if person else "new:" + fold_key(name)
    mentions.append(PersonMention(key, field, pos, end, sentence))
    english = _ENGLISH_NAME.match(text, end)
    info.setdefault(
        key,
        {
            "role": kind,
            "country": country,
            "name": name,
            "name_en": english.group(1).strip() if english else None,
        },
    )
    return key


def _honorific_names(doc, gazetteer, known, roles, mentions, info) -> None:
    """ "श्री X (English), ऑस्ट्रेलिया की संसाधन मंत्री, ने ...": a new name written with an
    honorific and its English form, with a role right after it, is a person too."""
    taken = {(m.field, m.start) for m in mentions}
    for field, text in doc.fields.items():
        for h in _HONORIFIC_AT.finditer(text):
            pos = h.end()
            if (field, pos) in taken or (field, pos) in known:
                continue
            sentence = doc.sentence_at(field, pos)
            name, end = _read_name(text, pos, gazetteer)
            english = _ENGLISH_NAME.match(text, end) if name else None
            if sentence is None or english is None:
                continue
            role = next(
                (
                    r
                    for r in roles
                    if r.field == field
                    and r.sentence == sentence.index
                    and english.end() <= r.start <= english.end() + 80
                    and _portfolio_gap(text[english.end() : r.start], gazetteer, _ROLE_AFTER, True)
                ),
                None,
            )
            if role is None:
                continue
            _add_new(text, field, pos, sentence.index, role.kind, role.country, gazetteer,
                     mentions, info)  # fmt: skip
            taken.add((field, pos))


def _qualifier(
    text: str, field: str, start: int, ends: dict, floor: int, gazetteer: Gazetteer
) -> str | None:
    """The country named before a role: "जापान के रक्षा मंत्री", "रूसी रक्षा मंत्री", "रूस की
    ओर से उप उद्योग एवं व्यापार मंत्री" (the nearest country a portfolio leads from)."""
    for end in range(start, max(floor, start - _QUALIFIER_REACH) - 1, -1):
        code = ends.get((field, end))
        if code and (
            _QUALIFIER_GAP.match(text[end:start])
            or _portfolio_gap(text[end:start], gazetteer, _PORTFOLIO_OPENER)
        ):
            return code
    return None


def _portfolio_gap(gap: str, gazetteer, opener: re.Pattern[str], countries: bool = False) -> bool:
    """Whether `gap` is an opener and a portfolio: words that are no verbs or postpositions
    ("के ऊर्जा, जल संसाधन और सिंचाई", "की ओर से उर्वरक विभाग की"); "में" only after an
    office ("विदेश मंत्रालय में संयुक्त"). A country may stand in it only with `countries`
    (a role after a name: "श्री X (English), ऑस्ट्रेलिया की संसाधन मंत्री")."""
    m = opener.match(gap)
    if m is None:
        return False
    words = 0
    previous = ""
    for token in _GAP_TOKEN.findall(gap[m.end() :]):
        folded = normalise_for_match(token)
        if token.startswith("("):
            continue  # "(FCDO)"
        words += 1
        if words > _PORTFOLIO_WORDS:
            return False
        if folded in _LINK_WORDS:
            pass
        elif folded in _OFFICES or (folded == "में" and previous in _OFFICES):
            pass  # "विदेश मंत्रालय के", "विदेश मंत्रालय में"
        elif countries and gazetteer is not None and fold_key(token) in gazetteer.country_keys:
            pass
        elif folded in STOP_WORDS or not _TOKEN.fullmatch(token) or "।" in token:
            return False
        elif gazetteer is not None and fold_key(token) in gazetteer.country_keys:
            return False  # a nearer country is the qualifier, not this one
        previous = folded
    return True


def _read_name(text: str, pos: int, gazetteer: Gazetteer) -> tuple[str, int]:
    """One to four name words from `pos`; stops at a stop word, a country, a city or
    punctuation. Initials ("जी. किशन रेड्डी") are name words even when they spell a stop
    word ("जी"), as long as a word follows them."""
    words: list[tuple[str, int]] = []  # (word, its end)
    while sum(1 for w, _ in words if w not in _PARTICLES and not _is_initial(w)) < 4:
        m = _TOKEN.match(text, pos)
        if not m:
            break
        word = m.group()
        folded = normalise_for_match(word.rstrip("."))
        initial = _is_initial(word) and text[m.end() : m.end() + 1] == " "
        if not initial and (folded in STOP_WORDS or fold_key(word) in gazetteer.country_keys):
            break
        if _is_place(text, pos, gazetteer):
            break  # "मंत्री दिल्ली में": a city or a country is never a name
        if word.endswith(".") and not initial and len(folded) > 3:
            break  # a full stop after a long word ends the sentence, not an initial
        words.append((word, m.end()))
        if text[m.end() : m.end() + 1] != " ":
            break
        pos = m.end() + 1
    while words and (
        normalise_for_match(words[-1][0]) == "जी"
        or words[-1][0] in _PARTICLES
        or _is_initial(words[-1][0])
    ):
        words.pop()
    if not words or (len(words) == 1 and words[0][0].endswith(".")):
        return "", pos
    return " ".join(w for w, _ in words), words[-1][1]


def _is_initial(word: str) -> bool:
    """ "एस.", "जी.", "G.": a letter name or a Latin letter with a full stop."""
    if not word.endswith("."):
        return False
    letter = normalise_for_match(word[:-1])
    return letter in _INITIALS or (len(letter) == 1 and letter.isascii() and letter.isalpha())


def _is_place(text: str, pos: int, gazetteer: Gazetteer) -> bool:
    """Whether a city of `places.CITIES` or a country name starts at `pos`."""
    if CITY_RE.match(text, pos):
        return True
    return gazetteer.country_re is not None and gazetteer.country_re.match(text, pos) is not None


def _merge_short_names(doc: Document, mentions: list[PersonMention]) -> list[PersonMention]:
    """A new one-word name ("ओकानो") that ends a longer new name is that person."""
    full: dict[str, str] = {}
    for m in mentions:
        words = doc.fields[m.field][m.start : m.end].split()
        if m.key.startswith("new:") and len(words) > 1:
            full.setdefault("new:" + fold_key(words[-1]), m.key)
    return [
        PersonMention(full[m.key], m.field, m.start, m.end, m.sentence) if m.key in full else m
        for m in mentions
    ]


def _surname_mentions(doc: Document, mentions: list[PersonMention]) -> list[PersonMention]:
    """Later "श्री नाकातानी" for a new person first named "जेन नाकातानी"."""
    surnames: dict[str, str] = {}
    for m in mentions:
        if m.key.startswith("new:"):
            last = doc.fields[m.field][m.start : m.end].split()[-1]
            if len(last) >= 4 and normalise_for_match(last) not in STOP_WORDS:
                surnames.setdefault(last, m.key)
    if not surnames:
        return []
    taken = {(m.field, s) for m in mentions for s in range(m.start, m.end)}
    pattern = re.compile(LEFT + "(" + "|".join(map(re.escape, surnames)) + ")" + RIGHT)
    found = []
    for field, text in doc.fields.items():
        for hit in pattern.finditer(text):
            sentence = doc.sentence_at(field, hit.start())
            if sentence and (field, hit.start()) not in taken:
                found.append(
                    PersonMention(
                        surnames[hit.group()], field, hit.start(), hit.end(), sentence.index
                    )
                )
    return found
