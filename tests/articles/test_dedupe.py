"""Near-duplicate detection: syndicated copies found through indexed LSH bands."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import dedupe
from articles.models import Article

from .site import seed_text

pytestmark = pytest.mark.django_db

DAY = datetime.datetime(2025, 5, 5, 10, tzinfo=datetime.UTC)


def make(url: str, body: str, hours: int = 0) -> Article:
    return Article.objects.create(
        canonical_url=url, url=url, body=body, published_at=DAY + datetime.timedelta(hours=hours)
    )


def test_a_copy_with_a_few_changed_words_is_a_duplicate_of_the_earlier_original():
    _, body = seed_text("003_d38e96fed68a67b2.txt")
    original = make("https://a.example/1", body)
    assert dedupe.find_original(original) == (None, [])
    changed = body.replace("अहम निर्णय", "महत्वपूर्ण निर्णय").replace("बड़ा खतरा", "गंभीर खतरा")
    copy = make("https://b.example/1", "नई दिल्ली (एजेंसी)। " + changed, hours=3)
    found, demoted = dedupe.find_original(copy)
    assert found == original and demoted == []


def test_different_reports_of_one_pair_are_not_duplicates():
    _, a = seed_text("003_d38e96fed68a67b2.txt")
    _, b = seed_text("001_1d0b7922de830b58.txt")
    dedupe.find_original(make("https://a.example/1", a))
    assert dedupe.find_original(make("https://a.example/2", b)) == (None, [])


def test_the_original_is_the_same_whatever_order_the_copies_arrive_in():
    _, body = seed_text("004_56b0c34c16bf4bba.txt")
    copy = make("https://b.example/copy", body + " (साभार)", hours=5)
    dedupe.find_original(copy)
    original = make("https://a.example/original", body)
    found, demoted = dedupe.find_original(original)
    assert found is None and demoted == [copy]
    copy.refresh_from_db()
    assert copy.duplicate_of == original


def test_a_short_text_is_never_called_a_duplicate():
    dedupe.find_original(make("https://a.example/1", "भारत और जापान की बैठक।"))
    assert dedupe.find_original(make("https://b.example/1", "भारत और जापान की बैठक।")) == (None, [])


def test_finding_candidates_costs_the_same_queries_whatever_the_archive_size():
    _, body = seed_text("002_2c86f309dbad1159.txt")
    probe = body + " एक"

    def queries_for(n_existing: int) -> int:
        for i in range(n_existing):
            dedupe.index_article(
                make(f"https://x.example/{n_existing}/{i}", f"{i} " * 30 + body[i:])
            )
        article = make(f"https://probe.example/{n_existing}", probe)
        with CaptureQueriesContext(connection) as ctx:
            dedupe.find_original(article)
        return len(ctx)

    small, large = queries_for(2), queries_for(12)
    assert small == large
