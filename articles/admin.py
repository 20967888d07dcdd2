"""Staff admin for sources (with their health) and articles."""

from django.contrib import admin

from .models import Article, MeetingReport, Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
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


class MeetingReportInline(admin.TabularInline):
    model = MeetingReport
    extra = 0
    raw_id_fields = ["meeting"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "published_at", "status", "error_code"]
    list_filter = ["status", "source", "error_code"]
    list_select_related = ["source"]
    search_fields = ["title", "canonical_url"]
    raw_id_fields = ["duplicate_of"]
    readonly_fields = ["content_hash", "fetched_at", "processed_at", "extraction"]
    inlines = [MeetingReportInline]
