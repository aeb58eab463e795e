"""Opening a data folder for the app: what happens between the first frame and the plan.

The app draws Today's skeleton first and runs `open_app_data` on a worker thread: the time
zone, the training library, the store (one writer; read-only when the folder cannot be
written), the first-run set-up and the lifter's library. Whatever stops the app from
starting is a `StartupFailure`, whose text is the one line printed after the terminal is
restored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pendulum

from ..domain.catalog import CatalogError
from ..domain.local_zone import settle_local_timezone
from ..store import CorruptFileError, ReadOnlyFolderError, Store
from ..store.backup import newest_good_backup
from ..store.catalog_files import load_catalog
from .library import Library
from .program_days import program_start


class StartupFailure(Exception):
    """The app cannot start on this folder; str() is the message for stderr."""


@dataclass(frozen=True)
class OpenedData:
    store: Store
    library: Library
    timezone_note: str | None  # TZ could not be followed as set: said on the screen


def open_app_data(
    data_dir: Path, *, purpose: str, now: Callable[[], pendulum.DateTime] = pendulum.now
) -> OpenedData:
    """Open `data_dir` for the app. Raises StartupFailure for a broken training library or
    a damaged data file (named, with the backup that would put it back: nothing is
    overwritten); any other store error (the folder locked by another gymtui) as it is."""
    zone_note = settle_local_timezone()  # before anything asks what day it is
    try:
        catalog = load_catalog()
    except CatalogError as error:
        raise StartupFailure(f"gymtui: the training library is broken: {error}") from error
    try:
        try:
            store = Store.open(data_dir, purpose=purpose, now=now)
        except ReadOnlyFolderError as error:
            # A failing card the kernel remounted read-only: everything on it can still be
            # seen (and exported); the app says so at start and every save says why it fails.
            store = Store.open_read_only(data_dir, error.reason, now=now)
    except CorruptFileError as error:
        backup = newest_good_backup(data_dir, having=error.path)
        hint = (f"; put back the damaged file from the newest good backup with: gymtui restore {backup.name}"
                if backup else "")
        raise StartupFailure(f"gymtui: {error} (nothing was overwritten){hint}") from error
    try:
        if store.read_only is None:
            first_run_setup(store, now().date())
        library = Library.from_store(catalog, store)
    except BaseException:
        store.close()
        raise
    return OpenedData(store, library, zone_note)


def first_run_setup(store: Store, today: date | None = None) -> None:
    """A first start sets up the default program without questions.

    The block counts from this week, or from the oldest logged week for a lifter who used
    `gymtui log` before opening the app, so the block week does not jump back to 1.
    """
    settings = store.settings()
    if settings.program_start is None:
        today = today or pendulum.today().date()
        start = program_start(store, settings, today)
        store.save_settings(settings.model_copy(update={"program_start": start}))
