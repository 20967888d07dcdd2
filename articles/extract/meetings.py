"""The meeting an article reports: its pair, date, place, participants and kind.

The anchor is the first sentence with a meeting word (बैठक, मुलाकात, वार्ता, भेंट, शिखर
सम्मेलन, "से मिले" ...) that names a participant, or else two countries; a visit (दौरा,
यात्रा) serves when no meeting word does. The sentences of the same meeting are the other
meeting sentences that share a participant with it, or name no one and no country outside
its pair. The pair comes from the participants' countries and the countries those
sentences name, never from countries mentioned elsewhere. The date must stand in one of
those sentences, nearest the meeting word, and fit the publication date (a meeting is
reported within weeks, not years); otherwise it is null.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from articles.extract.dates import FoundDate, find_dates, is_future
from articles.extract.facts import MeetingFact, PersonFact
from articles.extract.normalise import LEFT, RIGHT, alternation
from articles.extract.places import Dateline, find_dateline, find_place
from articles.extract.sentences import Document, Sentence

_STRONG = re.compile(
    LEFT
    + "(?:"
    + alternation([
        r"बैठक(?:ों)?", r"मुलाक़?ात(?:ों)?", r"वार्ता(?:ओं)?", "बातचीत", "भेंट",
        "शिखर (?:सम्मेलन|वार्ता|बैठक)", "समिट", "से मिल(?:े|ीं|ा|कर|ने)", "मिले और", r"2\+2",
        "टू प्लस टू", "फ़?ोन पर (?:बात|चर्चा)", "फ़?ोन (?:कॉल|किया)", "टेलीफ़?ोन पर", "meeting",
        "met", "talks", "summit", "phone call",
    ])
    + ")"
    + RIGHT,
    re.IGNORECASE,
)  # fmt: skip
# Visits and signings: a meeting when no sentence names one outright.
_VISIT = re.compile(
    LEFT
    + "(?:"
    + alternation(["दौरे", "दौरा", "यात्रा", "हस्ताक्षर किए", "हस्ताक्षर किये", "visit", "signed"])
    + ")"
    + RIGHT,
    re.IGNORECASE,
)
# A sentence that goes on about the meeting just named ("इस मौके पर ... भी मौजूद रहे").
_ANAPHOR = re.compile(r"^(?:इस|उस) (?:मौके|अवसर|बैठक|मुलाकात|वार्ता|दौरान)")
_BOTH = re.compile(r"दोनों (?:नेता|नेताओं|मंत्रियों|मंत्री|पक्षों|अधिकारियों)")
# Sentences about an earlier meeting ("पिछले साल अक्टूबर में कज़ान में ... मुलाकात").
_HISTORY = re.compile(
    LEFT + r"(?:पिछले|बीते|गत) (?:साल|वर्ष|वर्षों|सालों|दशक)|वर्षों पहले|सालों पहले|साल पहले" + RIGHT
)
_CALL = re.compile(
    alternation([
        "फ़?ोन पर", "फ़?ोन (?:कॉल|किया)", "टेलीफ़?ोन", "वीडियो (?:कॉल|कॉन्फ्रेंस|कॉन्फ़्रेंस|लिंक)",
        "वर्चुअल", "ऑनलाइन (?:बैठक|बातचीत)", "phone call", "video call", "virtual",
    ]),
    re.I,
)  # fmt: skip
# Words that put an event vaguely in the past: the dateline day is not its date.
_VAGUE = re.compile(LEFT + r"(?:पिछले|बीते|गत|हाल ही|सप्ताह|हफ्ते|हफ़्ते|महीने)" + RIGHT)
_HERE = re.compile(LEFT + r"(?:यहां|यहाँ)" + RIGHT)
_SUMMIT = re.compile(alternation(["शिखर", "समिट", "summit"]), re.I)
_DIALOGUE = re.compile(alternation([r"2\+2", "टू प्लस टू", "संवाद", "डायलॉग", "dialogue"]), re.I)
# A date this far before publication is history ("मार्च 2022 में हुआ था"), not the news.
MAX_AGE = timedelta(days=45)
_HEADS = {"prime-minister", "head-of-state"}
_OFFICIALS = {"foreign-secretary", "vice-foreign-minister", "official", "ambassador",
              "national-security-adviser"}  # fmt: skip


@dataclass(frozen=True)
class SentenceFacts:
    """What one sentence holds: its people (keys), countries and role mentions."""

    people: tuple[str, ...]
    countries: tuple[str, ...]
    roles: tuple[str, ...]


def find_meetings(
    doc: Document,
    facts: dict[int, SentenceFacts],
    people: dict[str, PersonFact],
    published: date | None,
) -> tuple[list[MeetingFact], set[int]]:
    """The reported meeting (at most one) and the indexes of all meeting sentences."""
    strong = [
        s for s in doc.sentences if _STRONG.search(s.text) and not _history(s.text, published)
    ]
    visits = [s for s in doc.sentences if _VISIT.search(s.text) and s not in strong
              and not _history(s.text, published)]  # fmt: skip
    meeting_ids = {s.index for s in strong}
    empty = SentenceFacts((), (), ())
    participants_of = {
        s.index: [k for k in facts.get(s.index, empty).people if people[k].role != "spokesperson"]
        for s in strong + visits
    }
    for s in strong + visits:
        # "दोनों नेताओं ने ... वार्ता की": the two are the people of the sentence before.
        if not participants_of[s.index] and _BOTH.search(s.text) and s.index > 0:
            before = doc.sentences[s.index - 1]
            borrowed = facts.get(before.index, empty)
            participants_of[s.index] = [
                k for k in borrowed.people if people[k].role != "spokesperson"
            ]
            facts = {**facts, s.index: SentenceFacts(
                borrowed.people, facts.get(s.index, empty).countries + borrowed.countries,
                facts.get(s.index, empty).roles,
            )}  # fmt: skip
    anchor = None
    for group in (strong, visits):
        anchor = next(
            (
                s
                for s in group
                if participants_of[s.index] and _pair_of([s], facts, participants_of, people)
            ),
            None,
        ) or next((s for s in group if len(set(facts.get(s.index, empty).countries)) >= 2), None)
        if anchor:
            break
    if anchor is None:
        return [], meeting_ids
    group = strong if anchor in strong else visits
    pair = _pair_of([anchor], facts, participants_of, people)
    core = set(participants_of[anchor.index])
    related = [anchor]
    for s in group:
        if s is anchor:
            continue
        mine = set(participants_of[s.index])
        named = set(facts.get(s.index, empty).countries)
        if (mine & core) or (not mine and pair and named and named <= set(pair)):
            related.append(s)
        elif not mine and not named and 0 < s.index - anchor.index <= 2:
            related.append(s)  # "बैठक 21 जनवरी को हुई।" right after the anchor
    if not pair or not core:
        pair = _pair_of(related, facts, participants_of, people)
    for s in list(related):
        following = doc.sentences[s.index + 1] if s.index + 1 < len(doc.sentences) else None
        if following and following not in related and _ANAPHOR.match(following.text):
            participants_of[following.index] = [
                k
                for k in facts.get(following.index, empty).people
                if people[k].role != "spokesperson"
            ]
            related.append(following)
    if not pair:
        return [], meeting_ids
    # Sentences of the other group about the same event ("भारत और रूस ने मंगलवार को यहां
    # ... हस्ताक्षर किए" beside "दोनों अधिकारियों के बीच हुई बैठक"): a date or place the
    # meeting's own sentences lack may stand there.
    other = visits if group is strong else strong
    support = [
        s
        for s in other
        if is_future(s.text) == is_future(anchor.text)
        and _same_event(s, core, pair, participants_of, facts.get(s.index, empty))
    ]
    names: list[str] = []
    roles: list[str] = []
    for s in sorted(related, key=lambda s: s.index):
        for key in participants_of[s.index]:
            person = people[key]
            if person.name not in names and (person.country in pair or person.country is None):
                names.append(person.name)
                roles.append(person.role or "")
        roles += facts.get(s.index, empty).roles
    dateline = find_dateline(doc.fields["body"], published)
    skip = dateline.end if dateline else 0
    found = (
        _find_date(related, published, skip)
        or _find_date(support, published, skip)
        or _dateline_date(dateline, related + support, published)
    )
    if _CALL.search(anchor.text):
        # A call has no place unless a call sentence names one; never the dateline's.
        place = find_place([s.text for s in related if _CALL.search(s.text)], None)
    else:
        place = find_place([s.text for s in related], dateline, [s.text for s in support])
    return [
        MeetingFact(
            pair=pair,
            date=found[0].value if found else None,
            date_precision=found[0].precision if found else "unknown",
            place=place,
            participants=tuple(names),
            kind=_kind(" ".join(s.text for s in related), roles, group is visits),
            evidence=doc.evidence(anchor, anchor.start, anchor.end),
            date_evidence=doc.evidence(found[1], found[0].start, found[0].end) if found else None,
        )
    ], meeting_ids


def _same_event(s, core: set[str], pair, participants_of, sentence_facts) -> bool:
    """Whether a sentence of the other group shares a participant with the meeting, or names
    no one and only the pair's countries."""
    if set(participants_of[s.index]) & core:
        return True
    named = set(sentence_facts.countries)
    return not participants_of[s.index] and bool(named) and named <= set(pair)


