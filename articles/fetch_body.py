"""Reading a streamed response body under a byte cap and a wall-clock deadline.

urllib3's ``read1`` returns whatever bytes have arrived (decoded, at most one chunk),
so checking the clock between reads cuts a server that drips its body; the socket
timeout is shrunk to the time left so a silent server is cut too. Measuring the
decoded bytes catches gzip/deflate bombs at the cap.
"""

from __future__ import annotations

import socket
import time

import urllib3

from articles.fetch_types import FetchError

CHUNK_SIZE = 16 * 1024


class Deadline:
    """A wall-clock budget in ``time.monotonic()`` seconds."""

    def __init__(self, seconds: float) -> None:
        self.start = time.monotonic()
        self.end = self.start + seconds

    def remaining(self) -> float:
        return self.end - time.monotonic()

    def elapsed(self) -> float:
        return time.monotonic() - self.start


def _find_socket(raw: urllib3.BaseHTTPResponse) -> socket.socket | None:
    """The socket under a streamed response (http.client keeps it in fp.raw._sock)."""
    fp = getattr(getattr(raw, "_fp", None), "fp", None)
    sock = getattr(getattr(fp, "raw", None), "_sock", None)
    return sock if isinstance(sock, socket.socket) else None


def _shrink_timeout(sock: socket.socket, seconds: float) -> socket.socket | None:
    try:
        sock.settimeout(max(0.01, seconds))
        return sock
    except OSError:  # already closed by http.client: the rest of the body is buffered
        return None


def read_body(
    url: str,
    raw: urllib3.BaseHTTPResponse,
    *,
    declared_length: str | None,
    max_bytes: int,
    read_timeout: float,
    deadline_at: float,
) -> bytes:
    """Read and decode the whole body, or raise FetchError too_large / timeout / connection.

    ``deadline_at`` is a ``time.monotonic()`` instant. Content-Length is only trusted
    to refuse early: the cap is enforced on the decoded bytes actually read.
    """
    declared = (declared_length or "").strip()
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError("too_large", f"Content-Length {declared} > {max_bytes}", url=url)
    sock = _find_socket(raw)
    chunks, total = [], 0
    try:
        while True:
            remaining = deadline_at - time.monotonic()
            if remaining <= 0:
                raise FetchError("timeout", f"deadline passed while reading {url}", url=url)
            if sock is not None:
                # read1 returns whatever arrived, so a drip cannot hold us past the deadline.
                sock = _shrink_timeout(sock, min(read_timeout, remaining))
            chunk = raw.read1(CHUNK_SIZE, decode_content=True)
            if not chunk:
                break
            total += len(chunk)
            if total > max_bytes:
                raise FetchError("too_large", f"body over {max_bytes} bytes", url=url)
            chunks.append(chunk)
    except (TimeoutError, urllib3.exceptions.TimeoutError) as exc:
        raise FetchError("timeout", f"timed out reading {url}", url=url) from exc
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        raise FetchError("connection", f"body of {url} broken: {exc}", url=url) from exc
    return b"".join(chunks)
