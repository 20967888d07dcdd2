"""A real Celery worker on Redis runs a task and hands its result back."""

from __future__ import annotations

import uuid

from celery.contrib.testing.worker import start_worker

from tracker.celery import app, ping


def test_a_real_worker_on_redis_returns_a_tasks_result(redis_url):
    assert app.conf.broker_url.startswith("redis://")
    assert not app.conf.task_always_eager
    # A queue of its own, so parallel test processes never take each other's tasks.
    queue = f"test-{uuid.uuid4().hex}"
    with start_worker(
        app, pool="solo", perform_ping_check=False, queues=[queue], loglevel="WARNING"
    ):
        result = ping.apply_async(args=[41], queue=queue)
        assert result.get(timeout=20) == 42


def test_task_time_limits_and_late_acks_are_configured(settings):
    assert app.conf.task_soft_time_limit and app.conf.task_time_limit
    assert app.conf.task_soft_time_limit < app.conf.task_time_limit
    assert app.conf.task_acks_late and app.conf.task_reject_on_worker_lost
