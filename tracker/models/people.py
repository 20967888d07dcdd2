"""People (ministers and officials) and their dated roles."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class RoleKind(models.TextChoices):
    HEAD_OF_STATE = "head-of-state", _("Head of state")
    PRIME_MINISTER = "prime-minister", _("Prime minister")
    FOREIGN_MINISTER = "foreign-minister", _("Foreign minister")
    DEFENCE_MINISTER = "defence-minister", _("Defence minister")
    COMMERCE_MINISTER = "commerce-minister", _("Commerce minister")
    FINANCE_MINISTER = "finance-minister", _("Finance minister")
    HOME_MINISTER = "home-minister", _("Home minister")
    MINISTER = "minister", _("Minister")
    FOREIGN_SECRETARY = "foreign-secretary", _("Foreign secretary")
    VICE_FOREIGN_MINISTER = "vice-foreign-minister", _("Vice foreign minister")
    NSA = "national-security-adviser", _("National security adviser")
    SPOKESPERSON = "spokesperson", _("Spokesperson")
    AMBASSADOR = "ambassador", _("Ambassador")
    OFFICIAL = "official", _("Official")


class PersonQuerySet(models.QuerySet):
    def reviewed(self) -> PersonQuerySet:
        return self.filter(reviewed=True)


class Person(models.Model):
    name_hi = models.CharField(_("Hindi name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    # Slugs come from the English name: slugify() drops Devanagari vowel signs.
    slug = models.SlugField(max_length=200, unique=True)
    country = models.ForeignKey(
        "tracker.Country", models.PROTECT, null=True, blank=True, related_name="people"
    )
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    # People found by the extractor's role patterns are proposed, not trusted, until staff
    # review them.
    reviewed = models.BooleanField(_("reviewed"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name_en", "name_hi"]
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name_en or self.name_hi

    def role_on(self, day: datetime.date) -> Role | None:
        """The role held on a day, most recent start first."""
        for role in sorted(
            self.roles.all(), key=lambda r: r.start or datetime.date.min, reverse=True
        ):
            if role.covers(day):
                return role
        return None


class Role(models.Model):
    person = models.ForeignKey(Person, models.CASCADE, related_name="roles")
    kind = models.CharField(_("role"), max_length=40, choices=RoleKind.choices)
    country = models.ForeignKey("tracker.Country", models.PROTECT, related_name="+")
    title_hi = models.CharField(_("Hindi title"), max_length=200, blank=True)
    title_en = models.CharField(_("English title"), max_length=200, blank=True)
    start = models.DateField(_("from"), null=True, blank=True)
    end = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["person", "-start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=F("start")),
                name="role_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_kind_display()} ({self.country_id})"

    def covers(self, day: datetime.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)
