"""Topics and meetings: the facts readers browse."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

TOPIC_SLUGS = (
    "ai",
    "defence",
    "critical-minerals",
    "investment",
    "trade",
    "cyber-security",
    "counter-terrorism",
    "space",
    "semiconductors",
    "health",
    "maritime",
    "infrastructure",
    "energy",
    "culture",
)


class Topic(models.Model):
    slug = models.SlugField(max_length=40, unique=True)
    name_en = models.CharField(_("English name"), max_length=100)
    name_hi = models.CharField(_("Hindi name"), max_length=100)
    # Lists of phrases; an entry is a phrase or [phrase, weight] (weight 1 when bare).
    keywords_hi = models.JSONField(_("Hindi keywords"), default=list, blank=True)
    keywords_en = models.JSONField(_("English keywords"), default=list, blank=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name_en


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    UNKNOWN = "unknown", _("Unknown")


class MeetingKind(models.TextChoices):
    SUMMIT = "summit", _("Summit")
    MINISTERIAL = "ministerial", _("Ministerial")
    OFFICIAL = "official-level", _("Official-level")
    DIALOGUE = "dialogue", _("Dialogue")
    CALL = "call", _("Phone or video call")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    EXTRACTED = "extracted", _("Extracted")
    REVIEWED = "reviewed", _("Reviewed")


class MeetingQuerySet(models.QuerySet):
    def visible(self) -> MeetingQuerySet:
        return self.filter(merged_into__isnull=True)

    def for_pair(self, pair) -> MeetingQuerySet:
        return (
            self.visible()
            .filter(pair=pair)
            .select_related("pair__country_a", "pair__country_b")
            .prefetch_related("participants", "topics")
            .order_by("-date", "-id")
        )


class Meeting(models.Model):
    """One bilateral meeting, however many articles report it.

    A reviewed meeting belongs to staff: the pipeline attaches new articles to it but
    never changes its fields.
    """

    pair = models.ForeignKey("tracker.CountryPair", models.PROTECT, related_name="meetings")
    date = models.DateField(_("date"), null=True, blank=True)
    date_precision = models.CharField(
        max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices, blank=True)
    title_hi = models.CharField(_("Hindi title"), max_length=300, blank=True)
    title_en = models.CharField(_("English title"), max_length=300, blank=True)
    participants = models.ManyToManyField("tracker.Person", blank=True, related_name="meetings")
    topics = models.ManyToManyField(Topic, blank=True, related_name="meetings")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.EXTRACTED)
    # A staff merge keeps the absorbed meeting as a pointer, so reprocessing its
    # articles lands them on the survivor instead of recreating it.
    merged_into = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="merged_from"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["pair", "-date"], name="meeting_pair_date")]

    def __str__(self) -> str:
        return f"{self.pair} {self.date or '?'}"

    @property
    def is_reviewed(self) -> bool:
        return self.status == Status.REVIEWED
