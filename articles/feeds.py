"""Turning downloaded feed, sitemap and listing-page bytes into article links. No network.

Safety rules (RELIABILITY F8-F10):
- feedparser is only ever given ``io.BytesIO``: given a str or bytes equal to a URL
  or a local path it would fetch or read that itself.
- feedparser strips entity declarations and external entities; sitemaps go through
  defusedxml with DTDs refused outright (a sitemap never needs one), so billion
  laughs, quadratic blowup and XXE payloads fail fast with a clear FeedError.
- Only http(s) links survive: feeds pass ``javascript:`` and ``data:`` links through.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from time import struct_time
from urllib.parse import urldefrag, urljoin
from xml.etree.ElementTree import Element

import feedparser
import soupsieve
from bs4 import BeautifulSoup
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from articles.urls_canon import is_http_url

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit, uncompressed
GZIP_MAGIC = b"\x1f\x8b"


class FeedError(Exception):
    """The bytes are not a usable feed or sitemap; the message says why."""


class SelectorError(FeedError, ValueError):
    """A source's CSS selector is not valid CSS (a configuration error)."""


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str
    published: datetime | None  # aware, UTC
    guid: str | None


@dataclass(frozen=True)
class FeedResult:
    title: str
    entries: list[FeedEntry]
    ttl: int | None  # minutes, from RSS <ttl>
    version: str  # feedparser's name of the format, e.g. "rss20", "atom10"


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    lastmod: datetime | None  # aware, UTC
    title: str | None = None  # news:title
    published: datetime | None = None  # news:publication_date, aware, UTC


@dataclass(frozen=True)
class SitemapResult:
    """``entries`` are pages (urlset); ``sitemaps`` are child sitemaps (sitemapindex)."""

    entries: list[SitemapEntry]
    sitemaps: list[SitemapEntry]


def parse_feed(content: bytes, base_url: str, content_type: str | None = None) -> FeedResult:
    """Parse RSS/Atom bytes; relative links resolve against ``base_url``.

    ``content_type`` is the HTTP Content-Type, if known: its charset guides decoding.

    Raises FeedError when the document is not a feed at all. A feed with errors
    that feedparser could still read (``bozo``) is returned as far as it was read.
    """
    headers = {"content-location": base_url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(io.BytesIO(content), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no RSS or Atom elements"
        raise FeedError(f"not a feed at {base_url}: {reason}")
    entries = []
    for item in parsed.entries:
        url = resolve_link(base_url, item.get("link") or item.get("id"))
        if url is None:
            continue
        published = item.get("published_parsed") or item.get("updated_parsed")
        entries.append(
            FeedEntry(
                url=url,
                title=(item.get("title") or "").strip(),
                published=struct_to_datetime(published),
                guid=item.get("id") or None,
            )
        )
    return FeedResult(
        title=(parsed.feed.get("title") or "").strip(),
        entries=entries,
        ttl=parse_ttl(parsed.feed.get("ttl")),
        version=parsed.get("version") or "",
    )


def resolve_link(base_url: str, href: str | None) -> str | None:
    """Absolute http(s) URL without fragment, or None for anything else."""
    if not href or not href.strip():
        return None
    url = urldefrag(urljoin(base_url, href.strip())).url
    return url if is_http_url(url) else None


def struct_to_datetime(value: struct_time | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)  # feedparser's structs are in UTC
    except (TypeError, ValueError):
        return None


def parse_ttl(value: str | None) -> int | None:
    try:
        ttl = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return ttl if ttl > 0 else None


def parse_sitemap(content: bytes, base_url: str) -> SitemapResult:
    """Parse a sitemap, Google News sitemap or sitemap index (plain or gzip bytes)."""
    data = gunzip_limited(content) if content[:2] == GZIP_MAGIC else content
    if len(data) > MAX_SITEMAP_BYTES:
        raise FeedError(f"sitemap at {base_url} is over {MAX_SITEMAP_BYTES} bytes")
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise FeedError(f"sitemap at {base_url} refused: DTD or entities ({exc!r})") from exc
    except SafeET.ParseError as exc:
        raise FeedError(f"sitemap at {base_url} is not well-formed XML: {exc}") from exc
    kind = local_name(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise FeedError(f"not a sitemap at {base_url}: root element <{kind}>")
    items = [read_sitemap_item(element, base_url) for element in root]
    kept = [item for item in items if item is not None]
    if kind == "sitemapindex":
        return SitemapResult(entries=[], sitemaps=kept)
    return SitemapResult(entries=kept, sitemaps=[])


def gunzip_limited(content: bytes) -> bytes:
    """Decompress gzip, refusing output over MAX_SITEMAP_BYTES (a gzip bomb stops there)."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = decompressor.decompress(content, MAX_SITEMAP_BYTES + 1)
    except zlib.error as exc:
        raise FeedError(f"broken gzip sitemap: {exc}") from exc
    if len(data) > MAX_SITEMAP_BYTES:
        raise FeedError(f"gzip sitemap inflates past {MAX_SITEMAP_BYTES} bytes")
    return data


def local_name(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def read_sitemap_item(element: Element, base_url: str) -> SitemapEntry | None:
    """One <url> or <sitemap>; namespaces are matched loosely, sites get them wrong."""
    fields: dict[str, str] = {}
    for child in element:
        name = local_name(child.tag)
        if name in ("loc", "lastmod"):
            fields[name] = (child.text or "").strip()
        elif name == "news":  # Google News: <news:news><news:publication_date> ...
            for item in child:
                if local_name(item.tag) in ("publication_date", "title"):
                    fields[local_name(item.tag)] = (item.text or "").strip()
    url = resolve_link(base_url, fields.get("loc"))
    if url is None:
        return None
    return SitemapEntry(
        url=url,
        lastmod=parse_w3c_datetime(fields.get("lastmod")),
        title=fields.get("title") or None,
        published=parse_w3c_datetime(fields.get("publication_date")),
    )


def parse_w3c_datetime(value: str | None) -> datetime | None:
    """W3C datetime (a date, or date and time with offset) to aware UTC; naive is UTC."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


def extract_listing_links(html: bytes | str, base_url: str, selector: str) -> list[str]:
    """Article links on a listing page: the ``href`` of each element ``selector``
    matches (or of the first link inside it), absolute, http(s) only, first
    occurrence kept, fragments dropped. A bad selector raises SelectorError."""
    soup = BeautifulSoup(html, "lxml")
    base_tag = soup.find("base", href=True)
    if base_tag is not None:
        base_url = urljoin(base_url, str(base_tag["href"]).strip())
    try:
        elements = soup.select(selector)
    except soupsieve.SelectorSyntaxError as exc:
        raise SelectorError(f"bad CSS selector {selector!r}: {exc}") from exc
    links: list[str] = []
    seen: set[str] = set()
    for element in elements:
        anchor = element if element.name == "a" else element.select_one("a[href]")
        href = anchor.get("href") if anchor is not None else None
        url = resolve_link(base_url, href if isinstance(href, str) else None)
        if url is not None and url not in seen:
            seen.add(url)
            links.append(url)
    return links
