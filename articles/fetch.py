"""Polite, guarded HTTP fetching: the only module in Samvad that imports requests.

``fetch_url()`` downloads one URL and returns a :class:`FetchResult`, or raises a
:class:`FetchError` whose ``code`` is stable (callers store it). What it promises:

- Only http(s). Redirects are followed here, by hand, and every hop is resolved and
  refused if any address is not public (``articles.netguard``); the connection then
  goes to the checked address (pinned), so DNS rebinding cannot switch it.
- One wall-clock ``deadline`` for the whole exchange (all hops, retries, robots.txt,
  politeness waits). requests' timeouts are per socket read; the body loop here
  reads small pieces and shrinks the socket timeout to the time left, so a drip feed
  is cut. The header phase is bounded per read only: the Celery task's soft and hard
  time limits are the backstop for a server that drips its headers.
- ``max_bytes`` counts DECODED bytes, so gzip/deflate bombs stop at the cap too.
- Conditional GET: a 304 is a result with ``not_modified=True``, not an error.
- Retries with exponential backoff and jitter on timeouts, connection errors and 5xx;
  never on 4xx. A 429 is raised at once (``rate_limited`` with ``retry_after``).
- robots.txt (``articles.politeness``) and one request per ``min_host_interval``
  seconds per host, shared between workers through Django's cache.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar, cast
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.connection import allowed_gai_family

from articles import netguard, politeness
from articles.fetch_body import Deadline, read_body
from articles.fetch_types import (
    FetchError,
    FetchResult,
    check_status,
    parse_content_type,
    parse_retry_after,
    type_matches,
)

if TYPE_CHECKING:
    from requests.adapters import _HostParams, _PoolKwargs

__all__ = [
    "USER_AGENT",
    "FetchError",
    "FetchResult",
    "fetch_url",
    "parse_content_type",
    "parse_retry_after",
]

log = logging.getLogger(__name__)
T = TypeVar("T")

USER_AGENT = "SamvadBot/0.1 (+https://github.com/samvad/samvad; bilateral-diplomacy tracker)"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class PinnedAdapter(HTTPAdapter):
    """Resolves and checks the host, then makes urllib3 connect to that very address.

    The Host header, TLS SNI and certificate check keep the original host name (the
    approach of requests-hardened's IPFilterAdapter).
    """

    def __init__(self, policy: netguard.AddressPolicy) -> None:
        super().__init__(max_retries=0)
        self.policy = policy

    def build_connection_pool_key_attributes(
        self,
        request: requests.PreparedRequest,
        verify: bool | str,
        cert: str | tuple[str, str] | None = None,
    ) -> tuple[_HostParams, _PoolKwargs]:
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(
            request, verify, cert
        )
        host, scheme = host_params["host"], host_params["scheme"]
        port = host_params["port"] or netguard.DEFAULT_PORTS[scheme]
        address = netguard.resolve_address(host, port, self.policy, allowed_gai_family())
        request.headers["Host"] = urlsplit(cast(str, request.url)).netloc.rpartition("@")[2]
        if scheme == "https":
            # urllib3 takes these pool kwargs; the stub's TypedDict does not list them.
            pool_kwargs["server_hostname"] = host  # type: ignore[typeddict-unknown-key]
            pool_kwargs["assert_hostname"] = host  # type: ignore[typeddict-unknown-key]
        host_params["host"] = f"[{address}]" if ":" in address else address
        return host_params, pool_kwargs


@dataclass(frozen=True)
class _Options:
    headers: dict[str, str]
    expect_types: tuple[str, ...]
    max_bytes: int
    policy: netguard.AddressPolicy
    connect_timeout: float
    read_timeout: float
    max_redirects: int
    respect_robots: bool
    min_host_interval: float


def read_setting(name: str, default: T) -> T:
    """A Django setting if Django is configured, else ``default``."""
    try:
        from django.conf import settings

        return getattr(settings, name, default) if settings.configured else default
    except ImportError:
        return default


def fetch_url(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    accept: str | None = None,
    expect_types: Collection[str] = (),
    max_bytes: int | None = None,
    allow_private: bool | None = None,
    allowed_hosts: Collection[str] = (),
    connect_timeout: float = 5.0,
    read_timeout: float = 15.0,
    deadline: float = 20.0,
    max_redirects: int = 5,
    respect_robots: bool = True,
    retries: int = 2,
    retry_base_delay: float = 0.5,
    min_host_interval: float | None = None,
) -> FetchResult:
    """GET ``url`` politely and safely; see the module docstring for the guarantees.

    ``etag``/``last_modified``: validators from the previous fetch (conditional GET).
    ``accept``: the Accept header; ``expect_types``: MIME types (or prefixes such as
    ``"text/"``) the response must have, else ``bad_content_type``.
    ``max_bytes``/``min_host_interval``/``allow_private`` default to the settings
    FETCH_MAX_BYTES, FETCH_MIN_HOST_INTERVAL and FETCH_ALLOW_PRIVATE.
    ``allowed_hosts``: "host" or "host:port" entries exempt from the address check
    (tests and the offline demo); defaults to the setting FETCH_ALLOWED_HOSTS.
    ``retries``: extra attempts on transient failures, waiting
    ``retry_base_delay * 2**n`` plus jitter, all within ``deadline`` seconds.
    """
    if allow_private is None:
        allow_private = bool(read_setting("FETCH_ALLOW_PRIVATE", False))
    if not allowed_hosts:
        allowed_hosts = tuple(read_setting("FETCH_ALLOWED_HOSTS", ()))
    if max_bytes is None:
        max_bytes = int(read_setting("FETCH_MAX_BYTES", DEFAULT_MAX_BYTES))
    if min_host_interval is None:
        min_host_interval = float(read_setting("FETCH_MIN_HOST_INTERVAL", 1.0))
    headers = {"User-Agent": USER_AGENT, "Accept": accept or "*/*"}
    headers["Accept-Encoding"] = "gzip, deflate"
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    options = _Options(
        headers=headers,
        expect_types=tuple(t.lower() for t in expect_types),
        max_bytes=max_bytes,
        policy=netguard.make_policy(allow_private, allowed_hosts),
        connect_timeout=connect_timeout,
        read_timeout=read_timeout,
        max_redirects=max_redirects,
        respect_robots=respect_robots,
        min_host_interval=min_host_interval,
    )
    clock = Deadline(deadline)
    for attempt in range(retries + 1):
        try:
            return _fetch_once(url, options, clock)
        except FetchError as exc:
            delay = retry_base_delay * 2**attempt + random.uniform(0, retry_base_delay)
            # A server-given Retry-After or 429 is for the scheduler, not for a quick retry.
            give_up = exc.retry_after is not None or exc.code == "rate_limited"
            if not exc.retryable or give_up or attempt == retries or delay >= clock.remaining():
                raise
            log.info("fetch %s failed (%s); retry %d in %.2fs", url, exc, attempt + 1, delay)
            time.sleep(delay)
    raise AssertionError("unreachable")  # the loop returns or raises


def _fetch_once(url: str, options: _Options, clock: Deadline) -> FetchResult:
    redirects: list[tuple[int, str]]
    current, seen, redirects = url, {url}, []
    with requests.Session() as session:
        session.trust_env = False  # no proxies or .netrc from the environment
        adapter = PinnedAdapter(options.policy)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        while True:
            _prepare_hop(current, options, clock)
            response = _send(session, current, options, clock)
            with response:
                location = response.headers.get("location")
                if response.status_code not in REDIRECT_STATUSES or not location:
                    return _build_result(url, current, response, options, clock, redirects)
                target = urljoin(current, location.strip())
                if target in seen:
                    raise FetchError("redirect_loop", f"redirect loop at {target}", url=url)
                if len(redirects) >= options.max_redirects:
                    raise FetchError(
                        "too_many_redirects",
                        f"more than {options.max_redirects} redirects",
                        url=url,
                    )
                if urlsplit(current).scheme == "https" and urlsplit(target).scheme == "http":
                    raise FetchError("blocked_scheme", f"https to http redirect: {target}", url=url)
                redirects.append((response.status_code, target))
                seen.add(target)
                current = target


def _prepare_hop(url: str, options: _Options, clock: Deadline) -> None:
    """Refuse a bad URL before any I/O, then apply robots.txt and the host interval."""
    try:
        _scheme, host, _port = netguard.check_url(url, options.policy)
    except netguard.GuardError as exc:
        raise FetchError(exc.code, str(exc), url=url) from exc
    if options.respect_robots and not politeness.robots_allows(
        url, USER_AGENT, lambda robots_url: _fetch_robots(robots_url, options, clock)
    ):
        raise FetchError("robots_disallowed", f"robots.txt disallows {url}", url=url)
    if not politeness.wait_for_host_slot(host, options.min_host_interval, clock.remaining()):
        raise FetchError(
            "rate_limited",
            f"next polite slot for {host} is after the deadline",
            url=url,
            retry_after=options.min_host_interval,
        )


def _fetch_robots(robots_url: str, options: _Options, clock: Deadline) -> bytes | None:
    try:
        result = fetch_url(
            robots_url,
            accept="text/plain",
            max_bytes=politeness.ROBOTS_MAX_BYTES,
            allow_private=options.policy.allow_private,
            allowed_hosts=options.policy.allowed_hosts,
            connect_timeout=options.connect_timeout,
            read_timeout=options.read_timeout,
            deadline=max(0.1, min(10.0, clock.remaining())),
            respect_robots=False,
            retries=0,
            min_host_interval=options.min_host_interval,
        )
    except FetchError as exc:
        if exc.code in ("blocked_address", "blocked_scheme", "invalid_url"):
            raise
        if exc.code == "http_error" and exc.status is not None and exc.status < 500:
            return None  # no robots.txt (404, 403 ...): everything is allowed
        raise politeness.RobotsUnavailable(str(exc)) from exc
    return result.content


def _send(
    session: requests.Session, url: str, options: _Options, clock: Deadline
) -> requests.Response:
    remaining = clock.remaining()
    if remaining <= 0:
        raise FetchError("timeout", "deadline passed before the request", url=url)
    timeout = (min(options.connect_timeout, remaining), min(options.read_timeout, remaining))
    try:
        return session.get(
            url, headers=options.headers, timeout=timeout, stream=True, allow_redirects=False
        )
    except netguard.GuardError as exc:  # raised by PinnedAdapter at connect time
        raise FetchError(exc.code, str(exc), url=url) from exc
    except (requests.Timeout, urllib3.exceptions.TimeoutError) as exc:
        raise FetchError("timeout", f"timed out: {exc}", url=url) from exc
    except requests.exceptions.SSLError as exc:
        raise FetchError("connection", f"TLS error: {exc}", url=url, retryable=False) from exc
    except (
        requests.exceptions.InvalidURL,
        requests.exceptions.InvalidSchema,
        requests.exceptions.MissingSchema,
        urllib3.exceptions.LocationParseError,
        UnicodeError,
    ) as exc:
        raise FetchError("invalid_url", f"invalid URL: {exc}", url=url) from exc
    except (requests.RequestException, OSError) as exc:
        raise FetchError("connection", f"connection failed: {exc}", url=url) from exc


def _build_result(
    url: str,
    final_url: str,
    response: requests.Response,
    options: _Options,
    clock: Deadline,
    redirects: list[tuple[int, str]],
) -> FetchResult:
    check_status(final_url, response.status_code, response.headers)
    headers = {k.lower(): v for k, v in response.headers.items()}
    mime, charset = parse_content_type(headers.get("content-type"))
    not_modified = response.status_code == 304
    if not not_modified and options.expect_types and not type_matches(mime, options.expect_types):
        raise FetchError("bad_content_type", f"unexpected type {mime!r} at {final_url}", url=url)
    content = b""
    if not not_modified:
        content = read_body(
            final_url,
            response.raw,
            declared_length=response.headers.get("content-length"),
            max_bytes=options.max_bytes,
            read_timeout=options.read_timeout,
            deadline_at=clock.end,
        )
    return FetchResult(
        url=url,
        final_url=final_url,
        status=response.status_code,
        headers=headers,
        content=content,
        not_modified=not_modified,
        etag=headers.get("etag")
        or (options.headers.get("If-None-Match") if not_modified else None),
        last_modified=headers.get("last-modified")
        or (options.headers.get("If-Modified-Since") if not_modified else None),
        content_type=mime,
        charset=charset,
        elapsed=clock.elapsed(),
        retry_after=parse_retry_after(headers.get("retry-after")),
        redirects=tuple(redirects),
    )
