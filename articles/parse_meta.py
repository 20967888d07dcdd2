"""Metadata of an article page: title, canonical URL, publication date, language.

Each field is read from the most deliberate source first (Open Graph / JSON-LD, which
editors fill for social cards and search engines), then from the visible page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from urllib.parse import urljoin, urlsplit

from lxml import etree

from articles.hindi_dates import find_dates, parse_datetime_text, parse_iso_datetime

_WS = re.compile(r"\s+")
# " | Site Name", " - अमर उजाला", " :: Site", " — Site" at the end of a <title>.
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·»]{1,2}\s+|\s*\|\s*")
_DATE_META = (
    "article:published_time", "article:published_date", "og:published_time",
    "og:article:published_time", "datepublished", "publishdate", "publish-date", "pubdate",
    "publish_date", "dc.date.issued", "dc.date", "dcterms.created", "date", "sailthru.date",
    "parsely-pub-date", "cxenseparse:recs:publishtime", "article.published",
)  # fmt: skip
_PUBLISH_LABEL = re.compile(
    r"(?:प्रकाशित|प्रकाशन|पब्लिश्ड|पब्लिश|published|posted|पोस्ट|दिनांक|तारीख|date)\s*"
    r"(?:on|at|की तारीख|तिथि|किया गया)?\s*[:\-–|]?\s*$",
    re.IGNORECASE,
)
_UPDATE_LABEL = re.compile(
    r"(?:अपडेटेड|अपडेट|updated|modified|संशोधित)\s*(?:on|at)?\s*[:\-–|]?\s*$", re.IGNORECASE
)
_DATE_CLASS = re.compile(r"date|time|publish|posted|byline|dateline|meta|updated", re.IGNORECASE)


def clean_text(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def _meta(root: etree._Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = el.get("content")
        if key and value and key not in found:
            found[key] = value.strip()
    return found


def iter_json_ld(root: etree._Element) -> Iterator[dict]:
    """Every JSON-LD object on the page, nested @graph members included; bad JSON skipped."""
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            # Some CMSs put raw newlines inside JSON strings: strict=False accepts them.
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if "@graph" in item:
                    stack.append(item["@graph"])


def _is_article(item: dict) -> bool:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and ("Article" in k or k == "BlogPosting") for k in kinds)


class PageMeta:
    """Reads metadata from an lxml tree parsed *before* boilerplate removal."""

    def __init__(self, root: etree._Element, url: str | None) -> None:
        self.root = root
        self.url = url
        self.meta = _meta(root)
        self.json_ld = list(iter_json_ld(root))
        self.articles_ld = [item for item in self.json_ld if _is_article(item)]

    def _ld_value(self, key: str) -> str | None:
        for item in self.articles_ld + self.json_ld:
            value = item.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
        return None

    def site_name(self) -> str | None:
        return self.meta.get("og:site_name") or self.meta.get("application-name")

    def title(self) -> str:
        for candidate in (
            self.meta.get("og:title"),
            self.meta.get("twitter:title"),
            self._ld_value("headline"),
        ):
            if candidate and clean_text(candidate):
                return strip_site_suffix(clean_text(candidate), self.site_name())
        return self._title_from_page()

    def _title_from_page(self) -> str:
        """Without metadata: the <title> minus its site suffix, or the first real <h1>.

        Blogs put the blog's name in <h1> and the post's in <h3>, portals the reverse, so
        a heading that equals the stripped <title> wins, and an <h1> that is only the site
        name (the part stripped off the <title>) is skipped.
        """
        title_el = self.root.find(".//title")
        full = clean_text(title_el.text_content()) if title_el is not None else ""
        stripped = strip_site_suffix(full, self.site_name())
        site_part = full[len(stripped) :]
        headings = [clean_text(el.text_content()) for el in self.root.iter("h1", "h2", "h3")]
        if stripped and stripped in headings:
            return stripped
        for el in self.root.iter("h1"):
            text = clean_text(el.text_content())
            if text and text not in site_part and text != self.site_name():
                return text
        return stripped

    def description(self) -> str | None:
        value = self.meta.get("og:description") or self.meta.get("description")
        return clean_text(value) or None

    def language(self) -> str | None:
        html_el = self.root if self.root.tag == "html" else self.root.find(".//html")
        lang = html_el.get("lang") if html_el is not None else None
        lang = lang or self.meta.get("og:locale") or self.meta.get("content-language")
        return lang.strip().replace("_", "-").lower() or None if lang else None

    def canonical_url(self) -> str | None:
        candidates = [
            link.get("href")
            for link in self.root.iter("link")
            if "canonical" in (link.get("rel") or "").lower().split()
        ]
        candidates.append(self.meta.get("og:url"))
        for href in candidates:
            resolved = resolve_http_url(href, self.url)
            if resolved:
                return resolved
        return None

    def published(self) -> date | datetime | None:
        for key in _DATE_META:
            if key in self.meta:
                value = parse_iso_datetime(self.meta[key])
                if value is not None:
                    return value
        for key in ("datePublished", "dateCreated", "uploadDate"):
            raw = self._ld_value(key)
            if raw:
                value = parse_iso_datetime(raw)
                if value is not None:
                    return value
        for el in self.root.iter("time"):
            value = parse_iso_datetime(el.get("datetime") or "")
            if value is not None:
                return value
        return self.visible_date()

    def visible_date(self) -> date | datetime | None:
        """A date printed on the page: after a "published" label, else in a date-ish element."""
        fallback: date | datetime | None = None
        for el in self.root.iter("time"):
            found = _date_in(el.text_content())
            if found:
                return found
        body = self.root.find(".//body")
        text_root = body if body is not None else self.root
        for el in text_root.iter(etree.Element):
            if el.tag in ("script", "style"):
                continue
            own = " ".join(filter(None, [el.text] + [c.tail for c in el]))
            if not own.strip():
                continue
            for day, start, end in find_dates(own):
                before = own[:start]
                label_el = el.getprevious()
                label = (
                    before
                    if before.strip()
                    else (label_el.text_content() if label_el is not None else "")
                )
                value = parse_datetime_text(own[start:end]) or day
                if _PUBLISH_LABEL.search(label):
                    return value
                # An element holding nothing but a date is a dateline: <span>05 मई 2025</span>.
                only_date = len(clean_text(own[:start] + own[end:])) <= 12
                if fallback is None and (_UPDATE_LABEL.search(label) or _date_ish(el) or only_date):
                    fallback = value
        return fallback


def _date_ish(el: etree._Element) -> bool:
    """The element or one of its two nearest ancestors is named like a date/byline box."""
    for _ in range(3):
        if el is None:
            return False
        if _DATE_CLASS.search(_names(el)):
            return True
        el = el.getparent()
    return False


def _names(el: etree._Element) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''}"


def _date_in(text: str) -> date | datetime | None:
    found = find_dates(text)
    if not found:
        return None
    moment = parse_datetime_text(text)
    return moment if moment is not None else found[0][0]


def strip_site_suffix(title: str, site_name: str | None = None) -> str:
    """Drop " | Site", " - अमर उजाला" and similar from the end of a page title.

    The last separated segment goes when it is the site name or short next to the rest
    (at most twice: "Headline - Section | Site"). A headline that merely contains a dash
    ("भारत-जापान") is left alone: the separator needs spaces around it.
    """
    title = clean_text(title)
    for _ in range(2):
        matches = list(_TITLE_SEPARATORS.finditer(title))
        if not matches:
            break
        head = title[: matches[-1].start()].strip()
        tail = title[matches[-1].end() :].strip()
        if head and (tail == site_name or len(tail) <= 40 and len(tail) < len(head)):
            title = head
        else:
            break
    return title


def resolve_http_url(href: str | None, base: str | None) -> str | None:
    """``href`` made absolute against ``base``; None unless the result is http(s)."""
    if not href or not href.strip():
        return None
    try:
        absolute = urljoin(base or "", href.strip())
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return absolute
