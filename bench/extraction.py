"""Body-text extraction benchmark: our ``parse_article`` against trafilatura, in one run.

    .venv/bin/python bench/extraction.py [--shared ../shared] [--out docs/benchmarks/extraction.md]

Measures, on the same HTML strings and the same machine:
- token F1 of the body text (the article-extraction benchmark's metric: 4-token shingles,
  per-page precision/recall averaged, F1 of the averages; pages with empty output are
  counted and left out of the precision average) on the 181 English pages of
  ``benchmarks/article-extraction`` and on our Hindi fixture pages (``fixtures/sites``);
- pages per second and median ms per page of the extractor call;
- publication-date accuracy on ``benchmarks/hindi-pages`` and the fixture pages, ours
  against trafilatura's metadata and htmldate.

Hindi text is tokenised with combining marks (Mn/Mc) and ZWJ/ZWNJ kept inside words;
the English set uses the upstream ``\\w+`` tokeniser so its scores compare with PEERS.md.
The building blocks (``score_pages``, ``time_parse_pages``) are importable, so a
"parse + extract vs trafilatura" ratio can reuse them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.parse import ParseError, decode_html, parse_article  # noqa: E402

UPSTREAM_TOKENS = regex.compile(r"\w+")
UNICODE_TOKENS = regex.compile(r"[\w\p{Mn}\p{Mc}\u200c\u200d]+")


@dataclass
class Page:
    key: str
    html: str
    expected: str
    published: date | None = None
    url: str | None = None


@dataclass
class Score:
    precision: float
    recall: float
    f1: float
    empty: int
    pages: int


def shingles(text: str, tokenizer: regex.Pattern, n: int = 4) -> Counter:
    tokens = tokenizer.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def score_pages(pairs: Iterable[tuple[str, str]], tokenizer: regex.Pattern) -> Score:
    """``pairs`` of (predicted, expected) body texts -> the benchmark's averaged scores."""
    precisions, recalls = [], []
    empty = pages = 0
    for predicted, expected in pairs:
        pages += 1
        if not (predicted or "").strip():
            empty += 1
        got, want = shingles(predicted, tokenizer), shingles(expected, tokenizer)
        tp = sum((got & want).values())
        fp = sum((got - want).values())
        fn = sum((want - got).values())
        if tp + fp:
            precisions.append(tp / (tp + fp))
        if tp + fn:
            recalls.append(tp / (tp + fn))
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Score(p, r, f1, empty, pages)


def ours(page: Page) -> str:
    try:
        return parse_article(page.html, url=page.url).body
    except ParseError:
        return ""


def trafilatura_default(page: Page) -> str:
    import trafilatura

    return trafilatura.extract(page.html) or ""


def trafilatura_precision(page: Page) -> str:
    import trafilatura

    return trafilatura.extract(page.html, favor_precision=True) or ""


EXTRACTORS: dict[str, Callable[[Page], str]] = {
    "samvad parse_article": ours,
    "trafilatura 2.3.1 (defaults)": trafilatura_default,
    "trafilatura 2.3.1, favor_precision": trafilatura_precision,
}


def time_parse_pages(pages: list[Page], extractor: Callable[[Page], str] = ours) -> float:
    """Seconds ``extractor`` takes over all ``pages`` (one pass, after one warm-up page)."""
    if pages:
        extractor(pages[0])
    start = time.perf_counter()
    for page in pages:
        extractor(page)
    return time.perf_counter() - start


def run_extractor(
    pages: list[Page], extractor: Callable[[Page], str]
) -> tuple[list[str], list[float]]:
    outputs, times = [], []
    if pages:
        extractor(pages[0])  # warm-up: trafilatura builds its caches on the first call
    for page in pages:
        start = time.perf_counter()
        outputs.append(extractor(page))
        times.append(time.perf_counter() - start)
    return outputs, times


def load_english(shared: Path) -> list[Page]:
    base = shared / "benchmarks" / "article-extraction"
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        raw = gzip.decompress((base / "html" / f"{key}.html.gz").read_bytes())
        pages.append(
            Page(
                key,
                raw.decode("utf-8", errors="replace"),
                truth[key]["articleBody"],
                url=truth[key].get("url"),
            )
        )
    return pages


def load_fixtures(root: Path) -> list[Page]:
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    pages = []
    for site in manifest:
        for article in site["articles"]:
            path = root / site["site"] / article["path"].lstrip("/")
            expected = path.with_name(path.name.removesuffix(".html") + ".expected.txt")
            # Both extractors get the same text; charset lies are the decoder's job, tested
            # separately, so decode once with what the server would declare.
            text = decode_html(path.read_bytes(), article.get("charset") or site.get("charset"))
            pages.append(
                Page(
                    f"{site['site']}{article['path']}",
                    text,
                    expected.read_text(encoding="utf-8"),
                    date.fromisoformat(article["published"]),
                )
            )
    return pages


def load_hindi_dates(shared: Path) -> list[Page]:
    base = shared / "benchmarks" / "hindi-pages"
    truth = json.loads((base / "dates-ground-truth.json").read_text(encoding="utf-8"))
    return [
        Page(
            key,
            (base / "html" / f"{key}.html").read_text(encoding="utf-8"),
            "",
            date.fromisoformat(value["datePublished"]),
            value["url"],
        )
        for key, value in sorted(truth.items())
    ]


def with_body_truth(pages: list[Page], truth_file: Path) -> list[Page]:
    """The pages that have a hand-written body in `truth_file` (article-extraction format)."""
    if not truth_file.exists():
        return []
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    return [
        Page(p.key, p.html, truth[p.key]["articleBody"], p.published, p.url)
        for p in pages
        if p.key in truth
    ]


