"""The reference data extraction matches against: countries, people and topic keywords.

`build_gazetteer` turns plain dicts into a frozen `Gazetteer` whose regexes are compiled
once; extraction itself never touches the database. Three ways to get one:

- `build_gazetteer(countries, people, topics)` from plain dicts (tests, scripts);
- `load_gazetteer_from_files(root)` from the reference fixtures plus ISO country names;
- `load_gazetteer()` from the database, cached per process until the data changes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from articles.extract.normalise import compile_alternation, fold_key
from tracker.text import normalise_for_match

logger = logging.getLogger(__name__)

DEFAULT_ROOT = Path("fixtures/reference")
_HONORIFICS = re.compile(r"^(?:श्री|श्रीमती|सुश्री|डॉ\.?|डॉक्टर|mr\.?|mrs\.?|ms\.?|dr\.?)\s+", re.I)


@dataclass(frozen=True)
class CountryInfo:
    code: str
    name_en: str
    name_hi: str


@dataclass(frozen=True)
class RoleInfo:
    kind: str
    country: str | None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class PersonInfo:
    slug: str
    name_hi: str
    name_en: str
    country: str | None
    roles: tuple[RoleInfo, ...] = ()

    def role_on(self, day: str | None) -> RoleInfo | None:
        """The role held on an ISO date (the latest role when the date is unknown)."""
        held = [
            r for r in self.roles
            if day is None or ((r.start or "") <= day and (r.end is None or day <= r.end))
        ]  # fmt: skip
        return max(held, key=lambda r: r.start or "", default=None)


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Compiled reference data. Keys are `fold_key` forms of names and keywords."""

    countries: Mapping[str, CountryInfo]
    country_keys: Mapping[str, tuple[str, bool]]  # key -> (code, ambiguous)
    country_re: re.Pattern[str] | None
    people: Mapping[str, PersonInfo]
    person_keys: Mapping[str, str]  # key -> slug
    person_re: re.Pattern[str] | None
    topic_names: Mapping[str, str]  # slug -> English name
    topic_keys: Mapping[str, tuple[tuple[str, float], ...]]  # key -> ((slug, weight), ...)
    topic_re: re.Pattern[str] | None
    home_country: str = "IN"
    version: str = ""
    name_tokens: frozenset[str] = field(default_factory=frozenset)

    def country_of(self, text: str) -> str | None:
        entry = self.country_keys.get(fold_key(text))
        return entry[0] if entry else None

    def person_of(self, text: str) -> PersonInfo | None:
        slug = self.person_keys.get(fold_key(_HONORIFICS.sub("", text.strip())))
        return self.people.get(slug) if slug else None


def _strings(values: Any) -> list[str]:
    if isinstance(values, str):
        return [values]
    return [v for v in values or () if isinstance(v, str) and v.strip()]


def _demonym_forms(alias: str) -> list[str]:
    """Plural oblique forms Hindi builds from a demonym: भारतीय -> भारतीयों, जापानी -> जापानियों."""
    if alias.endswith("ीय"):
        return [alias + "ों"]
    if alias.endswith("ी") and len(alias) > 2:
        return [alias[:-1] + "ियों"]
    return []


def build_gazetteer(
    countries: Iterable[Mapping[str, Any]],
    people: Iterable[Mapping[str, Any]] = (),
    topics: Iterable[Mapping[str, Any]] = (),
    *,
    home_country: str = "IN",
) -> Gazetteer:
    """Compile plain reference dicts (see the module docstring for their shape)."""
    countries, people, topics = list(countries), list(people), list(topics)
    country_info: dict[str, CountryInfo] = {}
    country_keys: dict[str, tuple[str, bool]] = {}
    patterns: set[str] = set()
    for row in countries:
        code = str(row.get("code") or "").upper()
        if len(code) != 2:
            continue
        country_info[code] = CountryInfo(code, row.get("name_en") or code, row.get("name_hi") or "")
        plain = [row.get("name_en"), row.get("name_hi"), *_strings(row.get("match_names_hi"))]
        plain += _strings(row.get("match_names_en"))
        plain += _strings(row.get("aliases_hi")) + _strings(row.get("aliases_en"))
        plain += [f for a in _strings(row.get("aliases_hi")) for f in _demonym_forms(a)]
        for names, ambiguous in (
            (plain, False),
            (_strings(row.get("ambiguous_hi")) + _strings(row.get("ambiguous_en")), True),
        ):
            for name in names:
                if not name or not name.strip() or len(fold_key(name)) < 2:
                    continue
                key = fold_key(name)
                # A name listed both ways stays unambiguous; a clash keeps the first country.
                if key not in country_keys or (country_keys[key][1] and not ambiguous):
                    country_keys[key] = (code, ambiguous)
                patterns.add(normalise_for_match(name))

    person_info: dict[str, PersonInfo] = {}
    person_keys: dict[str, str] = {}
    person_patterns: set[str] = set()
    tokens: set[str] = set()
    for row in people:
        slug = row.get("slug")
        if not slug:
            continue
        roles = tuple(
            RoleInfo(
                r.get("kind") or "", r.get("country"), _iso(r.get("start")), _iso(r.get("end"))
            )
            for r in row.get("roles") or ()
            if isinstance(r, Mapping)
        )
        person_info[slug] = PersonInfo(
            slug, row.get("name_hi") or "", row.get("name_en") or "", row.get("country"), roles
        )
        for name in [row.get("name_hi"), row.get("name_en"), *_strings(row.get("aliases"))]:
            if not name or len(fold_key(name)) < 3:
                continue
            name = _HONORIFICS.sub("", name.strip())
            person_keys.setdefault(fold_key(name), slug)
            person_patterns.add(normalise_for_match(name))
            tokens.update(normalise_for_match(name).replace(".", " ").split())

    topic_names: dict[str, str] = {}
    topic_keys: dict[str, list[tuple[str, float]]] = {}
    topic_patterns: set[str] = set()
    for row in topics:
        slug = row.get("slug")
        if not slug:
            continue
        topic_names[slug] = row.get("name_en") or slug
        for entry in [*(row.get("keywords_hi") or ()), *(row.get("keywords_en") or ())]:
            phrase, weight = (entry, 1.0) if isinstance(entry, str) else (entry[0], entry[1])
            if not isinstance(phrase, str) or not phrase.strip():
                continue
            key = fold_key(phrase)
            topic_keys.setdefault(key, [])
            if all(s != slug for s, _ in topic_keys[key]):
                topic_keys[key].append((slug, float(weight)))
            topic_patterns.add(normalise_for_match(phrase))

    digest = hashlib.sha256(
        json.dumps([countries, people, topics], sort_keys=True, default=str).encode()
    ).hexdigest()[:16]
    return Gazetteer(
        countries=MappingProxyType(country_info),
        country_keys=MappingProxyType(country_keys),
        country_re=compile_alternation(patterns),
        people=MappingProxyType(person_info),
        person_keys=MappingProxyType(person_keys),
        person_re=compile_alternation(person_patterns),
        topic_names=MappingProxyType(topic_names),
        topic_keys=MappingProxyType({k: tuple(v) for k, v in topic_keys.items()}),
        topic_re=compile_alternation(topic_patterns),
        home_country=home_country,
        version=digest,
        name_tokens=frozenset(tokens),
    )


