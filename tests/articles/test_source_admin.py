"""Staff cannot point a source at an internal address (SSRF), through the admin form."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from articles.models import Source

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/rss",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.5/feed",
        "http://[::ffff:127.0.0.1]/rss",
        "http://2130706433/rss",
        "file:///etc/passwd",
        "ftp://example.com/feed",
    ],
)
def test_a_source_with_an_internal_or_non_http_url_is_refused(url, settings):
    settings.FETCH_ALLOW_PRIVATE = False
    with pytest.raises(ValidationError):
        Source(name="x", feed_url=url).clean()


def test_the_admin_add_form_shows_the_refusal(admin_client, settings):
    settings.FETCH_ALLOW_PRIVATE = False
    response = admin_client.post(
        "/admin/articles/source/add/",
        {
            "name": "bad",
            "kind": "rss",
            "feed_url": "http://127.0.0.1:6379/",
            "language": "hi",
            "poll_interval": 60,
            "active": "on",
        },
    )
    assert response.status_code == 200
    assert "non-public" in response.content.decode()
    assert not Source.objects.exists()


def test_the_admin_lists_sources_with_their_health(admin_client):
    Source.objects.create(
        name="डेस्क",
        feed_url="https://example.com/rss",
        consecutive_failures=3,
        last_error_code="timeout",
    )
    page = admin_client.get("/admin/articles/source/").content.decode()
    assert "डेस्क" in page and "timeout" in page
