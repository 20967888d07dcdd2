"""Hindi article text to facts, each with the sentence and offsets it came from.

`extract_facts(text, title=..., published=..., gazetteer=...)` is a pure function: no
database, no network, deterministic, and it never raises on any Unicode input. The
steps, one module each: normalise, sentences, countries, people, meetings (with dates and
places), topics, agreements (with amounts).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import date, datetime
from typing import TYPE_CHECKING

from articles.extract.agreements import find_agreements
from articles.extract.countries import find_country_mentions, rank_countries
from articles.extract.facts import (
    AgreementFact,
    CountryFact,
    Evidence,
    Extraction,
    MeetingFact,
    PersonFact,
    TopicFact,
)
from articles.extract.meetings import SentenceFacts, find_meetings
from articles.extract.normalise import canonical_text, normalise_body
from articles.extract.people import find_people
from articles.extract.sentences import Document
from articles.extract.topics import find_topics

if TYPE_CHECKING:
    from articles.gazetteer import Gazetteer

__all__ = [
    "AgreementFact", "CountryFact", "Evidence", "Extraction", "MeetingFact", "PersonFact",
    "TopicFact", "extract_facts",
]  # fmt: skip

logger = logging.getLogger(__name__)
MAX_CHARS = 200_000  # longer "articles" are dumps; the tail adds nothing but time


def extract_facts(
    text: str, *, title: str = "", published: date | None = None, gazetteer: Gazetteer
) -> Extraction:
    """Every fact in one article. `text` is the body; offsets index the normalised body."""
    if isinstance(published, datetime):
        published = published.date()
    title = " ".join(canonical_text(title or "").split())
    body = normalise_body((text or "")[:MAX_CHARS])
    try:
        return _extract(title, body, published, gazetteer)
    except Exception:  # a bug on one odd page must not stop the pipeline
        logger.exception("Extraction failed; returning the text without facts.")
        return Extraction(title=title, body=body, published=published)


def _extract(title: str, body: str, published: date | None, gazetteer: Gazetteer) -> Extraction:
    doc = Document(title, body)
    country_mentions = find_country_mentions(doc, gazetteer)
    people = find_people(doc, gazetteer, country_mentions, published)
    by_sentence: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for m in country_mentions:
        by_sentence[m.sentence]["countries"].append(m.code)
    for p in people.mentions:
        if p.key not in by_sentence[p.sentence]["people"]:
            by_sentence[p.sentence]["people"].append(p.key)
    for r in people.roles:
        by_sentence[r.sentence]["roles"].append(r.kind)
    facts = {
        i: SentenceFacts(tuple(v["people"]), tuple(v["countries"]), tuple(v["roles"]))
        for i, v in by_sentence.items()
    }
    person_by_key = dict(zip(people.keys, people.people, strict=True))
    meetings, meeting_sentences = find_meetings(doc, facts, person_by_key, published)
    countries = rank_countries(doc, country_mentions, meeting_sentences)
    agreements = find_agreements(doc, gazetteer)
    pledges = sum(1 for a in agreements if a.kind == "investment-pledge")
    return Extraction(
        title=title,
        body=body,
        published=published,
        countries=tuple(countries),
        pair=meetings[0].pair if meetings else None,
        people=people.people,
        topics=tuple(find_topics(doc, gazetteer, {"investment": 2.0 * min(pledges, 1)})),
        meetings=tuple(meetings),
        agreements=tuple(agreements),
    )
