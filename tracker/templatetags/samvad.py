"""Template filters for the public pages."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_compact_decimal
from django import template
from django.utils.translation import get_language

register = template.Library()

# Hindi press writes large sums in Indian units: "6 लाख करोड़ रुपये", "50 करोड़ डॉलर".
HINDI_UNITS = ((10**12, "लाख करोड़"), (10**7, "करोड़"), (10**5, "लाख"), (10**3, "हज़ार"))
HINDI_CURRENCIES = {
    "INR": "रुपये", "USD": "डॉलर", "JPY": "येन", "EUR": "यूरो", "GBP": "पाउंड",
    "AUD": "ऑस्ट्रेलियाई डॉलर", "RUB": "रूबल", "CNY": "युआन", "AED": "दिरहम",
}  # fmt: skip


def _plain(number: float) -> str:
    return f"{number:.2f}".rstrip("0").rstrip(".")


@register.filter
def amount(value: Decimal | float | None, currency: str = "") -> str:
    """A sum as a reader of the page's language says it: "6 लाख करोड़ रुपये" in Hindi,
    "6 trillion INR" in English."""
    if value is None:
        return ""
    number = float(value)
    if (get_language() or "hi").startswith("hi"):
        unit = next(((size, name) for size, name in HINDI_UNITS if number >= size), None)
        words = f"{_plain(number / unit[0])} {unit[1]}" if unit else _plain(number)
        return f"{words} {HINDI_CURRENCIES.get(currency, currency)}".strip()
    words = format_compact_decimal(number, format_type="long", locale="en", fraction_digits=2)
    return f"{words} {currency}".strip()
