"""Topics: weighted Hindi and English keywords from the reference data, multi-label.

A topic counts when its keywords weigh at least `THRESHOLD` in the article: one specific
phrase (weight 2, "साइबर सुरक्षा") or two mentions of a general word (weight 1) will do,
one passing general word will not. A keyword counts at most twice, so one word repeated
through a long article cannot carry a topic alone; title mentions count double.

Trade needs trade-specific evidence: a supply chain ("आपूर्ति श्रृंखला") only adds to trade
words found elsewhere, and import, export or trade of electricity or arms ("बिजली आयात",
"हथियारों के आयात") counts for energy or defence instead, when that topic is present.
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

# Trade needs trade-specific evidence. A supply chain is as often about minerals or chips
# as about trade, so it only adds to trade that other keywords already show.
_SUPPORT_ONLY = {
    "trade": frozenset(
        fold_key(k)
        for k in ("सप्लाई चेन", "आपूर्ति श्रृंखला", "आपूर्ति शृंखला", "supply chain", "supply chains")
    )
}
# Import, export or trade of electricity or of arms is energy or defence, not trade:
# "10,000 मेगावाट बिजली आयात", "बिजली का निर्यात", "हथियारों के आयात". Such a hit counts for
# trade only when the other topic does not reach the threshold itself.
_GOODS_TRADE = frozenset(
    fold_key(k) for k in "निर्यात आयात व्यापार कारोबार खरीद-बिक्री exports imports trade".split()
)
_OTHER_GOODS = (
    (
        "energy",
        re.compile(
            r"(?:बिजली|विद्युत|मेगावाट|गीगावाट|electricity|power)(?:\s+(?:का|की|के))?\s+$",
            re.I,
        ),
    ),
    (
        "defence",
        re.compile(
            r"(?:हथियार|हथियारों|रक्षा उपकरणों|रक्षा उपकरण|मिसाइलों|arms|weapons)"
            r"(?:\s+(?:का|की|के))?\s+$",
            re.I,
        ),
    ),
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
    support: dict[str, float] = defaultdict(float)  # keywords that only add to a topic
    # (trade slug, other topic) -> weight of trade words used of electricity or arms
    other_goods: dict[tuple[str, str], float] = defaultdict(float)
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
                weight *= 2 if field == "title" else 1
                goods = _goods_topic(slug, key, text, sentence.start, m.start())
                if goods:
                    other_goods[(slug, goods)] += weight
                    continue
                if key in _SUPPORT_ONLY.get(slug, ()):
                    support[slug] += weight
                else:
                    score[slug] += weight
                first.setdefault(slug, doc.evidence(sentence, m.start(), m.end()))
    for (slug, goods), weight in other_goods.items():
        if score[goods] < THRESHOLD:
            score[slug] += weight  # the other topic is not there to claim these words
    for slug, weight in support.items():
        if score[slug] > 0:
            score[slug] += weight
    for slug, extra in (boost or {}).items():
        if slug in first:
            score[slug] += extra
    ranked = sorted((s for s in score if score[s] >= THRESHOLD), key=lambda s: (-score[s], s))
    return [TopicFact(slug, score[slug], first[slug]) for slug in ranked]


def _goods_topic(slug: str, key: str, text: str, floor: int, start: int) -> str | None:
    """The topic (energy, defence) whose goods a trade word is about, if any."""
    if slug != "trade" or key not in _GOODS_TRADE:
        return None
    before = text[max(floor, start - 40) : start]
    return next((topic for topic, goods in _OTHER_GOODS if goods.search(before)), None)


def topic_of_sentence(text: str, gazetteer: Gazetteer) -> str | None:
    """The topic whose keywords weigh most in one sentence, if any."""
    if gazetteer.topic_re is None:
        return None
    score: dict[str, float] = defaultdict(float)
    for m in gazetteer.topic_re.finditer(text):
        for slug, weight in gazetteer.topic_keys.get(fold_key(m.group()), ()):
            score[slug] += weight
    return max(sorted(score), key=lambda s: score[s], default=None)
