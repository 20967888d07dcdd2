"""The public pages speak Hindi by default and English under /en/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PO = Path(__file__).resolve().parents[2] / "locale" / "hi" / "LC_MESSAGES" / "django.po"

pytestmark = pytest.mark.django_db


def test_every_message_has_a_hindi_translation():
    entries = re.findall(r'\nmsgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', PO.read_text() + "\n")
    assert len(entries) > 50
    empty = [i for i, s in entries[1:] if s.strip() == '""']
    assert empty == []


def test_the_home_page_is_in_hindi_by_default_and_english_under_en(client):
    hindi = client.get("/").content.decode()
    english = client.get("/en/").content.decode()
    assert 'lang="hi"' in hindi and "ताज़ा बैठकें" in hindi and "Latest meetings" not in hindi
    assert 'lang="en"' in english and "Latest meetings" in english


def test_the_language_switcher_points_at_this_page_in_each_language(client):
    hindi = client.get("/pairs/?page=2").content.decode()
    assert 'hreflang="en" href="/en/pairs/?page=2"' in hindi
    assert 'hreflang="hi" href="/pairs/?page=2"' in hindi
    english = client.get("/en/pairs/").content.decode()
    assert 'name="next" type="hidden" value="/pairs/"' in english


def test_switching_to_hindi_from_an_english_page_lands_on_the_hindi_page(client):
    response = client.post("/i18n/setlang/", {"language": "hi", "next": "/pairs/"})
    assert response.status_code == 302 and response["Location"] == "/pairs/"
    assert "देश-युग्म" in client.get("/pairs/").content.decode()


def test_no_translation_is_left_fuzzy():
    assert "#, fuzzy" not in PO.read_text()
