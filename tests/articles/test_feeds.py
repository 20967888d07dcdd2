"""articles.feeds: feeds, sitemaps and listing pages from bytes (RELIABILITY.md F8-F10).

The hostile payloads go through the real parse path while an audit hook records
file opens and socket connects: parsing must touch neither.
"""

from __future__ import annotations

import gzip
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest

from articles import feeds
from articles.feeds import FeedError, extract_listing_links, parse_feed, parse_sitemap

DATA = Path(__file__).resolve().parent.parent / "data" / "feeds"
BASE = "https://news.example.in/international/"
EVENTS: list[tuple[str, str]] = []
RECORDING = False
# Interpreter and library files may be opened (lazy imports); nothing else may.
LIBRARY_ROOTS = tuple({sys.prefix, sys.base_prefix, sys.exec_prefix})


def record_io(event: str, args: tuple) -> None:
    if not RECORDING:
        return
    if event == "open" and isinstance(args[0], str | bytes | Path):
        path = str(args[0], "utf-8", "replace") if isinstance(args[0], bytes) else str(args[0])
        if not path.startswith(LIBRARY_ROOTS):
            EVENTS.append((event, path))
    elif event == "socket.connect":
        EVENTS.append((event, str(args[1])))


sys.addaudithook(record_io)  # audit hooks cannot be removed: gated by RECORDING


@contextmanager
def watching_io() -> Iterator[list[tuple[str, str]]]:
    """Record file opens and socket connects made inside the block."""
    global RECORDING
    EVENTS.clear()
    RECORDING = True
    try:
        yield EVENTS
    finally:
        RECORDING = False


def read(name: str) -> bytes:
    return (DATA / name).read_bytes()


def test_it_reads_an_rss_20_feed_with_hindi_titles_ttl_and_utc_dates():
    result = parse_feed(read("rss20.xml"), BASE)
    assert result.title == "समाचार: अंतरराष्ट्रीय" and result.version == "rss20"
    assert result.ttl == 30
    first = result.entries[0]
    assert first.url == "https://news.example.in/international/india-japan-defence-123.html"
    assert first.title == "भारत-जापान रक्षा मंत्रियों की बैठक" and first.guid == "news-123"
    assert first.published == datetime(2025, 5, 5, 10, 0, tzinfo=UTC)


def test_it_resolves_a_relative_link_against_the_base_url():
    result = parse_feed(read("rss20.xml"), BASE)
    assert result.entries[1].url == "https://news.example.in/international/india-russia-456.html"
    assert result.entries[1].published is None


def test_it_drops_javascript_data_and_file_links():
    rss_urls = [entry.url for entry in parse_feed(read("rss20.xml"), BASE).entries]
    atom_urls = [entry.url for entry in parse_feed(read("atom.xml"), BASE).entries]
    assert len(rss_urls) == 2 and len(atom_urls) == 1
    assert all(url.startswith("https://") for url in rss_urls + atom_urls)


def test_it_reads_an_atom_feed_preferring_published_over_updated():
    result = parse_feed(read("atom.xml"), BASE)
    assert result.version == "atom10" and result.ttl is None
    entry = result.entries[0]
    assert entry.url == "https://news.example.in/2025/05/india-japan-ai"
    assert entry.published == datetime(2025, 5, 5, 2, 45, tzinfo=UTC)
    assert entry.guid == "tag:news.example.in,2025:789"


@pytest.mark.parametrize(
    "content",
    [
        b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>x</p></body></html>",
        "यह कोई फ़ीड नहीं है".encode(),
        b"",
    ],
)
def test_a_document_that_is_not_a_feed_raises_feed_error(content):
    with pytest.raises(FeedError, match="not a feed"):
        parse_feed(content, BASE)


def texts_of(content: bytes) -> list[str]:
    """Titles the parser produced from ``content``, recording I/O; [] if refused."""
    try:
        result = parse_feed(content, BASE)
    except FeedError:
        return []
    return [result.title] + [entry.title for entry in result.entries]


def test_a_body_that_is_the_path_of_a_local_file_is_not_read():
    path = DATA / "rss20.xml"
    with watching_io() as events:
        for body in (str(path).encode(), path.as_uri().encode()):
            with pytest.raises(FeedError):
                parse_feed(body, BASE)
    assert events == []


def test_billion_laughs_in_a_feed_returns_fast_without_expanding():
    payload = read("billion_laughs.xml")
    started = time.monotonic()
    with watching_io() as events:
        texts = texts_of(payload)
    assert time.monotonic() - started < 1
    assert all(len(text) < 100 for text in texts)
    assert events == []


def test_quadratic_blowup_in_a_feed_returns_fast_and_small():
    payload = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "' + b"x" * 100_000 + b'">]>'
        b'<rss version="2.0"><channel><title>t</title><item><title>'
        + b"&a;" * 2000
        + b"</title><link>https://news.example.in/a</link></item></channel></rss>"
    )
    started = time.monotonic()
    with watching_io() as events:
        texts = texts_of(payload)
    assert time.monotonic() - started < 1
    assert sum(len(text) for text in texts) < 1_000_000  # 200 MB if expanded
    assert events == []


