"""Property-based tests: any Unicode text gives a result, the same result every time."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.articles.extraction_support import reference_gazetteer, run

WORDS = st.sampled_from([
    "भारत", "जापान", "रूसी", "चीनी", "ने", "से", "मुलाकात", "की", "।", "बैठक", "आज", "कल",
    "सोमवार को", "रक्षा मंत्री", "श्री", "राजनाथ सिंह", "6 लाख करोड़ रुपये", "निवेश", "\n", "-",
    "05 मई 2025", "नई दिल्ली में", "(", ")", ".", "क\u093c", "\u200d", "समझौता", "प्रधानमंत्री",
])  # fmt: skip
HINDIISH = st.lists(WORDS, max_size=60).map(" ".join)
TEXT = st.one_of(st.text(max_size=400), HINDIISH)
DATES = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 1, 1)))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(body=TEXT, title=TEXT, published=DATES)
def test_any_text_gives_a_result_with_valid_offsets(body, title, published):
    result = run(body, title, published, gazetteer=reference_gazetteer())
    contract = result.to_contract(None)
    assert contract["body"] == result.body
    fields = {"title": result.title, "body": result.body}
    evidence = [c.evidence for c in result.countries] + [p.evidence for p in result.people]
    evidence += [t.evidence for t in result.topics] + [m.evidence for m in result.meetings]
    evidence += [a.evidence for a in result.agreements]
    for item in evidence:
        assert fields[item.field][item.start : item.end] == item.text
        assert item.start <= item.mention_start <= item.mention_end <= item.end
    for meeting in result.meetings:
        assert list(meeting.pair) == sorted(meeting.pair) and len(set(meeting.pair)) == 2


@SETTINGS
@given(body=TEXT, title=TEXT, published=DATES)
def test_extraction_is_deterministic(body, title, published):
    first = run(body, title, published, gazetteer=reference_gazetteer())
    second = run(body, title, published, gazetteer=reference_gazetteer())
    assert first == second
    assert first.to_evidence_json() == second.to_evidence_json()
