"""From a Source to stored, processed Articles, through the plain pipeline functions."""

from __future__ import annotations

import pytest

from articles import ingest, polling
from articles.models import Article, ArticleStatus, MeetingReport, Source
from tracker.models import Meeting

from .site import render_page, render_rss, seed_text

pytestmark = pytest.mark.django_db

SEED_FILES = {"003": "003_d38e96fed68a67b2.txt", "004": "004_56b0c34c16bf4bba.txt"}


@pytest.fixture(autouse=True)
def allow_loopback(settings):
    settings.FETCH_ALLOW_PRIVATE = True
    settings.FETCH_MIN_HOST_INTERVAL = 0


@pytest.fixture
def site(httpserver):
    """Seeds 003 and 004 as pages of one site, listed in its RSS feed."""
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    pages = {
        "/world/rajnath-nakatani.html": ("003", "2025-05-05"),
        "/world/rajnath-belousov.html": ("004", "2025-12-04"),
    }
    items = []
    for path, (seed, published) in pages.items():
        title, body = seed_text(SEED_FILES[seed])
        html = render_page(title, body, httpserver.url_for(path), published)
        httpserver.expect_request(path).respond_with_data(
            html, content_type="text/html; charset=utf-8"
        )
        items.append(
            (title, httpserver.url_for(path) + "?utm_medium=rss", "Mon, 05 May 2025 10:00:00 +0530")
        )
    httpserver.expect_request("/rss.xml").respond_with_data(
        render_rss(httpserver.url_for(""), items), content_type="application/rss+xml"
    )
    return httpserver


def poll_and_process(httpserver) -> list[int]:
    source = Source.objects.create(name="डेस्क", feed_url=httpserver.url_for("/rss.xml"))
    outcome = polling.poll_source(source.pk)
    for article_id in outcome.new_article_ids:
        ingest.fetch_and_process(article_id)
    return outcome.new_article_ids


def test_polled_articles_are_fetched_parsed_extracted_and_resolved(site):
    ids = poll_and_process(site)
    assert len(ids) == 2
    articles = Article.objects.order_by("published_at")
    assert [a.status for a in articles] == [ArticleStatus.PROCESSED] * 2
    first = articles[0]
    assert "राजनाथ सिंह" in first.body and "लोकप्रिय खबरें" not in first.body
    assert first.published_at.date().isoformat() == "2025-05-05"
    assert first.raw_html.startswith(b"<!doctype html>")
    assert first.extraction["pair"] == ["IN", "JP"]
    assert len(first.content_hash) == 64
    pairs = sorted(m.pair.slug for m in Meeting.objects.all())
    assert pairs == ["in-jp", "in-ru"]
    report = MeetingReport.objects.filter(article=first).get()
    assert "बैठक" in report.evidence
    assert first.body[report.evidence_start : report.evidence_end] == report.evidence


def test_every_stored_fact_points_at_its_sentence_in_the_stored_body(site):
    poll_and_process(site)
    for article in Article.objects.all():
        evidence = article.extraction["evidence"]
        facts = [*evidence["countries"], *evidence["people"], *evidence["meetings"]]
        assert facts
        for fact in facts:
            where = fact["evidence"]
            text = article.body if where["field"] == "body" else article.title
            assert text[where["start"] : where["end"]] == where["sentence"]


def test_processing_twice_changes_nothing(site):
    ids = poll_and_process(site)
    meetings, reports = Meeting.objects.count(), MeetingReport.objects.count()
    for article_id in ids:
        assert ingest.process_article(article_id).skipped
        ingest.process_article(article_id, force=True)
    assert (Meeting.objects.count(), MeetingReport.objects.count()) == (meetings, reports)


