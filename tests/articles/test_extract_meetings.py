"""Meetings (pair, date, place, participants, kind) and date resolution."""

from __future__ import annotations

from datetime import date

import pytest

from articles.extract.dates import find_dates
from articles.extract.places import find_dateline
from tests.articles.extraction_support import reference_gazetteer, run


def meeting(body: str, published: date | None = date(2025, 4, 8), title: str = ""):
    result = run(body, title=title, published=published, gazetteer=reference_gazetteer())
    return result.meetings[0] if result.meetings else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05 मई 2025 को", date(2025, 5, 5)),
        ("५ मई २०२५", date(2025, 5, 5)),
        ("5 May 2025", date(2025, 5, 5)),
        ("March 5, 2025", date(2025, 3, 5)),
        ("17 नवम्बर, 2025", date(2025, 11, 17)),
        ("2025-05-05", date(2025, 5, 5)),
    ],
)
def test_absolute_dates_in_hindi_and_english_are_read(text, expected):
    (found,) = find_dates(text)
    assert (found.value, found.precision) == (expected, "day")


def test_a_month_and_year_is_a_month_precision_date():
    (found,) = find_dates("मार्च 2022 में हुआ था")
    assert (found.value, found.precision) == (date(2022, 3, 1), "month")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("आज मुलाकात की।", date(2025, 4, 8)),
        ("कल मुलाकात की।", date(2025, 4, 7)),
        ("कल मुलाकात करेंगे।", date(2025, 4, 9)),
        ("सोमवार को वार्ता की।", date(2025, 4, 7)),
        ("मंगलवार को वार्ता हुई।", date(2025, 4, 8)),
        ("बुधवार को वार्ता होगी।", date(2025, 4, 9)),
    ],
)
def test_relative_dates_follow_the_tense_of_the_sentence(sentence, expected):
    (found,) = find_dates(sentence, date(2025, 4, 8))  # a Tuesday
    assert found.value == expected


def test_the_pair_comes_from_participants_not_countries_in_passing():
    found = meeting(
        "रक्षा मंत्री राजनाथ सिंह ने आज नई दिल्ली में रूसी रक्षा मंत्री आंद्रेई बेलूसोव से "
        "मुलाकात की। खासकर पाकिस्तान और चीन इस बात पर नजरें गड़ाए हैं।",
        published=date(2025, 12, 4),
    )
    assert found.pair == ("IN", "RU")
    assert (found.date, found.place, found.kind) == (date(2025, 12, 4), "नई दिल्ली", "ministerial")
    assert found.participants == ("राजनाथ सिंह", "आंद्रेई बेलूसोव")


def test_a_date_outside_the_meeting_sentence_is_not_the_meeting_date():
    found = meeting(
        "05 मई 2025 को नई दिल्ली स्थित मानेकशॉ सेंटर में भारत के रक्षा मंत्री राजनाथ सिंह और "
        "जापान के रक्षा मंत्री जेन नाकातानी के बीच द्विपक्षीय बैठक आयोजित हुई। जापानी मंत्री ने "
        "22 अप्रैल 2025 को पहलगाम में हुए आतंकी हमले पर दुख व्यक्त किया।",
        published=date(2025, 5, 5),
    )
    assert found.date == date(2025, 5, 5)
    assert found.place == "मानेकशॉ सेंटर, नई दिल्ली"


def test_no_date_in_the_text_gives_a_null_date():
    found = meeting("विदेश मंत्री एस. जयशंकर और जापान के विदेश मंत्री की यह बैठक अहम रही।")
    assert found.pair == ("IN", "JP") and found.date is None


def test_a_meeting_long_ago_is_not_the_reported_meeting():
    body = "पिछले साल कज़ान में प्रधानमंत्री नरेंद्र मोदी और राष्ट्रपति शी जिनपिंग की मुलाकात हुई थी।"
    assert meeting(body, published=date(2025, 6, 20)) is None


def test_an_old_summit_date_is_not_taken_for_the_meeting():
    found = meeting(
        "विदेश सचिव विक्रम मिस्री ने नई दिल्ली में जापान के उप विदेश मंत्री ताकेहिरो फुनाकोशी के साथ "
        "वार्ता की। अंतिम शिखर सम्मेलन मार्च 2022 में भारत और जापान के बीच हुआ था।"
    )
    assert found.date is None and found.kind == "official-level"


def test_an_article_with_no_meeting_has_no_pair():
    result = run(
        "पाकिस्तान ने हमले की निंदा की और भारत पर आरोप लगाया।", gazetteer=reference_gazetteer()
    )
    assert result.meetings == () and result.pair is None


def test_a_phone_call_is_a_call():
    found = meeting("प्रधानमंत्री नरेंद्र मोदी ने कल रूस के राष्ट्रपति व्लादिमीर पुतिन से फोन पर बातचीत की।")
    assert (found.kind, found.date, found.pair) == ("call", date(2025, 4, 7), ("IN", "RU"))


def test_the_meeting_keeps_its_evidence_sentence():
    result = run("भूमिका। राजनाथ सिंह ने जापान के रक्षा मंत्री जेन नाकातानी से मुलाकात की।")
    (found,) = result.meetings
    assert result.body[found.evidence.start : found.evidence.end] == found.evidence.text
    assert found.evidence.text.startswith("राजनाथ सिंह")


