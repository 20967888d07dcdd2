"""Reference data: ISO countries named by babel and pycountry, curated aliases, topics, people."""

from __future__ import annotations

import datetime
import gettext
import io
import re

import pycountry
import pytest
from babel import Locale
from django.core.management import call_command
from django.utils import timezone

from tracker.models import Country, Person, Role, Topic
from tracker.models.meetings import TOPIC_SLUGS
from tracker.models.people import RoleKind
from tracker.reference import (
    ambiguous_country_names,
    country_alias_lists,
    iso_countries,
    load_country_aliases,
    read_fixture,
)
from tracker.reference_data import load_reference_data
from tracker.text import normalise_for_match

DEVANAGARI = re.compile("[\u0900-\u097f]")

# The demonyms and press spellings the extractor must find, by country.
EXPECTED_ALIASES = {
    "IN": ["भारतीय", "हिंदुस्तान", "हिन्दुस्तान", "हिंदुस्तानी"],
    "JP": ["जापानी"],
    "RU": ["रूसी"],
    "CN": ["चीनी"],
    "PK": ["पाकिस्तानी"],
    "US": ["अमेरिका", "अमरीका", "अमेरिकी", "अमरीकी"],
    "GB": ["ब्रिटेन", "ब्रितानी", "यूके"],
    "FR": ["फ्रांस", "फ्रांसीसी"],
    "DE": ["जर्मनी", "जर्मन"],
    "BD": ["बांग्लादेशी"],
    "NP": ["नेपाली"],
    "LK": ["श्रीलंकाई"],
    "AU": ["ऑस्ट्रेलिया", "आस्ट्रेलिया", "ऑस्ट्रेलियाई"],
    "IL": ["इस्राईल", "इज़राइल", "इजरायल", "इजराइल", "इज़रायली", "इस्राईली"],
    "AE": ["यूएई", "संयुक्त अरब अमीरात"],
    "SA": ["सऊदी अरब", "सऊदी"],
    "KR": ["दक्षिण कोरिया"],
}


def folded_names(country: Country) -> set[str]:
    names = [country.name_hi, *country.aliases_hi]
    return {normalise_for_match(name) for name in names}


def pycountry_hindi_names() -> dict[str, str]:
    catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["hi"])
    return {c.alpha_2: catalogue.gettext(c.name) for c in pycountry.countries}


def matches(text: str, keywords: list) -> bool:
    folded = normalise_for_match(text)
    phrases = [entry if isinstance(entry, str) else entry[0] for entry in keywords]
    return any(normalise_for_match(phrase) in folded for phrase in phrases)


def test_reference_lists_every_pycountry_code_exactly_once():
    codes = [record.code for record in iso_countries()]

    assert sorted(codes) == sorted(c.alpha_2 for c in pycountry.countries)
    assert len(codes) == len(set(codes)) == 249


def test_english_names_are_the_short_common_ones():
    names = {record.code: record.name_en for record in iso_countries()}

    assert names["RU"] == "Russia"
    assert names["KR"] == "South Korea"
    assert names["IR"] == "Iran"
    assert names["VN"] == "Vietnam"
    assert names["US"] == "United States"
    assert names["GB"] == "United Kingdom"


def test_hindi_display_name_is_cldrs_and_pycountrys_name_is_matched_too():
    cldr = Locale("hi").territories
    records = {record.code: record for record in iso_countries()}

    assert records["RU"].name_hi == cldr["RU"] == "रूस"
    assert "रूसी संघ" in records["RU"].match_names_hi
    # The normalised form drops the nukta: क़तर is also matched as कतर.
    assert {"क़तर", "कतर"} <= set(records["QA"].match_names_hi)


def test_no_name_or_alias_belongs_to_two_countries():
    curated = load_country_aliases()
    owners: dict[str, set[str]] = {}
    for record in iso_countries():
        aliases_hi, aliases_en = country_alias_lists(record, curated.get(record.code))
        for name in [record.name_hi, record.name_en, *aliases_hi, *aliases_en]:
            owners.setdefault(normalise_for_match(name), set()).add(record.code)

    assert {name: codes for name, codes in owners.items() if len(codes) > 1} == {}