def test_a_missing_page_is_recorded_and_not_retried(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/gone.html").respond_with_data("nope", status=404)
    outcome = ingest.ingest_url(httpserver.url_for("/gone.html"))
    article = Article.objects.get(pk=outcome.article_id)
    assert (article.status, article.error_code) == (ArticleStatus.FAILED, "http_error")
    assert "404" in article.error
    assert len([r for r, _ in httpserver.log if r.path == "/gone.html"]) == 1


def test_a_page_that_is_not_html_is_refused_with_a_clear_error(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/file.pdf").respond_with_data(
        b"%PDF-1.4", content_type="application/pdf"
    )
    outcome = ingest.ingest_url(httpserver.url_for("/file.pdf"))
    article = Article.objects.get(pk=outcome.article_id)
    assert (article.status, article.error_code) == (ArticleStatus.FAILED, "bad_content_type")


def test_malformed_html_is_parsed_without_a_crash(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    broken = (
        "<html><head><title>भारत-जापान वार्ता</title><body><div><p>विदेश सचिव विक्रम मिस्री ने "
        "सोमवार को नई दिल्ली में जापान के उप विदेश मंत्री से मुलाकात की।<div><table><td>"
        "<p>दोनों देशों ने व्यापार पर चर्चा की।</b></i></span>"
    )
    httpserver.expect_request("/broken.html").respond_with_data(broken, content_type="text/html")
    outcome = ingest.ingest_url(httpserver.url_for("/broken.html"))
    article = Article.objects.get(pk=outcome.article_id)
    assert article.status == ArticleStatus.PROCESSED
    assert "मिस्री" in article.body


def test_an_empty_page_fails_with_a_parse_error_and_keeps_the_page(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/empty.html").respond_with_data(
        "<html></html>", content_type="text/html"
    )
    outcome = ingest.ingest_url(httpserver.url_for("/empty.html"))
    article = Article.objects.get(pk=outcome.article_id)
    assert (article.status, article.error_code) == (ArticleStatus.FAILED, "parse_error")
    assert article.raw_html == b"<html></html>"


def test_a_page_over_the_size_cap_is_cut_and_recorded(httpserver, settings):
    settings.FETCH_MAX_BYTES = 100_000
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/huge.html").respond_with_data(
        "<html><body>" + "क" * 200_000 + "</body></html>", content_type="text/html"
    )
    outcome = ingest.ingest_url(httpserver.url_for("/huge.html"))
    article = Article.objects.get(pk=outcome.article_id)
    assert (article.status, article.error_code) == (ArticleStatus.FAILED, "too_large")


def test_ingest_url_refuses_a_non_http_url():
    with pytest.raises(ValueError, match="not an http"):
        ingest.ingest_url("file:///etc/passwd")
    assert Article.objects.count() == 0


def test_the_sweeper_sends_articles_whose_task_was_lost_round_again(site):
    import datetime
    import io

    from django.core.management import call_command
    from django.utils import timezone

    source = Source.objects.create(name="डेस्क", feed_url=site.url_for("/rss.xml"))
    lost_fetch, lost_process = polling.poll_source(source.pk).new_article_ids
    ingest.fetch_article(lost_process)
    assert ingest.stuck_article_ids() == []
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    Article.objects.update(updated_at=an_hour_ago)
    assert sorted(ingest.stuck_article_ids()) == sorted([lost_fetch, lost_process])
    out = io.StringIO()
    call_command("process_pending", stdout=out)
    assert "processed 2 stuck articles" in out.getvalue()
    assert set(Article.objects.values_list("status", flat=True)) == {ArticleStatus.PROCESSED}
    assert ingest.stuck_article_ids() == []


def test_the_pipeline_stores_what_the_extract_command_prints(site, tmp_path):
    import io
    import json

    from django.core.management import call_command

    poll_and_process(site)
    article = Article.objects.get(canonical_url__endswith="rajnath-nakatani.html")
    page = tmp_path / "page.html"
    page.write_bytes(article.raw_html)
    out = io.StringIO()
    call_command("extract", str(page), "--url", article.canonical_url, stdout=out)
    printed = json.loads(out.getvalue())
    stored = {k: v for k, v in article.extraction.items() if k != "evidence"}
    assert printed.pop("body") == article.body
    assert printed == stored


def test_every_beat_job_names_a_registered_task():
    from django.conf import settings

    from tracker.celery import app

    app.loader.import_default_modules()
    for job in settings.CELERY_BEAT_SCHEDULE.values():
        assert job["task"] in app.tasks


def test_the_ingest_url_command_reports_bad_urls_and_exits_with_an_error(httpserver):
    import io

    from django.core.management import CommandError, call_command

    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/gone.html").respond_with_data("nope", status=404)
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 of 2 URLs failed"):
        call_command(
            "ingest_url", "file:///etc/passwd", httpserver.url_for("/gone.html"),
            stdout=io.StringIO(), stderr=err,
        )  # fmt: skip
    assert "not an http(s) URL" in err.getvalue() and "http_error" in err.getvalue()
