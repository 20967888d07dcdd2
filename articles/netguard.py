"""The SSRF guard: which URLs and addresses a fetch may reach.

A fetch may only use http(s) and may only connect to public unicast addresses.
Every check happens on the address the resolver returns, so the odd spellings of
loopback (``2130706433``, ``0x7f.0.0.1``, ``[::ffff:127.0.0.1]``) are caught the
same way as ``127.0.0.1``. This module does no I/O except name resolution; the
HTTP adapter in ``articles.fetch`` calls :func:`resolve_address` on every hop and
connects to the address it returns (pinning), so DNS rebinding cannot switch the
target between the check and the connect.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Collection
from dataclasses import dataclass, field
from urllib.parse import urlsplit

ALLOWED_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Ranges the stdlib flags neither private nor reserved but that route to internal
# or translated networks (the list requests-hardened keeps, plus IPv4-compatible ::/96).
EXTRA_BLOCKED_NETWORKS = tuple(
    ipaddress.ip_network(cidr)
    for cidr in (
        "100.64.0.0/10",  # CGNAT (RFC 6598)
        "192.0.0.0/24",  # IETF protocol assignments
        "192.88.99.0/24",  # 6to4 relay anycast
        "198.18.0.0/15",  # benchmarking
        "::/96",  # IPv4-compatible IPv6 (deprecated) embeds any IPv4 address
        "64:ff9b::/96",  # NAT64 embeds any IPv4 address
        "64:ff9b:1::/48",  # local-use NAT64
        "2002::/16",  # 6to4 embeds any IPv4 address
        "5f00::/16",  # segment routing
        "3fff::/20",  # documentation
    )
)


class GuardError(Exception):
    """A URL or address the guard refuses; ``code`` is one of FetchError's codes."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class AddressPolicy:
    """What a fetch may connect to.

    ``allow_private`` lifts the address check entirely (tests, offline demo).
    ``allowed_hosts`` lifts it for named hosts only: an entry ``"host"`` matches
    any port, ``"host:port"`` only that port (IPv6 hosts without brackets).
    """

    allow_private: bool = False
    allowed_hosts: frozenset[str] = field(default_factory=frozenset)

    def exempts(self, host: str, port: int) -> bool:
        host = host.lower()
        return self.allow_private or bool({host, f"{host}:{port}"} & self.allowed_hosts)


def make_policy(allow_private: bool, allowed_hosts: Collection[str] = ()) -> AddressPolicy:
    return AddressPolicy(
        allow_private=allow_private,
        allowed_hosts=frozenset(h.lower().strip() for h in allowed_hosts),
    )


def is_public_address(ip: IPAddress) -> bool:
    """True for a global unicast address; False for anything a fetch must not reach."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            # ::ffff:a.b.c.d is a.b.c.d on a dual-stack socket: judge the IPv4 address.
            return is_public_address(ip.ipv4_mapped)
        if ip.is_site_local:
            return False
    if not ip.is_global or ip.is_multicast or ip.is_reserved or ip.is_unspecified:
        return False
    return not any(ip in net for net in EXTRA_BLOCKED_NETWORKS if net.version == ip.version)


def split_url(url: str) -> tuple[str, str, int]:
    """Return (scheme, host, port) of an http(s) URL or raise GuardError.

    Refuses other schemes (file:, ftp:, data:, gopher:, javascript: ...) before any I/O.
    """
    try:
        parts = urlsplit(url.strip())
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError as exc:
        raise GuardError("invalid_url", f"invalid URL {url!r}: {exc}") from exc
    if scheme not in ALLOWED_SCHEMES:
        raise GuardError("blocked_scheme", f"scheme {scheme or '(none)'!r} is not allowed: {url}")
    if not host:
        raise GuardError("invalid_url", f"URL has no host: {url}")
    return scheme, host, port or DEFAULT_PORTS[scheme]


def resolve_address(host: str, port: int, policy: AddressPolicy, family: int = 0) -> str:
    """Resolve ``host`` and return the one address to connect to.

    Refuses (GuardError "blocked_address") when ANY resolved address is not public:
    a name that answers with an internal address is suspect even if it also answers
    with a public one. Resolution failures are "connection" errors.
    """
    try:
        infos = socket.getaddrinfo(host, port, family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise GuardError("connection", f"cannot resolve {host!r}: {exc}") from exc
    addresses = [str(info[4][0]) for info in infos if info[0] in (socket.AF_INET, socket.AF_INET6)]
    if not addresses:
        raise GuardError("connection", f"{host!r} has no IPv4 or IPv6 address")
    if not policy.exempts(host, port):
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
            if not is_public_address(ip):
                raise GuardError(
                    "blocked_address", f"{host!r} resolves to non-public address {ip}; refused"
                )
    return addresses[0]


def check_url(url: str, policy: AddressPolicy) -> tuple[str, str, int]:
    """Check scheme and resolved address of ``url``; return (scheme, host, port)."""
    scheme, host, port = split_url(url)
    resolve_address(host, port, policy)
    return scheme, host, port
