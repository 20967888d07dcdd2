"""Topics: weighted Hindi and English keywords from the reference data, multi-label.

A topic counts when its keywords weigh at least `THRESHOLD` in the article: one specific
phrase (weight 2, "साइबर सुरक्षा") or two mentions of a general word (weight 1) will do,
one passing general word will not. A keyword counts at most twice, so one word repeated
through a long article cannot carry a topic alone; title mentions count double.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from articles.extract.facts import Evidence, TopicFact
from articles.extract.normalise import fold_key
from articles.extract.sentences import Document

if TYPE_CHECKING:
    from articles.gazetteer import Gazetteer

THRESHOLD = 2.0
MAX_REPEATS = 2
# "वाणिज्य एवं उद्योग मंत्रालय", "रक्षा मंत्री": a keyword inside an office's name says who
# spoke, not what about (keywords that include the office word still count).
_OFFICE_AFTER = re.compile(
    r"(?: एवं| और| व)?(?: [^\s।,]+)? (?:मंत्री|मंत्रालय|मंत्रियों|सचिव)(?![\u0900-\u097f])"
)


def find_topics(
    doc: Document, gazetteer: Gazetteer, boost: dict[str, float] | None = None
) -> list[TopicFact]:
    """Topics above the threshold, highest score first, each with its first keyword.

    `boost` adds evidence found otherwise (an investment pledge with an amount).
    """
    if gazetteer.topic_re is None:
        return []
    score: dict[str, float] = defaultdict(float)
    seen: dict[tuple[str, str], int] = defaultdict(int)
    first: dict[str, Evidence] = {}
    for field, text in doc.fields.items():
        for m in gazetteer.topic_re.finditer(text):
            sentence = doc.sentence_at(field, m.start())
            key = fold_key(m.group())
            if sentence is None or _OFFICE_AFTER.match(text, m.end()):
                continue
            for slug, weight in gazetteer.topic_keys.get(key, ()):
                seen[(slug, key)] += 1
                if seen[(slug, key)] > MAX_REPEATS:
                    continue
                score[slug] += weight * (2 if field == "title" else 1)
                first.setdefault(slug, doc.evidence(sentence, m.start(), m.end()))
    for slug, extra in (boost or {}).items():
        if slug in first:
            score[slug] += extra
    ranked = sorted((s for s in score if score[s] >= THRESHOLD), key=lambda s: (-score[s], s))
    return [TopicFact(slug, score[slug], first[slug]) for slug in ranked]


def topic_of_sentence(text: str, gazetteer: Gazetteer) -> str | None:
    """The topic whose keywords weigh most in one sentence, if any."""
    if gazetteer.topic_re is None:
        return None
    score: dict[str, float] = defaultdict(float)
    for m in gazetteer.topic_re.finditer(text):
        for slug, weight in gazetteer.topic_keys.get(fold_key(m.group()), ()):
            score[slug] += weight
    return max(sorted(score), key=lambda s: score[s], default=None)
