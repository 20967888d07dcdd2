"""Reference data computed from libraries and the curated files in `fixtures/reference/`.

Pure functions: no database, no Django settings, no network. `iso_countries()` derives
every ISO 3166-1 country's names from pycountry and babel (CLDR) instead of typing them:
the two libraries disagree on the Hindi name of 111 of 249 countries (nukta, spacing,
official vs short names), so CLDR's name is the one displayed and both are matched,
each also in its folded form (`tracker.text.normalise_for_match`).

The hand-curated files add what no library knows: Hindi demonyms, inflected forms and
press spellings (`country_aliases.json`), topic keywords (`topics.json`) and the people
the seeds name (`people.json`). `tracker.reference_data` writes all of it to the database.
"""

from __future__ import annotations

import gettext
import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
from babel import Locale

from tracker.text import normalise_for_match, normalise_text

FIXTURES_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "reference"

_DEVANAGARI = re.compile("[\u0900-\u097f]")
_PARENTHESISED = re.compile(r"\s*\([^)]*\)")
# CLDR's English names are sometimes a disambiguating display form ("Congo - Kinshasa",
# "Hong Kong SAR China", "Bosnia & Herzegovina") and pycountry's an inverted official
# form ("Korea, Republic of"); a name with any of these marks is used only as a last resort.
_UNWIEDLY_EN = ("(", ",", " - ", " SAR", "&", "St. ")


@dataclass(frozen=True)
class CountryRecord:
    """One ISO 3166-1 country as the libraries name it.

    `match_names_hi` holds every distinct Hindi name from both libraries plus its
    normalised form; `match_names_en` every English name either library gives.
    """

    code: str
    name_en: str
    name_hi: str
    match_names_hi: tuple[str, ...]
    match_names_en: tuple[str, ...]


@dataclass(frozen=True)
class CountryAliases:
    """The curated aliases of one country; `ambiguous_hi` are also ordinary Hindi words."""

    aliases_hi: tuple[str, ...]
    aliases_en: tuple[str, ...]
    ambiguous_hi: tuple[str, ...] = ()
    ambiguous_en: tuple[str, ...] = ()


def unique(items: Any) -> list[str]:
    """Non-empty strings in first-seen order, without repeats."""
    return [item for item in dict.fromkeys(items) if item]


def _is_hindi(name: str) -> bool:
    # gettext returns the English msgid when the Hindi catalogue lacks a name.
    return bool(_DEVANAGARI.search(name))


def _english_name(country: Any, cldr_en: str | None) -> str:
    """The short common English name: "Russia", not "Russian Federation"."""
    candidates = unique([getattr(country, "common_name", None), cldr_en, country.name])
    plain = [name for name in candidates if not any(mark in name for mark in _UNWIEDLY_EN)]
    if plain:
        # min() keeps the first of equally short names, so common_name wins ties.
        return min(plain, key=len)
    return cldr_en or country.name


def _hindi_variants(names: list[str]) -> list[str]:
    """Each name, its form without a parenthesised note, and the normalised forms."""
    variants: list[str] = []
    for name in names:
        name = normalise_text(name).strip()
        # "म्यांमार (बर्मा)", "हाँग काँग (चीन विशेष प्रशासनिक क्षेत्र)": a reader writes
        # the part outside the brackets.
        bare = _PARENTHESISED.sub("", name).strip()
        variants += [name, bare]
    return unique(variants + [normalise_for_match(name) for name in variants])


def iso_countries() -> list[CountryRecord]:
    """Every ISO 3166-1 country (pycountry's 249), ordered by code."""
    return list(_iso_countries())


@cache
def _iso_countries() -> tuple[CountryRecord, ...]:
    # Cached: building the records reads two CLDR locales and a gettext catalogue.
    cldr_hi = Locale("hi").territories
    cldr_en = Locale("en").territories
    catalogue = gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=["hi"], fallback=True
    )
    owners: Counter[str]
    records, owners = [], Counter()
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = country.alpha_2
        english = unique(
            getattr(country, attr, None) for attr in ("common_name", "name", "official_name")
        )
        from_pycountry = [catalogue.gettext(name) for name in english]
        from_pycountry = [name for name in from_pycountry if _is_hindi(name)]
        cldr_name = cldr_hi.get(code)
        name_hi = normalise_text(cldr_name or from_pycountry[0]).strip()
        names_hi = _hindi_variants(unique([name_hi, *from_pycountry]))
        owners.update(names_hi)
        records.append(
            CountryRecord(
                code=code,
                name_en=_english_name(country, cldr_en.get(code)),
                name_hi=name_hi,
                match_names_hi=tuple(names_hi),
                match_names_en=tuple(unique([*english, cldr_en.get(code)])),
            )
        )
    # A name stripped of its brackets can belong to two countries ("सेंट मार्टिन" is
    # both the French and the Dutch part): such a name identifies neither.
    return tuple(
        replace(
            record,
            match_names_hi=tuple(
                name
                for name in record.match_names_hi
                if owners[name] == 1 or name == record.name_hi
            ),
        )
        for record in records
    )


def read_fixture(name: str) -> Any:
    """The parsed JSON of one file in `fixtures/reference/`."""
    with open(FIXTURES_DIR / name, encoding="utf-8") as handle:
        return json.load(handle)


def load_country_aliases(data: dict[str, Any] | None = None) -> dict[str, CountryAliases]:
    """The curated aliases by ISO code, text in NFC; keys other than the lists are notes."""
    data = read_fixture("country_aliases.json") if data is None else data
    result = {}
    for code, entry in data.items():
        if code.startswith("_"):
            continue

        def texts(key: str, entry: dict[str, Any] = entry) -> tuple[str, ...]:
            return tuple(unique(normalise_text(s).strip() for s in entry.get(key, [])))

        result[code] = CountryAliases(
            aliases_hi=texts("aliases_hi"),
            aliases_en=texts("aliases_en"),
            ambiguous_hi=texts("ambiguous_hi"),
            ambiguous_en=texts("ambiguous_en"),
        )
    return result


def ambiguous_country_names() -> dict[str, str]:
    """Folded names that are also ordinary words ("चीनी" is sugar), mapped to their code.

    The model has no field for this yet, so the extractor reads it from the curated file
    to down-weight a match on one of these names.
    """
    result = {}
    for code, aliases in load_country_aliases().items():
        for name in (*aliases.ambiguous_hi, *aliases.ambiguous_en):
            result[normalise_for_match(name)] = code
    return result


def country_alias_lists(
    record: CountryRecord, curated: CountryAliases | None
) -> tuple[list[str], list[str]]:
    """The Hindi and English aliases of a country, display names left out.

    Hindi: the other library's names, the normalised forms and the curated aliases (also
    normalised); English: the libraries' other names and the curated ones.
    """
    curated = curated or CountryAliases((), ())
    hindi = [*record.match_names_hi, *curated.aliases_hi]
    hindi += [normalise_for_match(name) for name in curated.aliases_hi]
    english = [*record.match_names_en, *curated.aliases_en]
    return (
        [name for name in unique(hindi) if name != record.name_hi],
        [name for name in unique(english) if name != record.name_en],
    )
