"""Generic boilerplate removal for news pages we have never seen (lxml trees, in place).

Three passes, each cheap and independent of any one site:

1. tags that never hold article text (script, nav, footer, form ...) and hidden elements;
2. elements whose class/id names a page furniture role (share, related, sidebar, comment,
   advert ...), unless they hold most of the page's text (a ``<body class="has-sidebar">``);
3. sections announced by their visible heading or phrase, in Hindi and English
   ("popular post", "संबंधित समाचार", "यह भी पढ़ें", "Leave a Reply", "No stories found." ...).

Text is measured in non-space characters, so Devanagari vowel signs and viramas count as
text (Python's ``\\w`` would drop them and undercount Hindi by about a third).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree, html

# Tags removed with their content (their tail text stays: it belongs to the parent).
JUNK_TAGS = (
    "script", "style", "nav", "header", "footer", "aside", "iframe", "noscript",
    "svg", "button", "select", "textarea", "input", "label", "template", "canvas", "video",
    "audio", "object", "embed", "map", "dialog", "menu", "link", "meta",
)  # fmt: skip

_NEGATIVE_TOKEN = re.compile(
    r"(?:^|[-_])(?:share|sharing|sharer|social|socials|comments?|disqus|related|sidebar|"
    r"widgets?|popular|trending|newsletter|subscribe|subscription|advert\w*|ads?|adsbygoogle|"
    r"advertisement|sponsored?|promo|promotions?|breadcrumbs?|footer|menu|navbar|nav|"
    r"navigation|cookies?|consent|gdpr|privacy|cli|banner|popup|modal|outbrain|taboola|recommended|"
    r"also-?read|read-?more|more-?stories|tags?|tagcloud|author-?bio|byline|masthead|"
    r"app-?download|download-?app|apps?-?promo|follow|login|signup|pagination|pager|"
    r"skip|toolbar|top-?stories|latest-?news|most-?read|headlines?)(?:$|[-_\d])",
    re.IGNORECASE,
)

# Headings that announce a block of other stories, comments or plugins; the block after
# them is dropped. Compared after lower-casing and stripping punctuation.
_SECTION_HEADINGS = {
    "popular post", "popular posts", "popular news", "लोकप्रिय खबरें", "लोकप्रिय ख़बरें",
    "लोकप्रिय", "संबंधित समाचार", "संबंधित खबरें", "संबंधित ख़बरें", "संबंधित खबर",
    "संबंधित लेख", "संबंधित", "related", "related posts", "related news", "related articles",
    "related stories", "social plugin", "leave a reply", "leave a comment", "comments",
    "टिप्पणियाँ", "टिप्पणी", "कमेंट", "you may also like", "more stories", "more news",
    "trending", "trending news", "ट्रेंडिंग", "ट्रेंडिंग न्यूज़", "ट्रेंडिंग न्यूज", "latest news",
    "ताज़ा खबरें", "ताजा खबरें", "ताज़ा ख़बरें", "लेटेस्ट न्यूज़", "सबसे ज्यादा पढ़ी गई", "सबसे ज़्यादा पढ़े गए",
    "most read", "recommended", "recommended stories", "must read", "जरूर पढ़ें", "ज़रूर पढ़ें",
    "share this", "share this article", "share", "शेयर करें", "follow us", "हमें फॉलो करें",
    "tags", "टैग्स", "विज्ञापन", "advertisement", "labels", "categories", "archive",
    "blog archive", "recent posts", "featured post", "contact form", "report abuse",
}  # fmt: skip

# Lines that introduce a link to another story: the line goes, and so do the link-only
# blocks right after it.
_READ_ALSO = re.compile(
    r"^\s*(?:यह भी पढ़ें|ये भी पढ़ें|इसे भी पढ़ें|इन्हें भी पढ़ें|यह भी पढ़े|ये भी पढ़े|यह भी देखें|ये भी देखें|"
    r"also read|read also|read more|also see|also watch|must read|जरूर पढ़ें|ज़रूर पढ़ें)\s*[:\-–—]?",
    re.IGNORECASE,
)

# Whole blocks that are furniture wherever they appear.
_KILL_PHRASES = re.compile(
    r"^\s*(?:no stories found\.?|your email address will not be published.*|"
    r"required fields are marked.*|download (?:the )?\w* ?app.*|ऐप डाउनलोड करें.*|"
    r".{0,80}(?:ऐप|एप) (?:डाउनलोड|इंस्टॉल) कर.*|we use cookies.*|this (?:web)?site uses cookies.*|"
    r"subscribe to our newsletter.*|sign up for our newsletter.*|follow us on .*|"
    r"हमें (?:फॉलो|फ़ॉलो) करें.*|social plugin|logo|×|advertisement|विज्ञापन|"
    r"ख़बर सुनें|खबर सुनें|listen to (?:this )?(?:article|story)|print|प्रिंट)\s*$",
    re.IGNORECASE | re.DOTALL,
)

BLOCK_TAGS = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre table "
    "thead tbody tfoot tr td th figure figcaption address hr center body html".split()
)
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_WS = re.compile(r"\s+")
_PUNCT_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


def text_size(text: str | None) -> int:
    """Characters of text, spaces excluded (Devanagari combining marks count)."""
    if not text:
        return 0
    # Called for every text node of a page: five C-level counts beat translate or a regex.
    return (
        len(text)
        - text.count(" ")
        - text.count("\n")
        - text.count("\t")
        - text.count("\r")
        - text.count("\xa0")
    )


def iter_elements(root: etree._Element) -> Iterable[html.HtmlElement]:
    return root.iter(etree.Element)


def drop(el: etree._Element) -> None:
    """Remove ``el`` but keep its tail text, which belongs to the surrounding block."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def measure(root: etree._Element) -> tuple[dict, dict]:
    """Text size and link-text size of every element, in one bottom-up pass."""
    sizes: dict = {}
    links: dict = {}
    for el in reversed(list(iter_elements(root))):
        size = text_size(el.text)
        link = 0
        for child in el:
            size += text_size(child.tail)
            if child in sizes:
                size += sizes[child]
                link += links[child]
        sizes[el] = size
        links[el] = size if el.tag == "a" else link
    return sizes, links