def _history(text: str, published: date | None) -> bool:
    """Whether a sentence is about the past: "पिछले साल", or only dates long before publication."""
    if _HISTORY.search(text):
        return True
    if published is None:
        return False
    dates = find_dates(text, published)
    return bool(dates) and not any(_plausible(d, published, is_future(text)) for d in dates)


def _pair_of(sentences, facts, participants_of, people) -> tuple[str, str] | None:
    """The two countries best attested by participants, then by names in the sentences."""
    score: dict[str, float] = defaultdict(float)
    order: dict[str, int] = {}
    for s in sentences:
        for key in participants_of.get(s.index, ()):
            if people[key].country:
                score[people[key].country] += 3
                order.setdefault(people[key].country, len(order))
        sentence_facts = facts.get(s.index)
        for code in dict.fromkeys(sentence_facts.countries if sentence_facts else ()):
            score[code] += 2 if s is sentences[0] else 1
            order.setdefault(code, len(order))
    ranked = sorted(score, key=lambda c: (-score[c], order[c]))
    if len(ranked) < 2:
        return None
    return tuple(sorted(ranked[:2]))  # type: ignore[return-value]


def _find_date(
    sentences, published: date | None, skip: int = 0
) -> tuple[FoundDate, Sentence] | None:
    """The date nearest a meeting word in the meeting's sentences that fits publication.

    Body positions before `skip` are the dateline: the day the story was filed."""
    for s in sentences:
        triggers = [m.start() for m in _STRONG.finditer(s.text)] + [
            m.start() for m in _VISIT.finditer(s.text)
        ]
        candidates = []
        for found in find_dates(s.text, published):
            if s.field == "body" and s.start + found.start < skip:
                continue
            if published and not _plausible(found, published, is_future(s.text)):
                continue
            distance = min((abs(t - found.start) for t in triggers), default=0)
            candidates.append((distance, found))
        if candidates:
            best = min(candidates, key=lambda c: (c[0], c[1].start))[1]
            shifted = FoundDate(
                best.value, best.precision, best.start + s.start, best.end + s.start, best.relative
            )
            return shifted, s
    return None