def test_groupings_that_are_not_countries_are_not_aliases():
    curated = load_country_aliases()
    all_aliases = {
        normalise_for_match(alias)
        for aliases in curated.values()
        for alias in (*aliases.aliases_hi, *aliases.aliases_en)
    }

    for grouping in ["यूरोपीय संघ", "अरब", "हिंद", "पश्चिम", "European Union", "EU"]:
        assert normalise_for_match(grouping) not in all_aliases


def test_ambiguous_names_are_flagged_and_belong_to_their_country():
    curated = load_country_aliases()
    records = {record.code: record for record in iso_countries()}
    ambiguous = ambiguous_country_names()

    assert ambiguous[normalise_for_match("चीनी")] == "CN"
    assert normalise_for_match("ईरानी") in ambiguous
    for code, aliases in curated.items():
        known = {
            normalise_for_match(name)
            for name in (*records[code].match_names_hi, *aliases.aliases_hi, *aliases.aliases_en)
        }
        for name in (*aliases.ambiguous_hi, *aliases.ambiguous_en):
            assert normalise_for_match(name) in known, (code, name)


@pytest.mark.django_db
def test_every_iso_country_is_loaded_with_a_hindi_name_in_devanagari():
    countries = list(Country.objects.all())

    assert len(countries) == 249
    assert all(DEVANAGARI.search(country.name_hi) for country in countries)
    assert all(country.name_en for country in countries)
    assert Country.objects.get(code="JP").name_hi == "जापान"


@pytest.mark.django_db
def test_at_least_forty_countries_have_curated_hindi_aliases_with_their_demonyms():
    curated = load_country_aliases()
    countries = Country.objects.in_bulk()

    assert len(curated) >= 40
    for code, aliases in curated.items():
        assert set(aliases.aliases_hi) <= set(countries[code].aliases_hi) | {
            countries[code].name_hi
        }
    for code, expected in EXPECTED_ALIASES.items():
        names = folded_names(countries[code])
        for alias in expected:
            assert normalise_for_match(alias) in names, (code, alias)


@pytest.mark.django_db
def test_babel_and_pycountry_names_that_differ_are_both_matchable():
    cldr = Locale("hi").territories
    from_pycountry = pycountry_hindi_names()
    countries = Country.objects.in_bulk()
    differing = [code for code in countries if cldr[code] != from_pycountry[code]]

    assert len(differing) > 100
    for code in differing:
        names = folded_names(countries[code])
        assert normalise_for_match(cldr[code]) in names, code
        assert normalise_for_match(from_pycountry[code]) in names, code


@pytest.mark.django_db
def test_fourteen_topics_have_names_and_keywords_in_both_languages():
    topics = list(Topic.objects.all())

    assert sorted(topic.slug for topic in topics) == sorted(TOPIC_SLUGS)
    for topic in topics:
        assert topic.name_en and DEVANAGARI.search(topic.name_hi), topic.slug
        assert topic.keywords_en and topic.keywords_hi, topic.slug
        assert all(DEVANAGARI.search(str(entry)) for entry in topic.keywords_hi), topic.slug


def test_topic_keywords_are_phrases_or_phrases_with_a_weight_from_half_to_three():
    for topic in read_fixture("topics.json"):
        for entry in topic["keywords_hi"] + topic["keywords_en"]:
            if isinstance(entry, str):
                assert entry.strip()
            else:
                phrase, weight = entry
                assert phrase.strip() and 0.5 <= weight <= 3, (topic["slug"], entry)


