"""Basic staff admin for the core models (the full staff admin is a later issue)."""

from django.contrib import admin

from .models import Country, CountryPair, DigestDelivery, Meeting, Person, Role, Subscription, Topic


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_hi"]
    search_fields = ["code", "name_en", "name_hi"]


@admin.register(CountryPair)
class CountryPairAdmin(admin.ModelAdmin):
    list_display = ["slug", "country_a", "country_b"]
    list_select_related = ["country_a", "country_b"]
    search_fields = ["slug", "country_a__name_en", "country_b__name_en"]
    autocomplete_fields = ["country_a", "country_b"]


class RoleInline(admin.TabularInline):
    model = Role
    extra = 0
    autocomplete_fields = ["country"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_hi", "country", "reviewed"]
    list_filter = ["reviewed", "country"]
    search_fields = ["name_en", "name_hi", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["country"]
    inlines = [RoleInline]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_en", "name_hi"]
    search_fields = ["slug", "name_en", "name_hi"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["id", "pair", "date", "place", "kind", "status"]
    list_filter = ["status", "kind", "pair"]
    list_select_related = ["pair"]
    search_fields = ["place", "title_hi", "title_en"]
    autocomplete_fields = ["pair", "participants", "merged_into"]
    filter_horizontal = ["topics"]
    date_hierarchy = "date"


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "frequency", "confirmed_at", "unsubscribed_at"]
    list_filter = ["frequency"]
    search_fields = ["email"]


@admin.register(DigestDelivery)
class DigestDeliveryAdmin(admin.ModelAdmin):
    list_display = ["subscription", "period", "status", "sent_at"]
    list_filter = ["status"]
    list_select_related = ["subscription"]
    search_fields = ["subscription__email", "period"]
