"""The README's first command: the sample sites ingested through the real pipeline."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Source
from tracker.models import Meeting

pytestmark = pytest.mark.django_db


def run_demo() -> str:
    out = io.StringIO()
    call_command("demo", "--no-serve", "--sites-port", "0", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_the_demo_ingests_every_sample_article_into_meetings(settings):
    settings.FETCH_ALLOW_PRIVATE = True
    settings.FETCH_MIN_HOST_INTERVAL = 0
    output = run_demo()
    assert output.count("2 new articles") == 3
    assert Source.objects.filter(last_error_code="").count() == 3
    assert Article.objects.filter(status="processed").count() == 6
    copy = Article.objects.get(duplicate_of__isnull=False)
    assert "samachar-darpan" in copy.canonical_url
    assert "rashtriya-khabar" in copy.duplicate_of.canonical_url
    slugs = sorted(Meeting.objects.visible().values_list("pair__slug", flat=True))
    assert slugs == ["in-jp", "in-jp", "in-jp", "in-jp", "in-ru"]
    may5 = Meeting.objects.get(date="2025-05-05")
    assert {p.name_en for p in may5.participants.all()} == {"Rajnath Singh", "Gen Nakatani"}


def test_the_demo_refuses_to_run_without_the_private_fetch_switch(settings):
    settings.FETCH_ALLOW_PRIVATE = False
    with pytest.raises(CommandError, match="FETCH_ALLOW_PRIVATE=1"):
        run_demo()
