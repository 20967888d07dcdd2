"""Polling sources: new links become pending articles once; health and backoff."""

from __future__ import annotations

import datetime
import random

import pytest
from django.utils import timezone

from articles import polling
from articles.models import Article, Source, SourceKind

from .site import render_rss

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def allow_loopback(settings):
    settings.FETCH_ALLOW_PRIVATE = True
    settings.FETCH_MIN_HOST_INTERVAL = 0


def make_source(httpserver, path="/rss.xml", **kwargs) -> Source:
    return Source.objects.create(name="समाचार डेस्क", feed_url=httpserver.url_for(path), **kwargs)


def serve_feed(httpserver, n=2, headers=None):
    items = [
        (
            f"खबर {i}",
            httpserver.url_for(f"/world/news-{i}.html") + "?utm_source=rss",
            "Mon, 05 May 2025 10:00:00 +0530",
        )
        for i in range(n)
    ]
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/rss.xml").respond_with_data(
        render_rss(httpserver.url_for(""), items),
        content_type="application/rss+xml",
        headers=headers or {},
    )


def test_a_poll_stores_each_new_link_once_as_a_pending_article(httpserver):
    serve_feed(httpserver)
    source = make_source(httpserver)
    outcome = polling.poll_source(source.pk)
    assert outcome.found == 2 and len(outcome.new_article_ids) == 2
    urls = set(Article.objects.values_list("canonical_url", flat=True))
    assert urls == {httpserver.url_for(f"/world/news-{i}.html") for i in range(2)}
    again = polling.poll_source(source.pk)
    assert again.new_article_ids == [] and Article.objects.count() == 2


def test_a_poll_sends_its_validators_and_a_304_changes_nothing(httpserver):
    serve_feed(
        httpserver, headers={"ETag": '"v1"', "Last-Modified": "Mon, 05 May 2025 10:00:00 GMT"}
    )
    source = make_source(httpserver)
    polling.poll_source(source.pk)
    source.refresh_from_db()
    assert source.etag == '"v1"'
    httpserver.clear()
    httpserver.expect_request(
        "/rss.xml", headers={"If-None-Match": '"v1"', "If-Modified-Since": source.last_modified}
    ).respond_with_data("", status=304)
    outcome = polling.poll_source(source.pk)
    assert outcome.not_modified and outcome.new_article_ids == []
    source.refresh_from_db()
    assert source.consecutive_failures == 0 and source.last_success_at is not None


def test_a_failing_source_records_the_error_and_backs_off(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/rss.xml").respond_with_data("gone", status=404)
    source = make_source(httpserver, poll_interval=60)
    before = timezone.now()
    polling.poll_source(source.pk)
    polling.poll_source(source.pk)
    source.refresh_from_db()
    assert source.consecutive_failures == 2
    assert source.last_error_code == "http_error" and "404" in source.last_error
    assert source.next_poll_at >= before + datetime.timedelta(minutes=96)  # 2 x 60 x 0.8
    assert Article.objects.count() == 0


def test_a_document_that_is_not_a_feed_is_a_clear_source_error(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/rss.xml").respond_with_data(
        "<html><body>no feed here</body></html>", content_type="text/html"
    )
    source = make_source(httpserver)
    outcome = polling.poll_source(source.pk)
    source.refresh_from_db()
    assert outcome.error_code and source.last_error and source.consecutive_failures == 1


def test_a_listing_page_yields_the_links_its_selector_names(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/world/").respond_with_data(
        '<html><body><nav><a href="/about">about</a></nav><div class="story">'
        '<a href="/world/a.html">क</a><a href="javascript:alert(1)">x</a>'
        '<a href="/world/b.html?fbclid=1">ख</a></div></body></html>',
        content_type="text/html; charset=utf-8",
    )
    source = make_source(httpserver, "/world/", kind=SourceKind.LISTING, link_selector=".story a")
    outcome = polling.poll_source(source.pk)
    assert sorted(Article.objects.values_list("canonical_url", flat=True)) == [
        httpserver.url_for("/world/a.html"),
        httpserver.url_for("/world/b.html"),
    ]
    assert len(outcome.new_article_ids) == 2


def test_backoff_doubles_with_jitter_and_is_capped_but_never_stops():
    rng = random.Random(7)
    delays = [polling.next_poll_delay(30, n, rng=rng) for n in range(1, 10)]
    minutes = [d.total_seconds() / 60 for d in delays]
    for n, value in enumerate(minutes[:5], start=1):
        assert 30 * 2 ** (n - 1) * 0.8 <= value <= 30 * 2 ** (n - 1) * 1.2
    assert max(minutes) == 24 * 60
    assert polling.next_poll_delay(30, 0) == datetime.timedelta(minutes=30)


def test_a_feed_ttl_or_retry_after_stretches_the_interval():
    assert polling.next_poll_delay(30, ttl_minutes=90) == datetime.timedelta(minutes=90)
    assert polling.next_poll_delay(1, retry_after=120) == datetime.timedelta(seconds=120)


def test_due_sources_are_claimed_once(db):
    source = Source.objects.create(name="a", feed_url="https://example.com/rss")
    assert polling.claim_due_sources() == [source.pk]
    assert polling.claim_due_sources() == []
