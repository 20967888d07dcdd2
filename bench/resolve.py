"""Resolution cost per article as the archive grows, in PostgreSQL.

Creates synthetic processed articles (extraction results as the extractor stores
them) for many meetings of many pairs, resolves them one by one through
`articles.resolve.resolve_article`, and reports time and SQL queries per article for
the first and last thousand. Run by hand:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samvad_bench \
        .venv/bin/python bench/resolve.py [N]

It creates the database if missing and empties its articles and meetings first.
Writes docs/benchmarks/resolve.md.
"""

from __future__ import annotations

import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/samvad_bench")


def ensure_database(url: str) -> None:
    import psycopg2
    from psycopg2 import sql

    name = url.rsplit("/", 1)[1]
    conn = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("select 1 from pg_database where datname = %s", [name])
        if not cur.fetchone():
            cur.execute(sql.SQL("create database {}").format(sql.Identifier(name)))
    conn.close()


def synthetic_extractions(n: int, rng: random.Random) -> list[tuple[datetime.datetime, dict]]:
    """n articles: about three reports per meeting, meetings spread over three years."""
    from tracker.models import Country, Person

    codes = sorted(c for c in Country.objects.values_list("code", flat=True))[:60]
    people = list(Person.objects.values_list("name_hi", flat=True))
    start = datetime.datetime(2023, 1, 1, 6, tzinfo=datetime.UTC)
    articles = []
    for i in range(n // 3 + 1):
        pair = sorted(rng.sample(["IN", *codes], 2))
        day = start + datetime.timedelta(days=rng.randrange(3 * 365))
        participants = rng.sample(people, 2)
        for j in range(3):
            meeting = {
                "pair": pair,
                "date": day.date().isoformat() if j != 2 else None,
                "place": "नई दिल्ली",
                "participants": participants,
                "kind": "ministerial",
                "evidence": f"बैठक {i}",
            }
            facts = {
                "pair": pair,
                "countries": pair,
                "people": [],
                "topics": ["defence"],
                "meetings": [meeting],
                "agreements": [],
            }
            articles.append((day + datetime.timedelta(hours=j * 5), facts))
    return articles[:n]


def main(n: int = 10_000) -> None:
    ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from articles.models import Article
    from articles.resolve import resolve_article
    from tracker.models import Meeting

    call_command("migrate", verbosity=0)
    call_command("load_reference_data", verbosity=0)
    Article.objects.all().delete()
    Meeting.objects.all().delete()

    rng = random.Random(42)
    timings, queries = [], []
    for i, (published, facts) in enumerate(synthetic_extractions(n, rng)):
        article = Article.objects.create(
            canonical_url=f"https://bench.example/{i}",
            url=f"https://bench.example/{i}",
            body="",
            published_at=published,
            status="processed",
            extraction=facts,
        )
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as ctx:
            began = time.perf_counter()
            with transaction.atomic():
                resolve_article(article)
            timings.append(time.perf_counter() - began)
        queries.append(len(ctx))

    rows = []
    for label, lo, hi in [("first 1,000", 0, 1000), ("last 1,000", n - 1000, n)]:
        block_t, block_q = timings[lo:hi], queries[lo:hi]
        rows.append(
            f"| {label} (articles {lo + 1}–{hi}) | {statistics.mean(block_t) * 1000:.2f} | "
            f"{statistics.median(block_t) * 1000:.2f} | {statistics.mean(block_q):.1f} |"
        )
    table = "\n".join(
        [
            f"Resolving {n:,} articles into {Meeting.objects.count():,} meetings "
            f"(PostgreSQL {connection.pg_version // 10000}, one transaction per article):",
            "",
            "| articles | mean ms/article | median ms/article | SQL queries/article |",
            "|---|---|---|---|",
            *rows,
        ]
    )
    print(table)
    out = ROOT / "docs" / "benchmarks" / "resolve.md"
    out.write_text(
        "# Resolution benchmark\n\nCommand: `DATABASE_URL=postgres://postgres@127.0.0.1:5432/"
        f"samvad_bench .venv/bin/python bench/resolve.py {n}`\n\n{table}\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
