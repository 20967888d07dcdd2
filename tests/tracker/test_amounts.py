"""Sums are written as a reader of the page's language says them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from tracker.templatetags.samvad import amount


@pytest.mark.parametrize(
    ("value", "currency", "hindi", "english"),
    [
        (Decimal("6000000000000"), "INR", "6 लाख करोड़ रुपये", "6 trillion INR"),
        (10**13, "JPY", "10 लाख करोड़ येन", "10 trillion JPY"),
        (500_000_000, "USD", "50 करोड़ डॉलर", "500 million USD"),
        (250_000, "EUR", "2.5 लाख यूरो", "250 thousand EUR"),
        (750, "XYZ", "750 XYZ", "750 XYZ"),
    ],
)
def test_amounts_in_hindi_and_english(value, currency, hindi, english):
    with translation.override("hi"):
        assert amount(value, currency) == hindi
    with translation.override("en"):
        assert amount(value, currency) == english


def test_no_amount_is_an_empty_string():
    assert amount(None, "INR") == ""
