"""Serve the offline demo news sites (fixtures/sites) over HTTP, standard library only.

Each site is served under ``/<slug>/``. Files are sent with the placeholder host
``http://SITE_BASE`` replaced by the server's own base URL, so feeds and canonical links
point back at this server. Content-Type carries the charset the manifest gives (some pages
deliberately declare the wrong one), and ETag/Last-Modified make conditional GETs answer
304, as real feeds do.

Used by the demo management command and by tests; binds to loopback by default.
"""

from __future__ import annotations

import hashlib
import json
import threading
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

PLACEHOLDER = b"http://SITE_BASE"

__all__ = ["PLACEHOLDER", "serve_sites"]


def _charsets(root: Path) -> dict[str, str]:
    """Site-relative page paths ("slug/path.html") -> declared charset, from the manifest."""
    manifest_path = root / "manifest.json"
    if not manifest_path.exists():
        return {}
    declared: dict[str, str] = {}
    for site in json.loads(manifest_path.read_text(encoding="utf-8")):
        declared[site["site"]] = site.get("charset", "utf-8")
        for article in site.get("articles", []):
            if article.get("charset"):
                declared[f"{site['site']}{article['path']}"] = article["charset"]
    return declared


def _content_type(rel: str, charsets: dict[str, str]) -> str:
    slug = rel.split("/", 1)[0]
    charset = charsets.get(rel) or charsets.get(slug) or "utf-8"
    if rel.endswith((".html", ".htm")):
        return f"text/html; charset={charset}"
    if rel.endswith(".atom"):
        return "application/atom+xml; charset=utf-8"
    if rel.endswith(".xml"):
        kind = "rss+xml" if "/rss" in rel else "xml"
        return f"application/{kind}; charset=utf-8"
    if rel.endswith((".txt", ".md")):
        return "text/plain; charset=utf-8"
    if rel.endswith(".json"):
        return "application/json"
    return "application/octet-stream"


def _make_handler(root: Path, charsets: dict[str, str], base_holder: list[str]) -> type:
    root = root.resolve()

    class Handler(BaseHTTPRequestHandler):
        server_version = "SamvadDemo/1.0"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            # Tests and the demo run many requests; stderr noise helps nobody.
            pass

        def _resolve(self) -> tuple[Path, str] | None:
            rel = unquote(urlsplit(self.path).path).lstrip("/")
            if rel.endswith("/") or not rel:
                rel += "index.html"
            target = (root / rel).resolve()
            # No escaping the fixture root, no build script or other non-site files.
            if root not in target.parents or target.parent == root or not target.is_file():
                return None
            if target.suffix == ".py":
                return None
            return target, target.relative_to(root).as_posix()

        def _send(self, head_only: bool) -> None:
            found = self._resolve()
            if found is None:
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            target, rel = found
            body = target.read_bytes().replace(PLACEHOLDER, base_holder[0].encode("ascii"))
            etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'  # noqa: S324 - not security
            mtime = int(target.stat().st_mtime)
            if self._not_modified(etag, mtime):
                self.send_response(HTTPStatus.NOT_MODIFIED)
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", formatdate(mtime, usegmt=True))
                self.end_headers()
                return
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", _content_type(rel, charsets))
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", formatdate(mtime, usegmt=True))
            self.end_headers()
            if not head_only:
                self.wfile.write(body)

        def _not_modified(self, etag: str, mtime: int) -> bool:
            if_none_match = self.headers.get("If-None-Match")
            if if_none_match is not None:
                tags = {tag.strip() for tag in if_none_match.split(",")}
                return etag in tags or "*" in tags
            since = self.headers.get("If-Modified-Since")
            if since:
                try:
                    return int(parsedate_to_datetime(since).timestamp()) >= mtime
                except (TypeError, ValueError):
                    return False
            return False

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            self._send(head_only=False)

        def do_HEAD(self) -> None:  # noqa: N802
            self._send(head_only=True)

    return Handler


def serve_sites(
    root: Path, host: str = "127.0.0.1", port: int = 0
) -> tuple[ThreadingHTTPServer, str]:
    """Start serving ``root`` in a daemon thread; return the server and its base URL.

    ``port=0`` picks a free port. Stop with ``server.shutdown(); server.server_close()``.
    """
    base_holder = [""]
    handler = _make_handler(Path(root), _charsets(Path(root)), base_holder)
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    bound_host, bound_port = server.server_address[:2]
    shown = f"[{bound_host!s}]" if ":" in str(bound_host) else str(bound_host)
    base_holder[0] = f"http://{shown}:{bound_port}"
    thread = threading.Thread(target=server.serve_forever, name="demo-sites", daemon=True)
    thread.start()
    return server, base_holder[0]
