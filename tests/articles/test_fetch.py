"""articles.fetch against a fake news site on 127.0.0.1 (RELIABILITY.md F1-F8).

The fake site is a threaded pytest-httpserver, so a handler that hangs or drips
cannot hold up the next test. Loopback is allowed per test (``allow_private=True``
or ``allowed_hosts``); the SSRF tests use the strict guard and record every
``socket.connect`` through an audit hook.
"""

from __future__ import annotations

import functools
import pickle
import socket
import sys
import time
import tracemalloc
import zlib
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from articles import politeness
from articles.fetch import USER_AGENT, FetchError, fetch_url, parse_retry_after

CONNECTS: list[object] = []
RECORDING = False


def record_connects(event: str, args: tuple) -> None:
    if RECORDING and event == "socket.connect":
        CONNECTS.append(args[1])


sys.addaudithook(record_connects)  # audit hooks cannot be removed: gated by RECORDING


@pytest.fixture
def connects():
    global RECORDING
    CONNECTS.clear()
    RECORDING = True
    yield CONNECTS
    RECORDING = False


@pytest.fixture(scope="module")
def site_server():
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def site(site_server):
    politeness.clear_robots_cache()
    yield site_server
    site_server.clear()


# The fake site is on loopback: allow it, skip robots.txt, no politeness pause,
# tiny retry delays. Tests that exercise one of these override it.
fetch = functools.partial(
    fetch_url, allow_private=True, respect_robots=False, min_host_interval=0, retry_base_delay=0.01
)


