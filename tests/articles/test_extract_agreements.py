"""Agreements and money amounts."""

from __future__ import annotations

import pytest

from articles.extract.amounts import find_amounts
from tests.articles.extraction_support import run


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("6 लाख करोड़ रुपयों का निवेश", 6_000_000_000_000, "INR"),
        ("10 ट्रिलियन येन का निवेश", 10_000_000_000_000, "JPY"),
        ("1.5 अरब डॉलर", 1_500_000_000, "USD"),
        ("५०० मिलियन यूरो", 500_000_000, "EUR"),
        ("2,000 करोड़ रुपये", 20_000_000_000, "INR"),
        ("₹500 करोड़", 5_000_000_000, "INR"),
        ("$2 billion", 2_000_000_000, "USD"),
        ("3 अरब ऑस्ट्रेलियाई डॉलर", 3_000_000_000, "AUD"),
        ("एक खरब रुपए", 100_000_000_000, "INR"),
        ("25.5 अरब पाउंड", 25_500_000_000, "GBP"),
    ],
)
def test_amounts_in_indian_and_international_number_words(text, value, currency):
    (amount,) = find_amounts(text)
    assert (amount.value, amount.currency) == (value, currency)


def test_a_number_without_a_currency_is_not_an_amount():
    assert find_amounts("अगले 10 सालों में 5 लाख लोग") == []


def test_an_investment_sentence_with_an_amount_is_a_pledge():
    result = run("जापान भारत पर 6 लाख करोड़ रुपयों का निवेश कर रहा है।")
    (pledge,) = result.agreements
    assert (pledge.kind, pledge.amount, pledge.currency) == ("investment-pledge", 6e12, "INR")
    assert result.body[pledge.evidence.mention_start : pledge.evidence.mention_end].startswith(
        "6 लाख"
    )


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("दोनों देशों ने समझौता ज्ञापन पर हस्ताक्षर किए।", "mou"),
        ("दोनों ने एक MoC पर हस्ताक्षर किए।", "moc"),
        ("बैठक के बाद संयुक्त बयान जारी किया गया।", "joint-statement"),
        ("सुरक्षा सहयोग का रोडमैप तैयार", "roadmap"),
        ("दोनों देशों के बीच रक्षा समझौता हुआ।", "agreement"),
    ],
)
def test_agreement_kinds(sentence, kind):
    (agreement,) = run(sentence).agreements
    assert agreement.kind == kind


def test_speculation_is_not_an_agreement():
    assert run("संभव है कि उस यात्रा के दौरान नए समझौते तय होंगे।").agreements == ()


def test_calling_something_a_threat_is_not_an_agreement():
    assert run("उन्होंने इसे बड़ा खतरा करार दिया।").agreements == ()
