"""Matching extracted people to Person rows, or proposing new ones for review."""

from __future__ import annotations

from django.db.models import Count, Max
from django.utils.text import slugify
from indic_transliteration import sanscript

from tracker.models import Country, Person, Role
from tracker.models.people import RoleKind
from tracker.text import normalise_for_match


def person_slug(name_en: str | None, name_hi: str) -> str:
    """A Latin slug: from the English name, else a transliteration of the Hindi one
    (slugify alone would drop Devanagari vowel signs)."""
    latin = name_en or sanscript.transliterate(name_hi, sanscript.DEVANAGARI, sanscript.IAST)
    return slugify(latin)[:180] or "person"


def match_person(name: str, name_en: str | None = None) -> Person | None:
    """A known person whose Hindi name, English name or an alias matches."""
    keys = {normalise_for_match(name)} | ({normalise_for_match(name_en)} if name_en else set())
    slug = person_slug(name_en, name) if name_en else None
    if slug and (person := Person.objects.filter(slug=slug).first()):
        return person
    if person := Person.objects.filter(name_hi=name).order_by("-reviewed", "pk").first():
        return person
    for key in keys:
        if pk := dictionary_index().get(key):
            return Person.objects.filter(pk=pk).first()
    return None


_index: tuple[tuple, dict[str, int]] = ((), {})


def dictionary_index() -> dict[str, int]:
    """Normalised name or alias -> pk over the reviewed dictionary, rebuilt when it changes.

    Only reviewed people: their number does not grow with the archive (proposals found in
    articles are matched by their exact name instead).
    """
    global _index
    people = Person.objects.reviewed()
    stamp = tuple(people.aggregate(n=Count("pk"), last=Max("pk"), seen=Max("updated_at")).values())
    if stamp != _index[0]:
        index: dict[str, int] = {}
        for pk, name_hi, name_en, aliases in people.order_by("pk").values_list(
            "pk", "name_hi", "name_en", "aliases"
        ):
            for name in (name_hi, name_en, *aliases):
                if name:
                    index.setdefault(normalise_for_match(name), pk)
        _index = (stamp, index)
    return _index[1]


def find_or_propose_person(info: dict) -> Person | None:
    """The Person for an extracted {"name", "name_en", "country", "role"}.

    Someone not in the dictionary is created unreviewed (a proposal for staff), never
    merged into a known person by a guess.
    """
    name = (info.get("name") or "").strip()
    if not name:
        return None
    person = match_person(name, info.get("name_en"))
    if person is not None:
        return person
    country = Country.objects.filter(pk=info.get("country") or "").first()
    slug = base = person_slug(info.get("name_en"), name)
    n = 1
    while Person.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    person = Person.objects.create(
        name_hi=name[:200],
        name_en=(info.get("name_en") or "")[:200],
        slug=slug,
        country=country,
        reviewed=False,
    )
    role = info.get("role")
    if country is not None and role in RoleKind.values:
        Role.objects.create(person=person, kind=role, country=country)
    return person
