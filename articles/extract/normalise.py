"""Body text normalisation and the regex helpers every extractor shares.

The body we return (and whose character offsets every piece of evidence points into) is
`tracker.text.normalise_text` of the input, with the page furniture that plain-text copies
of articles still carry ("popular post", "यह भी पढ़ें: ...", "Leave a Reply") cut off and
blank lines squeezed. Matching never rewrites the text: patterns are built so that a
nukta, either nasal sign and upper or lower case match both ways (see `pattern_for_key`),
so offsets always stay valid.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from tracker.text import normalise_for_match, normalise_text

# A character that continues a word: Latin letters, digits and all of Devanagari except
# the danda and double danda. Python's \w leaves out vowel signs and viramas, which
# would let "रूस" match inside "रूसी".
WORD_CHARS = r"0-9A-Za-z_\u00c0-\u024f\u0900-\u0963\u0966-\u097f"
LEFT = rf"(?<![{WORD_CHARS}])"
RIGHT = rf"(?![{WORD_CHARS}])"

NUKTA = "\u093c"
# Characters that do not stand for themselves at the start of a regex alternative.
_SPECIAL = frozenset("\\.^$*+?{}[]|()")
_CONSONANTS = {chr(c) for c in range(0x0915, 0x093A)} | {chr(c) for c in range(0x0958, 0x0960)}

# Lines that open a block of other stories or comments: everything after them goes.
_SECTION_HEADS = {
    "popular post", "popular posts", "related posts", "related news", "related articles",
    "social plugin", "leave a reply", "leave a comment", "comments", "संबंधित समाचार",
    "संबंधित खबरें", "संबंधित ख़बरें", "लोकप्रिय खबरें", "टिप्पणियाँ", "ये भी देखें",
    "you may also like", "more stories", "trending", "ट्रेंडिंग", "ताजा खबरें", "ताज़ा खबरें",
}  # fmt: skip
# Lines that are furniture wherever they stand.
_JUNK_LINE = re.compile(
    "^\\s*(?:(?:यह|ये|इसे) भी (?:पढ\u093c?ें|पढ\u093c?े|देखें)|also read|read more)(?![a-z]).*$|"
    r"^\s*(?:no stories found\.?|×|logo|published on|advertisement|विज्ञापन)\s*$",
    re.IGNORECASE,
)
_BLANKS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")  # as tracker.text
# The same runs, less the single plain spaces that replacing would leave as they are
# (opening with a character class lets `re` skip to candidates at C speed).
_ODD_SPACE = r"\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
_SPACE_RUNS = re.compile(rf"[ {_ODD_SPACE}](?:[ {_ODD_SPACE}]+|(?<=[{_ODD_SPACE}]))")
# Characters NFC leaves alone whatever surrounds them (tests/articles check the list):
# ASCII, Latin-1, Devanagari less its stress signs (U+0951-U+0954), nukta letters
# (U+0958-U+095F) and nukta, punctuation and currency signs. A nukta is safe too unless
# it follows न, र or ळ (it composes with them) or a virama (canonical reordering).
NFC_SAFE = (
    "\x00-\xff\u0900-\u093b\u093d-\u0950\u0955-\u0957\u0960-\u097f"
    "\u2010-\u2027\u2030-\u205e\u20a0-\u20c0"
)
_NOT_NFC = re.compile(f"[^{NFC_SAFE}](?:(?<!\u093c)|(?<=[\u0928\u0930\u0933\u094d]\u093c))")


def canonical_text(text: str) -> str:
    """`normalise_text`, with a fast path: its dict-based translate costs a millisecond on a
    long page, and most pages hold no zero-width character at all."""
    if _ZERO_WIDTH.search(text):
        return normalise_text(text)
    if _NOT_NFC.search(text):
        text = unicodedata.normalize("NFC", text)
    return _SPACE_RUNS.sub(" ", text)


@lru_cache(maxsize=8192)
def fold_key(text: str) -> str:
    """The dictionary key of a name: folded as `normalise_for_match`, minus dots and spaces."""
    return re.sub(r"[\s.\-‐–'’]+", "", normalise_for_match(text))


def strip_boilerplate(text: str) -> str:
    """Drop furniture lines and cut the text at the first "other stories" heading."""
    kept: list[str] = []
    for line in text.split("\n"):
        head = line.strip().strip(":").strip().casefold()
        if head in _SECTION_HEADS:
            break
        if not _JUNK_LINE.match(line):
            kept.append(line.rstrip())
    return "\n".join(kept)


def normalise_body(text: str) -> str:
    """The canonical body text that extraction reads and evidence offsets refer to."""
    text = canonical_text(text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = strip_boilerplate(text)
    return _BLANKS.sub("\n\n", text).strip()


def pattern_for_key(key: str) -> str:
    """Regex source for a folded key that matches its spellings in NFC text.

    A consonant may carry a nukta, anusvara and chandrabindu stand for each other, a
    space matches one space (the text's runs of spaces are already collapsed), and a dot
    after an initial may be followed by a space or not.
    """
    out: list[str] = []
    for ch in key:
        if ch in _CONSONANTS:
            out.append(re.escape(ch) + NUKTA + "?")
        elif ch in "ंँ":
            out.append("[ंँ]")
        elif ch == " ":
            out.append(" ")
        elif ch == ".":
            out.append(r"\. ?")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def alternation(sources: Iterable[str]) -> str:
    """`a|b|c` for regex alternatives that each open with one literal character, regrouped
    for speed: those opening with a Devanagari letter stay as they are, the others (Latin
    words, digits, signs) move, in their order, behind one lookahead on their first
    characters. Under IGNORECASE `re` tests a branch that opens with a Devanagari letter
    at C speed but enters every branch that opens with a Latin one; behind the lookahead
    they cost one test per position. Two alternatives that open with different
    characters never match at the same place, so the regrouping changes no match.

    Use the result inside a group, as any alternation. Alternatives that do not open
    with a literal character are joined unchanged.
    """
    sources = list(sources)
    plain: list[str] = []
    other: list[str] = []
    firsts: list[str] = []
    for source in sources:
        head = 4 if source.startswith("[ंँ]") else 2 if source.startswith("\\") else 1
        if source[head : head + 1] in ("?", "*", "{"):
            return "|".join(sources)  # an optional first character
        if source.startswith("[ंँ]") or (source and "\u0900" <= source[0] <= "\u097f"):
            plain.append(source)
        elif source.startswith("\\") and len(source) > 1 and not source[1].isalnum():
            other.append(source)
            firsts.append(source[:2])
        elif source and source[0] not in _SPECIAL:
            other.append(source)
            firsts.append(re.escape(source[0]))
        else:
            return "|".join(sources)
    if not other:
        return "|".join(plain)
    guarded = "(?=[" + "".join(dict.fromkeys(firsts)) + "])(?:" + "|".join(other) + ")"
    return "|".join([guarded, *plain])


def key_alternation(keys: Iterable[str]) -> str:
    """`alternation` of `pattern_for_key` for each folded key, in order."""
    return alternation(pattern_for_key(key) for key in keys)


def compile_alternation(keys: set[str] | list[str] | frozenset[str]) -> re.Pattern[str] | None:
    """One regex for many folded keys: a trie, so matching cost does not grow with the list.

    Python's `re` tries alternatives one after another; factoring common prefixes keeps a
    dictionary of thousands of names as fast as a dozen. Matches are whole words only.
    """
    trie: dict = {}
    for key in keys:
        if not key:
            continue
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        return None
    # The top-level branches open with different letters: `alternation` may regroup them.
    top = alternation(pattern_for_key(ch) + _emit(child) for ch, child in sorted(trie.items()))
    return re.compile(LEFT + "(?:" + top + ")" + RIGHT, re.IGNORECASE)


def _emit(node: dict) -> str:
    branches = [pattern_for_key(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return "(?:" + body + ")?"
    return body


def split_text_article(text: str) -> tuple[str, str]:
    """A plain-text article (the seeds): the first real line is the title, the rest the body.

    Furniture lines before the title ("×", "logo") are skipped.
    """
    lines = canonical_text(text).replace("\r\n", "\n").split("\n")
    for i, line in enumerate(lines):
        if line.strip() and not _JUNK_LINE.match(line):
            return line.strip(), "\n".join(lines[i + 1 :])
    return "", ""
