"""parse_article on Hindi news pages: boilerplate, charsets, dates, titles, bad input."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.parse import ParsedPage, ParseError, decode_html, parse_article
from articles.parse_meta import strip_site_suffix

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "data" / "pages"
SITES = ROOT / "fixtures" / "sites"
HINDI = "भारत और जापान ने रक्षा और सुरक्षा क्षेत्र में अपने सहयोग को आधुनिक रूप से मज़बूत किया।"


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def article_html(body: str, head: str = "", charset: str = "utf-8") -> str:
    return (
        f'<html lang="hi"><head><meta charset="{charset}">{head}</head>'
        f"<body><article>{body}</article></body></html>"
    )


def fixture_pages():
    for site in json.loads((SITES / "manifest.json").read_text(encoding="utf-8")):
        for article in site["articles"]:
            yield site, article


# ---------------------------------------------------------------- boilerplate


def test_it_drops_popular_posts_social_plugin_and_the_comment_form():
    parsed = parse_article(page("blog_with_boilerplate.html"))
    assert parsed.body.startswith("विदेश मंत्री एस. जयशंकर")
    for junk in (
        "popular post",
        "इज़रायली ड्रोन",
        "नौसेना दिवस",
        "Social Plugin",
        "Facebook",
        "Leave a Reply",
        "Your email address",
    ):
        assert junk not in parsed.body


def test_it_keeps_headings_as_paragraphs_and_list_items_as_lines():
    parsed = parse_article(page("blog_with_boilerplate.html"))
    assert "\n\nबैठक के प्रमुख उद्देश्य\n\n" in parsed.body
    assert "AI और तकनीकी सहयोग\nरक्षा और सुरक्षा सहयोग\nव्यापार और निवेश के अवसर" in parsed.body


def test_it_drops_read_also_lines_and_the_links_after_them():
    body = parse_article(page("portal_with_boilerplate.html")).body
    for junk in ("यह भी पढ़ें", "ये भी पढ़ें", "Also Read", "बूँद पानी", "पहलगाम हमले", "Bharat &"):
        assert junk not in body
    assert "समुद्री सहयोग को नई दिशा" in body


def test_it_drops_related_news_no_stories_found_app_promos_and_logos():
    body = parse_article(page("portal_with_boilerplate.html")).body
    for junk in (
        "संबंधित",
        "No stories found",
        "क्वाड",
        "ऐप डाउनलोड",
        "logo",
        "Sanmarg",
        "खेल",
        "होम",
        "Facebook",
    ):
        assert junk not in body


def test_it_drops_navigation_header_footer_scripts_and_forms_by_tag():
    html = (
        "<html><body><header>शीर्ष</header><nav>होम देश</nav><script>var x='लिपि';</script>"
        "<style>.a{}</style><main><p>" + HINDI + "</p></main><aside>साइड</aside>"
        "<form><input value='खोज'></form><footer>कॉपीराइट</footer></body></html>"
    )
    assert parse_article(html).body == HINDI


def test_it_drops_blocks_named_like_share_buttons_or_sidebars():
    html = article_html(
        f'<div class="social-share">शेयर करें फेसबुक</div><p>{HINDI}</p>'
        '<div id="sidebar">साइडबार की खबरें</div><div class="newsletter-box">न्यूज़लेटर</div>'
    )
    assert parse_article(html).body == HINDI


def test_a_wrapper_named_like_a_widget_is_kept_when_it_holds_the_article():
    paragraphs = "".join(f"<p>{HINDI} अनुच्छेद {i}।</p>" for i in range(4))
    html = (
        f'<html><body><div class="widget Blog"><div class="post-body">{paragraphs}</div></div>'
        '<div class="widget PopularPosts"><a href="/x">दूसरी खबर</a></div></body></html>'
    )
    body = parse_article(html).body
    assert body.count(HINDI) == 4
    assert "दूसरी खबर" not in body


def test_it_drops_link_dense_blocks_inside_the_article():
    links = "".join(f'<a href="/t{i}">टैग {i}</a> ' for i in range(10))
    html = article_html(f"<p>{HINDI}</p><div>{links}</div><p>{HINDI}</p>")
    assert "टैग" not in parse_article(html).body


@pytest.mark.parametrize(
    ("site", "article"),
    list(fixture_pages()),
    ids=lambda v: v.get("path", v.get("site")) if isinstance(v, dict) else v,
)
def test_it_extracts_each_fixture_page_exactly(site, article):
    path = SITES / site["site"] / article["path"].lstrip("/")
    expected = path.with_name(path.name.removesuffix(".html") + ".expected.txt")
    parsed = parse_article(path.read_bytes(), declared_charset=article.get("charset"))
    assert parsed.body == expected.read_text(encoding="utf-8").strip()
    assert parsed.published == date.fromisoformat(article["published"])
    assert parsed.title == article["title"]


# ---------------------------------------------------------------- charsets


def test_utf8_bytes_win_over_a_lying_http_header():
    raw = article_html(f"<p>{HINDI}</p>").encode("utf-8")
    assert decode_html(raw, "ISO-8859-1") == raw.decode("utf-8")
    assert parse_article(raw, declared_charset="iso-8859-1").body == HINDI


def test_utf8_bytes_win_over_a_lying_meta_charset():
    raw = article_html(f"<p>{HINDI}</p>", charset="windows-1252").encode("utf-8")
    assert parse_article(raw).body == HINDI


def test_a_real_windows_1252_page_is_decoded_by_its_meta_charset():
    parsed = parse_article(page("real_windows_1252.html"))
    assert "crème brûlée for €20 – a price many “found fair”" in parsed.body
    assert parsed.title == "Café “quotes”"


def test_the_http_header_charset_is_used_for_legacy_bytes():
    raw = "<p>Ça coûte 5 € à Paris, dit-il.</p>".encode("cp1252")
    assert decode_html(raw, "windows-1252") == "<p>Ça coûte 5 € à Paris, dit-il.</p>"


def test_an_unknown_charset_label_falls_back_to_detection():
    raw = ("<p>Ça coûte cher, dit-il. " * 20 + "</p>").encode("latin-1")
    decoded = decode_html(raw, "x-no-such-charset")
    # Detection on a short Latin text may pick a sibling code page; the letters it shares
    # with Latin-1 must come out right and nothing may raise.
    assert "Ça co" in decoded and "cher, dit-il." in decoded


def test_a_utf8_bom_is_honoured_and_removed():
    raw = b"\xef\xbb\xbf" + article_html(f"<p>{HINDI}</p>").encode("utf-8")
    assert parse_article(raw).body == HINDI


def test_decode_html_never_raises_on_junk():
    assert isinstance(decode_html(bytes(range(256)) * 4, "no-such"), str)
    assert decode_html(b"", None) == ""


# ---------------------------------------------------------------- malformed input


def test_malformed_html_still_gives_its_text():
    body = parse_article(page("malformed.html")).body
    assert "मजबूत होगा, दोनों देशों ने कहा।" in body


def test_an_empty_body_raises_parse_error():
    with pytest.raises(ParseError, match="empty"):
        parse_article(b"")


def test_markup_without_any_text_raises_parse_error():
    with pytest.raises(ParseError, match="no usable text"):
        parse_article("<html><head><script>x=1</script></head><body><div></div></body></html>")


def test_binary_junk_raises_parse_error_or_parses_without_crashing():
    junk = bytes(range(256)) * 8
    try:
        parsed = parse_article(junk)
    except ParseError:
        return
    assert isinstance(parsed, ParsedPage)


def test_plain_text_without_tags_is_its_own_body():
    assert parse_article(HINDI).body == HINDI


def test_an_xml_declaration_in_a_str_does_not_break_lxml():
    html = '<?xml version="1.0" encoding="utf-8"?>' + article_html(f"<p>{HINDI}</p>")
    assert parse_article(html).body == HINDI


def test_nesting_deeper_than_libxml2_allows_is_a_parse_error_not_a_crash():
    # libxml2 stops building the tree at depth 256; the text below is lost, so no text.
    html = "<div>" * 3000 + f"<p>{HINDI}</p>" + "</span>" * 50
    with pytest.raises(ParseError):
        parse_article(html)


def test_moderately_deep_nesting_keeps_its_text():
    html = "<div>" * 200 + f"<p>{HINDI}</p>" + "</div>" * 200
    assert parse_article(html).body == HINDI


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), st.binary()))
def test_any_text_or_bytes_raise_nothing_but_parse_error(data):
    try:
        parse_article(data)
    except ParseError:
        pass


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div class='share'>",
                "</div>",
                "<h2>",
                "<li>",
                "<a href='x'>",
                "</a>",
                "यह भी पढ़ें:",
                HINDI,
                "<script>",
                "&nbsp;",
                "<br>",
                "\x00",
                "<!--",
                "<table><td>",
            ]
        ),
        max_size=40,
    )
)
def test_random_tag_soup_raises_nothing_but_parse_error(parts):
    try:
        parse_article("".join(parts))
    except ParseError:
        pass


# ---------------------------------------------------------------- title


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("भारत-जापान रणनीतिक बैठक | विश्व संवाद", "भारत-जापान रणनीतिक बैठक"),
        ("जिले में गेहूं की खरीद शुरू - अमर उजाला", "जिले में गेहूं की खरीद शुरू"),
        ("भारत-रूस वार्ता - दुनिया | Site Name", "भारत-रूस वार्ता"),
        (
            "Rajnath Singh -strengthens-defence-ties-with-Japan",
            "Rajnath Singh -strengthens-defence-ties-with-Japan",
        ),
        ("भारत-जापान बैठक: AI, रक्षा और तकनीकी सहयोग", "भारत-जापान बैठक: AI, रक्षा और तकनीकी सहयोग"),
    ],
)
def test_it_removes_the_site_suffix_from_titles(raw, expected):
    assert strip_site_suffix(raw) == expected


def test_og_title_wins_over_the_title_tag():
    html = article_html(
        f"<p>{HINDI}</p>",
        '<title>पुराना - साइट</title><meta property="og:title" content="नया शीर्षक">',
    )
    assert parse_article(html).title == "नया शीर्षक"


def test_json_ld_headline_is_used_without_og_title():
    ld = (
        '<script type="application/ld+json">'
        '{"@graph":[{"@type":"NewsArticle","headline":"एलडी शीर्षक"}]}</script>'
    )
    assert parse_article(article_html(f"<p>{HINDI}</p>", ld)).title == "एलडी शीर्षक"


def test_a_blog_name_in_h1_does_not_become_the_title():
    html = (
        "<html><head><title>पोस्ट का शीर्षक | मेरा ब्लॉग</title></head><body><h1>मेरा ब्लॉग</h1>"
        f"<h3>पोस्ट का शीर्षक</h3><p>{HINDI}</p></body></html>"
    )
    assert parse_article(html).title == "पोस्ट का शीर्षक"


def test_a_headline_repeated_as_h1_in_the_body_is_not_body_text():
    html = article_html(
        f"<h1>शीर्षक</h1><p>{HINDI}</p>", '<meta property="og:title" content="शीर्षक">'
    )
    assert parse_article(html).body == HINDI


# ---------------------------------------------------------------- dates


def _dated(head: str = "", body: str = "") -> ParsedPage:
    return parse_article(article_html(f"{body}<p>{HINDI}</p>", head))


def test_article_published_time_gives_an_aware_moment_and_the_indian_date():
    parsed = _dated('<meta property="article:published_time" content="2025-12-04T20:00:00Z">')
    assert parsed.published == date(2025, 12, 5)
    assert parsed.published_at.utcoffset() == timedelta(0)


def test_article_published_date_meta_is_read():
    parsed = _dated('<meta property="article:published_date" content="2020-11-28T13:34:47+05:30">')
    assert parsed.published == date(2020, 11, 28)


def test_json_ld_date_published_is_read_as_india_time_when_naive():
    ld = (
        '<script type="application/ld+json">'
        '{"@type":"NewsArticle","datePublished":"2020-02-14 21:42:56"}</script>'
    )
    parsed = _dated(ld)
    assert parsed.published == date(2020, 2, 14)
    assert parsed.published_at.utcoffset() == timedelta(hours=5, minutes=30)


def test_broken_json_ld_is_ignored():
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", </script>'
    assert _dated(ld).published is None


def test_a_time_element_datetime_is_read():
    assert _dated(body='<time datetime="2025-05-05">5 मई</time>').published == date(2025, 5, 5)


@pytest.mark.parametrize(
    ("visible", "expected"),
    [
        ('<span class="date">05 मई 2025</span>', date(2025, 5, 5)),
        ("<div>प्रकाशित: 17 नवंबर 2025</div>", date(2025, 11, 17)),
        ("<div>प्रकाशित: १७ नवंबर २०२५</div>", date(2025, 11, 17)),
        ('<span class="byline">17 नवम्बर, 2025</span>', date(2025, 11, 17)),
        ("<p>Updated: 12 Nov 2025 10:30 AM IST</p>", date(2025, 11, 12)),
        ("<span>Published on</span> <span>04 Dec 2025, 6:45 pm</span>", date(2025, 12, 4)),
    ],
)
def test_a_visible_hindi_date_is_read_when_there_is_no_metadata(visible, expected):
    assert _dated(body=visible).published == expected


def test_a_visible_ist_time_is_india_time():
    parsed = _dated(body="<p>Updated: 12 Nov 2025 10:30 AM IST</p>")
    assert parsed.published_at.utcoffset() == timedelta(hours=5, minutes=30)


def test_a_date_inside_the_story_is_not_taken_for_the_publication_date():
    assert (
        _dated(
            body="<p>जापानी मंत्री ने 22 अप्रैल 2025 को हुए आतंकी हमले पर दुख जताया "
            "और कहा कि भारत के साथ है।</p>"
        ).published
        is None
    )


def test_a_labelled_date_does_not_become_the_first_of_january():
    assert _dated(body="<div>प्रकाशित: 2025</div>").published is None


# ---------------------------------------------------------------- selector, canonical, language


def test_body_selector_overrides_the_generic_choice():
    html = (
        "<html><body><div class='a'><p>" + HINDI * 3 + "</p></div>"
        "<div id='story'><p>चुनी हुई खबर का पाठ।</p></div></body></html>"
    )
    assert parse_article(html, body_selector="#story").body == "चुनी हुई खबर का पाठ।"


def test_body_selector_still_removes_boilerplate_inside_it():
    html = (
        f"<html><body><div id='story'><p>{HINDI}</p><p>यह भी पढ़ें: <a href='/x'>दूसरी खबर</a></p>"
        "<script>x()</script></div></body></html>"
    )
    assert parse_article(html, body_selector="#story").body == HINDI


def test_a_body_selector_that_matches_nothing_falls_back_to_the_generic_choice():
    assert parse_article(article_html(f"<p>{HINDI}</p>"), body_selector=".gone").body == HINDI


def test_an_invalid_body_selector_is_a_parse_error():
    with pytest.raises(ParseError, match="body_selector"):
        parse_article(article_html(f"<p>{HINDI}</p>"), body_selector="div[[")


def test_a_relative_canonical_link_is_resolved_against_the_page_url():
    html = article_html(f"<p>{HINDI}</p>", '<link rel="canonical" href="/world/a.html">')
    parsed = parse_article(html, url="https://news.example.in/x/y.html?utm_source=rss")
    assert parsed.canonical_url == "https://news.example.in/world/a.html"


def test_og_url_is_the_canonical_without_a_link_tag():
    html = article_html(f"<p>{HINDI}</p>", '<meta property="og:url" content="https://a.in/b.html">')
    assert parse_article(html).canonical_url == "https://a.in/b.html"


def test_a_javascript_canonical_is_refused():
    html = article_html(
        f"<p>{HINDI}</p>",
        '<link rel="canonical" href="javascript:alert(1)">'
        '<meta property="og:url" content="ftp://a.in/b">',
    )
    assert parse_article(html, url="https://a.in/").canonical_url is None


def test_language_comes_from_the_html_lang_attribute():
    parsed = parse_article(article_html(f"<p>{HINDI}</p>"))
    assert parsed.language == "hi"


def test_the_description_comes_from_og_description():
    html = article_html(f"<p>{HINDI}</p>", '<meta property="og:description" content="सार  पाठ">')
    assert parse_article(html).description == "सार पाठ"


def test_parsed_page_is_frozen():
    parsed = parse_article(article_html(f"<p>{HINDI}</p>"))
    with pytest.raises(AttributeError):
        parsed.title = "x"  # type: ignore[misc]