def test_the_two_leaders_are_the_people_of_the_sentence_before():
    found = meeting(
        "सऊदी अरब के क्राउन प्रिंस मोहम्मद बिन सलमान ने रियाद में प्रधानमंत्री मोदी का स्वागत किया। "
        "दोनों नेताओं ने ऊर्जा सहयोग पर द्विपक्षीय वार्ता की।"
    )
    assert found.pair == ("IN", "SA")
    assert found.participants == ("मोहम्मद बिन सलमान", "नरेंद्र मोदी")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03 नवंबर 2025 को", date(2025, 11, 3)),
        ("०३ नवंबर २०२५ को", date(2025, 11, 3)),
        ("नवंबर 03, 2025 को", date(2025, 11, 3)),
        ("03.11.2025 को", date(2025, 11, 3)),
        ("03/11/2025 को", date(2025, 11, 3)),
        ("05 मई को", date(2025, 5, 5)),
        ("०५ मई को", date(2025, 5, 5)),
    ],
)
def test_dates_with_a_leading_zero_are_read(text, expected):
    (found,) = find_dates(text, date(2025, 11, 20))
    assert found.value == expected


def test_a_leading_zero_date_before_initials_and_an_english_name_is_the_meeting_date():
    found = meeting(
        "07 अक्टूबर 2025 को कैनबरा में भारत के खान मंत्री श्री वी. के. नंदन (V. K. Nandan) और "
        "ऑस्ट्रेलिया की संसाधन मंत्री सुश्री ग्रेटा हॉलबर्ग (Greta Hallberg) के बीच बैठक हुई।",
        published=date(2025, 10, 8),
    )
    assert (found.date, found.place, found.pair) == (date(2025, 10, 7), "कैनबरा", ("AU", "IN"))
    assert found.participants == ("वी. के. नंदन", "ग्रेटा हॉलबर्ग")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("मॉस्को, 17 सितंबर (भाषा) भारत ने", ("मॉस्को", date(2025, 9, 17))),
        ("नई दिल्ली, 5 मई (एजेंसी) आज", ("नई दिल्ली", date(2025, 5, 5))),
        ("टोक्यो, 30 दिसंबर (भाषा) जापान", ("टोक्यो", date(2024, 12, 30))),
        ("मनीला: भारत और", ("मनीला", None)),
    ],
)
def test_a_dateline_gives_a_city_and_a_day_in_the_year_of_publication(body, expected):
    found = find_dateline(body, date(2025, 9, 17))
    assert (found.city, found.date) == expected


def test_a_body_without_a_dateline_has_none():
    assert find_dateline("रूस ने कहा कि मॉस्को, 17 सितंबर को", date(2025, 9, 17)) is None


def test_a_dateline_gives_the_place_and_a_weekday_resolves_against_publication():
    found = meeting(
        "मॉस्को, 10 जून (भाषा) भारत और रूस ने सोमवार को यहां एक संयुक्त पोत निर्माण केंद्र के लिए "
        "समझौते पर हस्ताक्षर किए। समझौते पर भारत की ओर से जहाजरानी विभाग के सचिव मनोज पुरोहित "
        "और रूस की ओर से उप परिवहन मंत्री इगोर ज़ाब्लिन ने हस्ताक्षर किए। दोनों अधिकारियों के "
        "बीच हुई द्विपक्षीय बैठक के बाद यह समझौता हुआ।",
        published=date(2025, 6, 10),  # a Tuesday
    )
    assert (found.pair, found.date, found.place) == (("IN", "RU"), date(2025, 6, 9), "मॉस्को")
    assert found.participants == ("मनोज पुरोहित", "इगोर ज़ाब्लिन")


def test_the_dateline_day_is_not_read_as_the_meeting_date():
    found = meeting(
        "नई दिल्ली, 5 मई (एजेंसी) विदेश सचिव अरुणा सहगल ने शनिवार को जापान के उप विदेश मंत्री "
        "हिरोशी ताकेदा से मुलाकात की।",
        published=date(2025, 5, 5),  # a Monday
    )
    assert found.date == date(2025, 5, 3)


def test_the_dateline_day_dates_a_meeting_held_here_without_another_date():
    found = meeting(
        "नई दिल्ली, 5 मई (एजेंसी) विदेश सचिव अरुणा सहगल ने यहां जापान के उप विदेश मंत्री "
        "हिरोशी ताकेदा से मुलाकात की।",
        published=date(2025, 5, 6),
    )
    assert (found.date, found.place) == (date(2025, 5, 5), "नई दिल्ली")


@pytest.mark.parametrize(
    "body",
    [
        "रक्षा मंत्री राजनाथ सिंह ने कल जापान के रक्षा मंत्री केइतो हाशिमा से फोन पर बात की। "
        "इससे पहले जून में दोनों नेताओं की टोक्यो में मुलाकात हुई थी।",
        "नई दिल्ली, 8 अप्रैल (भाषा) रक्षा मंत्री राजनाथ सिंह ने यहां जापान के रक्षा मंत्री "
        "केइतो हाशिमा के साथ वर्चुअल बैठक की।",
        "रक्षा मंत्री राजनाथ सिंह और जापान के रक्षा मंत्री केइतो हाशिमा के बीच टेलीफोन वार्ता हुई। "
        "दोनों मंत्रियों ने टोक्यो में हुए अभ्यास की समीक्षा की।",
    ],
)
def test_a_call_has_no_place_from_other_sentences_or_the_dateline(body):
    found = meeting(body)
    assert (found.kind, found.place, found.pair) == ("call", None, ("IN", "JP"))


def test_a_call_sentence_that_names_a_city_gives_the_place():
    found = meeting(
        "रक्षा मंत्री राजनाथ सिंह ने नई दिल्ली में जापान के रक्षा मंत्री केइतो हाशिमा से वीडियो कॉल पर बातचीत की।"
    )
    assert (found.kind, found.place) == ("call", "नई दिल्ली")
