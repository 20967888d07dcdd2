"""The fast paths in `articles.extract.normalise` give exactly what the slow ones would."""

from __future__ import annotations

import re
import unicodedata

import pytest

from articles.extract.normalise import (
    _NOT_NFC,
    _SPACES,
    LEFT,
    NFC_SAFE,
    RIGHT,
    alternation,
    canonical_text,
    key_alternation,
)


def test_nfc_safe_characters_are_left_alone_by_nfc():
    # Second characters of canonical compositions: NFC may merge them into the letter before.
    seconds = set()
    for cp in range(0x110000):
        parts = unicodedata.decomposition(chr(cp)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(chr(int(parts[1], 16)))
    safe = re.compile(f"[{NFC_SAFE}]")
    for cp in range(0x110000):
        ch = chr(cp)
        if not safe.fullmatch(ch) or 0xD800 <= cp < 0xE000:
            continue
        assert unicodedata.normalize("NFC", ch) == ch, hex(cp)
        assert unicodedata.combining(ch) in (0, 9), hex(cp)  # 9: the virama
        assert ch not in seconds, hex(cp)
    assert "\u093c" not in {c for c in seconds if safe.fullmatch(c)}


@pytest.mark.parametrize(
    "text",
    [
        "भारत और जापान", "न\u093c", "र\u093cा", "ळ\u093c", "क\u093c", "ड\u093cा", "क्\u093c",
        "\u0958", "e\u0301", "Å", "a  b", "a\u00a0b", "a \tb", "\t", " ", "  ", "x \u2003 y",
        "₹ 500 — “quoted”", "\u212b", "ऩ", "स\u0951", "",
    ],
)  # fmt: skip
def test_canonical_text_fast_path_matches_nfc(text):
    assert canonical_text(text) == _SPACES.sub(" ", unicodedata.normalize("NFC", text))
    if _NOT_NFC.search(text) is None:
        assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize(
    "sources",
    [
        ["meeting", "met", "बैठक(?:ों)?", r"2\+2", "से मिल(?:े|ा)", "summit", "समिट"],
        ["₹", r"rs\.?", r"रु\.", "inr", r"us\$", r"a\$", r"\$", "€"],
        ["a?b", "c"],  # an optional first character: joined unchanged
    ],
)
def test_alternation_finds_what_the_plain_alternation_finds(sources):
    text = "Met at the MEETING, बैठकों में 2+2 से मिला; summit समिट rs. 5 रु. 6 $7 US$8 a$9 ab b"
    for flags in (0, re.I):
        fast = re.compile(LEFT + "(?:" + alternation(sources) + ")" + RIGHT, flags)
        slow = re.compile(LEFT + "(?:" + "|".join(sources) + ")" + RIGHT, flags)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]
        fast = re.compile(alternation(sources), flags)
        slow = re.compile("|".join(sources), flags)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]


def test_key_alternation_keeps_the_order_of_keys():
    keys = ["prime minister", "प्रधानमंत्री", "minister", "मंत्री"]
    fast = re.compile(LEFT + "(?:" + key_alternation(keys) + ")" + RIGHT, re.I)
    assert [m.group() for m in fast.finditer("Prime Minister प्रधानमंत्री, minister मंत्री")] == [
        "Prime Minister", "प्रधानमंत्री", "minister", "मंत्री",
    ]  # fmt: skip
