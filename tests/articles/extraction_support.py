"""Gazetteers for the extraction tests: the reference fixtures (built once per session)
and a small hand-made one for unit tests that should not depend on the fixtures."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from articles.extract import Extraction, extract_facts
from articles.gazetteer import Gazetteer, build_gazetteer, load_gazetteer_from_files

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests/data/extraction/gold.json"
PAGES = ROOT / "tests/data/extraction/pages"

COUNTRIES = [
    {"code": "IN", "name_en": "India", "name_hi": "भारत", "aliases_hi": ["भारतीय"],
     "aliases_en": ["Indian"]},
    {"code": "JP", "name_en": "Japan", "name_hi": "जापान", "aliases_hi": ["जापानी"],
     "aliases_en": ["Japanese"]},
    {"code": "RU", "name_en": "Russia", "name_hi": "रूस", "aliases_hi": ["रूसी"]},
    {"code": "CN", "name_en": "China", "name_hi": "चीन", "aliases_hi": [],
     "ambiguous_hi": ["चीनी"]},
    {"code": "IR", "name_en": "Iran", "name_hi": "ईरान", "aliases_hi": ["ईरानी"]},
    {"code": "PK", "name_en": "Pakistan", "name_hi": "पाकिस्तान", "aliases_hi": ["पाकिस्तानी"]},
    {"code": "AU", "name_en": "Australia", "name_hi": "ऑस्ट्रेलिया",
     "aliases_hi": ["ऑस्ट्रेलियाई"]},
]  # fmt: skip
PEOPLE = [
    {"slug": "rajnath-singh", "name_hi": "राजनाथ सिंह", "name_en": "Rajnath Singh",
     "country": "IN", "aliases": ["Rajnath Singh", "राजनाथ"],
     "roles": [{"kind": "defence-minister", "country": "IN", "start": "2019-05-31", "end": None}]},
    {"slug": "s-jaishankar", "name_hi": "एस. जयशंकर", "name_en": "S. Jaishankar",
     "country": "IN", "aliases": ["जयशंकर"],
     "roles": [{"kind": "foreign-minister", "country": "IN", "start": "2019-05-30", "end": None}]},
]  # fmt: skip
TOPICS = [
    {"slug": "defence", "name_en": "Defence", "name_hi": "रक्षा",
     "keywords_hi": [["रक्षा", 2], ["रक्षा सहयोग", 3]], "keywords_en": ["defence"]},
    {"slug": "cyber-security", "name_en": "Cyber security", "name_hi": "साइबर सुरक्षा",
     "keywords_hi": [["साइबर सुरक्षा", 3]], "keywords_en": [["cyber security", 3]]},
    {"slug": "trade", "name_en": "Trade", "name_hi": "व्यापार",
     "keywords_hi": [["व्यापार", 2], "निर्यात"], "keywords_en": []},
    {"slug": "investment", "name_en": "Investment", "name_hi": "निवेश",
     "keywords_hi": [["निवेश", 2]], "keywords_en": []},
]  # fmt: skip


@cache
def small_gazetteer() -> Gazetteer:
    return build_gazetteer(COUNTRIES, PEOPLE, TOPICS)


@cache
def reference_gazetteer() -> Gazetteer:
    return load_gazetteer_from_files(ROOT / "fixtures/reference")


def run(body: str, title: str = "", published: date | None = None, gazetteer=None) -> Extraction:
    return extract_facts(
        body, title=title, published=published, gazetteer=gazetteer or small_gazetteer()
    )
