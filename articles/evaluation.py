"""Scores the extractor against hand-labelled pages (tests/data/extraction/gold.json).

Set-valued fields (countries, participants, topics, agreement amounts) get micro-averaged
precision, recall and F1; single-valued ones (pair, meeting date, place) accuracy, where a
null label is right only when the extractor also says null. Names compare through the
gazetteer (an alias counts as its person) or, for people it does not know, folded.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from articles.extract import extract_facts
from articles.extract.normalise import fold_key, split_text_article

if TYPE_CHECKING:
    from articles.gazetteer import Gazetteer

SET_FIELDS = ("countries", "participants", "topics", "amounts")
EXACT_FIELDS = ("pair", "meeting_date", "place")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    right: int = 0
    total: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {
        name: Score() for name in SET_FIELDS + EXACT_FIELDS})  # fmt: skip
    misses: dict[str, list[str]] = field(default_factory=dict)
    documents: int = 0

    def table(self) -> str:
        rows = [f"{'field':<14}{'precision':>10}{'recall':>8}{'F1':>7}{'accuracy':>10}"]
        for name in SET_FIELDS:
            s = self.scores[name]
            rows.append(f"{name:<14}{s.precision:>10.3f}{s.recall:>8.3f}{s.f1:>7.3f}{'':>10}")
        for name in EXACT_FIELDS:
            s = self.scores[name]
            rows.append(f"{name:<14}{'':>10}{'':>8}{'':>7}{s.accuracy:>10.3f}")
        rows.append(f"({self.documents} documents)")
        return "\n".join(rows)


def _person_key(name: str, gazetteer: Gazetteer) -> str:
    person = gazetteer.person_of(name)
    return person.slug if person else fold_key(name)


def _amount_key(value: Any, currency: Any) -> tuple[float, str]:
    return (round(float(value), 2), str(currency).upper())


def predict(path: Path, published: date | None, gazetteer: Gazetteer) -> dict[str, Any]:
    """The extractor's answer for one labelled page, in the gold file's terms."""
    title, body = split_text_article(path.read_text(encoding="utf-8"))
    result = extract_facts(body, title=title, published=published, gazetteer=gazetteer)
    meeting = result.meetings[0] if result.meetings else None
    return {
        "countries": [c.code for c in result.countries],
        "pair": list(result.pair) if result.pair else None,
        "meeting_date": meeting.date.isoformat() if meeting and meeting.date else None,
        "place": meeting.place if meeting else None,
        "participants": list(meeting.participants) if meeting else [],
        "topics": [t.slug for t in result.topics],
        "amounts": [[a.amount, a.currency] for a in result.agreements if a.amount is not None],
    }


def evaluate_gold(gold_path: Path | str, gazetteer: Gazetteer) -> Report:
    gold_path = Path(gold_path)
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    documents = data.get("documents", data)
    report = Report()
    for doc_id, label in sorted(documents.items()):
        if doc_id.startswith("_"):
            continue
        published = date.fromisoformat(label["published"]) if label.get("published") else None
        got = predict(gold_path.parent / label["file"], published, gazetteer)
        report.documents += 1
        misses: list[str] = []
        keys: dict[str, Callable[[Any], Any]] = {
            "countries": lambda v: str(v).upper(),
            "topics": str,
            "participants": lambda v: _person_key(v, gazetteer),
            "amounts": lambda v: _amount_key(*v),
        }
        for name in SET_FIELDS:
            want = {keys[name](v) for v in label.get(name) or []}
            have = {keys[name](v) for v in got[name]}
            score = report.scores[name]
            score.tp += len(want & have)
            score.fp += len(have - want)
            score.fn += len(want - have)
            if want != have:
                misses.append(f"{name}: missing {sorted(want - have)} extra {sorted(have - want)}")
        for name in EXACT_FIELDS:
            want_value = label.get(name)
            accepted = (
                want_value if isinstance(want_value, list) and name == "place" else [want_value]
            )
            ok = any(_same(name, w, got[name]) for w in accepted)
            report.scores[name].total += 1
            report.scores[name].right += ok
            if not ok:
                misses.append(f"{name}: want {want_value!r} got {got[name]!r}")
        if misses:
            report.misses[doc_id] = misses
    return report


def _same(name: str, want: Any, have: Any) -> bool:
    if want is None or have is None:
        return want is None and have is None
    if name == "pair":
        return sorted(want) == sorted(have)
    if name == "place":
        return fold_key(want) == fold_key(have)
    return want == have
