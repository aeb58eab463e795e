"""Per-week summaries for the history screen, cached so an unchanged week file is read once.

A summary computed from one week file is kept with the file's modification time and size,
in memory and in cache/week-summaries.json, so a week whose file has not changed is never
read again, in this run or the next. The cache is derived data: not backed up, and rebuilt
when missing, damaged or of another version.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Iterable
from typing import Any

from ..domain.jsontext import load_json
from .atomic import atomic_write_bytes
from .layout import part_path
from .open_files import OpenFiles
from .schema import PART_TABLES, validate_tables
from .storage import read_json_file

WEEK_CACHE_FILE = "cache/week-summaries.json"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class WeekSummaries:
    def __init__(self, files: OpenFiles, mutex: threading.RLock) -> None:
        self._files = files
        self._mutex = mutex
        self._state: dict[str, Any] | None = None

    def summaries(
        self,
        summarise: Callable[[dict[str, list[dict[str, Any]]]], Any],
        *,
        version: int,
        keys: Iterable[str] | None = None,
    ) -> dict[str, Any]:
        """`summarise(tables)` for each week file in `keys` (default: every one), newest first.

        `tables` maps table name -> raw validated records. Only files that changed since
        their summary was made are read. The store's mutex is not held while reading, so a
        long scan in a worker never holds up logging a set; only a full scan (keys=None)
        writes the cache file. The summaries returned are shared: read them, never change them.
        """
        cache = self._cache(version)
        with cache["lock"]:
            if keys is None and not cache["read"]:
                # The file is read for full scans only: a page of a dozen weeks is quicker
                # to read from the week files than ten years of cache.
                cache["weeks"] = {**self._read_cache(version), **cache["weeks"]}
                cache["read"] = True
            weeks: dict[str, Any] = cache["weeks"]
            wanted = self._files.parts() if keys is None else sorted(set(keys), reverse=True)
            changed = False
            out: dict[str, Any] = {}
            for key in wanted:
                path = part_path(self._files.data_dir, key)
                try:
                    info = path.stat()
                except FileNotFoundError:
                    changed |= weeks.pop(key, None) is not None
                    continue
                signature = [info.st_mtime_ns, info.st_size]  # stat before reading: never a stale pair
                entry = weeks.get(key)
                if entry is None or entry["sig"] != signature:
                    data = read_json_file(path) or {}
                    validate_tables(path, data, PART_TABLES)
                    tables = {name: list(data.get(name, {}).values()) for name in PART_TABLES}
                    entry = weeks[key] = {"sig": signature, "summary": summarise(tables)}
                    changed = True
                out[key] = entry["summary"]
            if keys is None:
                for gone in set(weeks) - set(wanted):
                    del weeks[gone]
                    changed = True
                if changed or cache["dirty"]:
                    cache["dirty"] = not self._write_cache(version, weeks)
            elif changed:
                cache["dirty"] = True
            return out

    def _cache(self, version: int) -> dict[str, Any]:
        with self._mutex:
            cache = self._state
            if cache is None or cache["version"] != version:
                cache = {"version": version, "lock": threading.Lock(), "dirty": False, "read": False, "weeks": {}}
                self._state = cache
            return cache

    def _read_cache(self, version: int) -> dict[str, Any]:
        try:
            raw = (self._files.data_dir / WEEK_CACHE_FILE).read_bytes()
            document = load_json(raw)
        except (OSError, ValueError):  # JsonTextError too: the cache is rebuilt
            return {}
        if not isinstance(document, dict) or document.get("version") != version:
            return {}
        weeks = document.get("weeks")
        # The weeks are the file's last member, written as hashed: see _write_cache.
        start = raw.find(b',"weeks":')
        if not isinstance(weeks, dict) or start < 0 or document.get("digest") != _digest(raw[start + 9 : -1]):
            # Edited or damaged: summaries would be trusted blindly (their files' signatures
            # still match), so the whole cache is dropped and rebuilt from the week files.
            return {}
        return {k: v for k, v in weeks.items() if isinstance(v, dict) and "sig" in v and "summary" in v}

    def _write_cache(self, version: int, weeks: dict[str, Any]) -> bool:
        """Best effort: a cache that cannot be written only costs a re-read next time."""
        if self._files.read_only is not None:
            return False
        path = self._files.data_dir / WEEK_CACHE_FILE
        try:
            path.parent.mkdir(exist_ok=True)
            body = json.dumps(weeks, separators=(",", ":")).encode("utf-8")
            head = json.dumps({"version": version, "digest": _digest(body)}, separators=(",", ":")).encode("utf-8")
            atomic_write_bytes(path, head[:-1] + b',"weeks":' + body + b"}")
        except (OSError, TypeError, ValueError):
            return False
        return True
