"""Email digest subscriptions and the one-per-period delivery records."""

from __future__ import annotations

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


class Subscription(models.Model):
    email = models.EmailField(_("email"))
    pairs = models.ManyToManyField("tracker.CountryPair", blank=True, related_name="+")
    topics = models.ManyToManyField("tracker.Topic", blank=True, related_name="+")
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    language = models.CharField(max_length=5, default="hi")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["email"], name="one_subscription_per_email"),
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    SKIPPED = "skipped", _("Nothing new")
    FAILED = "failed", _("Failed")


class DigestDelivery(models.Model):
    """One digest for one subscription and period: the row is claimed before sending,
    and the unique constraint makes a second mail for the same period impossible."""

    subscription = models.ForeignKey(Subscription, models.CASCADE, related_name="deliveries")
    period = models.CharField(max_length=20, help_text="e.g. 2026-11-21 or 2026-W47")
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    meetings = models.ManyToManyField("tracker.Meeting", blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = _("digest deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "period"], name="one_delivery_per_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subscription} {self.period}"
