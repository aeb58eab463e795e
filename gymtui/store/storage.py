"""A TinyDB storage that writes atomically and keeps the parsed file in memory.

TinyDB's JSONStorage re-reads and re-parses its whole file on every operation and rewrites
it in place. This storage parses once, answers reads from memory, and replaces the file
atomically on each write, so a write costs one serialisation of this (small, weekly) file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from ..domain.jsontext import JsonTextError, load_json
from .atomic import atomic_write_bytes
from .digests import record_digest
from .errors import CorruptFileError, DiskWriteError, ReadOnlyFolderError
from .schema import canonical_tables


def read_json_file(path: Path) -> dict[str, Any] | None:
    """Parse a data file, raising CorruptFileError with line and column on bad JSON."""
    return read_json_bytes(path)[0]


def read_json_bytes(path: Path) -> tuple[dict[str, Any] | None, bytes]:
    """The data file parsed (None when there is none) and its bytes, for their digest."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, b""
    except OSError as error:
        raise CorruptFileError(path, f"cannot be read: {error.strerror or error}") from error
    return parse_json_bytes(path, raw), raw


def parse_json_bytes(path: Path, raw: bytes) -> dict[str, Any]:
    if not raw.strip():
        raise CorruptFileError(path, "is empty (expected a JSON object)")
    try:
        data = load_json(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise CorruptFileError(path, f"is not UTF-8 text (byte {error.start})") from error
    except JsonTextError as error:
        raise CorruptFileError(path, str(error)) from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise CorruptFileError(path, "does not hold TinyDB tables (expected an object of objects)")
    return data


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | Path, initial: dict[str, Any] | None = None, read_only: str | None = None,
                 sidecar: Path | None = None, models: dict[str, Any] | None = None) -> None:
        self.path = Path(path)
        # `initial` lets the store hand over data it already parsed while validating.
        self._data: dict[str, Any] | None = initial
        self.read_only = read_only  # why the folder cannot be written, when it cannot
        self.sidecar = sidecar  # where the digest of each write goes (store/digests.py)
        self.writes = 0  # writes asked of this file since it was opened
        # The tables' models while the records are as a file not written by gymtui had them
        # (validated, but not necessarily as the models dump them); None once they are dumps.
        self.models = models

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            self._data = read_json_file(self.path)
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self.writes += 1  # even one that fails: what is read may change (see session_records)
        if self.read_only is not None:
            self._data = None  # as after a failed write: TinyDB may have changed it in place
            raise ReadOnlyFolderError(self.path, self.read_only)
        if self.models is not None:
            # The file becomes gymtui's own: every record as its model dumps it, so the
            # digest recorded below never vouches for a record gymtui did not write.
            data = canonical_tables(self.path, data, self.models)
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            atomic_write_bytes(self.path, payload)
        except OSError as error:
            # TinyDB may have changed the cached documents in place before calling us:
            # forget them so the next read comes from the intact file on disk.
            self._data = None
            raise DiskWriteError(self.path, error) from error
        self._data = data
        self.models = None
        if self.sidecar is not None:
            record_digest(self.sidecar, payload)  # after the file: a cut between costs a validation

    def close(self) -> None:
        self._data = None
