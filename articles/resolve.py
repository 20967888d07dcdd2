"""Facts to meetings: the articles that report one meeting become one Meeting.

An extracted meeting joins an existing Meeting of the same pair when the dates agree
(within a day), or, when the text gives no date, when an article about that meeting
was published within three days and shares a participant. Otherwise it creates one.
Staff have the last word: a reviewed meeting or agreement is never changed here (new
articles still attach to it), a merged meeting forwards to its survivor, and a pinned
report is never moved.
"""

from __future__ import annotations

import datetime
import logging

from django.db.models import Q
from django.utils import timezone

from agreements.models import Agreement
from tracker.models import CountryPair, Meeting, Person, Topic
from tracker.models.meetings import DatePrecision, MeetingKind, Status
from tracker.text import normalise_for_match

from .models import Article, MeetingReport
from .people import find_or_propose_person

log = logging.getLogger(__name__)

DATE_TOLERANCE = datetime.timedelta(days=1)
UNDATED_WINDOW = datetime.timedelta(days=3)


def resolve_article(article: Article) -> list[Meeting]:
    """Attach the article to the meeting(s) it reports; returns those meetings."""
    facts = article.extraction or {}
    pinned = list(Meeting.objects.filter(reports__article=article, reports__pinned=True))
    if pinned:
        # Staff placed this article; the extractor does not get to move it.
        meetings = pinned
    elif article.duplicate_of_id:
        meetings = []
    else:
        meetings = _resolve_meetings(article, facts)
    keep = {m.pk for m in meetings}
    # A reprocessed article that no longer reports a meeting leaves it (unless pinned).
    stale = MeetingReport.objects.filter(article=article, pinned=False).exclude(meeting_id__in=keep)
    left = set(stale.values_list("meeting_id", flat=True))
    stale.delete()
    drop_orphan_meetings(left)
    return meetings


def drop_orphan_meetings(meeting_ids: set[int]) -> None:
    """Delete extracted meetings that no article reports any more (never reviewed ones,
    nor ones staff merged others into)."""
    orphans = Meeting.objects.filter(
        pk__in=meeting_ids,
        status=Status.EXTRACTED,
        reports__isnull=True,
        merged_from__isnull=True,
    )
    Agreement.objects.filter(meeting__in=orphans, reviewed=False).delete()
    orphans.delete()


def _resolve_meetings(article: Article, facts: dict) -> list[Meeting]:
    meetings = []
    located = (facts.get("evidence") or {}).get("meetings") or [{}]
    for extracted, detail in zip(facts.get("meetings", [])[:1], located, strict=False):
        pair_codes = extracted.get("pair") or facts.get("pair")
        if not pair_codes or len(pair_codes) != 2 or pair_codes[0] == pair_codes[1]:
            continue
        pair = CountryPair.get_or_create_for(*pair_codes)
        people = _participants(extracted, facts)
        date = _parse_date(extracted.get("date"))
        meeting = find_meeting(pair, date, people, article) or Meeting.objects.create(
            pair=pair,
            date=date,
            date_precision=DatePrecision.DAY if date else DatePrecision.UNKNOWN,
        )
        if not meeting.is_reviewed:
            _complete_meeting(meeting, extracted, facts, people, date)
        where = detail.get("evidence") or {}
        in_body = where.get("field") == "body"
        MeetingReport.objects.update_or_create(
            article=article,
            meeting=meeting,
            defaults={
                "evidence": extracted.get("evidence", "")[:5000],
                "evidence_start": where.get("start") if in_body else None,
                "evidence_end": where.get("end") if in_body else None,
            },
        )
        _attach_agreements(meeting, article, facts)
        meetings.append(meeting)
    return meetings


def find_meeting(
    pair: CountryPair, date: datetime.date | None, people: list[Person], article: Article
) -> Meeting | None:
    """The existing meeting this report belongs to, following staff merges."""
    candidates = Meeting.objects.filter(pair=pair).order_by("pk")
    match = None
    if date is not None:
        match = candidates.filter(
            date__range=(date - DATE_TOLERANCE, date + DATE_TOLERANCE)
        ).first()
    if match is None and people:
        published = article.published_at or timezone.now()
        nearby = Q(
            reports__article__published_at__range=(
                published - UNDATED_WINDOW,
                published + UNDATED_WINDOW,
            )
        )
        undated = Q(date__isnull=True) if date is not None else Q()
        match = (
            candidates.filter(nearby & undated, participants__in=people)
            .exclude(reports__article=article)
            .distinct()
            .first()
        )
    while match is not None and match.merged_into_id:
        match = match.merged_into
    return match


def _participants(extracted: dict, facts: dict) -> list[Person]:
    details = {normalise_for_match(p["name"]): p for p in facts.get("people", []) if p.get("name")}
    people = []
    for name in extracted.get("participants", []):
        info = details.get(normalise_for_match(name), {"name": name})
        person = find_or_propose_person(info)
        if person is not None and person not in people:
            people.append(person)
    return people


def _complete_meeting(meeting, extracted, facts, people, date) -> None:
    """Fill what the meeting lacks; never overwrite what it has."""
    changed = []
    if meeting.date is None and date is not None:
        meeting.date, meeting.date_precision = date, DatePrecision.DAY
        changed += ["date", "date_precision"]
    if not meeting.place and extracted.get("place"):
        meeting.place = extracted["place"][:200]
        changed.append("place")
    kind = extracted.get("kind")
    if not meeting.kind and kind in MeetingKind.values:
        meeting.kind = kind
        changed.append("kind")
    if changed:
        meeting.save(update_fields=[*changed, "updated_at"])
    if people:
        meeting.participants.add(*people)
    topics = Topic.objects.filter(slug__in=facts.get("topics", []))
    if topics:
        meeting.topics.add(*topics)


def _attach_agreements(meeting: Meeting, article: Article, facts: dict) -> None:
    """One Agreement per distinct (kind, topic, amount, currency) of the meeting."""
    for item in facts.get("agreements", []):
        amount = item.get("amount")
        kind = item.get("kind") or ""
        currency = (item.get("currency") or "") if amount is not None else ""
        same = Agreement.objects.filter(
            meeting=meeting, kind=kind, amount=amount, currency=currency
        )
        topic = Topic.objects.filter(slug=item.get("topic") or "").first()
        if topic is not None:
            same = same.filter(topics=topic)
        if same.exists():
            continue
        agreement = Agreement.objects.create(
            pair=meeting.pair,
            meeting=meeting,
            kind=kind,
            title_hi=(item.get("title") or "")[:500],
            amount=amount,
            currency=currency,
            date=meeting.date,
            evidence_article=article,
            evidence=(item.get("evidence") or "")[:5000],
        )
        if topic is not None:
            agreement.topics.add(topic)


def _parse_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None
