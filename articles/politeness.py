"""Politeness towards news sites: robots.txt rules and one request per interval per host.

No HTTP here: ``articles.fetch`` passes in the function that downloads robots.txt.
The per-host slots live in Django's cache when Django is configured (so every
worker sharing the Redis cache shares them) and in a process-local dict otherwise.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from protego import Protego

if TYPE_CHECKING:
    from django.core.cache.backends.base import BaseCache

log = logging.getLogger(__name__)

ROBOTS_TTL = 3600.0
# A robots.txt that could not be read is retried sooner than a good one.
ROBOTS_UNAVAILABLE_TTL = 600.0
ROBOTS_MAX_BYTES = 512 * 1024  # what Google reads of a robots.txt

_robots_lock = threading.Lock()
_robots_cache: dict[str, tuple[float, Protego | None]] = {}


class RobotsUnavailable(Exception):
    """robots.txt could not be read (5xx, timeout): crawl allowed, cached briefly."""


def get_robots_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}/robots.txt"


def robots_allows(url: str, user_agent: str, fetch_robots: Callable[[str], bytes | None]) -> bool:
    """Whether robots.txt of the URL's origin lets ``user_agent`` fetch ``url``.

    ``fetch_robots(robots_url)`` returns the file's bytes, None when there is none
    (4xx: everything allowed), or raises RobotsUnavailable (allowed, logged). Other
    exceptions (such as a blocked address) propagate. Answers are cached per origin.
    """
    robots_url = get_robots_url(url)
    now = time.monotonic()
    with _robots_lock:
        cached = _robots_cache.get(robots_url)
    if cached is None or cached[0] <= now:
        ttl = ROBOTS_TTL
        try:
            body = fetch_robots(robots_url)
            rules = Protego.parse(body.decode("utf-8", "replace")) if body else None
        except RobotsUnavailable as exc:
            log.warning("robots.txt unavailable, crawling allowed: %s (%s)", robots_url, exc)
            rules, ttl = None, ROBOTS_UNAVAILABLE_TTL
        cached = (now + ttl, rules)
        with _robots_lock:
            _robots_cache[robots_url] = cached
    rules = cached[1]
    return rules is None or rules.can_fetch(url, user_agent)


def clear_robots_cache() -> None:
    with _robots_lock:
        _robots_cache.clear()


# Per-host slots. A caller reserves the next free slot (last + interval) under a
# short lock, then sleeps until it: no polling, and correct whatever the cache's
# expiry resolution is (Redis keeps whole seconds), because expiry only collects garbage.
_local_lock = threading.Lock()
_local_slots: dict[str, float] = {}
SLOT_LOCK_SECONDS = 5


def get_shared_cache() -> BaseCache | None:
    """Django's default cache when Django settings are configured, else None."""
    try:
        from django.conf import settings

        if not settings.configured:
            return None
        from django.core.cache import cache

        return cache
    except ImportError:
        return None


def next_slot(last: float | None, now: float, interval: float) -> float:
    return now if last is None else max(now, last + interval)


def reserve_local_slot(host: str, interval: float, max_wait: float) -> float | None:
    with _local_lock:
        now = time.time()
        slot = next_slot(_local_slots.get(host), now, interval)
        if slot - now > max_wait:
            return None
        _local_slots[host] = slot
        return slot - now


def reserve_shared_slot(
    cache: BaseCache, host: str, interval: float, max_wait: float
) -> float | None:
    lock_key, slot_key = f"fetch-host-lock:{host}", f"fetch-host-slot:{host}"
    give_up = time.monotonic() + max(max_wait, 1.0)
    # add() is atomic in every Django cache backend (SET NX in Redis).
    while not cache.add(lock_key, 1, timeout=SLOT_LOCK_SECONDS):
        if time.monotonic() > give_up:
            return None
        time.sleep(0.01)
    try:
        now = time.time()
        slot = next_slot(cache.get(slot_key), now, interval)
        if slot - now > max_wait:
            return None
        cache.set(slot_key, slot, timeout=math.ceil(slot - now + interval) + 1)
        return slot - now
    finally:
        cache.delete(lock_key)


def wait_for_host_slot(
    host: str, interval: float, max_wait: float, cache: BaseCache | None = None
) -> bool:
    """Sleep until ``host`` may be contacted again; one request per ``interval`` seconds.

    Returns False, without reserving anything, when the wait would exceed
    ``max_wait``. ``cache`` defaults to Django's cache if configured.
    """
    if interval <= 0:
        return True
    shared = cache if cache is not None else get_shared_cache()
    try:
        if shared is not None:
            delay = reserve_shared_slot(shared, host, interval, max_wait)
        else:
            delay = reserve_local_slot(host, interval, max_wait)
    except Exception:  # Redis down: per-process politeness beats no fetching at all
        log.warning("shared host slots unavailable, using this process's", exc_info=True)
        delay = reserve_local_slot(host, interval, max_wait)
    if delay is None:
        return False
    if delay > 0:
        time.sleep(delay)
    return True