@pytest.mark.parametrize(
    ("sentence", "slugs"),
    [
        # Seed 001.
        (
            "ये साइबर सुरक्षा, आतंकवाद विरोधी सहयोग, रक्षा उद्योग अनुसंधान और विकास को बढ़ाऊंगा।",
            ["cyber-security", "counter-terrorism", "defence"],
        ),
        ("भारत और जापान के बीच क्रिटिकल मिनरल्स की सप्लाई चेन", ["critical-minerals"]),
        ("एक रेयर अर्थ रिफाइनिंग प्रोजेक्ट में भी सहयोग", ["critical-minerals"]),
        ("ये हैं सेमिकंडकटर चिप और फार्मास्यूटिकल्स।", ["semiconductors", "health"]),
        ("नई दवाओं, वैक्सीन और क्लीनिकल ट्रायल पर", ["health"]),
        ("जापान अगले 10 सालों में भारत में 10 ट्रिलियन येन का निवेश करेगा।", ["investment"]),
        ("हेल्थकेयर को AI टेक्नोलॉजी से जोड़ने के लिए", ["ai", "health"]),
        # Seed 002.
        (
            "व्यापार, निवेश, बुनियादी ढाँचे के सहयोग, प्रौद्योगिकी और सांस्कृतिक आदान-प्रदान",
            ["trade", "investment", "infrastructure", "culture"],
        ),
        # Seeds 003 and 004.
        ("ऑटोमेशन और आर्टिफिशियल इंटेलिजेंस जैसे उन्नत क्षेत्रों में", ["ai"]),
        ("साइबर सुरक्षा और अंतरिक्ष क्षेत्र में भी संयुक्त कार्ययोजना", ["cyber-security", "space"]),
        ("समुद्री सहयोग को नई दिशा देने की आवश्यकता", ["maritime"]),
        ("कृत्रिम बुद्धिमत्ता, साइबर सुरक्षा, हाइपरसोनिक", ["ai", "cyber-security"]),
        ("स्वच्छ ऊर्जा और हरित हाइड्रोजन", ["energy"]),
    ],
)
def test_topic_keywords_catch_the_topics_of_seed_sentences(sentence, slugs):
    topics = {topic["slug"]: topic for topic in read_fixture("topics.json")}

    for slug in slugs:
        topic = topics[slug]
        assert matches(sentence, topic["keywords_hi"] + topic["keywords_en"]), slug


@pytest.mark.django_db
def test_seed_people_are_loaded_with_the_roles_they_held_on_the_day():
    people = Person.objects.prefetch_related("roles").in_bulk(field_name="slug")
    may_2025 = datetime.date(2025, 5, 5)

    rajnath = people["rajnath-singh"]
    assert rajnath.name_hi == "राजनाथ सिंह" and rajnath.country_id == "IN"
    assert "श्री राजनाथ सिंह" in rajnath.aliases and rajnath.reviewed
    assert rajnath.role_on(may_2025).kind == RoleKind.DEFENCE_MINISTER
    assert rajnath.role_on(datetime.date(2016, 1, 1)).kind == RoleKind.HOME_MINISTER
    assert people["gen-nakatani"].role_on(may_2025).country_id == "JP"
    assert people["gen-nakatani"].role_on(datetime.date(2025, 12, 1)) is None
    assert people["andrey-belousov"].role_on(may_2025).kind == RoleKind.DEFENCE_MINISTER
    assert people["vikram-misri"].role_on(may_2025).kind == RoleKind.FOREIGN_SECRETARY
    assert people["s-jaishankar"].role_on(may_2025).kind == RoleKind.FOREIGN_MINISTER
    assert people["narendra-modi"].role_on(may_2025).kind == RoleKind.PRIME_MINISTER
    assert people["fumio-kishida"].role_on(datetime.date(2022, 3, 19)).kind == (
        RoleKind.PRIME_MINISTER
    )
    assert people["vladimir-putin"].role_on(may_2025).kind == RoleKind.HEAD_OF_STATE
    for slug in ["takehiro-funakoshi", "randhir-jaiswal", "sergey-lavrov"]:
        assert people[slug].roles.exists(), slug
    assert "आंद्रेई बेलोउसोव" in people["andrey-belousov"].aliases
    assert "सर्गेई लावरोफ़" in people["sergey-lavrov"].aliases


