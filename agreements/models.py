"""Agreement records: what two countries signed, announced or pledged."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class AgreementKind(models.TextChoices):
    MOU = "mou", _("Memorandum of understanding")
    MOC = "moc", _("Memorandum of cooperation")
    AGREEMENT = "agreement", _("Agreement")
    JOINT_STATEMENT = "joint-statement", _("Joint statement")
    ROADMAP = "roadmap", _("Roadmap")
    INVESTMENT_PLEDGE = "investment-pledge", _("Investment pledge")
    OTHER = "other", _("Other")


class AgreementStatus(models.TextChoices):
    ANNOUNCED = "announced", _("Announced")
    SIGNED = "signed", _("Signed")
    IN_FORCE = "in-force", _("In force")
    LAPSED = "lapsed", _("Lapsed")


class AgreementQuerySet(models.QuerySet):
    def published(self) -> AgreementQuerySet:
        return self.select_related("pair__country_a", "pair__country_b", "meeting")


class Agreement(models.Model):
    pair = models.ForeignKey("tracker.CountryPair", models.PROTECT, related_name="agreements")
    meeting = models.ForeignKey(
        "tracker.Meeting", models.SET_NULL, null=True, blank=True, related_name="agreements"
    )
    topics = models.ManyToManyField("tracker.Topic", blank=True, related_name="agreements")
    title_hi = models.CharField(_("Hindi title"), max_length=500, blank=True)
    title_en = models.CharField(_("English title"), max_length=500, blank=True)
    kind = models.CharField(max_length=20, choices=AgreementKind.choices, blank=True)
    status = models.CharField(
        max_length=12, choices=AgreementStatus.choices, default=AgreementStatus.ANNOUNCED
    )
    date = models.DateField(_("date"), null=True, blank=True)
    signatories = models.ManyToManyField("tracker.Person", blank=True, related_name="agreements")
    amount = models.DecimalField(max_digits=24, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency (ISO 4217)"), max_length=3, blank=True)
    evidence_article = models.ForeignKey(
        "articles.Article", models.SET_NULL, null=True, blank=True, related_name="agreements"
    )
    evidence = models.TextField(_("evidence sentence"), blank=True)
    reviewed = models.BooleanField(
        _("reviewed"), default=False, help_text=_("The pipeline never changes a reviewed record.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | ~Q(currency=""),
                name="agreement_amount_has_currency",
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="agreement_amount_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.title_en or self.title_hi or f"{self.get_kind_display()} {self.pair}"
