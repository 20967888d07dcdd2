"""The offline demo sites: served with real URLs, declared charsets and conditional GETs."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from lxml import etree, html

from articles.demo_sites import serve_sites
from articles.parse import parse_article

SITES = Path(__file__).resolve().parents[2] / "fixtures" / "sites"
MANIFEST = json.loads((SITES / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def base_url():
    server, base = serve_sites(SITES)
    yield base
    server.shutdown()
    server.server_close()


def get(url: str, headers: dict[str, str] | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - loopback
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), b""


def test_the_manifest_offers_rss_atom_and_a_sitemap_across_three_sites():
    assert {site["kind"] for site in MANIFEST} >= {"rss", "atom", "sitemap"}
    assert len(MANIFEST) >= 3
    assert {article["seed"] for site in MANIFEST for article in site["articles"]} == {
        "000",
        "001",
        "002",
        "003",
        "004",
    }


def test_every_feed_points_at_the_running_server(base_url):
    for site in MANIFEST:
        status, headers, body = get(f"{base_url}/{site['site']}{site['feed']}")
        assert status == 200
        assert b"SITE_BASE" not in body
        assert base_url.encode() in body
        etree.fromstring(body)  # well-formed XML
        assert "xml" in headers["Content-Type"]


def test_every_listing_link_selector_finds_every_article(base_url):
    for site in MANIFEST:
        status, _, body = get(f"{base_url}/{site['site']}{site['listing']}")
        assert status == 200
        links = html.document_fromstring(body).cssselect(site["link_selector"])
        hrefs = {link.get("href").split("?")[0] for link in links}
        assert hrefs == {f"/{site['site']}{article['path']}" for article in site["articles"]}


def test_pages_carry_the_charset_the_manifest_declares_even_when_it_lies(base_url):
    lying = [(site, a) for site in MANIFEST for a in site["articles"] if a.get("charset")]
    assert {a["charset"].lower() for _, a in lying} >= {"iso-8859-1", "windows-1252"}
    for site, article in lying:
        status, headers, body = get(f"{base_url}/{site['site']}{article['path']}")
        assert status == 200
        assert headers["Content-Type"] == f"text/html; charset={article['charset']}"
        parsed = parse_article(body, declared_charset=article["charset"])
        assert parsed.title == article["title"]


def test_a_served_page_parses_with_its_canonical_on_the_server(base_url):
    site = MANIFEST[0]
    article = site["articles"][0]
    url = f"{base_url}/{site['site']}{article['path']}"
    _, _, body = get(url)
    assert parse_article(body, url=url).canonical_url == url


def test_an_unchanged_page_answers_304_to_its_etag(base_url):
    url = f"{base_url}/{MANIFEST[1]['site']}{MANIFEST[1]['feed']}"
    status, headers, _ = get(url)
    assert status == 200
    status, _, body = get(url, {"If-None-Match": headers["ETag"]})
    assert (status, body) == (304, b"")


def test_an_unchanged_page_answers_304_to_if_modified_since(base_url):
    url = f"{base_url}/{MANIFEST[2]['site']}{MANIFEST[2]['feed']}"
    _, headers, _ = get(url)
    status, _, _ = get(url, {"If-Modified-Since": headers["Last-Modified"]})
    assert status == 304


def test_a_stale_etag_gets_the_full_page(base_url):
    url = f"{base_url}/{MANIFEST[0]['site']}{MANIFEST[0]['listing']}"
    status, _, body = get(url, {"If-None-Match": '"stale"'})
    assert status == 200 and body


@pytest.mark.parametrize(
    "path",
    [
        "/nope.html",
        "/../pyproject.toml",
        "/build.py",
        "/manifest.json",
        "/vishwa-samvad/%2e%2e/build.py",
    ],
)
def test_it_serves_nothing_outside_the_sites(base_url, path):
    assert get(base_url + path)[0] == 404
