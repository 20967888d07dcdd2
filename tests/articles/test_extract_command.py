"""The `extract` and `evaluate_extraction` management commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.articles.extraction_support import GOLD, PAGES, ROOT

SEED_003 = PAGES / "seed_003_d38e96fed68a67b2.txt"
KEYS = ["url", "title", "published", "body", "countries", "pair", "people", "topics",
        "meetings", "agreements"]  # fmt: skip


def extract(*args: str, **options) -> dict:
    out = StringIO()
    call_command("extract", *args, stdout=out, **options)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_it_prints_the_contract_json_of_a_text_seed():
    result = extract(str(SEED_003), published="2025-05-05", url="https://example.test/a")
    assert list(result) == KEYS
    assert result["url"] == "https://example.test/a" and result["pair"] == ["IN", "JP"]
    (meeting,) = result["meetings"]
    assert meeting["date"] == "2025-05-05" and meeting["participants"] == [
        "राजनाथ सिंह",
        "जेन नाकातानी",
    ]
    assert set(result["people"][0]) == {"name", "name_en", "country", "role"}


@pytest.mark.django_db
def test_it_reads_an_html_file_through_the_parser():
    html = (
        "<html><head><title>भारत-जापान बैठक</title></head><body><article><p>"
        + ("रक्षा मंत्री राजनाथ सिंह ने आज जापान के रक्षा मंत्री जेन नाकातानी से मुलाकात की। " * 3)
        + "</p></article></body></html>"
    )
    path = ROOT / "tests/data/extraction/_tmp_page.html"
    try:
        path.write_text(html, encoding="utf-8")
        result = extract(str(path), published="2025-05-05")
    finally:
        path.unlink(missing_ok=True)
    assert result["pair"] == ["IN", "JP"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "options", "message"),
    [
        (["/no/such/file.txt"], {}, "No such file"),
        ([str(SEED_003)], {"published": "05-05-2025"}, "YYYY-MM-DD"),
    ],
)
def test_bad_input_is_a_clear_command_error(args, options, message):
    with pytest.raises(CommandError, match=message):
        extract(*args, **options)


def test_a_binary_file_exits_with_status_1_and_no_traceback(tmp_path):
    binary = tmp_path / "junk.txt"
    binary.write_bytes(b"\x00\xff\xfe" * 100)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tracker.settings_test"}
    done = subprocess.run(
        [sys.executable, "manage.py", "extract", str(binary)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 1
    assert "not a text file" in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_the_evaluation_command_prints_the_table():
    out = StringIO()
    call_command("evaluate_extraction", str(GOLD), "--verbose", stdout=out)
    table = out.getvalue()
    for field in (
        "countries",
        "participants",
        "topics",
        "amounts",
        "pair",
        "meeting_date",
        "place",
    ):
        assert field in table
