"""Country mentions (names, demonyms, inflections, English names) and their salience.

Words match whole, Devanagari vowel signs included, so "रूस" is not found inside "रूसी"
(the demonym is its own alias) and "ईरान" not inside "वीरान". A name the reference data
marks ambiguous (चीनी is also sugar) counts only when the country is named plainly too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Set
from dataclasses import dataclass
from typing import TYPE_CHECKING

from articles.extract.facts import CountryFact
from articles.extract.normalise import fold_key
from articles.extract.sentences import Document

if TYPE_CHECKING:
    from articles.gazetteer import Gazetteer

# Words after which a country name is not the country: "इंडो-पैसिफिक" needs no rule (no
# alias), but "मेड इन इंडिया" style slogans and "अमेरिकी डॉलर" are about something else.
_NOT_A_COUNTRY_AFTER = ("डॉलर", "dollar")


@dataclass(frozen=True)
class CountryMention:
    code: str
    field: str
    start: int
    end: int
    sentence: int


def find_country_mentions(doc: Document, gazetteer: Gazetteer) -> list[CountryMention]:
    """Every country mention in title and body, in document order."""
    if gazetteer.country_re is None:
        return []
    found: list[tuple[CountryMention, bool]] = []
    for field, text in doc.fields.items():
        for m in gazetteer.country_re.finditer(text):
            entry = gazetteer.country_keys.get(fold_key(m.group()))
            sentence = doc.sentence_at(field, m.start())
            if entry is None or sentence is None:
                continue
            if text[m.end() : m.end() + 8].strip().casefold().startswith(_NOT_A_COUNTRY_AFTER):
                continue
            found.append(
                (CountryMention(entry[0], field, m.start(), m.end(), sentence.index), entry[1])
            )
    plain = {mention.code for mention, ambiguous in found if not ambiguous}
    mentions = [mention for mention, ambiguous in found if not ambiguous or mention.code in plain]
    return sorted(mentions, key=lambda c: (c.sentence, c.start))


def rank_countries(
    doc: Document, mentions: list[CountryMention], meeting_sentences: Set[int] = frozenset()
) -> list[CountryFact]:
    """Countries, most salient first: title, early mentions, frequency, meeting sentences."""
    body_first = next((s.index for s in doc.sentences if s.field == "body"), 0)
    score: dict[str, float] = defaultdict(float)
    count: dict[str, int] = defaultdict(int)
    first: dict[str, CountryMention] = {}
    seen_sentences: set[tuple[str, int]] = set()
    for m in mentions:
        count[m.code] += 1
        first.setdefault(m.code, m)
        if (m.code, m.sentence) in seen_sentences:
            continue  # a name repeated within one sentence adds nothing
        seen_sentences.add((m.code, m.sentence))
        if m.field == "title":
            score[m.code] += 3.0
        elif m.sentence - body_first < 3:
            score[m.code] += 2.0
        else:
            score[m.code] += 1.0
        if m.sentence in meeting_sentences:
            score[m.code] += 1.5
    order = sorted(score, key=lambda code: (-score[code], first[code].sentence, first[code].start))
    facts = []
    for code in order:
        m = first[code]
        sentence = doc.sentences[m.sentence]
        facts.append(
            CountryFact(code, score[code], count[code], doc.evidence(sentence, m.start, m.end))
        )
    return facts
