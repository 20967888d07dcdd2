"""Celery tasks: thin wrappers that call the plain functions in polling and ingest.

Every task is idempotent by natural key, so late acknowledgement is safe: a task lost
with its worker is redelivered and changes nothing that was already done.
"""

from __future__ import annotations

from typing import Any

from celery import shared_task

from . import ingest, polling

TASK_OPTIONS: dict[str, Any] = {"acks_late": True, "reject_on_worker_lost": True}


@shared_task(**TASK_OPTIONS)
def poll_due_sources() -> int:
    """Beat job: enqueue a poll for every source that is due (claimed, so never twice)."""
    ids = polling.claim_due_sources()
    for source_id in ids:
        poll_source.delay_on_commit(source_id)
    return len(ids)


@shared_task(**TASK_OPTIONS)
def requeue_stuck_articles() -> int:
    """Beat job: send articles whose task was lost round the pipeline again."""
    ids = ingest.stuck_article_ids()
    for article_id in ids:
        fetch_article.delay_on_commit(article_id)
    return len(ids)


@shared_task(**TASK_OPTIONS, soft_time_limit=60, time_limit=90)
def poll_source(source_id: int) -> int:
    outcome = polling.poll_source(source_id)
    for article_id in outcome.new_article_ids:
        fetch_article.delay_on_commit(article_id)
    return len(outcome.new_article_ids)


@shared_task(
    **TASK_OPTIONS,
    soft_time_limit=60,
    time_limit=90,
    autoretry_for=(ingest.TransientFetchError,),
    retry_backoff=30,
    retry_backoff_max=1800,
    retry_jitter=True,
    max_retries=ingest.MAX_ATTEMPTS,
)
def fetch_article(article_id: int) -> bool:
    fetched = ingest.fetch_article(article_id) or ingest.is_fetched(article_id)
    if fetched:
        process_article.delay_on_commit(article_id)
    return fetched


@shared_task(**TASK_OPTIONS, soft_time_limit=120, time_limit=150)
def process_article(article_id: int) -> str:
    return ingest.process_article(article_id).status
