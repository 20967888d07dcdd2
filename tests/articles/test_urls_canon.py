"""articles.urls_canon: one canonical spelling per article URL (RELIABILITY.md F11)."""

from __future__ import annotations

import pytest

from articles.urls_canon import canonicalize_url, is_http_url

ARTICLE = "https://news.example.in/international/india-japan-defence-123.html"


@pytest.mark.parametrize(
    "variant",
    [
        ARTICLE,
        "HTTPS://News.Example.IN/international/india-japan-defence-123.html",
        "https://news.example.in:443/international/india-japan-defence-123.html",
        ARTICLE + "#comments",
        ARTICLE + "?utm_source=twitter&utm_medium=social&utm_campaign=x",
        ARTICLE + "?fbclid=IwAR0abc&gclid=xyz&ref=home&ref_src=twsrc&cmpid=1&ito=7",
        ARTICLE + "?mc_cid=1&mc_eid=2&_ga=3&igshid=4#top",
        "https://news.example.in/international/./x/../india-japan-defence-123.html",
        "  https://user:secret@news.example.in/international/india-japan-defence-123.html  ",
    ],
)
def test_variants_of_one_article_share_one_canonical_url(variant):
    assert canonicalize_url(variant) == ARTICLE


def test_it_sorts_the_query_and_keeps_meaningful_parameters():
    url = "https://news.example.in/story?page=2&id=55&utm_term=x&ID=1"
    assert canonicalize_url(url) == "https://news.example.in/story?ID=1&id=55&page=2"


def test_an_empty_path_becomes_a_slash_and_odd_ports_stay():
    assert canonicalize_url("http://news.example.in") == "http://news.example.in/"
    assert canonicalize_url("http://news.example.in:80?") == "http://news.example.in/"
    assert canonicalize_url("https://news.example.in:8443/a") == "https://news.example.in:8443/a"


def test_devanagari_paths_are_escaped_the_same_way_raw_or_escaped():
    raw = "https://news.example.in/समाचार/भारत-जापान"
    escaped = (
        "https://news.example.in/%e0%a4%b8%e0%a4%ae%e0%a4%be%e0%a4%9a%e0%a4%be%e0%a4%b0/"
        "%E0%A4%AD%E0%A4%BE%E0%A4%B0%E0%A4%A4-%E0%A4%9C%E0%A4%BE%E0%A4%AA%E0%A4%BE%E0%A4%A8"
    )
    assert canonicalize_url(raw) == canonicalize_url(escaped)
    assert canonicalize_url(raw).startswith("https://news.example.in/%E0%A4%B8%E0%A4%AE")


def test_escaped_unreserved_characters_are_unescaped_and_reserved_ones_kept():
    assert canonicalize_url("https://x.example/a%2Fb%41%7e") == "https://x.example/a%2FbA~"


def test_a_query_value_in_devanagari_is_escaped_consistently():
    assert canonicalize_url("https://x.example/s?q=भारत") == canonicalize_url(
        "https://x.example/s?q=%E0%A4%AD%E0%A4%BE%E0%A4%B0%E0%A4%A4"
    )


def test_an_internationalised_host_becomes_punycode():
    assert canonicalize_url("https://भारत.example/") == "https://xn--h2brj9c.example/"


def test_the_path_case_and_trailing_slash_are_kept():
    assert canonicalize_url("https://x.example/News/") == "https://x.example/News/"


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://x.example/f", "data:text/html,x", "/relative", ""]
)
def test_it_refuses_to_canonicalize_a_non_http_url(url):
    assert not is_http_url(url)
    with pytest.raises(ValueError, match="not an http"):
        canonicalize_url(url)


def test_is_http_url_accepts_http_and_https_with_a_host():
    assert is_http_url("http://x.example/") and is_http_url("HTTPS://X.example")
    assert not is_http_url("http:///nohost") and not is_http_url("http://x.example:99999/")
