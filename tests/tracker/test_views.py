"""Public pages: a meeting shows its agreements and every source with its evidence."""

from __future__ import annotations

import datetime

import pytest

from agreements.models import Agreement
from articles.models import Article, MeetingReport
from tracker.models import CountryPair, Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    pair = CountryPair.get_or_create_for("IN", "JP")
    meeting = Meeting.objects.create(pair=pair, date=datetime.date(2025, 8, 29), place="टोक्यो")
    article = Article.objects.create(
        canonical_url="https://news.example/a", url="https://news.example/a",
        title="<script>alert(1)</script>जापान का निवेश",
    )  # fmt: skip
    MeetingReport.objects.create(article=article, meeting=meeting, evidence="दोनों नेताओं की बैठक हुई।")
    Agreement.objects.create(
        pair=pair, meeting=meeting, kind="investment-pledge", title_hi="10 ट्रिलियन येन का निवेश",
        amount=10**13, currency="JPY", evidence="जापान 10 ट्रिलियन येन का निवेश करेगा।",
    )  # fmt: skip
    return meeting


def test_a_meeting_page_shows_its_agreements_and_evidence(client, meeting):
    page = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert "समझौते और घोषणाएँ" in page and "10 ट्रिलियन येन का निवेश" in page
    assert "10 लाख करोड़ येन" in page and "जापान 10 ट्रिलियन येन का निवेश करेगा।" in page
    assert "10 trillion JPY" in client.get(f"/en/meetings/{meeting.pk}/").content.decode()
    assert "दोनों नेताओं की बैठक हुई।" in page


def test_fetched_text_is_never_rendered_as_html(client, meeting):
    page = client.get(f"/en/meetings/{meeting.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_pair_page_lists_its_meetings_with_a_constant_number_of_queries(
    client, meeting, django_assert_max_num_queries
):
    for day in range(2, 12):
        Meeting.objects.create(pair=meeting.pair, date=datetime.date(2025, 9, day))
    with django_assert_max_num_queries(8):
        response = client.get("/pairs/in-jp/")
    assert response.content.decode().count('class="meeting"') == 11


def test_unknown_pairs_and_meetings_are_404(client):
    assert client.get("/pairs/xx-yy/").status_code == 404
    assert client.get("/meetings/999999/").status_code == 404
