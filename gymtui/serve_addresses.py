"""The names and addresses `gymtui serve` answers to, and what it tells the lifter they expose."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from pathlib import Path
from urllib.parse import urlsplit

LOOPBACK_HOSTS = {"localhost", "localhost.localdomain", "ip6-localhost"}


def is_loopback_literal(host: str) -> bool:
    """localhost, 127.x.x.x or ::1 as written, without asking DNS."""
    name = host.strip().strip("[]").lower()
    if name in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def is_loopback(host: str) -> bool:
    """True for names and addresses only this machine can reach (127.0.0.1, ::1, localhost)."""
    if is_loopback_literal(host):
        return True
    name = host.strip().strip("[]").lower()
    try:
        ipaddress.ip_address(name)
        return False  # an address that is not loopback
    except ValueError:
        pass
    try:  # a host name: loopback only if every address it stands for is
        found = {str(info[4][0]) for info in socket.getaddrinfo(name, None)}
    except OSError:
        return False
    return bool(found) and all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in found)


ANY_ADDRESS = ("0.0.0.0", "::", "")


def own_names(host: str) -> set[str]:
    """Names a request may give in its Host header besides the address it reached. Served on
    loopback: the loopback names only. Served on the network: this machine's own names too
    (its host name, and that name on .local as a phone on the same network may use it)."""
    if is_loopback(host):
        return set(LOOPBACK_HOSTS)
    hostname = socket.gethostname().strip().lower()
    names = set(LOOPBACK_HOSTS) | {hostname, f"{hostname}.local"}
    with contextlib.suppress(OSError):
        names.add(socket.getfqdn().strip().lower())
    if host not in ANY_ADDRESS:
        names.add(host.strip().strip("[]").lower())
    return {name for name in names if name}


def host_allowed(requested: str, names: set[str], local_address: str | None) -> bool:
    """True when a request's Host (without its port) names this machine: a loopback name or
    address, one of `names`, or the very address the connection arrived at. Any other name
    is a page that pointed a name of its own at this machine (DNS rebinding): refused."""
    name = requested.strip().strip("[]").lower()
    if not name:
        return False
    if is_loopback_literal(name) or name in names:
        return True
    try:
        asked = ipaddress.ip_address(name.split("%")[0])
        reached = ipaddress.ip_address(local_address.split("%")[0]) if local_address else None
    except ValueError:
        return False
    return asked == reached


def exposure_lines(host: str, port: int) -> list[str]:
    """What binding `host` exposes, said before the server starts (nothing for loopback)."""
    if is_loopback(host):
        return []
    where = "every network this machine is on" if host in ("0.0.0.0", "::", "") else host
    return [
        f"WARNING: listening on {host}:{port} ({where}), not only on this machine.",
        f"Anyone who can reach {host}:{port} can see and change your training data: there is no password.",
        "Use it only on a network you trust, and stop it with Ctrl+C when the session is over.",
    ]


def page_addresses(host: str, port: int) -> list[str]:
    """The addresses a browser can open. On loopback, this machine's; on every address, this
    machine's own network addresses, which a phone on the same network can reach."""
    if host not in ANY_ADDRESS:
        shown = f"[{host}]" if ":" in host else host
        return [f"http://{shown}:{port}"]
    found: list[str] = []
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            address = str(info[4][0])
            if not ipaddress.ip_address(address).is_loopback and address not in found:
                found.append(address)
    return [f"http://{address}:{port}" for address in found] + [f"http://127.0.0.1:{port}"]


def address_lines(host: str, port: int, data_dir: Path) -> list[str]:
    """Said once the port is open. Each address stands alone on its own short line, so it can
    be read off a small screen and typed into a phone."""
    addresses = page_addresses(host, port)
    where = "Open in a browser:" if len(addresses) == 1 else "Open one of these in a browser:"
    return [
        f"gymtui serve is running (data: {data_dir}).",
        where,
        *(f"  {address}" for address in addresses),
        "Each browser tab runs its own gymtui; one at a time can use the data. Ctrl+C stops.",
    ]


def same_origin(origin: str | None, host: str) -> bool:
    """A page from another site may not drive the app through the browser's websocket."""
    return origin is None or urlsplit(origin).netloc.lower() == host.lower()
