"""The invariants live in the database, not only in forms: prove it on PostgreSQL."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from articles.models import Article
from tracker.models import Country, CountryPair, DigestDelivery, Subscription


def test_the_test_run_uses_postgresql(postgres):
    assert postgres.vendor == "postgresql"
    with postgres.cursor() as cursor:
        cursor.execute("select version()")
        assert cursor.fetchone()[0].startswith("PostgreSQL")


def test_a_duplicate_canonical_article_url_is_refused(postgres):
    Article.objects.create(canonical_url="https://example.com/a", url="https://example.com/a")
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(canonical_url="https://example.com/a", url="https://example.com/a?x")


def test_a_pair_in_the_wrong_order_is_refused(postgres):
    with pytest.raises(IntegrityError), transaction.atomic():
        CountryPair.objects.bulk_create(
            [CountryPair(country_a_id="JP", country_b_id="IN", slug="x")]
        )


def test_a_pair_of_one_country_with_itself_is_refused(postgres):
    with pytest.raises(IntegrityError), transaction.atomic():
        CountryPair.objects.bulk_create(
            [CountryPair(country_a_id="IN", country_b_id="IN", slug="y")]
        )


def test_a_second_pair_for_the_same_two_countries_is_refused(postgres):
    CountryPair.get_or_create_for("JP", "IN")
    with pytest.raises(IntegrityError), transaction.atomic():
        CountryPair.objects.bulk_create(
            [CountryPair(country_a_id="IN", country_b_id="JP", slug="z")]
        )


def test_a_pair_is_stored_in_canonical_order_with_an_iso_slug(db):
    pair = CountryPair.get_or_create_for("jp", "IN")
    assert (pair.country_a_id, pair.country_b_id, pair.slug) == ("IN", "JP", "in-jp")
    assert CountryPair.get_or_create_for("IN", "JP") == pair


def test_a_pair_of_one_country_is_a_clear_error(db):
    with pytest.raises(ValueError, match="two different countries"):
        CountryPair.get_or_create_for("IN", "in")


def test_a_second_delivery_for_one_period_is_refused(postgres):
    sub = Subscription.objects.create(email="reader@example.com")
    DigestDelivery.objects.create(subscription=sub, period="2026-W47")
    with pytest.raises(IntegrityError), transaction.atomic():
        DigestDelivery.objects.create(subscription=sub, period="2026-W47")
    DigestDelivery.objects.create(subscription=sub, period="2026-W48")
    assert sub.deliveries.count() == 2


def test_a_country_code_must_be_two_capital_letters(postgres):
    with pytest.raises(IntegrityError), transaction.atomic():
        Country.objects.create(code="in", name_en="x", name_hi="x")
