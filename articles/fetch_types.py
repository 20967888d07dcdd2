"""The result and error types of ``articles.fetch``, and header parsing helpers.

Kept apart from ``fetch`` so that code which only inspects results (ingest, tasks,
tests) does not need requests; ``articles.fetch`` re-exports everything here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

RETRYABLE_CODES = frozenset({"timeout", "connection", "rate_limited"})


@dataclass(frozen=True)
class FetchResult:
    """One completed exchange. ``headers`` keys are lower-case; ``content`` is decoded
    (no Content-Encoding left) and empty on a 304. ``redirects`` lists (status, target)
    per redirect followed, so callers can store a URL moved permanently (301/308)."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    content: bytes
    not_modified: bool
    etag: str | None
    last_modified: str | None
    content_type: str | None
    charset: str | None
    elapsed: float
    retry_after: float | None = None
    redirects: tuple[tuple[int, str], ...] = ()


class FetchError(Exception):
    """A fetch that failed. ``code`` is one of: timeout, too_large, blocked_address,
    blocked_scheme, too_many_redirects, redirect_loop, http_error, rate_limited,
    blocked_challenge, robots_disallowed, bad_content_type, connection, invalid_url.
    ``retryable`` says whether trying again later may succeed."""

    def __init__(
        self,
        code: str,
        message: str,
        *,
        url: str | None = None,
        status: int | None = None,
        retry_after: float | None = None,
        retryable: bool | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.url = url
        self.status = status
        self.retry_after = retry_after
        if retryable is None:
            retryable = code in RETRYABLE_CODES or (
                code == "http_error" and status is not None and (status >= 500 or status == 408)
            )
        self.retryable = retryable

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"

    def __reduce__(self) -> tuple[type[FetchError], tuple[str, str], dict[str, object]]:
        # Keyword-only attributes would be lost by Exception's default pickling.
        return type(self), (self.code, self.message), dict(self.__dict__)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After value (delta-seconds or HTTP-date), or None."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)  # an HTTP-date is GMT by definition
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """(MIME type, charset) from a Content-Type header, both lower-case or None."""
    if not value:
        return None, None
    mime, *params = value.split(";")
    charset = None
    for param in params:
        name, _, val = param.partition("=")
        if name.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'").lower()
    return mime.strip().lower() or None, charset


def check_status(url: str, status: int, headers: Mapping[str, str]) -> None:
    """Raise the FetchError a final (non-redirect) status means; 2xx and 304 pass."""
    if 200 <= status < 300 or status == 304:
        return
    retry_after = parse_retry_after(headers.get("retry-after"))
    if status == 429:
        raise FetchError(
            "rate_limited",
            f"429 Too Many Requests from {url}",
            url=url,
            status=status,
            retry_after=retry_after,
        )
    if status == 403 and headers.get("cf-mitigated", "").lower() == "challenge":
        raise FetchError(
            "blocked_challenge", f"bot challenge (Cloudflare) at {url}", url=url, status=status
        )
    raise FetchError(
        "http_error", f"HTTP {status} from {url}", url=url, status=status, retry_after=retry_after
    )


def type_matches(mime: str | None, expected: tuple[str, ...]) -> bool:
    """``mime`` equals one of ``expected`` or starts with one ending in "/" ("text/")."""
    return mime is not None and any(
        mime == t or (t.endswith("/") and mime.startswith(t)) for t in expected
    )