def test_an_xxe_system_entity_is_not_expanded():
    payload = read("xxe.xml")
    with watching_io() as events:
        texts = texts_of(payload)
    assert not any("root:" in text for text in texts)
    assert events == []


def test_an_external_parameter_entity_is_not_fetched():
    payload = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % ext SYSTEM '
        b'"http://127.0.0.1:9/evil.dtd"> %ext;]><rss version="2.0"><channel><title>t</title>'
        b"<item><title>i</title><link>https://news.example.in/a</link></item></channel></rss>"
    )
    with watching_io() as events:
        texts_of(payload)
    assert events == []


def test_it_reads_a_sitemap_with_aware_utc_lastmod_and_only_http_links():
    result = parse_sitemap(read("sitemap.xml"), BASE)
    assert result.sitemaps == []
    assert [entry.url for entry in result.entries] == [
        "https://news.example.in/international/india-japan-defence-123.html",
        "https://news.example.in/international/india-russia-456.html",
    ]  # the image:loc and the javascript: loc are not pages
    assert result.entries[0].lastmod == datetime(2025, 5, 5, 10, 0, tzinfo=UTC)
    assert result.entries[1].lastmod == datetime(2025, 5, 6, tzinfo=UTC)


def test_it_reads_title_and_publication_date_of_a_google_news_sitemap():
    (entry,) = parse_sitemap(read("news_sitemap.xml"), BASE).entries
    assert entry.title == "भारत-जापान रक्षा मंत्रियों की बैठक"
    assert entry.published == datetime(2025, 5, 5, 10, 0, tzinfo=UTC)


def test_a_sitemap_index_returns_child_sitemaps_separately():
    result = parse_sitemap(read("sitemap_index.xml"), "https://news.example.in/sitemap.xml")
    assert result.entries == []
    assert [s.url for s in result.sitemaps] == [
        "https://news.example.in/sitemap-2025-05.xml.gz",
        "https://news.example.in/sitemap-news.xml",
    ]
    assert result.sitemaps[0].lastmod == datetime(2025, 5, 31, 23, 59, 59, tzinfo=UTC)


def test_a_gzip_compressed_sitemap_is_accepted():
    plain = parse_sitemap(read("sitemap.xml"), BASE)
    assert parse_sitemap(gzip.compress(read("sitemap.xml")), BASE) == plain


def test_a_gzip_bomb_sitemap_is_refused_at_the_size_limit(monkeypatch):
    monkeypatch.setattr(feeds, "MAX_SITEMAP_BYTES", 1024 * 1024)
    with pytest.raises(FeedError, match="inflates past"):
        parse_sitemap(gzip.compress(b"<urlset>" + b" " * (4 * 1024 * 1024)), BASE)


@pytest.mark.parametrize("name", ["billion_laughs.xml", "xxe.xml"])
def test_a_sitemap_with_a_dtd_is_refused_with_a_clear_error(name):
    payload = read(name).replace(b"<rss", b"<urlset").replace(b"</rss>", b"</urlset>")
    started = time.monotonic()
    with watching_io() as events, pytest.raises(FeedError, match="DTD or entities"):
        parse_sitemap(payload, BASE)
    assert time.monotonic() - started < 1
    assert events == []


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"<rss version='2.0'><channel/></rss>", "not a sitemap"), (b"<urlset><url>", "not well")],
)
def test_a_document_that_is_not_a_sitemap_raises_feed_error(content, message):
    with pytest.raises(FeedError, match=message):
        parse_sitemap(content, BASE)


def test_listing_links_are_absolute_http_deduplicated_and_in_order():
    links = extract_listing_links(read("listing.html"), BASE, "article.story h2 a")
    assert links == [
        "https://news.example.in/international/india-japan-defence-123.html",
        "https://news.example.in/international/india-russia-456.html",
    ]


def test_a_selector_matching_containers_uses_the_first_link_inside():
    html = read("listing.html").decode()
    assert extract_listing_links(html, BASE, ".story-list .story, .story-link") == [
        "https://news.example.in/international/india-japan-defence-123.html",
        "https://news.example.in/international/india-russia-456.html",
    ]


def test_listing_links_honour_the_base_element():
    html = '<html><head><base href="https://cdn.example.in/hi/"></head><a href="x.html">x</a>'
    assert extract_listing_links(html, BASE, "a") == ["https://cdn.example.in/hi/x.html"]


def test_a_bad_selector_raises_a_selector_error_that_is_a_feed_error():
    with pytest.raises(FeedError, match="bad CSS selector"):
        extract_listing_links(b"<a href='/x'>x</a>", BASE, "a[")
