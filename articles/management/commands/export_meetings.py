"""Print meetings as JSON, one object a meeting, with the articles that report them."""

from __future__ import annotations

import json
import re

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Prefetch

from articles.models import MeetingReport
from tracker.models import CountryPair, Meeting

PAIR = re.compile(r"^([A-Za-z]{2})-([A-Za-z]{2})$")


class Command(BaseCommand):
    help = "Print meetings as a JSON list (optionally of one pair, e.g. --pair IN-JP)."

    def add_arguments(self, parser):
        parser.add_argument("--pair", help="two ISO codes, e.g. IN-JP (either order)")

    def handle(self, *args, pair, **options):
        meetings = Meeting.objects.visible().select_related("pair")
        if pair is not None:
            match = PAIR.match(pair.strip())
            if not match or match[1].upper() == match[2].upper():
                raise CommandError(f"--pair wants two different ISO codes like IN-JP, got {pair!r}")
            meetings = meetings.filter(pair__in=CountryPair.objects.for_codes(*match.groups()))
        reports = (
            MeetingReport.objects.filter(article__duplicate_of__isnull=True)
            .select_related("article")
            .order_by("article__published_at", "article__canonical_url")
        )
        meetings = meetings.prefetch_related(
            "participants", "topics", Prefetch("reports", queryset=reports)
        ).order_by("date", "pk")
        data = [export_meeting(m) for m in meetings]
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))


def export_meeting(meeting: Meeting) -> dict:
    return {
        "id": meeting.pk,
        "pair": meeting.pair.codes,
        "date": meeting.date.isoformat() if meeting.date else None,
        "place": meeting.place or None,
        "participants": [p.name_hi for p in meeting.participants.all()],
        "topics": sorted(t.slug for t in meeting.topics.all()),
        "articles": [r.article.canonical_url for r in meeting.reports.all()],
    }
