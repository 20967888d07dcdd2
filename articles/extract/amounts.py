"""Money amounts in Indian and international number words, with their currency.

"6 लाख करोड़ रुपयों" is 6 × 10^5 × 10^7 = 6e12 INR; "10 ट्रिलियन येन" 1e13 JPY;
"1.5 अरब डॉलर", "$2 billion", "₹500 करोड़", "५०० मिलियन यूरो". Scale words multiply, so
stacked Indian units work. Only an amount with a currency is an amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.extract.normalise import RIGHT, alternation, key_alternation
from tracker.text import normalise_for_match

SCALES = {
    "हजार": 1e3, "हज़ार": 1e3, "लाख": 1e5, "करोड़": 1e7, "करोड": 1e7, "अरब": 1e9, "खरब": 1e11,
    "मिलियन": 1e6, "बिलियन": 1e9, "ट्रिलियन": 1e12, "thousand": 1e3, "lakh": 1e5, "lakhs": 1e5,
    "crore": 1e7, "crores": 1e7, "million": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
    "trillion": 1e12,
}  # fmt: skip
NUMBER_WORDS = {
    "एक": 1, "दो": 2, "तीन": 3, "चार": 4, "पांच": 5, "पाँच": 5, "छह": 6, "छः": 6, "सात": 7,
    "आठ": 8, "नौ": 9, "दस": 10, "बीस": 20, "पचास": 50, "सौ": 100, "डेढ़": 1.5, "ढाई": 2.5,
}  # fmt: skip
# Longest first: "ऑस्ट्रेलियाई डॉलर" before "डॉलर".
CURRENCY_WORDS = {
    "ऑस्ट्रेलियाई डॉलर": "AUD", "ऑस्ट्रेलियन डॉलर": "AUD", "अमेरिकी डॉलर": "USD",
    "कनाडाई डॉलर": "CAD", "सिंगापुर डॉलर": "SGD", "न्यूजीलैंड डॉलर": "NZD", "हांगकांग डॉलर": "HKD",
    "डॉलर": "USD", "रुपये": "INR", "रुपए": "INR", "रुपयों": "INR", "रुपया": "INR", "रूपये": "INR",
    "रूपए": "INR", "रुपयो": "INR", "रु": "INR", "येन": "JPY", "यूरो": "EUR", "पाउंड": "GBP",
    "पौंड": "GBP", "दिरहम": "AED", "रियाल": "SAR", "युआन": "CNY", "रूबल": "RUB", "टका": "BDT",
    "वॉन": "KRW", "dollars": "USD", "dollar": "USD", "usd": "USD", "rupees": "INR", "inr": "INR",
    "yen": "JPY", "euros": "EUR", "euro": "EUR", "eur": "EUR", "pounds": "GBP", "aud": "AUD",
}  # fmt: skip
PREFIX_CURRENCIES = {"₹": "INR", "rs": "INR", "rs.": "INR", "रु.": "INR", "inr": "INR", "us$": "USD",
                     "$": "USD", "a$": "AUD", "€": "EUR", "£": "GBP", "¥": "JPY"}  # fmt: skip


def _alternation(words) -> str:
    return key_alternation(normalise_for_match(w) for w in sorted(words, key=len, reverse=True))


# "₹|rs\.?|रु\.|inr|us\$|a\$|\$|€|£|¥"
_PREFIX = alternation(["₹", r"rs\.?", r"रु\.", "inr", r"us\$", r"a\$", r"\$", "€", "£", "¥"])
_NUM = r"[0-9०-९][0-9०-९,]*(?:\.[0-9०-९]+)?"
_AMOUNT = re.compile(
    # The lookahead lets the engine skip most positions at once: an amount starts with a
    # currency sign, a digit or the first letter of a number word.
    r"(?=[₹$€£¥0-9०-९RrIiUuAaएदतचपछसआनबडढरु])"
    rf"(?P<pre>{_PREFIX})?\s?"
    rf"(?<![0-9०-९.,])(?P<num>{_NUM}|(?:{_alternation(NUMBER_WORDS)})(?= ))"
    rf"(?P<scales>(?:\s?(?:{_alternation(SCALES)}){RIGHT})*)"
    rf"(?:\s?(?P<cur>{_alternation(CURRENCY_WORDS)}){RIGHT})?",
    re.IGNORECASE,
)
_CURRENCY_KEYS = {normalise_for_match(k): v for k, v in CURRENCY_WORDS.items()}
_SCALE_WORD = re.compile(_alternation(SCALES), re.IGNORECASE)
_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")


@dataclass(frozen=True)
class Amount:
    value: int | float
    currency: str
    start: int
    end: int


def find_amounts(text: str) -> list[Amount]:
    """Every amount with a currency in `text`, in order."""
    found = []
    for m in _AMOUNT.finditer(text):
        prefix = (m.group("pre") or "").casefold()
        word = m.group("cur")
        currency = PREFIX_CURRENCIES.get(prefix) or (
            _CURRENCY_KEYS.get(normalise_for_match(word)) if word else None
        )
        if not currency:
            continue
        number = _number(m.group("num"))
        if number is None:
            continue
        for scale in _SCALE_WORD.findall(m.group("scales") or ""):
            number *= _scale(scale)
        value: int | float = int(round(number)) if abs(number - round(number)) < 1e-6 else number
        found.append(Amount(value, currency, m.start(), m.end()))
    return found


def _scale(word: str) -> float:
    key = normalise_for_match(word)
    return next((v for k, v in SCALES.items() if normalise_for_match(k) == key), 1.0)


def _number(text: str) -> float | None:
    key = normalise_for_match(text)
    for word, value in NUMBER_WORDS.items():
        if normalise_for_match(word) == key:
            return float(value)
    try:
        return float(text.translate(_DIGITS).replace(",", ""))
    except ValueError:
        return None
