"""One meeting, many articles: reports resolved into meetings through the real
pipeline (local HTTP server -> poll -> fetch -> parse -> extract -> resolve)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from articles import ingest, polling, staff
from articles.models import Article, MeetingReport, Source
from tracker.models import CountryPair, Meeting
from tracker.models.meetings import Status

from .site import render_page, render_rss, seed_text

pytestmark = pytest.mark.django_db

REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports"
SEED_003 = "003_d38e96fed68a67b2.txt"


def report_text(name: str) -> tuple[str, str]:
    title, _, body = (REPORTS / name).read_text(encoding="utf-8").partition("\n")
    return title.strip(), body


def syndicated_copy() -> tuple[str, str]:
    """Seed 003 as another site reprints it: a new headline and a few words changed."""
    _, body = seed_text(SEED_003)
    body = body.replace("कई अहम निर्णय", "कई महत्वपूर्ण निर्णय").replace("बड़ा खतरा", "गंभीर खतरा")
    return "राजनाथ सिंह और जापानी रक्षा मंत्री की बैठक में आतंकवाद की निंदा", body


# site -> [(path, (title, body), published)]
SITES = {
    "khabar": [
        ("/khabar/rajnath-nakatani.html", seed_text(SEED_003), "2025-05-05"),
        ("/khabar/tokyo-again.html", report_text("c_rajnath_nakatani_tokyo.txt"), "2025-05-13"),
        ("/khabar/opinion.html", report_text("d_opinion_no_meeting.txt"), "2025-05-06"),
    ],
    "samachar": [
        (
            "/samachar/defence-talks.html",
            report_text("a_rajnath_nakatani_agency.txt"),
            "2025-05-06",
        ),
    ],
    "darpan": [
        (
            "/darpan/defence-ministers.html",
            report_text("b_rajnath_nakatani_daily.txt"),
            "2025-05-06",
        ),
        ("/darpan/copy-of-khabar.html", syndicated_copy(), "2025-05-05T18:30:00+05:30"),
    ],
}


@pytest.fixture(autouse=True)
def allow_loopback(settings):
    settings.FETCH_ALLOW_PRIVATE = True
    settings.FETCH_MIN_HOST_INTERVAL = 0


@pytest.fixture
def sources(httpserver) -> list[Source]:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    created = []
    for site, pages in SITES.items():
        items = []
        for path, (title, body), published in pages:
            html = render_page(title, body, httpserver.url_for(path), published)
            httpserver.expect_request(path).respond_with_data(
                html, content_type="text/html; charset=utf-8"
            )
            items.append((title, httpserver.url_for(path), "Mon, 05 May 2025 10:00:00 +0530"))
        httpserver.expect_request(f"/{site}/rss.xml").respond_with_data(
            render_rss(httpserver.url_for(f"/{site}/"), items), content_type="application/rss+xml"
        )
        created.append(
            Source.objects.create(name=site, feed_url=httpserver.url_for(f"/{site}/rss.xml"))
        )
    return created


def ingest_all(sources: list[Source], reverse: bool = False) -> None:
    ids = [i for s in sources for i in polling.poll_source(s.pk).new_article_ids]
    for article_id in sorted(ids, reverse=reverse):
        ingest.fetch_and_process(article_id)


def exported() -> list[dict]:
    out = io.StringIO()
    call_command("export_meetings", stdout=out)
    meetings = json.loads(out.getvalue())
    for meeting in meetings:
        del meeting["id"]
    return meetings


def url_path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_three_sites_reporting_one_meeting_make_one_meeting_with_three_articles(sources):
    ingest_all(sources)
    may5, may12 = Meeting.objects.visible().order_by("date")
    assert (may5.pair.slug, str(may5.date)) == ("in-jp", "2025-05-05")
    assert "नई दिल्ली" in may5.place
    assert sorted(url_path(r.article.canonical_url) for r in may5.reports.all()) == [
        "/darpan/defence-ministers.html",
        "/khabar/rajnath-nakatani.html",
        "/samachar/defence-talks.html",
    ]
    assert {p.name_en for p in may5.participants.all()} == {"Rajnath Singh", "Gen Nakatani"}
    assert str(may12.date) == "2025-05-12" and may12.reports.count() == 1


def test_a_syndicated_copy_is_marked_duplicate_and_not_counted(sources):
    ingest_all(sources)
    copy = Article.objects.get(canonical_url__endswith="/darpan/copy-of-khabar.html")
    assert copy.duplicate_of.canonical_url.endswith("/khabar/rajnath-nakatani.html")
    assert not copy.meeting_reports.exists()


def test_two_meetings_of_one_pair_a_week_apart_stay_two(sources):
    ingest_all(sources)
    assert [str(m.date) for m in Meeting.objects.visible().order_by("date")] == [
        "2025-05-05",
        "2025-05-12",
    ]


def test_an_article_that_reports_no_meeting_makes_no_meeting(sources):
    ingest_all(sources)
    opinion = Article.objects.get(canonical_url__endswith="/khabar/opinion.html")
    assert opinion.status == "processed" and opinion.extraction["meetings"] == []
    assert not opinion.meeting_reports.exists()


def test_the_same_pages_in_a_different_order_give_the_same_meetings(sources):
    ingest_all(sources)
    first = exported()
    Meeting.objects.all().delete()
    Article.objects.all().delete()
    ingest_all(sources, reverse=True)
    assert exported() == first
    assert len(first) == 2


def test_reparse_all_gives_the_same_meetings(sources):
    ingest_all(sources)
    before = exported()
    call_command("reparse", "--all", stdout=io.StringIO())
    assert exported() == before


def test_a_reviewed_meeting_keeps_staff_edits_through_reprocessing(sources):
    ingest_all(sources)
    meeting = Meeting.objects.visible().order_by("date").first()
    meeting.place = "मानेकशॉ सेंटर, नई दिल्ली"
    meeting.kind = "ministerial"
    meeting.status = Status.REVIEWED
    meeting.save()
    meeting.participants.remove(*meeting.participants.filter(name_en="Gen Nakatani"))
    call_command("reparse", "--all", stdout=io.StringIO())
    meeting.refresh_from_db()
    assert meeting.place == "मानेकशॉ सेंटर, नई दिल्ली" and meeting.status == Status.REVIEWED
    assert [p.name_en for p in meeting.participants.all()] == ["Rajnath Singh"]
    assert meeting.reports.count() == 3


def test_a_staff_merge_survives_reprocessing(sources):
    ingest_all(sources)
    may5, may12 = Meeting.objects.visible().order_by("date")
    staff.merge_meetings(may5, [may12])
    call_command("reparse", "--all", stdout=io.StringIO())
    assert list(Meeting.objects.visible()) == [may5]
    may12.refresh_from_db()
    assert may12.merged_into == may5
    assert may5.reports.count() == 4 and not may12.reports.exists()


def test_a_staff_split_survives_reprocessing(sources):
    ingest_all(sources)
    may5 = Meeting.objects.visible().order_by("date").first()
    moved = may5.reports.get(article__canonical_url__endswith="/samachar/defence-talks.html")
    new = staff.split_meeting(may5, [moved.article_id])
    call_command("reparse", "--all", stdout=io.StringIO())
    assert new.reports.get().article_id == moved.article_id
    assert may5.reports.count() == 2


def test_a_new_article_about_a_reviewed_meeting_still_attaches_to_it(sources, httpserver):
    ingest_all(sources)
    may5 = Meeting.objects.visible().order_by("date").first()
    may5.status = Status.REVIEWED
    may5.place = "मानेकशॉ सेंटर"
    may5.save()
    title, body = report_text("e_late_report.txt")
    httpserver.expect_request("/late/report.html").respond_with_data(
        render_page(title, body, httpserver.url_for("/late/report.html"), "2025-05-07"),
        content_type="text/html; charset=utf-8",
    )
    outcome = ingest.ingest_url(httpserver.url_for("/late/report.html"))
    late = Article.objects.get(pk=outcome.article_id)
    assert late.status == "processed", (late.error_code, late.error)
    may5.refresh_from_db()
    assert may5.place == "मानेकशॉ सेंटर"
    assert may5.reports.filter(article__canonical_url__endswith="/late/report.html").exists()


def test_merging_meetings_of_different_pairs_is_refused(sources):
    ingest_all(sources)
    may5 = Meeting.objects.visible().first()
    other = Meeting.objects.create(pair=CountryPair.get_or_create_for("IN", "RU"))
    with pytest.raises(ValueError, match="same country pair"):
        staff.merge_meetings(may5, [other])
    assert MeetingReport.objects.filter(meeting=may5).exists()


def test_staff_merge_meetings_from_the_admin(sources, admin_client):
    ingest_all(sources)
    may5, may12 = Meeting.objects.visible().order_by("date")
    response = admin_client.post(
        "/admin/tracker/meeting/",
        {"action": "merge_selected", "_selected_action": [may5.pk, may12.pk]},
        follow=True,
    )
    assert "Merged 1 meeting" in response.content.decode()
    survivor = min(may5, may12, key=lambda m: m.pk)
    assert list(Meeting.objects.visible()) == [survivor]
    assert admin_client.get(f"/admin/tracker/meeting/{survivor.pk}/change/").status_code == 200


def test_export_meetings_filters_by_pair_in_either_order(sources):
    ingest_all(sources)
    for spelling in ("IN-JP", "jp-in"):
        out = io.StringIO()
        call_command("export_meetings", "--pair", spelling, stdout=out)
        assert [m["pair"] for m in json.loads(out.getvalue())] == [["IN", "JP"], ["IN", "JP"]]
    out = io.StringIO()
    call_command("export_meetings", "--pair", "IN-RU", stdout=out)
    assert json.loads(out.getvalue()) == []


@pytest.mark.parametrize("bad", ["INJP", "IN-IN", "IND-JPN", "", "IN-J1"])
def test_export_meetings_refuses_a_malformed_pair(bad):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="--pair"):
        call_command("export_meetings", "--pair", bad, stdout=io.StringIO())