def date_accuracy(pages: list[Page]) -> dict[str, tuple[int, int, int]]:
    """Per tool: (right, wrong, none) against each page's known publication date."""
    import htmldate
    import trafilatura
    from lxml import html as lxml_html

    def our_date(page: Page) -> date | None:
        try:
            return parse_article(page.html).published
        except ParseError:
            return None

    def trafilatura_date(page: Page) -> date | None:
        meta = trafilatura.extract_metadata(page.html)
        return date.fromisoformat(meta.date) if meta and meta.date else None

    def htmldate_date(page: Page) -> date | None:
        # A tree, never a string: given a URL-like string htmldate would fetch it.
        found = htmldate.find_date(lxml_html.document_fromstring(page.html))
        return date.fromisoformat(found) if found else None

    results = {}
    for name, tool in (
        ("samvad parse_article", our_date),
        ("trafilatura metadata", trafilatura_date),
        ("htmldate 1.11 find_date", htmldate_date),
    ):
        right = wrong = none = 0
        for page in pages:
            got = tool(page)
            if got is None:
                none += 1
            elif got == page.published:
                right += 1
            else:
                wrong += 1
        results[name] = (right, wrong, none)
    return results


def extraction_table(title: str, pages: list[Page], tokenizer: regex.Pattern) -> list[str]:
    lines = [
        f"### {title} ({len(pages)} pages)",
        "",
        "| extractor | F1 | precision | recall | empty | median ms/page | pages/s |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, extractor in EXTRACTORS.items():
        outputs, times = run_extractor(pages, extractor)
        score = score_pages(zip(outputs, (p.expected for p in pages), strict=True), tokenizer)
        lines.append(
            f"| {name} | {score.f1:.3f} | {score.precision:.3f} | {score.recall:.3f} | "
            f"{score.empty} | {statistics.median(times) * 1000:.1f} | "
            f"{len(pages) / sum(times):.0f} |"
        )
    return lines + [""]


def date_table(title: str, pages: list[Page]) -> list[str]:
    lines = [
        f"### {title} ({len(pages)} pages)",
        "",
        "| tool | right | wrong | none |",
        "|---|---|---|---|",
    ]
    for name, (right, wrong, none) in date_accuracy(pages).items():
        lines.append(f"| {name} | {right} | {wrong} | {none} |")
    return lines + [""]


def parse_and_extract(gazetteer) -> Callable[[Page], str]:
    """Our whole per-page work after the fetch: parse, then extract the facts."""
    from articles.extract import extract_facts

    def run(page: Page) -> str:
        try:
            parsed = parse_article(page.html, url=page.url)
        except ParseError:
            return ""
        extract_facts(
            parsed.body, title=parsed.title, published=parsed.published, gazetteer=gazetteer
        )
        return parsed.body

    return run


def speed_table(title: str, pages: list[Page], repeat: int = 5) -> list[str]:
    """Parse + extract against trafilatura's extraction alone: the best of `repeat`
    passes over all pages (the least disturbed by the machine's other work)."""
    from articles.gazetteer import load_gazetteer_from_files

    ours_full = parse_and_extract(load_gazetteer_from_files(ROOT / "fixtures" / "reference"))
    best = {}
    for name, run in [("ours", ours_full), ("trafilatura", trafilatura_default)]:
        passes = [run_extractor(pages, run)[1] for _ in range(repeat)]
        best[name] = min(passes, key=sum)
    ours_total, theirs_total = sum(best["ours"]), sum(best["trafilatura"])
    faster = sum(o <= t for o, t in zip(best["ours"], best["trafilatura"], strict=True))
    return [
        f"### {title} ({len(pages)} pages, best of {repeat} passes)",
        "",
        "| work per page | median ms/page | total s |",
        "|---|---|---|",
        f"| samvad parse_article + extract_facts | {statistics.median(best['ours']) * 1000:.1f} "
        f"| {ours_total:.3f} |",
        f"| trafilatura.extract alone (defaults) | "
        f"{statistics.median(best['trafilatura']) * 1000:.1f} | {theirs_total:.3f} |",
        "",
        f"Ratio of total time (ours / trafilatura): **{ours_total / theirs_total:.2f}**; "
        f"pages where ours took no longer: {faster} of {len(pages)}",
        "",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--fixtures", type=Path, default=ROOT / "fixtures" / "sites")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks" / "extraction.md")
    parser.add_argument("--skip-english", action="store_true")
    args = parser.parse_args(argv)

    fixtures = load_fixtures(args.fixtures)
    lines = [
        "# Body-text extraction: samvad vs trafilatura",
        "",
        f"Measured {date.today().isoformat()} by `bench/extraction.py` in one run "  # noqa: DTZ011
        "(same HTML strings, same machine). See `bench/README.md` for the method.",
        "",
    ]
    lines += extraction_table("Hindi fixture pages, Unicode tokeniser", fixtures, UNICODE_TOKENS)
    if not args.skip_english:
        english = load_english(args.shared)
        lines += extraction_table(
            "article-extraction benchmark, upstream `\\w+` tokeniser", english, UPSTREAM_TOKENS
        )
    hindi_pages = load_hindi_dates(args.shared)
    real_hindi = with_body_truth(
        hindi_pages, ROOT / "bench" / "data" / "hindi-pages-ground-truth.json"
    )
    if real_hindi:
        lines += extraction_table(
            "Real Hindi news pages (hindi-pages, bodies labelled by hand), Unicode tokeniser",
            real_hindi,
            UNICODE_TOKENS,
        )
    lines += speed_table("Parse + extract vs trafilatura, Hindi pages", fixtures + hindi_pages)
    lines += date_table("Publication dates, hindi-pages", hindi_pages)
    lines += date_table("Publication dates, Hindi fixture pages", fixtures)
    report = "\n".join(lines)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
