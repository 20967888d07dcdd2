"""The pipeline's per-article steps, in order: fetch, then process (parse, extract,
resolve). Plain functions taking ids; Celery tasks and commands call them.

Each step is idempotent. `process_article` runs in one transaction that first locks
the article row, so a worker killed mid-way leaves nothing half-written and the
redelivered task processes the article exactly once.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from tracker.text import normalise_text

from . import dedupe
from .fetch import FetchError, fetch_url
from .models import Article, ArticleStatus, Source
from .parse import ParsedPage, ParseError, parse_article
from .urls_canon import canonicalize_url, is_http_url

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_ATTEMPTS = 5
STUCK_AFTER = datetime.timedelta(minutes=30)
NOON_IST = datetime.time(12, tzinfo=datetime.timezone(datetime.timedelta(hours=5, minutes=30)))


class TransientFetchError(Exception):
    """A fetch that may succeed later (timeout, 5xx, 429); the task retries it."""

    def __init__(self, error: FetchError) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass(frozen=True)
class ProcessOutcome:
    article_id: int
    status: str
    meeting_ids: tuple[int, ...] = ()
    skipped: bool = False


def fetch_article(article_id: int, *, fetch=fetch_url) -> bool:
    """Download an article's page and keep it (compressed). True when it was fetched.

    Permanent failures (404, blocked, not HTML, too large) mark the article failed
    with the error; transient ones raise TransientFetchError until MAX_ATTEMPTS.
    """
    article = Article.objects.get(pk=article_id)
    # Only a pending article is fetched: a redelivered task for one that failed for
    # good (a 404) must not knock again.
    if article.status != ArticleStatus.PENDING:
        return False
    Article.objects.filter(pk=article.pk).update(attempts=article.attempts + 1)
    try:
        result = fetch(article.url, expect_types=HTML_TYPES, accept="text/html,*/*;q=0.5")
    except FetchError as exc:
        last_try = article.attempts + 1 >= MAX_ATTEMPTS
        Article.objects.filter(pk=article.pk).update(
            status=ArticleStatus.FAILED if (not exc.retryable or last_try) else article.status,
            error_code=exc.code[:40],
            error=str(exc)[:2000],
        )
        if exc.retryable and not last_try:
            raise TransientFetchError(exc) from exc
        return False
    article.raw_html = result.content
    article.http_charset = (result.charset or "")[:40]
    article.fetched_at = timezone.now()
    article.status = ArticleStatus.FETCHED
    article.error_code = article.error = ""
    article.save(
        update_fields=[
            "raw_html_z",
            "http_charset",
            "fetched_at",
            "status",
            "error_code",
            "error",
            "updated_at",
        ]
    )
    return True


def process_article(article_id: int, *, force: bool = False) -> ProcessOutcome:
    """Parse, extract and resolve a fetched article, all or nothing.

    `force` re-runs a processed article from its stored page (the `reparse` command).
    """
    from .resolve import resolve_article

    with transaction.atomic():
        article = (
            Article.objects.select_for_update(of=("self",))
            .select_related("source")
            .get(pk=article_id)
        )
        done = article.status == ArticleStatus.PROCESSED
        if (done and not force) or not article.raw_html_z:
            return ProcessOutcome(article.pk, article.status, skipped=True)
        try:
            page = parse_article(
                article.raw_html,
                url=article.url,
                declared_charset=article.http_charset or None,
                body_selector=(article.source.body_selector if article.source else "") or None,
            )
        except ParseError as exc:
            article.status, article.error_code, article.error = (
                ArticleStatus.FAILED,
                "parse_error",
                str(exc)[:2000],
            )
            article.save(update_fields=["status", "error_code", "error", "updated_at"])
            return ProcessOutcome(article.pk, article.status)
        apply_page(article, page)
        if adopt_canonical_url(article, page.canonical_url):
            article.status = ArticleStatus.PROCESSED
            article.processed_at = timezone.now()
            article.save()
            return ProcessOutcome(article.pk, article.status)
        article.extraction = extract_article(article)
        article.duplicate_of, demoted = dedupe.find_original(article)
        article.status = ArticleStatus.PROCESSED
        article.error_code = article.error = ""
        article.processed_at = timezone.now()
        article.save()
        meetings = resolve_article(article)
        for copy in demoted:
            copy.refresh_from_db()
            resolve_article(copy)
    return ProcessOutcome(article.pk, article.status, tuple(m.pk for m in meetings))


def apply_page(article: Article, page: ParsedPage) -> None:
    """Copy what the parser found; a page's own timestamp beats the feed's, and a
    day-only date (noon in India) fills in only when the feed gave none."""
    article.title = (page.title or article.title)[:1000]
    article.body = normalise_text(page.body)
    article.language = (page.language or "")[:10]
    if page.published_at:
        article.published_at = page.published_at
    elif page.published and not article.published_at:
        article.published_at = datetime.datetime.combine(page.published, NOON_IST)


def stuck_article_ids(older_than: datetime.timedelta = STUCK_AFTER) -> list[int]:
    """Articles left pending or fetched with no progress for a while: their task was
    lost (a broker restart, a purge). The sweeper sends them round again."""
    cutoff = timezone.now() - older_than
    return list(
        Article.objects.filter(
            status__in=[ArticleStatus.PENDING, ArticleStatus.FETCHED],
            updated_at__lt=cutoff,
            attempts__lt=MAX_ATTEMPTS,
        ).values_list("pk", flat=True)[:500]
    )


def adopt_canonical_url(article: Article, canonical: str | None) -> bool:
    """Move the article to the page's own canonical URL.

    Returns True when another article already holds that URL: this one is then the same
    page reached by a second link, and is marked a duplicate of the first.
    """
    if not canonical or not is_http_url(canonical):
        return False
    canonical = canonicalize_url(canonical)
    if canonical == article.canonical_url:
        return False
    holder = Article.objects.filter(canonical_url=canonical).exclude(pk=article.pk).first()
    if holder is None:
        article.canonical_url = canonical
        return False
    article.duplicate_of = holder
    return True


def extract_article(article: Article) -> dict:
    """The extractor's contract JSON plus evidence offsets, ready to store.

    Replaces the article's body with the normalised text the offsets index.
    """
    from .extract import extract_facts
    from .gazetteer import load_gazetteer

    published = timezone.localdate(article.published_at) if article.published_at else None
    facts = extract_facts(
        article.body, title=article.title, published=published, gazetteer=load_gazetteer()
    )
    # Keep the text the evidence offsets index (normalised, furniture lines cut).
    article.body = facts.body
    article.content_hash = hashlib.sha256(article.body.encode()).hexdigest()
    contract = facts.to_contract(article.canonical_url)
    contract["evidence"] = facts.to_evidence_json()
    # The body is stored once, in Article.body.
    contract.pop("body", None)
    return contract


def is_fetched(article_id: int) -> bool:
    return Article.objects.filter(pk=article_id, status=ArticleStatus.FETCHED).exists()


def fetch_and_process(article_id: int, *, fetch=fetch_url) -> ProcessOutcome:
    """Both steps now, in this process (commands and the demo; workers chain tasks).

    A transient fetch failure leaves the article pending for the next attempt.
    """
    try:
        fetch_article(article_id, fetch=fetch)
    except TransientFetchError:
        pass
    status = Article.objects.values_list("status", flat=True).get(pk=article_id)
    if status != ArticleStatus.FETCHED:
        return ProcessOutcome(article_id, status)
    return process_article(article_id)


def ingest_url(url: str, *, source: Source | None = None, fetch=fetch_url) -> ProcessOutcome:
    """Fetch, parse, extract and resolve one URL now, through the workers' own steps."""
    if not is_http_url(url):
        raise ValueError(f"not an http(s) URL: {url!r}")
    canonical = canonicalize_url(url)
    article, _ = Article.objects.get_or_create(
        canonical_url=canonical, defaults={"url": url, "source": source}
    )
    if article.status == ArticleStatus.FAILED and not article.raw_html_z:
        # Asked for by name: a failed fetch is tried once more, from a clean slate.
        Article.objects.filter(pk=article.pk).update(status=ArticleStatus.PENDING, attempts=0)
        article.status = ArticleStatus.PENDING
    if article.status == ArticleStatus.PENDING:
        return fetch_and_process(article.pk, fetch=fetch)
    return process_article(article.pk)
