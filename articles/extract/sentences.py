"""Sentence splitting for Hindi news text, with character offsets.

A sentence ends at a danda (। ॥), "?", "!", a pipe used as a danda, a line break (headings
and the bullet items of list-style articles are sentences of their own) or a full stop
followed by a space, unless the full stop closes an initial or an abbreviation ("एस.
जयशंकर", "डॉ. सिंह", "Dr."). A line holding only a bullet mark ("-", "•") is no sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from articles.extract.facts import Evidence

# Initials and abbreviations whose full stop does not end a sentence. Hindi spells Latin
# initials out ("एस." for S.), so the letter names are listed.
_ABBREVIATIONS = frozenset(
    "ए बी सी डी ई एफ जी एच आई जे के एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू एक्स वाई जेड "
    "डॉ डा प्रो मि श्री श्रीमती सुश्री पं लि कं सं जन फर अग सित अक्टू नव दिस "
    "dr mr mrs ms st prof jr sr no vs inc ltd co gen lt col capt sh smt".split()
)
_BREAK = re.compile(r"[।॥?!|]+[\"'”’)\]]*|\.(?=\s)|\n")
_BULLET_ONLY = re.compile(r"^[\s\-–—•*·▪●○◦]*$")
_LEAD = re.compile(r"^[\s\-–—•*·▪●○◦]+")
# The word before a full stop, without opening brackets or quotes: "(G. Kishan Reddy)".
_LAST_TOKEN = re.compile(r"([^\s.(\[\"'“‘]+)$")


@dataclass(frozen=True)
class Sentence:
    """A sentence of one field ("title" or "body"); start/end index into that field."""

    index: int
    field: str
    start: int
    end: int
    text: str


def split_sentences(text: str, *, field: str = "body", first_index: int = 0) -> list[Sentence]:
    """Split text into trimmed sentences; offsets point into `text`."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BREAK.finditer(text):
        if match.group() == ".":
            token = _LAST_TOKEN.search(text, start, match.start())
            word = token.group(1).casefold() if token else ""
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        _append(sentences, text, start, match.end(), field, first_index)
        start = match.end()
    _append(sentences, text, start, len(text), field, first_index)
    return sentences


def _append(out: list[Sentence], text: str, start: int, end: int, field: str, first: int) -> None:
    chunk = text[start:end]
    if _BULLET_ONLY.match(chunk):
        return
    lead = _LEAD.match(chunk)
    start += lead.end() if lead else 0
    end -= len(chunk) - len(chunk.rstrip())
    if end > start:
        out.append(Sentence(first + len(out), field, start, end, text[start:end]))


class Document:
    """The title and body of one article, split into sentences (title sentences first)."""

    def __init__(self, title: str, body: str) -> None:
        self.fields = {"title": title, "body": body}
        title_sentences = split_sentences(title, field="title")
        self.sentences = title_sentences + split_sentences(
            body, field="body", first_index=len(title_sentences)
        )
        self._starts = {
            name: [s.start for s in self.sentences if s.field == name] for name in self.fields
        }
        self._by_field = {
            name: [s for s in self.sentences if s.field == name] for name in self.fields
        }

    def sentence_at(self, field: str, pos: int) -> Sentence | None:
        """The sentence that holds position `pos` of a field, if any."""
        i = bisect_right(self._starts[field], pos) - 1
        if i < 0:
            return None
        sentence = self._by_field[field][i]
        return sentence if pos < sentence.end else None

    def evidence(self, sentence: Sentence, start: int, end: int) -> Evidence:
        return Evidence(sentence.field, sentence.start, sentence.end, sentence.text, start, end)
