"""The pipeline on real workers: Celery on Redis, articles in PostgreSQL.

Each test starts `celery worker` processes on a queue of its own, against the test
database, and drives them through the real tasks.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from articles import tasks
from articles.models import Article, ArticleStatus, MeetingReport, Source
from tracker.celery import app
from tracker.models import Meeting

from .site import render_page, render_rss, seed_text

ROOT = Path(__file__).resolve().parents[2]
SEEDS = {
    "/world/rajnath-nakatani.html": ("003_d38e96fed68a67b2.txt", "2025-05-05"),
    "/world/misri-funakoshi.html": ("002_2c86f309dbad1159.txt", "2025-04-08"),
}


@pytest.fixture
def queue(redis_url, postgres, monkeypatch):
    name = f"test-pipeline-{uuid.uuid4().hex}"
    assert not app.conf.task_always_eager
    monkeypatch.setitem(app.conf, "task_default_queue", name)
    return name


@pytest.fixture
def site(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    items = []
    for path, (seed, published) in SEEDS.items():
        title, body = seed_text(seed)
        httpserver.expect_request(path).respond_with_data(
            render_page(title, body, httpserver.url_for(path), published),
            content_type="text/html; charset=utf-8",
        )
        items.append((title, httpserver.url_for(path), "Mon, 05 May 2025 10:00:00 +0530"))
    httpserver.expect_request("/rss.xml").respond_with_data(
        render_rss(httpserver.url_for(""), items), content_type="application/rss+xml"
    )
    return httpserver


def start_worker(queue: str, *args: str, env: dict | None = None) -> subprocess.Popen:
    worker_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tracker.settings_test",
        "DATABASE_URL": database_url(),
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "FETCH_ALLOW_PRIVATE": "1",
        "FETCH_MIN_HOST_INTERVAL": "0",
        **(env or {}),
    }
    return subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "tests" / "articles" / "worker_launcher.py"),
            "-Q",
            queue,
            *args,
        ],
        cwd=ROOT,
        env=worker_env,
        start_new_session=True,
    )


def database_url() -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=20)


def wait_for(predicate, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def processed() -> int:
    return Article.objects.filter(status=ArticleStatus.PROCESSED).count()


@pytest.mark.django_db(transaction=True)
def test_a_worker_polls_a_site_and_stores_its_articles_once(queue, site):
    source = Source.objects.create(name="डेस्क", feed_url=site.url_for("/rss.xml"))
    worker = start_worker(queue, "--pool", "solo")
    try:
        tasks.poll_source.delay(source.pk)
        assert wait_for(lambda: processed() == 2), list(Article.objects.values("status", "error"))
        assert Meeting.objects.count() == 2
        tasks.poll_source.delay(source.pk)
        source.refresh_from_db()
        assert wait_for(
            lambda: Source.objects.get(pk=source.pk).last_polled_at > source.last_polled_at
        )
        time.sleep(1)
        assert Article.objects.count() == 2 and processed() == 2
    finally:
        stop(worker)


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_in_process_article_leaves_it_processed_exactly_once(queue, site, tmp_path):
    source = Source.objects.create(name="डेस्क", feed_url=site.url_for("/rss.xml"))
    marker = tmp_path / "crash.pid"
    # prefork: the pool's parent sees its child die and, with reject_on_worker_lost,
    # puts the task back on the queue for the next child.
    worker = start_worker(
        queue, "--pool", "prefork", "--concurrency", "1", env={"SAMVAD_CRASH_MARKER": str(marker)}
    )
    try:
        tasks.poll_source.delay(source.pk)
        assert wait_for(marker.exists), "process_article never reached the crash point"
        time.sleep(0.3)
        os.kill(int(marker.read_text()), signal.SIGKILL)
        assert wait_for(lambda: processed() == 2, timeout=90)
        assert Meeting.objects.count() == 2
        assert MeetingReport.objects.count() == 2
        for article in Article.objects.all():
            assert article.meeting_reports.count() == 1
    finally:
        stop(worker)


@pytest.mark.django_db(transaction=True)
def test_a_whole_worker_killed_mid_task_is_redelivered_to_the_next_worker(queue, site, tmp_path):
    """SIGKILL of the worker itself: the task stays unacknowledged in Redis and comes
    back to the worker started after it once the visibility timeout has passed."""
    source = Source.objects.create(name="डेस्क", feed_url=site.url_for("/rss.xml"))
    marker = tmp_path / "crash.pid"
    short = {"CELERY_VISIBILITY_TIMEOUT": "3"}
    first = start_worker(queue, "--pool", "solo", env={**short, "SAMVAD_CRASH_MARKER": str(marker)})
    try:
        tasks.poll_source.delay(source.pk)
        assert wait_for(marker.exists), "process_article never reached the crash point"
    finally:
        stop(first)
    assert processed() < 2
    second = start_worker(
        queue, "--pool", "solo", env={**short, "SAMVAD_CRASH_MARKER": str(marker)}
    )
    try:
        assert wait_for(lambda: processed() == 2, timeout=90)
        assert Meeting.objects.count() == 2
        for article in Article.objects.all():
            assert article.meeting_reports.count() == 1
    finally:
        stop(second)
