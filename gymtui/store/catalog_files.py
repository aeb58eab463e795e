"""Reading the training library's files: the shipped data folder (or another one), each file's
JSON handed to `domain.catalog.build_catalog`, which validates it. Cached per folder, as it is
read at every start."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..domain.catalog import (
    CHECKLIST_FILE,
    EXERCISES_FILE,
    MOBILITY_FILE,
    PROGRAMS_DIR,
    WARMUPS_FILE,
    Catalog,
    CatalogFiles,
    build_catalog,
    catalog_error,
)
from ..paths import shipped_dir


def load_catalog(data_dir: Path | str | None = None) -> Catalog:
    """Read and cross-check the library in `data_dir` (default: the shipped data folder).

    Cached per resolved folder: every caller gets the same Catalog. Raises CatalogError.
    """
    folder = Path(data_dir) if data_dir is not None else shipped_dir("data")
    return _load_cached(folder.resolve())


def clear_catalog_cache() -> None:
    """Forget cached catalogs (for tests or after the user edits a data folder)."""
    _load_cached.cache_clear()


@lru_cache(maxsize=8)
def _load_cached(folder: Path) -> Catalog:
    return build_catalog(read_catalog_files(folder))


def read_catalog_files(folder: Path) -> CatalogFiles:
    """Every library file of `folder`, parsed; CatalogError for a missing or unreadable one."""
    if not folder.is_dir():
        raise catalog_error(folder, folder, "data folder is missing")
    programs = folder / PROGRAMS_DIR
    exercises = _read_json(folder, folder / EXERCISES_FILE)
    if not programs.is_dir():
        raise catalog_error(folder, programs, "programs folder is missing")
    return CatalogFiles(
        folder=folder,
        exercises=exercises,
        programs=tuple((path, _read_json(folder, path)) for path in sorted(programs.glob("*.json"))),
        warmups=_read_json(folder, folder / WARMUPS_FILE),
        mobility=_read_json(folder, folder / MOBILITY_FILE),
        checklist=_read_json(folder, folder / CHECKLIST_FILE),
    )


def _read_json(folder: Path, path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise catalog_error(folder, path, "file is missing") from None
    except (OSError, UnicodeDecodeError) as error:
        raise catalog_error(folder, path, f"cannot be read: {error}") from error
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        message = f"line {error.lineno}, column {error.colno}: {error.msg} (not valid JSON)"
        raise catalog_error(folder, path, message) from error
