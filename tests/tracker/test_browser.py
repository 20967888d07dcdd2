"""The public site in a real browser (Debian's Chromium driven by Playwright):
a reader lands on Hindi, opens a pair, reads a meeting's evidence, switches to English.
"""

from __future__ import annotations

import shutil

import pytest
from django.core.management import call_command

from tests.conftest import require_service

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="module")
def browser():
    path = shutil.which("chromium")
    if path is None:
        require_service("needs Debian's chromium for browser tests")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the test's
    # own fixtures make are still synchronous, so Django's guard is lifted meanwhile.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def ingested(transactional_db, settings):
    settings.FETCH_ALLOW_PRIVATE = True
    settings.FETCH_MIN_HOST_INTERVAL = 0
    call_command("load_reference_data", verbosity=0)
    call_command("demo", "--no-serve", "--sites-port", "0", verbosity=0)


def test_a_reader_browses_a_pair_and_a_meetings_evidence(browser, live_server, ingested):
    page = browser.new_page()
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "hi"
    assert page.get_by_role("heading", level=1).inner_text() == "ताज़ा बैठकें"

    page.get_by_role("link", name="देश-युग्म").click()
    page.get_by_role("link", name="भारत – जापान").click()
    assert page.url.endswith("/pairs/in-jp/")
    page.locator(".meeting", has_text="5 मई 2025").get_by_role("link").click()
    evidence = page.locator(".reports blockquote.evidence").first.inner_text()
    assert "राजनाथ सिंह" in evidence and "बैठक" in evidence

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert "/en/meetings/" in page.url
    assert page.get_by_role("heading", level=2, name="Sources").is_visible()
    assert "Rajnath Singh" in page.locator("dl").inner_text()

    page.get_by_role("button", name="हिन्दी").click()
    page.wait_for_load_state()
    assert "/en/" not in page.url and "/meetings/" in page.url
    assert page.get_by_role("heading", level=2, name="स्रोत").is_visible()
    page.close()
