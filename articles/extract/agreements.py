"""Agreements: MoUs, agreements, joint statements, roadmaps and investment pledges.

One agreement per sentence that names one ("समझौता ज्ञापन पर हस्ताक्षर", "संयुक्त बयान",
"रोडमैप"), and one investment pledge per amount in a sentence about investment
("6 लाख करोड़ रुपयों का निवेश"). Speculation ("संभव है कि ... समझौते होंगे", "क्या
समझौते होते हैं") is not an agreement. The same pledge written twice in two currencies is
reported twice; telling them apart is the resolver's job.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from articles.extract.amounts import find_amounts
from articles.extract.facts import AgreementFact
from articles.extract.normalise import LEFT, RIGHT, alternation
from articles.extract.sentences import Document
from articles.extract.topics import topic_of_sentence

if TYPE_CHECKING:
    from articles.gazetteer import Gazetteer

# Most specific first: the first kind whose pattern matches a sentence wins.
KINDS = [
    ("mou", r"समझौता ज्ञापन|समझौता ज्ञापनों|सहमति ज्ञापन|सहमति पत्र|समझौता पत्र|एमओयू|mous?|"
            r"memorandum of understanding"),
    ("moc", r"सहयोग ज्ञापन|एमओसी|mocs?|memorandum of cooperation"),
    ("joint-statement", r"संयुक्त (?:बयान|वक्तव्य|घोषणा(?:पत्र)?)|joint statement|joint declaration"),
    ("roadmap", r"रोडमैप|रोड मैप|रूपरेखा|कार्ययोजना|कार्य योजना|roadmap|action plan"),
    ("agreement", r"समझौत(?:ा|े|ों)|करार(?! (?:दि|दे))|संधि|हस्ताक्षर|agreements?|treaty|pact"),
]  # fmt: skip


def _top_level(pattern: str) -> list[str]:
    """The top-level alternatives of a regex without character classes: "a|b(?:c|d)"."""
    parts, depth, start, escaped = [], 0, 0, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    return [*parts, pattern[start:]]


# Every kind's alternatives open with a literal letter: one lookahead on those letters
# spares `re` entering the five groups at every word.
_KIND_FIRST = "".join(dict.fromkeys(re.escape(a[0]) for _, p in KINDS for a in _top_level(p)))
_KIND_RE = re.compile(
    LEFT
    + f"(?=[{_KIND_FIRST}])(?:"
    + "|".join(f"(?P<{k.replace('-', '_')}>{alternation(_top_level(p))})" for k, p in KINDS)
    + ")"
    + RIGHT,
    re.I,
)
_INVESTMENT = re.compile(
    alternation(["निवेश", "investment", "invest", "ऋण", "कर्ज", "क़र्ज़", "लाइन ऑफ क्रेडिट", "अनुदान"]),
    re.I,
)
_SPECULATION = re.compile(
    LEFT
    + "(?:"
    + alternation(["संभव है", "संभावना", "उम्मीद", "क्या", "शायद", "may", "might"])
    + ")"
    + RIGHT,
    re.I,
)
_TITLE_LIMIT = 140


def find_agreements(doc: Document, gazetteer: Gazetteer) -> list[AgreementFact]:
    """Agreements and pledges in document order, each with its sentence.

    Each pattern runs once over the whole body; hits are then grouped by sentence.
    """
    body = doc.fields["body"]
    kinds: dict[int, tuple[int, str, int, int]] = {}  # sentence -> (rank, kind, start, end)
    order = [k for k, _ in KINDS]
    kind: str | None
    for m in _KIND_RE.finditer(body):
        sentence = doc.sentence_at("body", m.start())
        kind = next(k for k in order if m.group(k.replace("-", "_")))
        if sentence and (
            sentence.index not in kinds or order.index(kind) < kinds[sentence.index][0]
        ):
            kinds[sentence.index] = (order.index(kind), kind, m.start(), m.end())
    amounts: dict[int, list] = {}
    for amount in find_amounts(body):
        sentence = doc.sentence_at("body", amount.start)
        if sentence:
            amounts.setdefault(sentence.index, []).append(amount)
    found: list[AgreementFact] = []
    for index in sorted(set(kinds) | set(amounts)):
        sentence = doc.sentences[index]
        if _SPECULATION.search(sentence.text):
            continue
        _, kind, start, end = kinds.get(index, (0, None, 0, 0))
        here = amounts.get(index, [])
        if here and (kind or _INVESTMENT.search(sentence.text)):
            topic = topic_of_sentence(sentence.text, gazetteer)
            pledge = kind is None or kind == "agreement"
            for amount in here:
                found.append(AgreementFact(
                    _title(sentence.text), "investment" if pledge else topic,
                    "investment-pledge" if pledge else kind, amount.value, amount.currency,
                    doc.evidence(sentence, amount.start, amount.end),
                ))  # fmt: skip
        elif kind:
            found.append(AgreementFact(
                _title(sentence.text), topic_of_sentence(sentence.text, gazetteer), kind, None,
                None, doc.evidence(sentence, start, end),
            ))  # fmt: skip
    return found


def _title(text: str) -> str:
    if len(text) <= _TITLE_LIMIT:
        return text
    cut = text.rfind(" ", 0, _TITLE_LIMIT)
    return text[: cut if cut > 40 else _TITLE_LIMIT] + "…"
