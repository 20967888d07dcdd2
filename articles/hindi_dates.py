"""Dates written in Hindi (and English) news text, without dateparser.

dateparser reads "IST" as Israel time and "कल" always as tomorrow, and htmldate turns a
labelled Hindi date into a guessed 1 January; so this module only accepts dates that name
a day, a month and a year explicitly, in any of the forms Hindi sites print:

    "05 मई 2025", "प्रकाशित: १७ नवंबर २०२५", "17 नवम्बर, 2025", "मई 5, 2025",
    "Updated: 12 Nov 2025 10:30 AM IST", "2025-05-05", "05/05/2025" (day first, as in India)

Relative words ("आज", "कल", "सोमवार को") need a reference date and are left to the caller.
A month and year without a day ("मार्च 2022") is not a date here: nothing is guessed.

Naive times are read as India Standard Time (UTC+05:30), the zone of every Hindi newsroom;
"IST" always means India.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone

__all__ = [
    "IST",
    "find_dates",
    "parse_date_text",
    "parse_datetime_text",
    "parse_iso_datetime",
    "to_ist_date",
]

IST = timezone(timedelta(hours=5, minutes=30), "IST")

# Spelling variants seen on Hindi sites; the nukta is stripped before matching, so
# "फ़रवरी" and "फरवरी" both become "फरवरी".
_MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    [
        "जनवरी january jan",
        "फरवरी फेब्रुअरी february feb",
        "मार्च march mar",
        "अप्रैल अप्रेल अप्रील april apr",
        "मई may",
        "जून june jun",
        "जुलाई जुलाइ july jul",
        "अगस्त august aug",
        "सितंबर सितम्बर सेप्टेंबर september sept sep",
        "अक्टूबर अक्तूबर अक्टुबर october oct",
        "नवंबर नवम्बर november nov",
        "दिसंबर दिसम्बर december dec",
    ],
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _num

# Longest first so "sept" wins over "sep" and "september" over both.
_MONTH_RE = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_DAY = r"(?<!\d)(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
_MON = rf"(?P<mon>{_MONTH_RE})(?![a-z\u0900-\u097f])\.?"
_SEP = r"[\s,\-/.]*"
# Hours, minutes, optional seconds, AM/PM (also Hindi), optional zone.
_TIME = (
    r"(?:[\s,|]*(?:at\s+|को\s+)?(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
    r"\s*(?P<ampm>am|pm|a\.m\.|p\.m\.|पूर्वाह्न|अपराह्न|सुबह|शाम|रात)?"
    r"\s*\(?(?P<zone>ist|gmt|utc|z|[+-][01]\d:?[0-5]\d)?\)?)?"
)

_PATTERNS = [
    re.compile(_DAY + _SEP + _MON + _SEP + _YEAR + _TIME, re.IGNORECASE),
    re.compile(
        r"(?<![a-z\u0900-\u097f])" + _MON + r"\s*" + _DAY + r"[\s,]+" + _YEAR + _TIME, re.IGNORECASE
    ),
    re.compile(
        r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)"
        r"(?:[T\s](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?:\.\d+)?"
        r"\s*(?P<zone>z|[+-][01]\d:?[0-5]\d)?)?",
        re.IGNORECASE,
    ),
    # Day first, the Indian order; separators must match so "5/2025-1" is not read.
    re.compile(
        r"(?<![\d/.\-])(?P<day>[0-3]?\d)(?P<s>[/.\-])(?P<mnum>[01]?\d)(?P=s)"
        + _YEAR
        + r"(?![/.\-]\d)"
        + _TIME,
        re.IGNORECASE,
    ),
]

_DEVANAGARI_DIGITS = {ord("०") + i: ord("0") + i for i in range(10)}
_NUKTA = "\u093c"
# Precomposed nukta letters (क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़) map to their base letters.
_NUKTA_BASES = dict(
    zip("\u0958\u0959\u095a\u095b\u095c\u095d\u095e\u095f", "कखगजडढफय", strict=True)
)


def _normalise(text: str) -> tuple[str, list[int]]:
    """Fold digits and nuktas; return the folded text and, per folded char, its source index.

    The index map lets find_dates report spans in the caller's original string.
    """
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch == _NUKTA or ch in "\u200c\u200d":
            continue
        out.append(_NUKTA_BASES.get(ch, ch))
        index.append(i)
    index.append(len(text))
    return "".join(out).translate(_DEVANAGARI_DIGITS), index


def _zone(value: str | None) -> timezone:
    if not value or value.lower() == "ist":
        return IST
    if value.lower() in ("gmt", "utc", "z"):
        return UTC
    sign = -1 if value[0] == "-" else 1
    digits = value[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _build(m: re.Match[str]) -> tuple[date, datetime | None] | None:
    groups = m.groupdict()
    try:
        month = _MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["mnum"])
        day_value = date(int(groups["year"]), month, int(groups["day"]))
    except (ValueError, KeyError):
        return None
    if groups.get("hour") is None:
        return day_value, None
    hour = int(groups["hour"])
    ampm = (groups.get("ampm") or "").lower()
    if ampm in ("pm", "p.m.", "अपराह्न", "शाम", "रात") and hour < 12:
        hour += 12
    elif ampm in ("am", "a.m.", "पूर्वाह्न") and hour == 12:
        hour = 0
    try:
        clock = time(hour, int(groups["minute"]), int(groups.get("second") or 0))
    except ValueError:
        return day_value, None
    return day_value, datetime.combine(day_value, clock, tzinfo=_zone(groups.get("zone")))


def _scan(text: str) -> list[tuple[date, datetime | None, int, int]]:
    folded, index = _normalise(text)
    found: list[tuple[date, datetime | None, int, int]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            start, end = m.span()
            # Trailing separators the optional time group swallowed are not part of the date.
            while end > start and folded[end - 1] in " ,|(":
                end -= 1
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            built = _build(m)
            if built is None:
                continue
            taken.append((start, end))
            found.append((built[0], built[1], index[start], index[end - 1] + 1))
    found.sort(key=lambda item: item[2])
    return found


def find_dates(text: str) -> list[tuple[date, int, int]]:
    """Every explicit calendar date in ``text`` as ``(date, start, end)``, in reading order.

    ``text[start:end]`` is the date as written (Devanagari digits and nuktas included).
    Impossible dates ("31 फरवरी 2025") and month-year phrases are skipped.
    """
    return [(day, start, end) for day, _, start, end in _scan(text)]


def parse_date_text(text: str) -> date | None:
    """The first explicit date in ``text`` ("प्रकाशित: 17 नवंबर 2025" -> 2025-11-17), else None.

    When a time with a zone follows, the date is the calendar day in India, so
    "4 Dec 2025 11:30 PM GMT" is 2025-12-05.
    """
    scanned = _scan(text)
    if not scanned:
        return None
    day, moment, _, _ = scanned[0]
    return moment.astimezone(IST).date() if moment is not None else day


def parse_datetime_text(text: str) -> datetime | None:
    """The first date *with a time* in ``text`` as an aware datetime (naive times are IST)."""
    for _, moment, _, _ in _scan(text):
        if moment is not None:
            return moment
    return None


def parse_iso_datetime(value: str) -> date | datetime | None:
    """An ISO 8601 value from metadata: an aware datetime, a date, or None.

    Naive timestamps ("2020-02-14 21:42:56", common in Indian CMSs) are taken as IST.
    """
    value = value.strip()
    if not value:
        return None
    candidate = value.replace("Z", "+00:00").replace("z", "+00:00")
    try:
        if len(candidate) <= 10:
            return date.fromisoformat(candidate)
        parsed = datetime.fromisoformat(candidate)
    except ValueError:
        scanned = _scan(value)
        if not scanned:
            return None
        day, moment, _, _ = scanned[0]
        return moment if moment is not None else day
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=IST)
    return parsed


def to_ist_date(value: date | datetime) -> date:
    """The calendar day in India of ``value`` (a date is returned unchanged)."""
    if isinstance(value, datetime):
        return value.astimezone(IST).date()
    return value