def test_curated_roles_have_known_kinds_and_real_date_ranges():
    codes = {record.code for record in iso_countries()}
    today = timezone.localdate()

    for person in read_fixture("people.json"):
        assert person["slug"] == person["name_en"].lower().replace(". ", "-").replace(" ", "-")
        assert person["country"] in codes
        for role in person["roles"]:
            assert role["kind"] in RoleKind.values
            assert role["country"] in codes
            start, end = (
                datetime.date.fromisoformat(role[key]) if role[key] else None
                for key in ("start", "end")
            )
            assert start is None or datetime.date(1990, 1, 1) <= start <= today
            assert end is None or end <= today
            assert not (start and end) or start <= end, (person["slug"], role)


@pytest.mark.django_db
def test_loading_twice_from_scratch_creates_everything_once_and_then_changes_nothing():
    Role.objects.all().delete()
    Person.objects.all().delete()
    Topic.objects.all().delete()
    Country.objects.all().delete()

    first = load_reference_data()
    role_ids = sorted(Role.objects.values_list("pk", flat=True))
    second = load_reference_data()

    assert first["countries_created"] == 249 and first["topics_created"] == 14
    assert first["people_created"] == first["people"] == Person.objects.count()
    assert second == first | {
        "countries_created": 0,
        "topics_created": 0,
        "people_created": 0,
        "roles_replaced": 0,
    }
    assert second["countries_updated"] == second["topics_updated"] == 0
    assert second["people_updated"] == 0
    assert sorted(Role.objects.values_list("pk", flat=True)) == role_ids
    assert Role.objects.count() == first["roles"]


@pytest.mark.django_db
def test_the_command_run_twice_prints_counts_and_leaves_counts_unchanged():
    out = io.StringIO()
    call_command("load_reference_data", stdout=out)
    counts = (Country.objects.count(), Topic.objects.count(), Person.objects.count())
    role_count = Role.objects.count()
    call_command("load_reference_data", stdout=out)

    assert (Country.objects.count(), Topic.objects.count(), Person.objects.count()) == counts
    assert Role.objects.count() == role_count
    assert "countries: 249" in out.getvalue()
    assert "countries_created: 0" in out.getvalue()


@pytest.mark.django_db
def test_aliases_and_keywords_staff_added_survive_a_reload():
    india = Country.objects.get(code="IN")
    india.aliases_hi = ["भारतदेश"]
    india.save()
    rajnath = Person.objects.get(slug="rajnath-singh")
    rajnath.aliases = [*rajnath.aliases, "रक्षा मंत्री राजनाथ"]
    rajnath.save()
    trade = Topic.objects.get(slug="trade")
    trade.keywords_hi = [["व्यापार", 0.5], "व्यापार वार्ता"]
    trade.save()

    load_reference_data()

    india.refresh_from_db()
    rajnath.refresh_from_db()
    trade.refresh_from_db()
    assert india.aliases_hi[0] == "भारतदेश" and "भारतीय" in india.aliases_hi
    assert {"रक्षा मंत्री राजनाथ", "श्री राजनाथ सिंह"} <= set(rajnath.aliases)
    assert trade.keywords_hi[:2] == [["व्यापार", 0.5], "व्यापार वार्ता"]
    assert ["मुक्त व्यापार", 3] in trade.keywords_hi


@pytest.mark.django_db
def test_stored_roles_that_differ_from_the_file_are_replaced_by_the_files_roles():
    rajnath = Person.objects.get(slug="rajnath-singh")
    rajnath.roles.filter(kind=RoleKind.HOME_MINISTER).delete()
    Role.objects.create(person=rajnath, kind=RoleKind.MINISTER, country_id="IN")
    untouched = set(Person.objects.get(slug="vikram-misri").roles.values_list("pk", flat=True))

    counts = load_reference_data()

    assert counts["roles_replaced"] == 1
    assert sorted(rajnath.roles.values_list("kind", flat=True)) == [
        RoleKind.DEFENCE_MINISTER,
        RoleKind.HOME_MINISTER,
    ]
    assert set(Person.objects.get(slug="vikram-misri").roles.values_list("pk", flat=True)) == (
        untouched
    )
