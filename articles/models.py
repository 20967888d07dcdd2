"""News sources, the articles fetched from them, and the links from articles to meetings."""

from __future__ import annotations

import zlib

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SourceKind(models.TextChoices):
    RSS = "rss", _("RSS or Atom feed")
    SITEMAP = "sitemap", _("News sitemap")
    LISTING = "listing", _("Listing page")


class SourceQuerySet(models.QuerySet):
    def due(self, now=None) -> SourceQuerySet:
        now = now or timezone.now()
        return self.filter(active=True).filter(
            models.Q(next_poll_at__isnull=True) | models.Q(next_poll_at__lte=now)
        )


class Source(models.Model):
    name = models.CharField(_("name"), max_length=200)
    homepage = models.URLField(_("homepage"), max_length=500, blank=True)
    kind = models.CharField(max_length=10, choices=SourceKind.choices, default=SourceKind.RSS)
    feed_url = models.URLField(_("feed, sitemap or listing URL"), max_length=1000, unique=True)
    link_selector = models.CharField(
        _("CSS selector for article links"),
        max_length=300,
        blank=True,
        help_text=_("Listing pages only."),
    )
    body_selector = models.CharField(
        _("CSS selector for the article body"),
        max_length=300,
        blank=True,
        help_text=_("Overrides the generic main-text detection."),
    )
    language = models.CharField(max_length=5, default="hi")
    active = models.BooleanField(default=True)
    poll_interval = models.PositiveIntegerField(_("poll interval (minutes)"), default=60)

    # Conditional GET state.
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)

    # Health.
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    last_error_code = models.CharField(max_length=40, blank=True)
    last_error = models.TextField(blank=True)
    next_poll_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """Refuse a feed URL the fetcher would refuse, when staff enter it (SSRF guard)."""
        from django.conf import settings

        from .netguard import GuardError, check_url, make_policy

        try:
            check_url(self.feed_url, make_policy(settings.FETCH_ALLOW_PRIVATE))
        except GuardError as exc:
            # An unresolvable name may be a passing DNS failure: the poll will say so.
            if exc.code != "connection":
                raise ValidationError({"feed_url": str(exc)}) from exc


class ArticleStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be fetched")
    FETCHED = "fetched", _("Fetched, not processed")
    PROCESSING = "processing", _("Processing")
    PROCESSED = "processed", _("Processed")
    FAILED = "failed", _("Failed")


class Article(models.Model):
    source = models.ForeignKey(
        Source, models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    # Unique on the canonical URL (tracking parameters stripped): the natural key that
    # makes fetching idempotent.
    canonical_url = models.URLField(_("canonical URL"), max_length=2000, unique=True)
    url = models.URLField(_("URL as found"), max_length=2000)
    title = models.CharField(_("title"), max_length=1000, blank=True)
    body = models.TextField(_("body text"), blank=True)
    language = models.CharField(max_length=10, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    fetched_at = models.DateTimeField(_("fetched"), null=True, blank=True)
    content_hash = models.CharField(max_length=64, blank=True, db_index=True)
    raw_html_z = models.BinaryField(_("raw HTML (zlib)"), null=True, blank=True, editable=False)
    http_charset = models.CharField(max_length=40, blank=True)
    duplicate_of = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="duplicates"
    )
    status = models.CharField(
        max_length=12, choices=ArticleStatus.choices, default=ArticleStatus.PENDING, db_index=True
    )
    error_code = models.CharField(max_length=40, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    # The extractor's full result, evidence sentences and character offsets included.
    extraction = models.JSONField(default=dict, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-id"]

    def __str__(self) -> str:
        return self.title or self.canonical_url

    @property
    def raw_html(self) -> bytes:
        return zlib.decompress(bytes(self.raw_html_z)) if self.raw_html_z else b""

    @raw_html.setter
    def raw_html(self, content: bytes) -> None:
        self.raw_html_z = zlib.compress(content, 6) if content else None


class MeetingReport(models.Model):
    """An article reporting a meeting, with the sentence that says so."""

    article = models.ForeignKey(Article, models.CASCADE, related_name="meeting_reports")
    meeting = models.ForeignKey("tracker.Meeting", models.CASCADE, related_name="reports")
    evidence = models.TextField(_("evidence sentence"), blank=True)
    evidence_start = models.PositiveIntegerField(null=True, blank=True)
    evidence_end = models.PositiveIntegerField(null=True, blank=True)
    # Set when staff moved this article to its meeting; the resolver keeps it there.
    pinned = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "meeting"], name="one_report_per_meeting"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} -> {self.meeting_id}"


class ShingleBand(models.Model):
    """One LSH band of an article's MinHash signature.

    Articles sharing a band are near-duplicate candidates; the (band, key) index makes
    finding them a lookup whose cost does not grow with the archive.
    """

    article = models.ForeignKey(Article, models.CASCADE, related_name="shingle_bands")
    band = models.PositiveSmallIntegerField()
    key = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "band"], name="one_key_per_band"),
        ]
        indexes = [models.Index(fields=["band", "key"], name="shingle_band_key")]

    def __str__(self) -> str:
        return f"{self.article_id} band {self.band}"
