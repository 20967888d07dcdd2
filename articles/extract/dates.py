"""Dates in Hindi news text: absolute ("05 मई 2025", "5 May 2025", "मार्च 2022") and
relative ("आज", "कल", "सोमवार को"), resolved against the publication date.

dateparser reads "कल" always as tomorrow; in news "कल" after a past-tense verb is
yesterday and before a future one tomorrow, so the tense of the sentence decides, and past
(the reporting tense) is the default. A weekday in a past-tense sentence is the latest
such day on or before publication; in a future-tense one the next on or after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from articles.extract.normalise import LEFT, RIGHT, alternation, key_alternation, pattern_for_key
from tracker.text import normalise_for_match

_MONTH_NAMES = [
    "जनवरी january jan", "फरवरी फ़रवरी फेब्रुअरी february feb", "मार्च march mar",
    "अप्रैल अप्रेल अप्रील april apr", "मई may", "जून june jun", "जुलाई जुलाइ july jul",
    "अगस्त august aug", "सितंबर सितम्बर september sept sep",
    "अक्टूबर अक्तूबर october oct", "नवंबर नवम्बर november nov", "दिसंबर दिसम्बर december dec",
]  # fmt: skip
MONTHS = {name: i for i, names in enumerate(_MONTH_NAMES, 1) for name in names.split()}
_WEEKDAY_NAMES = [
    "सोमवार monday",
    "मंगलवार tuesday",
    "बुधवार wednesday",
    "गुरुवार बृहस्पतिवार thursday",
    "शुक्रवार friday",
    "शनिवार saturday",
    "रविवार sunday",
]
WEEKDAYS = {name: i for i, names in enumerate(_WEEKDAY_NAMES) for name in names.split()}

_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_MON = "(?P<mon>" + key_alternation(sorted(MONTHS, key=len, reverse=True)) + ")"
_D = r"(?P<day>[0-3]?[0-9०-३]?[0-9०-९])(?:st|nd|rd|th)?"
_Y = r"(?P<year>(?:19|20|१९|२०)[0-9०-९]{2})(?![0-9०-९])"
# Every absolute date opens with a digit or a month name: one lookahead on those
# characters spares `re` entering all six alternatives at every other position.
_ABSOLUTE_FIRST = "(?=[0-9०-९" + "".join(sorted({re.escape(m[0]) for m in MONTHS})) + "])"
_ABSOLUTE = re.compile(
    _ABSOLUTE_FIRST + "(?:" + "|".join([
        rf"(?<![0-9०-९]){_D}[ \-/.,]*{_MON}{RIGHT}\.?,?[ \-/]*{_Y}",
        rf"{LEFT}{_MON}{RIGHT}\.? ?{_D},? {_Y}".replace("?P<", "?P<b_"),
        rf"(?<![0-9०-९]){_D}[ \-/.,]*{_MON}{RIGHT}".replace("?P<", "?P<c_"),
        rf"{LEFT}{_MON}{RIGHT},? {_Y}".replace("?P<", "?P<m_"),
        r"(?<![0-9])(?P<i_year>20\d\d)-(?P<i_mon>[01]\d)-(?P<i_day>[0-3]\d)(?![0-9])",
        # "03.11.2025", "3/11/2025": day first, as in India; the separators must agree.
        r"(?<![0-9०-९./\-])(?P<n_day>[0-3]?[0-9०-९])(?P<n_sep>[./\-])(?P<n_mon>[01]?[0-9०-९])"
        r"(?P=n_sep)(?P<n_year>(?:19|20|१९|२०)[0-9०-९]{2})(?![0-9०-९]|[./\-][0-9०-९])",
    ]) + ")",
    re.IGNORECASE,
)  # fmt: skip
_RELATIVE = re.compile(
    LEFT
    + "(?P<word>"
    + alternation(
        ["आज", "कल", "बीते कल", "परसों", "today", "yesterday", "tomorrow"]
        + list(map(pattern_for_key, WEEKDAYS))
    )
    + ")"
    + RIGHT,
    re.IGNORECASE,
)
# Future-tense verb endings (करेंगे, होगी, जाएगा, मिलेंगी ...) and a few future phrases.
_FUTURE = re.compile(
    r"(?:ेंगे|ेंगी|ेगा|ेगी|एंगे|एंगी|एगा|एगी|ऊंगा|ूंगा|ूँगा|ोगे|ोगी|होंगे|होगा|होगी"
    r"|will |प्रस्तावित|करने वाले हैं|वाली है|वाला है)"
)


_HAS_DIGIT = re.compile(r"[0-9०-९]")


@dataclass(frozen=True)
class FoundDate:
    """A date in the text; precision is "day" or "month"; start/end index the text."""

    value: date
    precision: str
    start: int
    end: int
    relative: bool = False


def is_future(sentence: str) -> bool:
    return bool(_FUTURE.search(sentence))


def find_dates(text: str, published: date | None = None) -> list[FoundDate]:
    """Every date in a sentence, in text order; relative ones only with a publication date."""
    found: list[FoundDate] = []
    for m in _ABSOLUTE.finditer(text) if _HAS_DIGIT.search(text) else ():
        value = _absolute(m, published)
        if value:
            found.append(FoundDate(value[0], value[1], m.start(), m.end()))
    if published:
        future = is_future(text)
        for m in _RELATIVE.finditer(text):
            if any(f.start <= m.start() < f.end for f in found):
                continue
            day = _relative(m.group("word"), published, future)
            if day:
                found.append(FoundDate(day, "day", m.start(), m.end(), relative=True))
    return sorted(found, key=lambda f: f.start)


def _number(text: str | None) -> int:
    return int((text or "0").translate(_DIGITS))


def _month(name: str) -> int:
    return MONTHS.get(normalise_for_match(name), MONTHS.get(name.lower(), 0))


def _absolute(m: re.Match[str], published: date | None) -> tuple[date, str] | None:
    g = m.groupdict()
    try:
        if g.get("n_year"):
            return date(_number(g["n_year"]), _number(g["n_mon"]), _number(g["n_day"])), "day"
        if g.get("i_year"):
            return date(int(g["i_year"]), int(g["i_mon"]), int(g["i_day"])), "day"
        if g.get("year"):
            return date(_number(g["year"]), _month(g["mon"]), _number(g["day"])), "day"
        if g.get("b_year"):
            return date(_number(g["b_year"]), _month(g["b_mon"]), _number(g["b_day"])), "day"
        if g.get("m_year"):
            return date(_number(g["m_year"]), _month(g["m_mon"]), 1), "month"
        if g.get("c_mon") and published:
            # "5 मई" without a year: the latest such day not long after publication.
            day = date(published.year, _month(g["c_mon"]), _number(g["c_day"]))
            if day > published + timedelta(days=180):
                day = day.replace(year=day.year - 1)
            return day, "day"
    except ValueError:
        return None
    return None


def _relative(word: str, published: date, future: bool) -> date | None:
    word = normalise_for_match(word)
    if word in ("आज", "today"):
        return published
    if word in ("yesterday", "बीते कल"):
        return published - timedelta(days=1)
    if word == "tomorrow":
        return published + timedelta(days=1)
    if word == "कल":
        return published + timedelta(days=1 if future else -1)
    if word == "परसों":
        return published + timedelta(days=2 if future else -2)
    weekday = WEEKDAYS.get(word)
    if weekday is None:
        return None
    if future:
        return published + timedelta(days=(weekday - published.weekday()) % 7)
    return published - timedelta(days=(published.weekday() - weekday) % 7)