def _names(el: etree._Element) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def is_furniture_name(el: etree._Element) -> bool:
    return any(_NEGATIVE_TOKEN.search(tok) for tok in _names(el).split())


def _is_hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None:
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def remove_junk_tags(root: etree._Element) -> None:
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    # The article's own <header> holds its title and date, never body text: safe to drop.
    etree.strip_elements(root, *JUNK_TAGS, with_tail=False)
    for el in [el for el in iter_elements(root) if _is_hidden(el)]:
        drop(el)
    # ASP.NET pages wrap the whole page in one <form>: drop only forms without prose.
    for form in list(root.iter("form")):
        if form.getparent() is not None and not _long_paragraphs(form, 1):
            drop(form)


_PROSE_TAGS = frozenset(("p", "pre", "blockquote"))
# Names that mark furniture even when it is full of prose (long comments, cookie notices).
_COMMENTS = re.compile(
    r"comment|disqus|repl(?:y|ies)|respond|discussion|cookie|consent|gdpr|privacy",
    re.IGNORECASE,
)


def _long_paragraphs(el: etree._Element, wanted: int, min_size: int = 150) -> bool:
    count = 0
    for p in el.iter(*_PROSE_TAGS):
        size = text_size(p.text_content())
        if size >= min_size and sum(text_size(a.text_content()) for a in p.iter("a")) < size / 2:
            count += 1
            if count >= wanted:
                return True
    return False


def _prose_sizes(root: etree._Element, sizes: dict, links: dict) -> dict:
    """Per element, the unlinked text of the long paragraphs inside it (the article's prose)."""
    prose: dict = {}
    for el in reversed(list(iter_elements(root))):
        if el.tag in _PROSE_TAGS or (
            el.tag in ("div", "td", "section", "span") and not any(c.tag in BLOCK_TAGS for c in el)
        ):
            own = sizes[el] - links[el]
            prose[el] = own if own >= 100 else 0
        else:
            # Blogger-style posts are loose text between <br>s inside a wrapper.
            loose = text_size(el.text) + sum(text_size(child.tail) for child in el)
            prose[el] = (loose if loose >= 100 else 0) + sum(prose.get(child, 0) for child in el)
    return prose


