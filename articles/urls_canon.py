"""Canonical article URLs: one spelling per article, so the unique key dedups variants.

``canonicalize_url`` lower-cases the scheme and host (IDN hosts become punycode),
drops credentials, default ports, fragments and tracking parameters, resolves dot
segments, sorts the remaining query and writes every percent-escape the same way
(Devanagari paths come out as upper-case UTF-8 escapes whether they arrived raw or
escaped). The path's case and trailing slash are kept: servers may tell them apart.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import idna

DEFAULT_PORTS = {"http": 80, "https": 443}

# Parameters that identify a campaign or a click, never the article.
# fmt: off
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
        "igshid", "igsh", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok",
        "ref", "ref_src", "ref_url", "referrer", "cmpid", "ito", "icid", "ncid", "ocid",
        "s_cid", "spm", "sr_share", "vero_id", "oly_enc_id", "oly_anon_id", "rb_clickid",
        "__twitter_impression", "at_medium", "at_campaign", "ved", "usg",
    }
)
# fmt: on
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")

UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
PATH_SAFE = "/:@!$&'()*+,;=-._~%"
QUERY_SAFE = "/:@!$'()*,;-._~"
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def is_http_url(url: str) -> bool:
    """True for an absolute http(s) URL with a host (and a valid port, if any)."""
    try:
        parts = urlsplit(url.strip())
        return parts.scheme.lower() in DEFAULT_PORTS and bool(parts.hostname) and parts.port != 0
    except (ValueError, AttributeError):
        return False


def canonicalize_url(url: str) -> str:
    """Return the canonical form of an http(s) URL; ValueError for anything else."""
    if not is_http_url(url):
        raise ValueError(f"not an http(s) URL: {url!r}")
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    netloc = encode_host(parts.hostname or "")
    if parts.port is not None and parts.port != DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{parts.port}"
    path = normalize_escapes(remove_dot_segments(parts.path or "/"), PATH_SAFE) or "/"
    return urlunsplit((scheme, netloc, path, canonical_query(parts.query), ""))


def encode_host(host: str) -> str:
    """Lower-case ASCII host; an internationalised name becomes punycode (IDNA 2008/UTS 46)."""
    host = host.rstrip(".").lower()
    if ":" in host:  # IPv6 literal; urlsplit removed the brackets
        return f"[{host}]"
    if host.isascii():
        return host
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError:
        return host.encode("idna").decode("ascii")  # IDNA 2003 accepts some names 2008 refuses


def is_tracking_param(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES)


def canonical_query(query: str) -> str:
    pairs = [
        (key, value)
        for key, value in parse_qsl(query, keep_blank_values=True, errors="surrogateescape")
        if not is_tracking_param(key)
    ]
    return urlencode(sorted(pairs), quote_via=quote, safe=QUERY_SAFE, errors="surrogateescape")


def normalize_escapes(text: str, safe: str) -> str:
    """Escape what must be escaped, upper-case existing escapes, unescape unreserved ones."""

    def fix(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in UNRESERVED else f"%{match.group(1).upper()}"

    text = _STRAY_PERCENT.sub("%25", text)
    return quote(_ESCAPE.sub(fix, text), safe=safe)


def remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4: resolve "." and ".." segments of an absolute path."""
    if "." not in path:
        return path
    output: list[str] = []
    for segment in path.split("/"):
        if segment == "..":
            if len(output) > 1:
                output.pop()
        elif segment != ".":
            output.append(segment)
    if path.endswith(("/.", "/..")):
        output.append("")
    return "/".join(output) or "/"
