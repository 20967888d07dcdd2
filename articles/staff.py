"""Staff decisions on meetings: merge several into one, or split articles off one.

Both mark the meetings they touch reviewed and pin the moved reports, so later runs
of the pipeline (new articles, `reparse --all`) keep what staff decided: a merged
meeting forwards its reports to the survivor, and a pinned report is never moved.
"""

from __future__ import annotations

from django.db import transaction

from agreements.models import Agreement
from tracker.models import Meeting
from tracker.models.meetings import Status

from .models import MeetingReport


@transaction.atomic
def merge_meetings(survivor: Meeting, others: list[Meeting]) -> Meeting:
    """Fold `others` into `survivor`: reports, participants, topics and agreements."""
    others = [m for m in others if m.pk != survivor.pk]
    if any(m.pair_id != survivor.pair_id for m in others):
        raise ValueError("Only meetings of the same country pair can be merged.")
    for other in others:
        for report in other.reports.all():
            MeetingReport.objects.update_or_create(
                article_id=report.article_id,
                meeting=survivor,
                defaults={
                    "evidence": report.evidence,
                    "evidence_start": report.evidence_start,
                    "evidence_end": report.evidence_end,
                    "pinned": True,
                },
            )
        other.reports.all().delete()
        survivor.participants.add(*other.participants.all())
        survivor.topics.add(*other.topics.all())
        Agreement.objects.filter(meeting=other).update(meeting=survivor, pair=survivor.pair)
        if not survivor.date and other.date:
            survivor.date, survivor.date_precision = other.date, other.date_precision
        other.merged_into = survivor
        other.status = Status.REVIEWED
        other.save(update_fields=["merged_into", "status", "updated_at"])
        # Meetings merged into `other` earlier now forward to the survivor directly.
        Meeting.objects.filter(merged_into=other).update(merged_into=survivor)
    survivor.reports.update(pinned=True)
    survivor.status = Status.REVIEWED
    survivor.save()
    return survivor


@transaction.atomic
def split_meeting(meeting: Meeting, article_ids: list[int]) -> Meeting:
    """Move the reports of `article_ids` from `meeting` to a new meeting of the pair."""
    moving = meeting.reports.filter(article_id__in=article_ids)
    if not moving.exists():
        raise ValueError("None of those articles reports this meeting.")
    if moving.count() == meeting.reports.count():
        raise ValueError("Leave at least one article with the original meeting.")
    new = Meeting.objects.create(
        pair=meeting.pair, place=meeting.place, kind=meeting.kind, status=Status.REVIEWED
    )
    moving.update(meeting=new, pinned=True)
    meeting.reports.update(pinned=True)
    meeting.status = Status.REVIEWED
    meeting.save(update_fields=["status", "updated_at"])
    return new
