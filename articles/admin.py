"""Staff admin for sources (with their health) and articles."""

from typing import Any

from django.contrib import admin, messages
from django.db import models

from tracker.admin import MeetingAdmin
from tracker.models import Meeting

from . import staff
from .models import Article, MeetingReport, Source

# A URL typed without a scheme is read as https (Django 6's default, chosen now).
HTTPS_URLS: dict[type[models.Field], dict[str, Any]] = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = [
        "name",
        "kind",
        "active",
        "last_success_at",
        "consecutive_failures",
        "last_error_code",
        "next_poll_at",
    ]
    list_filter = ["active", "kind", "last_error_code"]
    search_fields = ["name", "feed_url", "homepage"]
    readonly_fields = [
        "etag",
        "last_modified",
        "last_polled_at",
        "last_success_at",
        "consecutive_failures",
        "last_error_code",
        "last_error",
        "next_poll_at",
    ]


class ReportOfMeetingInline(admin.TabularInline):
    """The articles reporting a meeting; staff pin a report to keep it there."""

    model = MeetingReport
    extra = 0
    raw_id_fields = ["article"]
    fields = ["article", "evidence", "pinned"]


class MeetingReportInline(admin.TabularInline):
    model = MeetingReport
    extra = 0
    raw_id_fields = ["meeting"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["title", "source", "published_at", "status", "error_code"]
    list_filter = ["status", "source", "error_code"]
    list_select_related = ["source"]
    search_fields = ["title", "canonical_url"]
    raw_id_fields = ["duplicate_of"]
    readonly_fields = ["content_hash", "fetched_at", "processed_at", "extraction"]
    inlines = [MeetingReportInline]


# The meeting admin lives in tracker (which knows nothing of articles); the actions
# that move articles between meetings are added here.
admin.site.unregister(Meeting)


@admin.register(Meeting)
class MeetingWithReportsAdmin(MeetingAdmin):
    actions = ["merge_selected"]
    inlines = [ReportOfMeetingInline]

    @admin.action(description="Merge the selected meetings into the oldest one")
    def merge_selected(self, request, queryset):
        meetings = list(queryset.order_by("pk"))
        if len(meetings) < 2:
            self.message_user(request, "Select at least two meetings.", messages.WARNING)
            return
        try:
            survivor = staff.merge_meetings(meetings[0], meetings[1:])
        except ValueError as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        self.message_user(request, f"Merged {len(meetings) - 1} meeting(s) into #{survivor.pk}.")
