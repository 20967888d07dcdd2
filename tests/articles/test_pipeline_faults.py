"""Bad input through the whole pipeline: every fault ends as a clear error on the
Source or the Article, with no crash and nothing lost.

The fake site runs on localhost, which the guard exempts by name (FETCH_ALLOWED_HOSTS)
rather than by turning the guard off, so redirects to 127.0.0.1 or the cloud metadata
address are refused as they would be in production.
"""

from __future__ import annotations

import functools
import gzip
import time
from pathlib import Path

import pytest
from werkzeug import Response

from articles import ingest, polling
from articles.fetch import fetch_url
from articles.models import Article, ArticleStatus, Source

FEEDS = Path(__file__).resolve().parents[1] / "data" / "feeds"
HINDI_PAGE = (
    "<html><head><title>भारत-जापान वार्ता</title></head><body><article><p>विदेश सचिव विक्रम "
    "मिस्री ने सोमवार को नई दिल्ली में जापान के उप विदेश मंत्री से मुलाकात की और दोनों "
    "देशों के बीच व्यापार और रक्षा सहयोग पर चर्चा की।</p></article></body></html>"
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def guarded(settings, httpserver):
    settings.FETCH_ALLOW_PRIVATE = False
    settings.FETCH_ALLOWED_HOSTS = [f"localhost:{httpserver.port}"]
    settings.FETCH_MIN_HOST_INTERVAL = 0
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )


def ingest_path(httpserver, path: str) -> Article:
    outcome = ingest.ingest_url(httpserver.url_for(path))
    return Article.objects.get(pk=outcome.article_id)


def test_a_normal_page_is_processed(httpserver):
    httpserver.expect_request("/ok.html").respond_with_data(HINDI_PAGE, content_type="text/html")
    article = ingest_path(httpserver, "/ok.html")
    assert article.status == ArticleStatus.PROCESSED and "मिस्री" in article.body


def test_a_500_then_200_is_retried_and_processed(httpserver):
    calls = []

    def flaky(request):
        calls.append(request.path)
        if len(calls) == 1:
            return Response("down", status=500)
        return Response(HINDI_PAGE, content_type="text/html")

    httpserver.expect_request("/flaky.html").respond_with_handler(flaky)
    article = ingest_path(httpserver, "/flaky.html")
    assert article.status == ArticleStatus.PROCESSED, (article.error_code, article.error)
    assert len(calls) == 2


def test_a_read_timeout_is_recorded_and_the_article_kept_for_a_retry(httpserver):
    def slow(request):
        time.sleep(1.5)
        return Response(HINDI_PAGE, content_type="text/html")

    httpserver.expect_request("/slow.html").respond_with_handler(slow)
    impatient = functools.partial(fetch_url, read_timeout=0.5, retries=0)
    outcome = ingest.ingest_url(httpserver.url_for("/slow.html"), fetch=impatient)
    article = Article.objects.get(pk=outcome.article_id)
    assert (article.status, article.error_code) == (ArticleStatus.PENDING, "timeout")
    assert article.attempts == 1


def test_a_20_mb_body_is_cut_and_recorded(httpserver):
    httpserver.expect_request("/big.html").respond_with_data(
        b"<html><body>" + b"x" * (20 * 1024 * 1024), content_type="text/html"
    )
    article = ingest_path(httpserver, "/big.html")
    assert (article.status, article.error_code) == (ArticleStatus.FAILED, "too_large")
    assert not article.raw_html_z


def test_a_gzip_bomb_is_cut_and_recorded(httpserver):
    bomb = gzip.compress(b"<html>" + b"\0" * (200 * 1024 * 1024), compresslevel=9)
    httpserver.expect_request("/bomb.html").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    article = ingest_path(httpserver, "/bomb.html")
    assert (article.status, article.error_code) == (ArticleStatus.FAILED, "too_large")


def test_a_redirect_loop_is_recorded(httpserver):
    httpserver.expect_request("/a.html").respond_with_data(
        "", status=302, headers={"Location": httpserver.url_for("/b.html")}
    )
    httpserver.expect_request("/b.html").respond_with_data(
        "", status=302, headers={"Location": httpserver.url_for("/a.html")}
    )
    article = ingest_path(httpserver, "/a.html")
    assert article.status == ArticleStatus.FAILED
    assert article.error_code in {"redirect_loop", "too_many_redirects"}


@pytest.mark.parametrize(
    "target", ["http://127.0.0.1:{port}/ok.html", "http://169.254.169.254/latest/meta-data/"]
)
def test_a_redirect_to_an_internal_address_is_refused(httpserver, target):
    httpserver.expect_request("/jump.html").respond_with_data(
        "", status=302, headers={"Location": target.format(port=httpserver.port)}
    )
    article = ingest_path(httpserver, "/jump.html")
    assert (article.status, article.error_code) == (ArticleStatus.FAILED, "blocked_address")


def test_a_page_whose_charset_header_lies_is_read_right(httpserver):
    httpserver.expect_request("/latin.html").respond_with_data(
        HINDI_PAGE.encode("utf-8"), content_type="text/html; charset=ISO-8859-1"
    )
    article = ingest_path(httpserver, "/latin.html")
    assert article.status == ArticleStatus.PROCESSED and "विक्रम मिस्री" in article.body


def test_a_robots_disallowed_page_is_not_fetched(httpserver):
    httpserver.expect_request("/private/x.html").respond_with_data(HINDI_PAGE)
    article = ingest_path(httpserver, "/private/x.html")
    assert (article.status, article.error_code) == (ArticleStatus.FAILED, "robots_disallowed")
    assert all(r.path != "/private/x.html" for r, _ in httpserver.log)


def test_a_billion_laughs_feed_is_a_source_error_not_a_crash(httpserver):
    httpserver.expect_request("/rss.xml").respond_with_data(
        (FEEDS / "billion_laughs.xml").read_bytes(), content_type="application/rss+xml"
    )
    source = Source.objects.create(name="x", feed_url=httpserver.url_for("/rss.xml"))
    began = time.monotonic()
    outcome = polling.poll_source(source.pk)
    assert time.monotonic() - began < 5
    source.refresh_from_db()
    # The entities are never expanded: whatever is stored is small.
    assert all(len(a.title) < 100 for a in Article.objects.all())
    assert len(outcome.new_article_ids) <= 1
    assert source.consecutive_failures == 0 or source.last_error


def test_a_429_pushes_the_next_poll_past_retry_after(httpserver):
    from django.utils import timezone

    httpserver.expect_request("/rss.xml").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "7200"}
    )
    source = Source.objects.create(name="x", feed_url=httpserver.url_for("/rss.xml"))
    polling.poll_source(source.pk)
    source.refresh_from_db()
    assert source.last_error_code == "rate_limited"
    assert (source.next_poll_at - timezone.now()).total_seconds() > 7000
