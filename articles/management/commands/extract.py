"""`manage.py extract FILE_OR_URL`: print the extractor's contract JSON; writes nothing.

A `.txt` file is a plain article (first real line the title); any other file, or a URL,
is HTML, parsed by `articles.parse`. The gazetteer comes from the database when its
Country table has rows, else from the reference fixtures.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from articles.extract import extract_facts
from articles.extract.normalise import split_text_article

MAX_FILE_BYTES = 20 * 1024 * 1024


class Command(BaseCommand):
    help = "Extract countries, people, meetings, topics and agreements from one article."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", help="a .txt or HTML file, or an http(s) URL")
        parser.add_argument("--url", help="the article's URL, printed as its url")
        parser.add_argument("--published", help="publication date, YYYY-MM-DD")

    def handle(self, *args: Any, **options: Any) -> None:
        published = _parse_published(options.get("published"))
        source: str = options["source"]
        if source.startswith(("http://", "https://")):
            title, body, page_date, url = _read_url(source)
        else:
            title, body, page_date, url = _read_file(Path(source))
        url = options.get("url") or url
        published = published or page_date
        result = extract_facts(body, title=title, published=published, gazetteer=_gazetteer())
        self.stdout.write(json.dumps(result.to_contract(url), ensure_ascii=False, indent=2))


def _parse_published(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published must be a date as YYYY-MM-DD, not {value!r}.") from None


def _read_file(path: Path) -> tuple[str, str, date | None, str | None]:
    try:
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CommandError(f"{path} is larger than {MAX_FILE_BYTES // 2**20} MB.")
        data = path.read_bytes()
    except OSError as exc:
        raise CommandError(f"Cannot read {path}: {exc.strerror or exc}") from None
    if path.suffix.lower() == ".txt":
        if b"\x00" in data[:4096]:
            raise CommandError(f"{path} is not a text file.")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CommandError(f"{path} is not UTF-8 text.") from None
        title, body = split_text_article(text)
        if not (title or body).strip():
            raise CommandError(f"{path} holds no text.")
        return title, body, None, None
    return _parse_html(data, None, None)


def _read_url(url: str) -> tuple[str, str, date | None, str | None]:
    try:
        from articles.fetch import fetch_url
    except ImportError as exc:
        raise CommandError(f"Fetching is not available: {exc}") from None
    try:
        fetched = fetch_url(url)
    except Exception as exc:  # any fetch failure is the user's bad input here
        raise CommandError(f"Cannot fetch {url}: {exc}") from None
    content = getattr(fetched, "content", b"") or b""
    final = getattr(fetched, "final_url", None) or url
    return _parse_html(content, final, getattr(fetched, "charset", None))


def _parse_html(
    data: bytes, url: str | None, charset: str | None
) -> tuple[str, str, date | None, str | None]:
    try:
        from articles.parse import parse_article
    except ImportError as exc:
        raise CommandError(f"HTML parsing is not available: {exc}") from None
    try:
        page = parse_article(data, url=url, declared_charset=charset)
    except Exception as exc:  # ParseError and whatever odd bytes provoke
        raise CommandError(f"Cannot read an article from the input: {exc}") from None
    published = getattr(page, "published", None)
    if isinstance(published, datetime):
        published = published.date()
    title, body = getattr(page, "title", "") or "", getattr(page, "body", "") or ""
    if not (title or body).strip():
        raise CommandError("The page holds no article text.")
    return title, body, published, getattr(page, "canonical_url", None) or url


def _gazetteer():
    from articles.gazetteer import load_gazetteer, load_gazetteer_from_files

    try:
        from tracker.models import Country

        if Country.objects.exists():
            return load_gazetteer()
    except DatabaseError:
        pass  # no database or no tables yet: the files serve
    return load_gazetteer_from_files()