def remove_furniture(root: etree._Element) -> None:
    """Drop elements named like page furniture, unless they hold most of the page's prose.

    Blogger puts the post inside ``div.widget.Blog`` and news sites wrap articles in
    ``div.modal-enabled`` or ``#content-with-sidebar``: a name alone is not enough.
    """
    sizes, links = measure(root)
    prose = _prose_sizes(root, sizes, links)
    total_prose = prose.get(root, 0)
    total = max(sizes.get(root, 0), 1)
    doomed = []
    for el in iter_elements(root):
        if el.tag in ("html", "body") or not is_furniture_name(el):
            continue
        if not _COMMENTS.search(_names(el)):
            if total_prose and prose[el] >= 0.5 * total_prose:
                continue
            if sizes[el] - links[el] > 0.5 * total and links[el] < 0.3 * sizes[el]:
                continue
        doomed.append(el)
    for el in doomed:
        drop(el)


def _norm_phrase(text: str) -> str:
    return _PUNCT_EDGES.sub("", _WS.sub(" ", text).strip().lower())


def _outermost_with_same_text(el: etree._Element, text: str) -> etree._Element:
    parent = el.getparent()
    while parent is not None and parent.tag not in ("body", "html", "article", "main"):
        if _norm_phrase(parent.text_content()) != text:
            break
        el, parent = parent, parent.getparent()
    return el


def _drop_with_empty_parents(el: etree._Element) -> None:
    parent = el.getparent()
    drop(el)
    while parent is not None and parent.tag not in ("body", "html") and len(parent) == 0:
        if (parent.text or "").strip():
            break
        grand = parent.getparent()
        drop(parent)
        parent = grand


def remove_announced_sections(root: etree._Element) -> None:
    """Drop blocks announced by a heading/phrase ("संबंधित समाचार", "यह भी पढ़ें", ...)."""
    seen: set = set()
    # Sizes only shrink as blocks go, so stale values merely skip a few small checks.
    sizes, _ = measure(root)
    for el in list(iter_elements(root)):
        if el in seen or el.getparent() is None or el.tag in ("html", "body"):
            continue
        # Only short elements can be a heading or a label; skip big containers fast.
        if sizes.get(el, 0) > 250:
            continue
        raw = el.text_content()
        text = _norm_phrase(raw)
        if not text:
            continue
        if text in _SECTION_HEADINGS:
            head = _outermost_with_same_text(el, text)
            seen.update(head.iter())
            _drop_section(head)
        elif _READ_ALSO.match(raw) and el.tag not in ("a",) and len(raw) < 250:
            head = _outermost_with_same_text(el, text)
            seen.update(head.iter())
            _drop_links_after(head)
            _drop_with_empty_parents(head)
        elif _KILL_PHRASES.match(_WS.sub(" ", raw).strip()):
            head = _outermost_with_same_text(el, text)
            seen.update(head.iter())
            _drop_with_empty_parents(head)


def _heading_rank(el: etree._Element) -> int:
    tag = el.tag if isinstance(el.tag, str) else ""
    return int(tag[1]) if tag in HEADING_TAGS else 7


def _drop_section(head: etree._Element) -> None:
    """Drop a heading and what follows it up to the next heading of the same or higher rank."""
    rank = _heading_rank(head)
    sib = head.getnext()
    while sib is not None:
        nxt = sib.getnext()
        if _heading_rank(sib) <= rank or _heading_rank(sib) < 7 and rank == 7:
            break
        # Stop at a block of real prose: a section list never holds long unlinked paragraphs.
        if sib.tag == "p" and text_size(sib.text_content()) > 400 and not sib.findall(".//a"):
            break
        drop(sib)
        sib = nxt
    _drop_with_empty_parents(head)


def _drop_links_after(head: etree._Element) -> None:
    sib = head.getnext()
    while sib is not None:
        nxt = sib.getnext()
        size = text_size(sib.text_content())
        link = sum(text_size(a.text_content()) for a in sib.iter("a"))
        if size == 0 or link < 0.6 * size:
            break
        drop(sib)
        sib = nxt


def clean_tree(root: etree._Element) -> None:
    """All generic passes, in the order that keeps each one simple."""
    remove_junk_tags(root)
    remove_announced_sections(root)
    remove_furniture(root)
