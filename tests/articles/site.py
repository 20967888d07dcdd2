"""A small fake Hindi news site for pytest-httpserver: pages, an RSS feed, a sitemap."""

from __future__ import annotations

from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"

PAGE = """<!doctype html><html lang="hi"><head><meta charset="utf-8">
<title>{title} | समाचार डेस्क</title>
<link rel="canonical" href="{canonical}">
<meta property="article:published_time" content="{published}">
</head><body><nav><a href="/">होम</a> <a href="/world">विदेश</a></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<aside><h3>लोकप्रिय खबरें</h3><ul><li><a href="/x">क्रिकेट: भारत ने जीता मैच</a></li></ul></aside>
<footer>© समाचार डेस्क</footer></body></html>"""

RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
<title>समाचार डेस्क</title><link>{base}/</link><description>विदेश</description>{items}
</channel></rss>"""
ITEM = "<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate></item>"


def render_page(title: str, body: str, canonical: str, published: str) -> str:
    """A page; `published` is a day (10:00 IST that day) or a full ISO timestamp."""
    if "T" not in published:
        published += "T10:00:00+05:30"
    paragraphs = "".join(f"<p>{p.strip()}</p>" for p in body.split("\n") if p.strip())
    return PAGE.format(title=title, paragraphs=paragraphs, canonical=canonical, published=published)


def seed_text(name: str) -> tuple[str, str]:
    """(title, body) of a seed article: the first line is its title."""
    lines = [line for line in (SEEDS / name).read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line.strip()]
    return lines[0].strip(), "\n".join(lines[1:])


def render_rss(base: str, items: list[tuple[str, str, str]]) -> str:
    return RSS.format(
        base=base,
        items="".join(ITEM.format(title=t, link=link, date=d) for t, link, d in items),
    )
