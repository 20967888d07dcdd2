"""Text normalisation shared by reference data matching and extraction.

Hindi text reaches us with the same word spelled several ways: precomposed or
decomposed nukta letters (क़ / क़), a nukta that some sites drop, zero-width
joiners, Devanagari or Latin digits. `normalise_for_match` folds all of these so
that two spellings of one name compare equal; `normalise_text` only makes the
text canonical (NFC, whitespace), keeping what a reader sees.
"""

from __future__ import annotations

import re
import unicodedata

NUKTA = "\u093c"
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def normalise_text(text: str) -> str:
    """NFC, no zero-width characters, runs of spaces collapsed (newlines kept)."""
    text = unicodedata.normalize("NFC", text).translate(ZERO_WIDTH)
    return _SPACES.sub(" ", text)


def normalise_for_match(text: str) -> str:
    """A folded key for comparing names: no nukta, Latin digits, case-folded."""
    text = unicodedata.normalize("NFD", text).translate(ZERO_WIDTH)
    text = text.replace(NUKTA, "").translate(DEVANAGARI_DIGITS)
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join(text.split())