def _dateline_date(
    dateline: Dateline | None, sentences, published: date | None
) -> tuple[FoundDate, Sentence] | None:
    """ "नई दिल्ली, 5 मई (एजेंसी) भारत और जापान ने यहां ... वार्ता की": the dateline day, when
    the dateline's own sentence reports the event "here" and names no other time."""
    if dateline is None or dateline.date is None or published is None:
        return None
    for s in sentences:
        if (
            s.field == "body"
            and s.start <= dateline.end <= s.end
            and _HERE.search(s.text)
            and not _VAGUE.search(s.text)
            and not is_future(s.text)
            and _plausible(FoundDate(dateline.date, "day", 0, 0), published, False)
        ):
            start = s.text.find(dateline.city)
            found = FoundDate(dateline.date, "day", s.start + max(start, 0),
                              s.start + (dateline.end - s.start))  # fmt: skip
            return found, s
    return None


def _plausible(found: FoundDate, published: date, future: bool) -> bool:
    if found.precision == "month":
        return (found.value.year, found.value.month) == (published.year, published.month)
    if future:
        return published <= found.value <= published + timedelta(days=120)
    return published - MAX_AGE <= found.value <= published + timedelta(days=1)


def _kind(text: str, roles: list[str], visit: bool) -> str | None:
    kinds = set(roles) - {"", "spokesperson"}
    if _CALL.search(text):
        return "call"
    if _SUMMIT.search(text) or kinds & _HEADS:
        return "summit"
    if _DIALOGUE.search(text):
        return "dialogue"
    if kinds and kinds <= _OFFICIALS:
        return "official-level"
    if kinds:
        return "ministerial"
    return "summit" if visit else None
