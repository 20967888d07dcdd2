"""Template context shared by every public page."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def language_urls(request: HttpRequest) -> dict:
    """This page's address in each language, for the language switcher.

    Hindi, the default, has no prefix; other languages have theirs (`/en/...`).
    Django's translate_url cannot map `/en/x/` back to an unprefixed default-language
    URL, so the switcher is given the target URL itself.
    """
    path = request.path
    for code, _ in settings.LANGUAGES:
        prefix = f"/{code}/"
        if code != settings.LANGUAGE_CODE and path.startswith(prefix):
            path = path[len(prefix) - 1 :]
            break
    query = request.META.get("QUERY_STRING", "")
    suffix = f"?{query}" if query else ""
    urls = []
    for code, _ in settings.LANGUAGES:
        url = path if code == settings.LANGUAGE_CODE else f"/{code}{path}"
        urls.append((code, url + suffix))
    return {"language_urls": urls}
