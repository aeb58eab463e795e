"""Digests of the data files gymtui writes, so it can tell its own files from any other.

After each write of a week file or the profile, the digest of the bytes written goes into a
small sidecar under cache/digests/ (`journal/2026-W47.json` -> `cache/digests/journal/2026-W47.json`).
A file whose bytes match its sidecar is exactly what this gymtui wrote from validated
models: the store loads it without validating it again (domain/trusted.py). Any other file
(edited by hand, put back from a backup, imported by copying, from an older folder with no
sidecars, or written by another gymtui version) is validated as always; reading it never
records a digest, only gymtui writing it does.

The sidecar is written after the data file and without fsync: a power cut between the two,
or a sidecar lost or damaged, costs one validation, never a wrong answer. The cache folder
is derived data: not backed up, and `gymtui doctor` validates every file whatever it says.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from .. import __version__
from .schema import SCHEMA_VERSION

DIGESTS_DIR = "cache/digests"
# Another version's dump may not fit this one's models: its files are validated once more.
WRITER = f"gymtui {__version__} schema {SCHEMA_VERSION} blake2b"


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def sidecar_path(data_dir: Path, path: Path) -> Path:
    return Path(data_dir) / DIGESTS_DIR / Path(path).relative_to(data_dir)


def record_digest(sidecar: Path, data: bytes) -> None:
    """Note that `data` is what gymtui wrote (call it once the data file is durable). Best
    effort: a sidecar that cannot be written only costs a validation at the next start."""
    line = f"{WRITER} {digest(data)}\n".encode()
    temp = sidecar.with_name(sidecar.name + ".tmp")
    try:
        sidecar.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(line)
        os.replace(temp, sidecar)
    except OSError:
        with contextlib.suppress(OSError):
            sidecar.unlink()  # a stale one never matches the new bytes, but it need not stay


def written_by_gymtui(sidecar: Path, data: bytes) -> bool:
    """True when `data` is exactly what this gymtui last wrote to the sidecar's file."""
    try:
        line = sidecar.read_bytes()
    except OSError:
        return False
    return line == f"{WRITER} {digest(data)}\n".encode()
