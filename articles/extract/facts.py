"""The facts extraction returns, each with its evidence, and their JSON forms.

Offsets are character indices into the normalised title or body (`Evidence.field`) that
the `Extraction` carries, so `body[start:end]` is exactly the evidence sentence.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Evidence:
    """A sentence (start/end) and the words in it (mention_start/mention_end) a fact rests on."""

    field: str
    start: int
    end: int
    text: str
    mention_start: int
    mention_end: int

    def to_json(self) -> dict[str, Any]:
        return {
            "field": self.field, "start": self.start, "end": self.end, "sentence": self.text,
            "mention": [self.mention_start, self.mention_end],
        }  # fmt: skip


@dataclass(frozen=True)
class CountryFact:
    code: str
    salience: float
    mentions: int
    evidence: Evidence


@dataclass(frozen=True)
class PersonFact:
    """A person named in the text; `known` is False for one found only by a role pattern."""

    name: str
    name_en: str | None
    country: str | None
    role: str | None
    known: bool
    slug: str | None
    evidence: Evidence


@dataclass(frozen=True)
class MeetingFact:
    pair: tuple[str, str]
    date: date | None
    date_precision: str
    place: str | None
    participants: tuple[str, ...]
    kind: str | None
    evidence: Evidence
    date_evidence: Evidence | None = None


@dataclass(frozen=True)
class TopicFact:
    slug: str
    score: float
    evidence: Evidence


@dataclass(frozen=True)
class AgreementFact:
    title: str
    topic: str | None
    kind: str | None
    amount: int | float | None
    currency: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Extraction:
    """Everything found in one article. Build it with `extract_facts`."""

    title: str
    body: str
    published: date | None
    countries: tuple[CountryFact, ...] = ()
    pair: tuple[str, str] | None = None
    people: tuple[PersonFact, ...] = ()
    topics: tuple[TopicFact, ...] = ()
    meetings: tuple[MeetingFact, ...] = ()
    agreements: tuple[AgreementFact, ...] = ()

    def to_contract(self, url: str | None = None, body: str | None = None) -> dict[str, Any]:
        """The `extract` JSON of DESIGN.md. `body` defaults to the normalised body."""
        return {
            "url": url,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "body": self.body if body is None else body,
            "countries": [c.code for c in self.countries],
            "pair": list(self.pair) if self.pair else None,
            "people": [
                {"name": p.name, "name_en": p.name_en, "country": p.country, "role": p.role}
                for p in self.people
            ],
            "topics": [t.slug for t in self.topics],
            "meetings": [
                {"pair": list(m.pair), "date": m.date.isoformat() if m.date else None,
                 "place": m.place, "participants": list(m.participants), "kind": m.kind,
                 "evidence": m.evidence.text}
                for m in self.meetings
            ],
            "agreements": [
                {"title": a.title, "topic": a.topic, "kind": a.kind, "amount": a.amount,
                 "currency": a.currency, "evidence": a.evidence.text}
                for a in self.agreements
            ],
        }  # fmt: skip

    def to_evidence_json(self) -> dict[str, Any]:
        """Every fact with its sentence and offsets, for storage on the Article."""
        return {
            "version": 1,
            # Offsets index this exact text; a stored body that differs needs re-extraction.
            "body_sha256": hashlib.sha256(self.body.encode()).hexdigest(),
            "countries": [
                {"code": c.code, "salience": round(c.salience, 3), "mentions": c.mentions,
                 "evidence": c.evidence.to_json()}
                for c in self.countries
            ],
            "people": [
                {"name": p.name, "name_en": p.name_en, "country": p.country, "role": p.role,
                 "known": p.known, "slug": p.slug, "evidence": p.evidence.to_json()}
                for p in self.people
            ],
            "topics": [
                {"slug": t.slug, "score": round(t.score, 3), "evidence": t.evidence.to_json()}
                for t in self.topics
            ],
            "meetings": [
                {"pair": list(m.pair), "date": m.date.isoformat() if m.date else None,
                 "date_precision": m.date_precision, "place": m.place,
                 "participants": list(m.participants), "kind": m.kind,
                 "evidence": m.evidence.to_json(),
                 "date_evidence": m.date_evidence.to_json() if m.date_evidence else None}
                for m in self.meetings
            ],
            "agreements": [
                {"title": a.title, "topic": a.topic, "kind": a.kind, "amount": a.amount,
                 "currency": a.currency, "evidence": a.evidence.to_json()}
                for a in self.agreements
            ],
        }  # fmt: skip