def _iso(value: Any) -> str | None:
    return str(value)[:10] if value else None


def _read_json(path: Path, default: Any) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        logger.warning("Reference file %s is missing; using none.", path)
    except (OSError, ValueError) as exc:
        logger.warning("Reference file %s is unreadable (%s); using none.", path, exc)
    return default


def _iso_country_rows() -> list[dict[str, Any]]:
    """ISO countries with their Hindi names, from tracker.reference when it is there."""
    try:
        from tracker.reference import iso_countries
    except ImportError:
        return _pycountry_rows()
    rows = []
    for c in iso_countries():
        rows.append({
            "code": c.code, "name_en": c.name_en, "name_hi": c.name_hi,
            "match_names_hi": list(getattr(c, "match_names_hi", ()) or ()),
            "match_names_en": list(getattr(c, "match_names_en", ()) or ()),
        })  # fmt: skip
    return rows


def _pycountry_rows() -> list[dict[str, Any]]:
    """Fallback: English names from pycountry and Hindi ones from babel's CLDR data."""
    import pycountry
    from babel import Locale

    hindi = Locale("hi").territories
    return [
        {"code": c.alpha_2, "name_en": getattr(c, "common_name", c.name),
         "name_hi": hindi.get(c.alpha_2, ""), "aliases_en": [c.name]}
        for c in pycountry.countries
    ]  # fmt: skip


def load_gazetteer_from_files(root: Path | str = DEFAULT_ROOT) -> Gazetteer:
    """ISO country names merged with the alias, people and topic fixtures under `root`."""
    root = Path(root)
    aliases = _read_json(root / "country_aliases.json", {})
    rows = _iso_country_rows()
    for row in rows:
        extra = aliases.get(row["code"], {}) if isinstance(aliases, dict) else {}
        for name in ("aliases_hi", "aliases_en", "ambiguous_hi", "ambiguous_en"):
            row[name] = _strings(row.get(name)) + _strings(extra.get(name))
    return build_gazetteer(
        rows, _read_json(root / "people.json", []), _read_json(root / "topics.json", [])
    )


_CACHE: dict[str, Gazetteer] = {}


def gazetteer_version() -> str:
    """A cheap key that changes whenever reference rows are added, edited or removed."""
    from django.db.models import Count, Max

    from tracker.models import Country, Person, Role, Topic

    parts = [
        Country.objects.aggregate(n=Count("code")),
        Person.objects.aggregate(n=Count("id"), m=Max("id"), t=Max("created_at")),
        Role.objects.aggregate(n=Count("id"), m=Max("id")),
        Topic.objects.aggregate(n=Count("id"), m=Max("id")),
    ]
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()[:16]


def load_gazetteer(*, version: str | None = None) -> Gazetteer:
    """The gazetteer built from the database (read-only), cached per process.

    The cache key is `version` (by default `gazetteer_version()`); callers that edit
    reference rows in place should call `clear_gazetteer_cache()`.
    """
    key = version or gazetteer_version()
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = _build_from_db()
    return _CACHE[key]


def clear_gazetteer_cache() -> None:
    _CACHE.clear()


def _build_from_db() -> Gazetteer:
    from tracker.models import Country, Person, Topic

    countries = list(
        Country.objects.values("code", "name_en", "name_hi", "aliases_hi", "aliases_en")
    )
    people = [
        {"slug": p.slug, "name_hi": p.name_hi, "name_en": p.name_en, "country": p.country_id,
         "aliases": p.aliases,
         "roles": [{"kind": r.kind, "country": r.country_id, "start": r.start, "end": r.end}
                   for r in p.roles.all()]}
        for p in Person.objects.prefetch_related("roles")
    ]  # fmt: skip
    topics = list(Topic.objects.values("slug", "name_en", "name_hi", "keywords_hi", "keywords_en"))
    return build_gazetteer(countries, people, topics)
