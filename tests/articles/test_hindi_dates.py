"""Hindi and English date strings as Hindi news sites print them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from articles.hindi_dates import (
    IST,
    find_dates,
    parse_date_text,
    parse_datetime_text,
    parse_iso_datetime,
    to_ist_date,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05 मई 2025", date(2025, 5, 5)),
        ("प्रकाशित: 17 नवंबर 2025", date(2025, 11, 17)),
        ("17 नवम्बर, 2025", date(2025, 11, 17)),
        ("अपडेटेड 3 फ़रवरी 2024", date(2024, 2, 3)),
        ("3 फरवरी 2024", date(2024, 2, 3)),
        ("12 सितम्बर 2025", date(2025, 9, 12)),
        ("12 सितंबर 2025", date(2025, 9, 12)),
        ("1 अक्तूबर 2025", date(2025, 10, 1)),
        ("1 अक्टूबर 2025", date(2025, 10, 1)),
        ("24 दिसम्बर 2025", date(2025, 12, 24)),
        ("मई 5, 2025", date(2025, 5, 5)),
        ("Published on 04 Dec 2025, 6:45 pm", date(2025, 12, 4)),
        ("Updated: 12 Nov 2025 10:30 AM IST", date(2025, 11, 12)),
        ("September 3rd, 2024", date(2024, 9, 3)),
        ("दिनांक 05/05/2025", date(2025, 5, 5)),
        ("2025-04-08", date(2025, 4, 8)),
    ],
)
def test_it_reads_dates_in_every_form_hindi_sites_print(text, expected):
    assert parse_date_text(text) == expected


def test_it_reads_devanagari_digits():
    assert parse_date_text("प्रकाशित: १७ नवंबर २०२५") == date(2025, 11, 17)


def test_it_reads_a_nukta_written_as_a_separate_sign():
    assert parse_date_text("3 फ\u093cरवरी 2024") == date(2024, 2, 3)


def test_it_reads_slashed_dates_day_first_as_in_india():
    assert parse_date_text("07/04/2025") == date(2025, 4, 7)


@pytest.mark.parametrize(
    "text",
    [
        "मार्च 2022 में शिखर सम्मेलन",
        "May 2025",
        "2025",
        "31 फरवरी 2025",
        "सोमवार को",
        "आज",
        "कल",
        "",
        "13/13/2025",
        "जनवरी",
    ],
)
def test_it_never_guesses_a_date_from_a_month_year_or_a_relative_word(text):
    assert parse_date_text(text) is None


def test_ist_means_india_not_israel():
    moment = parse_datetime_text("Updated: 12 Nov 2025 10:30 AM IST")
    assert moment == datetime(2025, 11, 12, 10, 30, tzinfo=IST)
    assert moment.utcoffset() == timedelta(hours=5, minutes=30)


def test_a_naive_time_is_taken_as_india_time():
    assert parse_datetime_text("05 मई 2025, 07:40 PM").utcoffset() == timedelta(hours=5, minutes=30)


def test_a_late_utc_time_falls_on_the_next_day_in_india():
    assert parse_date_text("4 Dec 2025 11:30 PM GMT") == date(2025, 12, 5)


def test_it_reads_twelve_am_as_midnight():
    assert parse_datetime_text("5 May 2025 12:15 AM").hour == 0


def test_find_dates_gives_spans_in_the_original_text():
    text = "श्री राजनाथ सिंह ने 05 मई 2025 को बैठक की; हमला २२ अप्रैल २०२५ को हुआ था।"
    found = find_dates(text)
    assert [day for day, _, _ in found] == [date(2025, 5, 5), date(2025, 4, 22)]
    assert [text[start:end] for _, start, end in found] == ["05 मई 2025", "२२ अप्रैल २०२५"]


def test_find_dates_spans_survive_nuktas_before_the_date():
    text = "ज़रूरी फ़ैसला 3 फ़रवरी 2024 को"
    ((day, start, end),) = find_dates(text)
    assert day == date(2024, 2, 3)
    assert text[start:end] == "3 फ़रवरी 2024"


def test_iso_metadata_without_a_zone_is_india_time():
    value = parse_iso_datetime("2020-02-14 21:42:56")
    assert value == datetime(2020, 2, 14, 21, 42, 56, tzinfo=IST)


def test_iso_metadata_with_z_is_utc():
    assert parse_iso_datetime("2025-12-04T20:00:00Z") == datetime(2025, 12, 4, 20, tzinfo=UTC)


def test_iso_metadata_with_only_a_date_stays_a_date():
    assert parse_iso_datetime("2025-12-04") == date(2025, 12, 4)


def test_unreadable_metadata_gives_none():
    assert parse_iso_datetime("not a date") is None
    assert parse_iso_datetime("") is None


def test_to_ist_date_uses_the_indian_calendar_day():
    assert to_ist_date(datetime(2025, 12, 4, 20, tzinfo=UTC)) == date(2025, 12, 5)
    assert to_ist_date(date(2025, 12, 4)) == date(2025, 12, 4)
