"""Shared fixtures: real services, never mocks.

A test that needs PostgreSQL, Redis or a Celery worker asks for the fixture of that
service. Without the service the test is skipped on a developer's machine and
fails in CI (`CI=true`), where a missing service is a broken build.
"""

from __future__ import annotations

import os

import pytest
from django.db import connection

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_service(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


@pytest.fixture
def postgres(db):
    """The test database, which must be PostgreSQL."""
    if connection.vendor != "postgresql":
        require_service(f"needs PostgreSQL, DATABASE_URL gives {connection.vendor}")
    return connection


@pytest.fixture(scope="session")
def redis_url() -> str:
    import redis
    from django.conf import settings

    url = settings.REDIS_URL
    if not url:
        require_service("needs Redis: REDIS_URL is not set")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        require_service(f"needs Redis at {url}: {exc}")
    return url


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the reference data once per test database (idempotent, so --reuse-db is fine)."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_reference_data", verbosity=0)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends with a flush of every table; put the reference data
    back for the tests that follow it in this process."""
    yield
    marker = item.get_closest_marker("django_db")
    if marker is None or not (marker.kwargs.get("transaction") or marker.args[:1] == (True,)):
        return
    from django.core.management import call_command
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        call_command("load_reference_data", verbosity=0)


@pytest.fixture(autouse=True)
def _fresh_robots_cache():
    """robots.txt is cached per host for an hour, and the fake sites of every test share
    one host and port: each test starts with none cached."""
    from articles.politeness import clear_robots_cache

    clear_robots_cache()
    yield
    clear_robots_cache()
