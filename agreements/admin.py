"""Basic staff admin for agreements, with the history of staff edits."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Agreement


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "pair", "kind", "status", "date", "amount", "currency", "reviewed"]
    list_filter = ["reviewed", "kind", "status"]
    list_select_related = ["pair"]
    search_fields = ["title_hi", "title_en", "evidence"]
    autocomplete_fields = ["pair", "meeting", "signatories"]
    raw_id_fields = ["evidence_article"]
    filter_horizontal = ["topics"]
