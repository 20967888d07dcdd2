"""Public pages: thin views over named queryset methods."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import CountryPair, Meeting


def home(request: HttpRequest) -> HttpResponse:
    meetings = (
        Meeting.objects.visible()
        .select_related("pair__country_a", "pair__country_b")
        .prefetch_related("participants", "topics")
        .order_by("-date", "-id")[:20]
    )
    return render(request, "tracker/home.html", {"meetings": meetings})


def pair_list(request: HttpRequest) -> HttpResponse:
    pairs = (
        CountryPair.objects.select_related("country_a", "country_b")
        .annotate(n_meetings=Count("meetings", filter=Q(meetings__merged_into__isnull=True)))
        .filter(n_meetings__gt=0)
        .order_by("-n_meetings", "slug")
    )
    return render(request, "tracker/pair_list.html", {"pairs": pairs})


def pair_detail(request: HttpRequest, slug: str) -> HttpResponse:
    pair = get_object_or_404(
        CountryPair.objects.select_related("country_a", "country_b"), slug=slug.lower()
    )
    meetings = Meeting.objects.for_pair(pair)
    return render(request, "tracker/pair_detail.html", {"pair": pair, "meetings": meetings})


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(
        Meeting.objects.select_related("pair__country_a", "pair__country_b").prefetch_related(
            "participants", "topics", "reports__article__source", "agreements"
        ),
        pk=pk,
    )
    return render(request, "tracker/meeting_detail.html", {"meeting": meeting})
