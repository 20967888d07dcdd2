"""resolve_article on stored extraction results: people, agreements, task settings."""

from __future__ import annotations

import datetime

import pytest

from agreements.models import Agreement
from articles import tasks
from articles.models import Article
from articles.resolve import resolve_article
from tracker.models import Person

pytestmark = pytest.mark.django_db

WHEN = datetime.datetime(2025, 8, 29, 10, tzinfo=datetime.UTC)


def facts(participants, agreements=(), people=()) -> dict:
    return {
        "pair": ["IN", "JP"],
        "countries": ["IN", "JP"],
        "topics": ["investment"],
        "people": list(people),
        "meetings": [{"pair": ["IN", "JP"], "date": "2025-08-29", "place": "टोक्यो",
                      "participants": participants, "kind": "summit", "evidence": "बैठक हुई।"}],
        "agreements": list(agreements),
    }  # fmt: skip


def article(n: int, extraction: dict) -> Article:
    url = f"https://news.example/{n}"
    return Article.objects.create(canonical_url=url, url=url, published_at=WHEN,
                                  status="processed", extraction=extraction)  # fmt: skip


PLEDGE = {"title": "जापान 10 ट्रिलियन येन का निवेश करेगा", "topic": "investment",
          "kind": "investment-pledge", "amount": 1e13, "currency": "JPY",
          "evidence": "जापान अगले 10 सालों में भारत में 10 ट्रिलियन येन का निवेश करेगा।"}  # fmt: skip


def test_a_minister_not_in_the_dictionary_is_proposed_unreviewed():
    newcomer = {"name": "केंजी तानाका", "name_en": None, "country": "JP", "role": "minister"}
    resolve_article(article(1, facts(["नरेंद्र मोदी", "केंजी तानाका"], people=[newcomer])))
    proposed = Person.objects.get(name_hi="केंजी तानाका")
    assert proposed.reviewed is False and proposed.country_id == "JP"
    assert proposed.slug.isascii() and proposed.slug.startswith("ke")
    assert proposed.roles.get().kind == "minister"
    assert Person.objects.get(name_en="Narendra Modi").reviewed is True


def test_a_proposed_person_is_matched_not_duplicated_by_the_next_article():
    newcomer = {"name": "केंजी तानाका", "name_en": None, "country": "JP", "role": "minister"}
    resolve_article(article(1, facts(["केंजी तानाका"], people=[newcomer])))
    resolve_article(article(2, facts(["केंजी तानाका"], people=[newcomer])))
    assert Person.objects.filter(name_hi="केंजी तानाका").count() == 1


def test_one_agreement_reported_by_several_articles_is_stored_once():
    for n in range(3):
        resolve_article(article(n, facts(["नरेंद्र मोदी"], agreements=[PLEDGE])))
    agreement = Agreement.objects.get()
    assert (agreement.amount, agreement.currency) == (10**13, "JPY")
    assert agreement.kind == "investment-pledge"
    assert agreement.meeting.reports.count() == 3
    assert "ट्रिलियन येन" in agreement.evidence and agreement.evidence_article is not None


def test_a_reviewed_agreement_is_never_duplicated_or_changed():
    resolve_article(article(1, facts(["नरेंद्र मोदी"], agreements=[PLEDGE])))
    Agreement.objects.update(reviewed=True, title_en="Japan's 10 trillion yen pledge")
    resolve_article(article(2, facts(["नरेंद्र मोदी"], agreements=[PLEDGE])))
    assert Agreement.objects.get().title_en == "Japan's 10 trillion yen pledge"


def test_every_pipeline_task_has_time_limits_and_late_acks():
    for task in (tasks.poll_source, tasks.fetch_article, tasks.process_article):
        assert task.soft_time_limit and task.time_limit > task.soft_time_limit
        assert task.acks_late and task.reject_on_worker_lost