def fetch_error(url: str, **kwargs) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch(url, **kwargs)
    return caught.value


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """About 200 KB of gzip that inflates to 200 MiB of zeros."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1024 * 1024)
    return b"".join(compressor.compress(block) for _ in range(200)) + compressor.flush()


def test_it_returns_body_validators_and_content_type_of_a_200(site):
    site.expect_request("/news/1", headers={"User-Agent": USER_AGENT}).respond_with_data(
        "भारत और जापान".encode(),
        headers={"ETag": '"v1"', "Last-Modified": "Mon, 05 May 2025 10:00:00 GMT"},
        content_type="text/html; charset=UTF-8",
    )
    result = fetch(site.url_for("/news/1"))
    assert result.status == 200
    assert result.content.decode() == "भारत और जापान"
    assert (result.etag, result.last_modified) == ('"v1"', "Mon, 05 May 2025 10:00:00 GMT")
    assert (result.content_type, result.charset) == ("text/html", "utf-8")
    assert result.headers["etag"] == '"v1"'
    assert result.final_url == result.url and not result.not_modified


def test_it_sends_both_conditional_headers_and_reports_304_as_not_modified(site):
    validators = {"If-None-Match": '"v1"', "If-Modified-Since": "Mon, 05 May 2025 10:00:00 GMT"}
    site.expect_request("/feed", headers=validators).respond_with_data("", status=304)
    result = fetch(
        site.url_for("/feed"), etag='"v1"', last_modified=validators["If-Modified-Since"]
    )
    assert result.not_modified and result.status == 304 and result.content == b""
    assert result.etag == '"v1"'


def test_it_does_not_retry_a_404(site):
    site.expect_request("/gone").respond_with_data("no", status=404)
    error = fetch_error(site.url_for("/gone"), retries=3)
    assert (error.code, error.status, error.retryable) == ("http_error", 404, False)
    assert len(site.log) == 1


def test_it_retries_a_500_and_returns_the_200_that_follows(site):
    site.expect_oneshot_request("/flaky").respond_with_data("oops", status=500)
    site.expect_request("/flaky").respond_with_data("ok")
    assert fetch(site.url_for("/flaky"), retries=2).content == b"ok"
    assert len(site.log) == 2


def test_it_gives_up_after_the_retries_on_a_persistent_503(site):
    site.expect_request("/down").respond_with_data("down", status=503)
    error = fetch_error(site.url_for("/down"), retries=2)
    assert (error.code, error.status, error.retryable) == ("http_error", 503, True)
    assert len(site.log) == 3


def test_it_times_out_when_the_server_is_slow_to_answer(site):
    def slow(request: Request) -> Response:
        time.sleep(1.0)
        return Response("late")

    site.expect_request("/slow").respond_with_handler(slow)
    started = time.monotonic()
    error = fetch_error(site.url_for("/slow"), read_timeout=0.3, retries=0)
    assert error.code == "timeout" and error.retryable
    assert time.monotonic() - started < 0.9


def test_it_cuts_a_drip_fed_body_at_the_deadline(site):
    def drip(request: Request) -> Response:
        def body():
            for _ in range(50):  # 10 s of body, one byte every 0.2 s
                yield b"x"
                time.sleep(0.2)

        return Response(body(), headers={"Content-Length": "50"})

    site.expect_request("/drip").respond_with_handler(drip)
    started = time.monotonic()
    error = fetch_error(site.url_for("/drip"), deadline=2.0, read_timeout=5.0, retries=0)
    assert error.code == "timeout"
    assert 1.8 <= time.monotonic() - started < 2.6


def test_it_refuses_a_declared_20_mb_body_before_reading_it(site):
    site.expect_request("/big").respond_with_data(bytes(20 * 1024 * 1024))
    error = fetch_error(site.url_for("/big"), max_bytes=5 * 1024 * 1024)
    assert error.code == "too_large" and not error.retryable


def test_it_cuts_an_undeclared_20_mb_stream_at_max_bytes(site):
    def stream(request: Request) -> Response:
        return Response(bytes(1024 * 1024) for _ in range(20))  # chunked, no length

    site.expect_request("/stream").respond_with_handler(stream)
    error = fetch_error(site.url_for("/stream"), max_bytes=5 * 1024 * 1024)
    assert error.code == "too_large"


def test_it_reads_no_more_than_a_lying_content_length_declares(site):
    def liar(request: Request) -> Response:
        return Response((bytes(64 * 1024) for _ in range(320)), headers={"Content-Length": "1000"})

    site.expect_request("/liar").respond_with_handler(liar)
    assert len(fetch(site.url_for("/liar"), max_bytes=100_000).content) <= 1000


def test_it_stops_a_gzip_bomb_at_max_bytes_with_little_memory(site, gzip_bomb):
    site.expect_request("/bomb").respond_with_data(
        gzip_bomb, headers={"Content-Encoding": "gzip"}, content_type="application/xml"
    )
    tracemalloc.start()
    started = time.monotonic()
    try:
        error = fetch_error(site.url_for("/bomb"), max_bytes=5 * 1024 * 1024)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert error.code == "too_large"
    assert time.monotonic() - started < 3
    assert peak < 32 * 1024 * 1024


def test_it_follows_five_redirects_and_reports_them(site):
    for hop in range(5):
        site.expect_request(f"/r{hop}").respond_with_data(
            "", status=301 if hop == 0 else 302, headers={"Location": f"/r{hop + 1}"}
        )
    site.expect_request("/r5").respond_with_data("arrived")
    result = fetch(site.url_for("/r0"))
    assert result.content == b"arrived" and result.final_url == site.url_for("/r5")
    assert result.redirects[0] == (301, site.url_for("/r1")) and len(result.redirects) == 5


def test_it_refuses_a_sixth_redirect(site):
    for hop in range(7):
        site.expect_request(f"/r{hop}").respond_with_data(
            "", status=302, headers={"Location": f"/r{hop + 1}"}
        )
    assert fetch_error(site.url_for("/r0")).code == "too_many_redirects"
    assert len(site.log) == 6


def test_it_detects_a_redirect_loop(site):
    site.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    site.expect_request("/b").respond_with_data("", status=307, headers={"Location": "/a"})
    error = fetch_error(site.url_for("/a"))
    assert error.code == "redirect_loop" and not error.retryable


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://2130706433/",
        "http://0x7f.0.0.1/",
        "http://0177.0.0.1/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::1]/",
        "http://0.0.0.0/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://100.64.0.1/",
        "https://224.0.0.1/",
    ],
)
def test_the_strict_guard_refuses_internal_addresses_without_connecting(url, connects):
    error = fetch_error(url, allow_private=False)
    assert error.code == "blocked_address" and not error.retryable
    assert connects == []


def test_it_refuses_a_hostname_that_resolves_to_a_private_address(monkeypatch, connects):
    def resolve(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    assert fetch_error("https://news.example/", allow_private=False).code == "blocked_address"
    assert connects == []


def test_it_refuses_a_dns_answer_that_turns_private_at_connect_time(monkeypatch, connects):
    answers = iter(["93.184.216.34", "127.0.0.1"])  # rebinding: public, then loopback

    def resolve(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    assert fetch_error("http://rebind.example/", allow_private=False).code == "blocked_address"
    assert connects == []


def test_it_connects_to_the_checked_address_and_keeps_the_host_header(site, monkeypatch):
    real_getaddrinfo = socket.getaddrinfo

    def resolve(host, port, *args, **kwargs):
        return real_getaddrinfo("127.0.0.1" if host == "news.example" else host, port, *args)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    site.expect_request("/p", headers={"Host": f"news.example:{site.port}"}).respond_with_data("ok")
    url = f"http://news.example:{site.port}/p"
    result = fetch(url, allow_private=False, allowed_hosts={"news.example"})
    assert result.content == b"ok"


@pytest.mark.parametrize(
    "target",
    ["http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:9/", "http://10.0.0.1/"],
)
def test_a_redirect_to_an_internal_address_is_refused_before_connecting(site, target, connects):
    site.expect_request("/go").respond_with_data("", status=302, headers={"Location": target})
    error = fetch_error(
        site.url_for("/go"), allow_private=False, allowed_hosts={f"127.0.0.1:{site.port}"}
    )
    assert error.code == "blocked_address"
    assert connects == [("127.0.0.1", site.port)]


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.com/feed", "data:text/html,hi", "gopher://x/", "feed"],
)
def test_only_http_and_https_are_fetched(url, connects):
    assert fetch_error(url).code == "blocked_scheme"
    assert connects == []


def test_a_url_without_host_is_invalid(connects):
    assert fetch_error("http:///path").code == "invalid_url"
    assert fetch_error("http://[::1/").code == "invalid_url"
    assert connects == []


def test_a_closed_port_is_a_retryable_connection_error():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    error = fetch_error(f"http://127.0.0.1:{port}/", retries=0)
    assert error.code == "connection" and error.retryable


def test_it_takes_allow_private_from_settings_by_default(site, settings):
    site.expect_request("/s").respond_with_data("ok")
    settings.FETCH_ALLOW_PRIVATE = False
    assert fetch_error(site.url_for("/s"), allow_private=None).code == "blocked_address"
    settings.FETCH_ALLOW_PRIVATE = True
    assert fetch(site.url_for("/s"), allow_private=None).content == b"ok"


def test_it_obeys_robots_txt_disallow(site):
    site.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private\n")
    site.expect_request("/public").respond_with_data("ok")
    assert fetch_error(site.url_for("/private/1"), respect_robots=True).code == (
        "robots_disallowed"
    )
    assert fetch(site.url_for("/public"), respect_robots=True).content == b"ok"
    paths = [request.path for request, _ in site.log]
    assert paths == ["/robots.txt", "/public"]  # robots.txt read once, /private never


@pytest.mark.parametrize("status", [404, 500])
def test_a_missing_or_broken_robots_txt_allows_crawling(site, status):
    site.expect_request("/robots.txt").respond_with_data("", status=status)
    site.expect_request("/page").respond_with_data("ok")
    assert fetch(site.url_for("/page"), respect_robots=True).content == b"ok"


def test_a_429_is_rate_limited_with_retry_after_seconds_and_not_retried(site):
    site.expect_request("/busy").respond_with_data("", status=429, headers={"Retry-After": "120"})
    error = fetch_error(site.url_for("/busy"), retries=2)
    assert (error.code, error.retry_after, error.retryable) == ("rate_limited", 120.0, True)
    assert len(site.log) == 1


def test_a_429_with_an_http_date_gives_seconds_to_wait(site):
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=120), usegmt=True)
    site.expect_request("/busy").respond_with_data("", status=429, headers={"Retry-After": later})
    error = fetch_error(site.url_for("/busy"))
    assert error.code == "rate_limited" and 115 <= error.retry_after <= 120


def test_parse_retry_after_reads_seconds_dates_and_rejects_junk():
    now = datetime(2025, 5, 5, 10, 0, tzinfo=UTC)
    assert parse_retry_after("30") == 30.0
    assert parse_retry_after("Mon, 05 May 2025 10:02:00 GMT", now=now) == 120.0
    assert parse_retry_after("Mon, 05 May 2025 09:00:00 GMT", now=now) == 0.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_a_cloudflare_challenge_is_blocked_challenge_and_a_plain_403_is_http_error(site):
    site.expect_request("/cf").respond_with_data(
        "<html>Just a moment...</html>", status=403, headers={"cf-mitigated": "challenge"}
    )
    site.expect_request("/forbidden").respond_with_data("no", status=403)
    assert fetch_error(site.url_for("/cf")).code == "blocked_challenge"
    assert fetch_error(site.url_for("/forbidden")).code == "http_error"


def test_it_refuses_an_unexpected_content_type_when_asked(site):
    site.expect_request("/img").respond_with_data(b"\x89PNG", content_type="image/png")
    error = fetch_error(site.url_for("/img"), expect_types=["text/", "application/xml"])
    assert error.code == "bad_content_type"


def test_two_fetches_to_one_host_are_spaced_by_the_host_interval(site):
    site.expect_request("/x").respond_with_data("ok")
    started = time.monotonic()
    fetch(site.url_for("/x"), min_host_interval=0.3)
    fetch(site.url_for("/x"), min_host_interval=0.3)
    assert time.monotonic() - started >= 0.3


def test_the_host_interval_works_without_django_cache(monkeypatch):
    monkeypatch.setattr(politeness, "get_shared_cache", lambda: None)
    started = time.monotonic()
    for _ in range(3):
        assert politeness.wait_for_host_slot("local.example", 0.1, max_wait=5)
    assert time.monotonic() - started >= 0.2
    assert not politeness.wait_for_host_slot("local.example", 10, max_wait=1)


def test_the_host_interval_falls_back_to_the_process_when_the_cache_fails():
    class BrokenCache:
        def add(self, *args, **kwargs):
            raise ConnectionError("redis is down")

    assert politeness.wait_for_host_slot("broken.example", 0.05, max_wait=5, cache=BrokenCache())


def test_a_fetch_error_survives_pickling_with_its_code_and_status():
    error = FetchError("http_error", "HTTP 503 from x", status=503, retry_after=30.0)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.code, copy.status, copy.retry_after, copy.retryable) == (
        "http_error",
        503,
        30.0,
        True,
    )
    assert str(copy) == "http_error: HTTP 503 from x"
