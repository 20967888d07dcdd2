"""Writes the reference data (countries, topics, people and their roles) to the database.

`load_reference_data()` is idempotent: a second run changes no row and creates none.
It merges rather than overwrites what staff may have edited: country aliases, person
aliases and topic keywords keep every entry already stored and gain the curated ones
they lack (a keyword staff re-weighted keeps the staff weight). Names come from the
libraries and the curated files each time. A curated person's roles are the file's
roles: when they differ from the stored ones, that person's roles are replaced.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any, TextIO

from django.db import transaction

from tracker.models import Country, Person, Role, Topic
from tracker.models.meetings import TOPIC_SLUGS
from tracker.models.people import RoleKind
from tracker.reference import (
    country_alias_lists,
    iso_countries,
    load_country_aliases,
    read_fixture,
    unique,
)
from tracker.text import normalise_text


def load_reference_data(stdout: TextIO | None = None) -> dict[str, int]:
    """Load everything in one transaction; return counts of rows in the files and changed.

    Keys: `countries`, `topics`, `people`, `roles` (rows the reference data holds),
    `<kind>_created` and `<kind>_updated` (rows written by this run), `roles_replaced`
    (people whose roles this run rewrote; 0 on a second run).
    """
    with transaction.atomic():
        counts = load_countries()
        counts |= load_topics()
        counts |= load_people()
    if stdout is not None:
        for key, value in counts.items():
            stdout.write(f"{key}: {value}\n")
    return counts


def merge_list(stored: list[Any], curated: Iterable[Any]) -> list[Any]:
    """The stored list followed by the curated items it lacks, so nothing staff added is lost."""
    return stored + [item for item in unique(curated) if item not in stored]


def merge_keywords(stored: list[Any], curated: list[Any]) -> list[Any]:
    """Keywords merged by phrase: a stored entry wins over a curated one for the same phrase."""
    phrases = {_phrase(entry) for entry in stored}
    merged = list(stored)
    for entry in curated:
        if _phrase(entry) not in phrases:
            phrases.add(_phrase(entry))
            merged.append(entry)
    return merged


def _phrase(entry: Any) -> str:
    return entry if isinstance(entry, str) else entry[0]


def _apply(obj: Any, values: dict[str, Any]) -> bool:
    """Set the fields that differ; whether any did."""
    changed = False
    for field, value in values.items():
        if getattr(obj, field) != value:
            setattr(obj, field, value)
            changed = True
    return changed


def load_countries() -> dict[str, int]:
    """Every ISO country, names from the libraries, aliases merged with the curated ones."""
    records = iso_countries()
    curated = load_country_aliases()
    unknown = set(curated) - {record.code for record in records}
    if unknown:
        raise ValueError(f"country_aliases.json names unknown ISO codes: {sorted(unknown)}")
    stored = Country.objects.in_bulk()
    to_create, to_update = [], []
    for record in records:
        aliases_hi, aliases_en = country_alias_lists(record, curated.get(record.code))
        country = stored.get(record.code)
        if country is None:
            to_create.append(
                Country(
                    code=record.code,
                    name_en=record.name_en,
                    name_hi=record.name_hi,
                    aliases_hi=aliases_hi,
                    aliases_en=aliases_en,
                )
            )
            continue
        values = {
            "name_en": record.name_en,
            "name_hi": record.name_hi,
            "aliases_hi": merge_list(country.aliases_hi or [], aliases_hi),
            "aliases_en": merge_list(country.aliases_en or [], aliases_en),
        }
        if _apply(country, values):
            to_update.append(country)
    Country.objects.bulk_create(to_create)
    Country.objects.bulk_update(to_update, ["name_en", "name_hi", "aliases_hi", "aliases_en"])
    return {
        "countries": len(records),
        "countries_created": len(to_create),
        "countries_updated": len(to_update),
    }


def load_topics() -> dict[str, int]:
    """The fixed topics; keywords merged by phrase with what staff stored."""
    entries = read_fixture("topics.json")
    slugs = [entry["slug"] for entry in entries]
    if sorted(slugs) != sorted(TOPIC_SLUGS):
        raise ValueError(f"topics.json must hold exactly the slugs {TOPIC_SLUGS}, got {slugs}")
    stored = Topic.objects.in_bulk(slugs, field_name="slug")
    to_create, to_update = [], []
    for entry in entries:
        names = {key: normalise_text(entry[key]) for key in ("name_en", "name_hi")}
        keywords = {key: _clean_keywords(entry[key]) for key in ("keywords_hi", "keywords_en")}
        topic = stored.get(entry["slug"])
        if topic is None:
            to_create.append(Topic(slug=entry["slug"], **names, **keywords))
            continue
        values = names | {
            key: merge_keywords(getattr(topic, key) or [], curated)
            for key, curated in keywords.items()
        }
        if _apply(topic, values):
            to_update.append(topic)
    Topic.objects.bulk_create(to_create)
    Topic.objects.bulk_update(to_update, ["name_en", "name_hi", "keywords_hi", "keywords_en"])
    return {
        "topics": len(entries),
        "topics_created": len(to_create),
        "topics_updated": len(to_update),
    }


def _clean_keywords(entries: list[Any]) -> list[Any]:
    cleaned = []
    for entry in entries:
        if isinstance(entry, str):
            cleaned.append(normalise_text(entry))
            continue
        phrase, weight = entry
        if not 0.5 <= weight <= 3:
            raise ValueError(f"Keyword {phrase!r} has weight {weight}, outside 0.5 to 3.")
        cleaned.append([normalise_text(phrase), weight])
    return cleaned


def load_people() -> dict[str, int]:
    """The curated people (reviewed), aliases merged, roles as in the file."""
    entries = read_fixture("people.json")
    slugs = [entry["slug"] for entry in entries]
    stored = Person.objects.in_bulk(slugs, field_name="slug")
    created = updated = 0
    for entry in entries:
        values = {
            "name_hi": normalise_text(entry["name_hi"]),
            "name_en": entry["name_en"],
            "country_id": entry["country"],
            "reviewed": True,
        }
        aliases = [normalise_text(alias) for alias in entry.get("aliases", [])]
        person = stored.get(entry["slug"])
        if person is None:
            # Few rows, and roles need the primary key: one save each is fine here.
            stored[entry["slug"]] = Person.objects.create(
                slug=entry["slug"], aliases=unique(aliases), **values
            )
            created += 1
        elif _apply(person, values | {"aliases": merge_list(person.aliases or [], aliases)}):
            person.save()
            updated += 1
    roles, replaced = _replace_roles(entries, stored)
    return {
        "people": len(entries),
        "people_created": created,
        "people_updated": updated,
        "roles": roles,
        "roles_replaced": replaced,
    }


_ROLE_FIELDS = ("kind", "country_id", "title_hi", "title_en", "start", "end")


def _replace_roles(entries: list[dict[str, Any]], people: dict[str, Person]) -> tuple[int, int]:
    """Replace the roles of each person whose stored roles differ from the file's.

    Roles have no natural key, so they are compared as a whole, ordered by start date:
    an unchanged person keeps its role rows (and their ids).
    """
    wanted = {entry["slug"]: _role_rows(entry) for entry in entries}
    stored: dict[int, list[tuple[Any, ...]]] = {person.pk: [] for person in people.values()}
    for role in Role.objects.filter(person__in=people.values()).order_by("pk"):
        stored[role.person_id].append(tuple(getattr(role, f) for f in _ROLE_FIELDS))
    stale = [
        people[slug]
        for slug, rows in wanted.items()
        if sorted(stored[people[slug].pk], key=_role_key) != sorted(rows, key=_role_key)
    ]
    Role.objects.filter(person__in=stale).delete()
    Role.objects.bulk_create(
        Role(person=person, **dict(zip(_ROLE_FIELDS, row, strict=True)))
        for person in stale
        for row in sorted(wanted[person.slug], key=_role_key)
    )
    return sum(len(rows) for rows in wanted.values()), len(stale)


def _role_key(row: tuple[Any, ...]) -> tuple[Any, ...]:
    # None sorts after any value; str() makes dates and text comparable.
    return tuple((value is None, "" if value is None else str(value)) for value in row)


def _role_rows(entry: dict[str, Any]) -> list[tuple[Any, ...]]:
    rows = []
    for role in entry.get("roles", []):
        if role["kind"] not in RoleKind.values:
            raise ValueError(f"{entry['slug']}: unknown role kind {role['kind']!r}")
        start, end = (_date(role.get(key)) for key in ("start", "end"))
        if start and end and end < start:
            raise ValueError(f"{entry['slug']}: role {role['kind']} ends before it starts")
        rows.append(
            (
                role["kind"],
                role["country"],
                normalise_text(role.get("title_hi", "")),
                role.get("title_en", ""),
                start,
                end,
            )
        )
    return rows


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None
