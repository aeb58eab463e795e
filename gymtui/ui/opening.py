"""Opening the data folder after the first frame (run_app's path): a worker imports what the
data needs, opens the store and loads the library (`services/startup.py`), and the app
takes them when it is done. `OpensData` is mixed into `GymApp`, first, so its worker
handler sees the opening's failures before the general one (worker_errors.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.worker import Worker, WorkerState

from .. import __version__
from ..store.errors import StoreError
from .app_theme import AppTheme
from .navigation import Navigation
from .screens.today import TodayScreen
from .sections import open_screens
from .themes import DEFAULT_THEME

if TYPE_CHECKING:
    import pendulum

    from ..services.library import Library
    from ..services.startup import OpenedData
    from ..store import Store


class OpensData(AppTheme, Navigation):
    data_dir: Path
    now: Callable[[], pendulum.DateTime]
    start_section: str | None
    timezone_note: str | None
    start_error: Exception | None  # why the app ended without opening the folder
    _store: Store | None
    _library: Library | None
    _shown_theme_choice: str | None
    # What the opening worker made, kept for run_app to close even if the app has ended
    # before it could take it; set when the worker has finished, whatever happened.
    _opened: OpenedData | None
    _opening_done: threading.Event
    _opening_started: bool

    def announce_data(self) -> None:
        """What the lifter should know about the data as it opens (GymApp)."""
        raise NotImplementedError

    @work(thread=True, exclusive=True, group="open-data", exit_on_error=False)
    def open_data(self) -> OpenedData | None:
        """Import what the data needs, open the store and load the library, off the UI
        thread; the result comes back in `on_worker_state_changed`."""
        self._opening_started = True
        try:
            from ..services.startup import open_app_data

            opened = open_app_data(self.data_dir, purpose=f"app {__version__}", now=self.now)
            self._opened = opened
            return opened
        finally:
            self._opening_done.set()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # Textual calls this handler of every class in the MRO: ReportsWorkerErrors' one
        # handles the other workers, and is kept out of this one's failures.
        if event.worker.group != "open-data":
            return
        event.prevent_default()
        if event.state == WorkerState.SUCCESS and event.worker.result is not None:
            self.data_opened(event.worker.result)
        elif event.state == WorkerState.ERROR:
            self.start_failed(event.worker.error)

    def data_opened(self, opened: OpenedData) -> None:
        self._store, self._library = opened.store, opened.library
        self.timezone_note = self.timezone_note or opened.timezone_note
        wanted = self.store.settings().theme
        if wanted != (self._shown_theme_choice or DEFAULT_THEME):
            # The validated profile names another theme than the quick look found (a name
            # with spaces around it, a profile being replaced): it wins, and is not saved.
            self._shown_theme_choice = wanted
            self._save_theme_changes = False
            self.apply_saved_theme(wanted)
            self._save_theme_changes = True
            if self._missing_theme is not None:
                self.report_theme_problems()
        if self._theme_to_save is not None and self._theme_to_save != wanted:
            self.save_theme(self._theme_to_save)
        self.announce_data()
        for screen in open_screens(self):
            if isinstance(screen, TodayScreen):
                screen.load_plan()
        if self.start_section is not None:
            self.action_open_section(self.start_section)

    def start_failed(self, error: BaseException | None) -> None:
        """The folder could not be opened: the app ends, and run_app says why once the
        terminal is restored (a damaged file is named, with the backup that puts it back)."""
        from ..services.startup import StartupFailure

        if not isinstance(error, (StartupFailure, StoreError, OSError)):
            raise error or RuntimeError("the data folder could not be opened")  # a bug: its traceback
        self.start_error = error
        self.exit(return_code=1)

    def close_data(self) -> None:
        """Close the store the app opened, once the opening worker is done (run_app calls
        this after the app has ended, however it ended: even quit before the data was open)."""
        if self._opening_started:
            self._opening_done.wait()
        store = self._store or (self._opened.store if self._opened is not None else None)
        if store is not None:
            store.close()
