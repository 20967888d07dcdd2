"""Choose the main content block of a cleaned page and render it as plain text.

The choice is a text-density score in the spirit of Readability: every paragraph-like
block scores by its length and its commas/dandas and passes the score up to its
ancestors; link-heavy candidates are discounted; siblings of the winner that look like
more of the same article are kept with it. Sizes are Hindi-aware (see ``boilerplate``).

Rendering keeps paragraphs apart by a blank line, headings as their own paragraphs and
list items as lines of one paragraph.
"""

from __future__ import annotations

import re

from lxml import etree

from articles.boilerplate import (
    BLOCK_TAGS,
    HEADING_TAGS,
    drop,
    iter_elements,
    measure,
    text_size,
)

_POSITIVE = re.compile(
    r"article|body|content|entry|main|news|page|post|story|text|blog|detail|description|"
    r"khabar|samachar",
    re.IGNORECASE,
)
_NEGATIVE = re.compile(
    r"comment|meta|footer|footnote|sidebar|widget|related|share|social|promo|author|caption|"
    r"nav|menu|header|masthead|ads?\b|advert|shoutbox|sponsor|popular|trending",
    re.IGNORECASE,
)
_PARAGRAPH_TAGS = frozenset("p pre blockquote td dd li h2 h3 h4".split())
_CONTAINER_TAGS = frozenset("div section article main td span font center".split())
_INLINE_TAGS = frozenset("a span strong b em i u font small big sup sub abbr cite q mark".split())
_TAG_BASE = {
    "div": 5.0, "article": 10.0, "main": 8.0, "section": 3.0, "pre": 3.0, "td": 3.0,
    "blockquote": 3.0, "form": -3.0, "ol": -3.0, "ul": -3.0, "dl": -3.0, "li": -3.0,
    "address": -3.0, "h1": -5.0, "h2": -5.0, "h3": -5.0, "th": -5.0,
}  # fmt: skip
_SENTENCE_MARKS = re.compile(r"[,،，、।]|[.!?](?=\s)")
_WS = re.compile(r"[ \t\r\f\v\xa0\u2000-\u200b\u3000]+")
_BLANKS = re.compile(r"\n\s*\n")


def _class_weight(el: etree._Element) -> float:
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    if not names.strip():
        return 0.0
    weight = 0.0
    if _NEGATIVE.search(names):
        weight -= 25
    if _POSITIVE.search(names):
        weight += 25
    return weight


def choose_content(root: etree._Element) -> list[etree._Element]:
    """The elements that together hold the article text, in document order."""
    sizes, links = measure(root)
    has_block: dict = {}
    for el in reversed(list(iter_elements(root))):
        has_block[el] = any(child.tag in BLOCK_TAGS or has_block.get(child, False) for child in el)
    scores: dict = {}
    for el in iter_elements(root):
        tag = el.tag
        if tag in _PARAGRAPH_TAGS or tag in _CONTAINER_TAGS and not has_block[el]:
            size = sizes[el] - links[el]
            text = None
        elif tag in _CONTAINER_TAGS:
            # Text written straight into a wrapper ("<div>text<br>text<div>ads</div>").
            text = " ".join(filter(None, [el.text] + [c.tail for c in el]))
            size = text_size(text)
        else:
            continue
        if size < 25:
            continue
        text = text if text is not None else el.text_content()
        score = 1.0 + len(_SENTENCE_MARKS.findall(text)) + min(size / 100.0, 3.0)
        # Loose text belongs to the wrapper itself, so the wrapper is its first candidate.
        node = el if tag in _CONTAINER_TAGS and has_block[el] else el.getparent()
        level = 0
        while node is not None and level < 5:
            if node.tag in _INLINE_TAGS:
                node = node.getparent()
                continue
            if node not in scores:
                scores[node] = _TAG_BASE.get(node.tag, 0.0) + _class_weight(node)
            divider = 1.0 if level == 0 else 2.0 if level == 1 else level * 3.0
            scores[node] += score / divider
            node = node.getparent()
            level += 1
    if not scores:
        body = root.find(".//body")
        return [body if body is not None else root]
    for el in scores:
        density = links[el] / sizes[el] if sizes[el] else 1.0
        scores[el] *= 1.0 - density
    top = max(scores, key=scores.__getitem__)
    # Content split over sibling wrappers: climb while the parent clearly collects more.
    parent = top.getparent()
    while (
        parent is not None
        and parent.tag not in ("body", "html")
        and scores.get(parent, 0) > scores[top] * 0.95
    ):
        top, parent = parent, parent.getparent()
    if parent is None:
        return [top]
    threshold = max(10.0, scores[top] * 0.2)
    chosen = []
    for sib in parent:
        if not isinstance(sib.tag, str):
            continue
        if sib is top:
            chosen.append(sib)
            continue
        size = sizes.get(sib, 0)
        density = links.get(sib, 0) / size if size else 1.0
        text = sib.text_content() if sib.tag == "p" or sib.tag in HEADING_TAGS else ""
        if scores.get(sib, -1e9) * (1.0 if sib.tag != "ul" else 0.5) >= threshold:
            chosen.append(sib)
        elif sib.tag == "p" and size > 80 and density < 0.25:
            chosen.append(sib)
        elif sib.tag == "p" and 0 < size <= 80 and density == 0 and re.search(r"[.।!?]\s*$", text):
            chosen.append(sib)
    return chosen


def prune_links(block: etree._Element) -> None:
    """Inside the chosen block, drop link lists and tag clouds that slipped through."""
    sizes, links = measure(block)
    doomed = []
    for el in iter_elements(block):
        if el is block or el.tag not in ("div", "ul", "ol", "section", "table", "p", "span"):
            continue
        size = sizes[el]
        if size == 0:
            continue
        density = links[el] / size
        if density > 0.5 and size - links[el] < 200 or density > 0.8:
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            drop(el)


class _Renderer:
    """Walks a subtree and collects text blocks: (kind, text) with kind "p" or "li"."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, str]] = []
        self.buffer: list[str] = []
        self.kind = "p"

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        for piece in _BLANKS.split(text):
            lines = [_WS.sub(" ", line).strip() for line in piece.split("\n")]
            joined = "\n".join(line for line in lines if line)
            if joined:
                self.blocks.append((self.kind, joined))
        self.kind = "p"

    def walk(self, el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag in BLOCK_TAGS
        if block:
            self.flush()
        if tag == "br":
            self.buffer.append("\n")
        elif tag in ("img", "hr"):
            pass
        else:
            if el.text:
                self.buffer.append(el.text.replace("\n", " "))
            for child in el:
                self.walk(child)
                if child.tail:
                    self.buffer.append(child.tail.replace("\n", " "))
            if tag in ("td", "th"):
                self.buffer.append(" ")
        if block:
            if tag in ("li", "dt", "dd"):
                self.kind = "li"
            self.flush()


def render_text(elements: list[etree._Element]) -> str:
    """Plain text: paragraphs split by a blank line, list items as consecutive lines."""
    renderer = _Renderer()
    for el in elements:
        renderer.walk(el)
        renderer.flush()
    out: list[str] = []
    prev_kind = ""
    for kind, text in renderer.blocks:
        if out:
            out.append("\n" if kind == "li" and prev_kind == "li" else "\n\n")
        out.append(text)
        prev_kind = kind
    return "".join(out)
