"""Countries and the canonical pairs that meetings belong to."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Country(models.Model):
    """An ISO 3166-1 country; its alpha-2 code is the key, so pairs can be ordered by it."""

    code = models.CharField(_("ISO code"), max_length=2, primary_key=True)
    name_en = models.CharField(_("English name"), max_length=120)
    name_hi = models.CharField(_("Hindi name"), max_length=120)
    # Hindi names, demonyms and inflections (भारतीय, जापानी, रूसी ...) and English
    # variants that the extractor matches; the display names above are matched too.
    aliases_hi = models.JSONField(_("Hindi aliases"), default=list, blank=True)
    aliases_en = models.JSONField(_("English aliases"), default=list, blank=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name_plural = _("countries")
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_code_is_alpha2"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name_en} ({self.code})"


class CountryPairQuerySet(models.QuerySet):
    def for_codes(self, first: str, second: str) -> CountryPairQuerySet:
        a, b = sorted((first.upper(), second.upper()))
        return self.filter(country_a_id=a, country_b_id=b)


class CountryPair(models.Model):
    """Two countries in canonical (alphabetical ISO code) order; slug like `in-jp`."""

    country_a = models.ForeignKey(Country, models.PROTECT, related_name="+")
    country_b = models.ForeignKey(Country, models.PROTECT, related_name="+")
    slug = models.SlugField(max_length=5, unique=True, editable=False)

    objects = CountryPairQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(
                condition=Q(country_a__lt=F("country_b")), name="pair_in_canonical_order"
            ),
            models.UniqueConstraint(fields=["country_a", "country_b"], name="one_pair_per_two"),
        ]

    def __str__(self) -> str:
        return f"{self.country_a_id}–{self.country_b_id}"

    def save(self, *args, **kwargs) -> None:
        self.slug = f"{self.country_a_id}-{self.country_b_id}".lower()
        super().save(*args, **kwargs)

    @property
    def codes(self) -> list[str]:
        return [self.country_a_id, self.country_b_id]

    @classmethod
    def get_or_create_for(cls, first: str, second: str) -> CountryPair:
        """The pair of two country codes in either order; created when new."""
        a, b = sorted((first.upper(), second.upper()))
        if a == b:
            raise ValueError(f"A pair needs two different countries, got {a} twice.")
        pair, _ = cls.objects.get_or_create(country_a_id=a, country_b_id=b)
        return pair

    def clean(self) -> None:
        if self.country_a_id and self.country_b_id and self.country_a_id >= self.country_b_id:
            raise ValidationError(
                _("Choose two different countries, the one with the smaller ISO code first.")
            )
