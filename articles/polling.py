"""Polling a source: its feed, sitemap or listing page becomes pending Articles.

`poll_source` is idempotent: an article is keyed by its canonical URL, so a second
poll of an unchanged feed creates nothing. The source's health (last success,
consecutive failures, last error, next poll) is updated on every outcome, and a
failing source backs off exponentially but is never given up on.
"""

from __future__ import annotations

import datetime
import logging
import random
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from . import feeds
from .fetch import FetchError, FetchResult, fetch_url
from .models import Article, ArticleStatus, Source, SourceKind
from .urls_canon import canonicalize_url, is_http_url

log = logging.getLogger(__name__)

MAX_INTERVAL = datetime.timedelta(hours=24)
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
    "text/html;q=0.5, */*;q=0.1"
)
# A sitemap index may list many child sitemaps; poll only the newest few.
MAX_CHILD_SITEMAPS = 3
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


@dataclass(frozen=True)
class FoundLink:
    url: str
    title: str = ""
    published: datetime.datetime | None = None


@dataclass
class PollOutcome:
    source_id: int
    not_modified: bool = False
    found: int = 0
    new_article_ids: list[int] = field(default_factory=list)
    error_code: str = ""
    error: str = ""


def next_poll_delay(
    interval_minutes: int,
    failures: int = 0,
    *,
    retry_after: float | None = None,
    ttl_minutes: int | None = None,
    rng: random.Random | None = None,
) -> datetime.timedelta:
    """How long to wait before the next poll.

    On success (failures == 0): the source's interval, stretched by the feed's <ttl> or
    a Retry-After. After failures: the interval doubled per consecutive failure with
    ±20 % jitter, so many failing sources do not retry in step. Always capped at 24 h.
    """
    base = datetime.timedelta(minutes=max(1, interval_minutes))
    if failures:
        base = base * (2 ** min(failures - 1, 16))
        base = base * (rng or random).uniform(0.8, 1.2)
    if ttl_minutes:
        base = max(base, datetime.timedelta(minutes=ttl_minutes))
    if retry_after:
        base = max(base, datetime.timedelta(seconds=retry_after))
    return min(base, MAX_INTERVAL)


def poll_source(source_id: int, *, fetch=fetch_url) -> PollOutcome:
    """Fetch a source's feed/sitemap/listing and store new article URLs as pending."""
    source = Source.objects.get(pk=source_id)
    outcome = PollOutcome(source_id=source.pk)
    now = timezone.now()
    try:
        result = fetch(
            source.feed_url,
            etag=source.etag or None,
            last_modified=source.last_modified or None,
            accept=FEED_ACCEPT,
        )
        ttl = None
        if not result.not_modified:
            links, ttl = discover_links(source, result, fetch=fetch)
            outcome.found = len(links)
            outcome.new_article_ids = store_links(source, links)
        outcome.not_modified = result.not_modified
    except (FetchError, feeds.FeedError) as exc:
        record_failure(source, exc, now)
        outcome.error_code = getattr(exc, "code", "parse_error")
        outcome.error = str(exc)
        return outcome
    record_success(source, result, now, ttl_minutes=ttl)
    return outcome


def discover_links(
    source: Source, result: FetchResult, *, fetch=fetch_url
) -> tuple[list[FoundLink], int | None]:
    """The article links a fetched feed, sitemap or listing page names."""
    base = result.final_url
    if source.kind == SourceKind.LISTING:
        urls = feeds.extract_listing_links(result.content, base, source.link_selector or "a")
        return [FoundLink(url) for url in urls], None
    if source.kind == SourceKind.SITEMAP:
        sitemap = feeds.parse_sitemap(result.content, base)
        entries = list(sitemap.entries)
        newest = sorted(sitemap.sitemaps, key=lambda c: c.lastmod or EPOCH, reverse=True)
        for child in newest[:MAX_CHILD_SITEMAPS]:
            entries += feeds.parse_sitemap(
                fetch(child.url, accept=FEED_ACCEPT).content, child.url
            ).entries
        links = [FoundLink(e.url, e.title or "", e.published or e.lastmod) for e in entries]
        return links, None
    parsed = feeds.parse_feed(result.content, base)
    links = [FoundLink(e.url, e.title or "", e.published) for e in parsed.entries]
    return links, parsed.ttl


def store_links(source: Source, links: list[FoundLink]) -> list[int]:
    """Create a pending Article per new canonical URL; return the new articles' ids."""
    by_canonical: dict[str, FoundLink] = {}
    for link in links:
        if is_http_url(link.url):
            by_canonical.setdefault(canonicalize_url(link.url), link)
    if not by_canonical:
        return []
    existing = set(
        Article.objects.filter(canonical_url__in=by_canonical).values_list(
            "canonical_url", flat=True
        )
    )
    new = [
        Article(
            source=source,
            canonical_url=canonical,
            url=link.url,
            title=link.title[:1000],
            published_at=link.published,
            status=ArticleStatus.PENDING,
        )
        for canonical, link in by_canonical.items()
        if canonical not in existing
    ]
    # ignore_conflicts: a concurrent poll of another source may have stored the same URL.
    Article.objects.bulk_create(new, ignore_conflicts=True)
    return list(
        Article.objects.filter(
            canonical_url__in=[a.canonical_url for a in new],
            source=source,
            status=ArticleStatus.PENDING,
        ).values_list("pk", flat=True)
    )


@transaction.atomic
def record_success(
    source: Source, result: FetchResult, now: datetime.datetime, *, ttl_minutes: int | None
) -> None:
    source.etag = (result.etag or "")[:500]
    source.last_modified = (result.last_modified or "")[:100]
    source.last_polled_at = source.last_success_at = now
    source.consecutive_failures = 0
    source.last_error_code = source.last_error = ""
    source.next_poll_at = now + next_poll_delay(source.poll_interval, ttl_minutes=ttl_minutes)
    # A permanent redirect of the feed moves the source (the guard checked every hop).
    permanent = [target for status, target in result.redirects if status in (301, 308)]
    if permanent and permanent[-1] == result.final_url and is_http_url(result.final_url):
        if not Source.objects.filter(feed_url=result.final_url).exclude(pk=source.pk).exists():
            source.feed_url = result.final_url
    source.save()


def record_failure(source: Source, exc: Exception, now: datetime.datetime) -> None:
    failures = source.consecutive_failures + 1
    retry_after = getattr(exc, "retry_after", None)
    Source.objects.filter(pk=source.pk).update(
        last_polled_at=now,
        consecutive_failures=failures,
        last_error_code=getattr(exc, "code", "parse_error")[:40],
        last_error=str(exc)[:2000],
        next_poll_at=now + next_poll_delay(source.poll_interval, failures, retry_after=retry_after),
    )
    log.warning("poll of source %s failed (%s): %s", source.pk, failures, exc)


def claim_due_sources(now: datetime.datetime | None = None, limit: int = 100) -> list[int]:
    """Ids of sources due for a poll, each claimed by pushing its next poll ahead.

    The conditional update changes a row only if no one else claimed it since we read
    it, so two beat runs (or a beat and a command) never poll one source twice.
    """
    now = now or timezone.now()
    claimed = []
    for pk, next_poll_at, interval in Source.objects.due(now).values_list(
        "pk", "next_poll_at", "poll_interval"
    )[:limit]:
        lease = now + datetime.timedelta(minutes=max(1, interval))
        if Source.objects.filter(pk=pk, next_poll_at=next_poll_at).update(next_poll_at=lease):
            claimed.append(pk)
    return claimed
