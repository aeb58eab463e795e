"""The gymtui Textual app: owns the store and the library, and the screens call through it.

Started on a data folder (`run_app`), the app draws Today's skeleton before it opens the
folder: this module and Today's import only Textual and light modules, and a worker thread
imports the rest, opens the store and loads the library (`services/startup.py`), then Today
plans. Until then a key that needs the data is answered with a word, not run.

Getting around (Today, sections, help, quit, the palette) is `navigation.py`; showing a
store problem, and offering a backup for a damaged file, is `store_problems.py`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from ..domain.clock import Clock, SystemClock
from ..store.errors import StoreError
from ..store.peek import saved_theme
from .app_theme import make_today
from .commands import OwnTrainingCommands
from .format import day_title
from .gc_pause import resume_gc
from .navigation import Navigation
from .opening import OpensData
from .run import first_run_setup, run_app
from .sections import SECTIONS, TODAY_MODE
from .shape import MEDIUM_FROM, SHORT_BELOW, WIDE_FROM
from .status_line import StatusNotices
from .store_problems import ReportsStoreProblems
from .themes import load_all_themes
from .widgets.rest_bar import RestKeeper
from .worker_errors import ReportsWorkerErrors

if TYPE_CHECKING:
    import pendulum

    from ..domain.settings import Settings
    from ..services.library import Library
    from ..services.planning import SessionPlan
    from ..services.startup import OpenedData
    from ..store import Store

__all__ = ["DataNotReady", "GymApp", "first_run_setup", "run_app"]


def system_now() -> pendulum.DateTime:
    """Now, in the local zone (pendulum is imported on first use, after the first frame)."""
    import pendulum

    return pendulum.now()


class DataNotReady(StoreError):
    """The data folder is still being opened: what needs it waits until it is."""

    def __init__(self) -> None:
        super().__init__("your data is still being opened: try again in a moment")


class GymApp(OpensData, ReportsWorkerErrors, StatusNotices, ReportsStoreProblems, Navigation, App[None]):
    TITLE = "gymtui"
    CSS_PATH = "app.tcss"
    # Every screen has one of these classes for its width (ui/shape.py): -medium for the Pi's
    # touchscreen with a big font (66 columns), -narrow for a phone (about 40); the
    # stylesheets stack there what sits side by side at 80 columns.
    # Textual declares it a plain attribute (ClassVar | None), so it cannot be a ClassVar here.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-narrow"), (MEDIUM_FROM, "-medium"), (WIDE_FROM, "-wide")]
    # Under 24 rows (the Pi touchscreen with a big font has 20) the stylesheets drop the
    # blank rows between parts, so the keys stay on screen.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (SHORT_BELOW, "-tall")]  # noqa: RUF012 (as above)
    COMMANDS = App.COMMANDS | {OwnTrainingCommands}  # add exercise, library, program editor
    # One mode per place: Today (the hub, shown at start) and each section. A section's
    # screen is made when it first opens (see sections.py).
    MODES: ClassVar[dict[str, str | Callable[[], Screen]]] = {
        TODAY_MODE: make_today, **{s.mode: s.make_screen for s in SECTIONS}
    }
    DEFAULT_MODE = TODAY_MODE
    BINDINGS: ClassVar[list[BindingType]] = [
        # Quit is in help and the palette; footers keep their room for the keys used mid-set.
        Binding("q", "quit", "Quit", show=False),
        Binding("t", "today", "Today"),
        Binding("question_mark,f1", "help", "Help"),
        # Sections open from every screen; their keys are listed in Today's footer (the hub),
        # so a section's own footer has room for its own keys.
        *(Binding(s.key, f"open_section('{s.key}')", s.name, show=False) for s in SECTIONS),
    ]

    def __init__(
        self,
        store: Store | None = None,
        library: Library | None = None,
        *,
        data_dir: Path | None = None,
        clock: Clock | None = None,
        now: Callable[[], pendulum.DateTime] | None = None,
        start_section: str | None = None,
        timezone_note: str | None = None,
    ) -> None:
        """Either `store` and `library` (ready at once: what the tests build), or `data_dir`,
        which the app opens itself once its first frame is drawn (what `gymtui` does)."""
        super().__init__()
        if store is None:
            if data_dir is None:
                raise ValueError("GymApp needs a store and a library, or a data folder to open")
        elif library is None:
            raise ValueError("GymApp was given a store without a library")
        self.timezone_note = timezone_note  # TZ could not be followed as set: said at start
        # A section to open over Today at start (`gymtui checklist` opens "c").
        self.start_section = start_section
        self._store = store
        self._library = library
        self.data_dir = store.data_dir if store is not None else Path(data_dir or "")
        self.clock = clock or SystemClock()
        self._given_now = now
        self.now: Callable[[], pendulum.DateTime] = now or system_now
        # What the opening worker made, kept for run_app to close even if the app has ended
        # before it could take it; set when the worker has finished, whatever happened.
        self._opened: OpenedData | None = None
        self._opening_done = threading.Event()
        self._opening_started = False
        self.start_error: Exception | None = None  # why the app ended without opening the folder
        self._theme_to_save: str | None = None  # chosen before the data was open
        self._themes, self._theme_problems = load_all_themes()
        self._missing_theme: str | None = None  # the saved theme, when it can no longer be used
        self._save_theme_changes = False  # only changes made once the app runs are saved
        # The rest between sets lives here, not on a screen, so it runs whatever screen is shown.
        self.rest = RestKeeper(self)
        # The theme is chosen before the first stylesheet parse: choosing it after the
        # mount parses all the CSS a second time (about 40 ms of start-up). Before the
        # store is open, the name is read from the profile as it is (store/peek.py).
        for theme in self._themes:
            self.register_theme(theme)
        self._shown_theme_choice = store.settings().theme if store is not None else saved_theme(self.data_dir)
        self.apply_saved_theme(self._shown_theme_choice, starting=True)
        self._background_started = False
        self._plan_unchecked = False  # Today shows the plan cached at the last start, not yet checked
        # Today's plan is kept for the next start (store/plan_cache.py) when the app opens the
        # folder itself, after a first frame the kept plan can be drawn in; an app given an
        # open store (gymtui serve, the tests) plans before its first frame anyway.
        self.keeps_plan = store is None
        self._init_status()

    def rest_running(self) -> bool:
        return self.rest.running

    @property
    def store(self) -> Store:
        if self._store is None:
            raise DataNotReady()
        return self._store

    @property
    def library(self) -> Library:
        if self._library is None:
            raise DataNotReady()
        return self._library

    @library.setter
    def library(self, library: Library) -> None:
        self._library = library

    @property
    def data_ready(self) -> bool:
        """The store is open and the library loaded: screens may use them."""
        return self._store is not None

    def data_needed(self) -> bool:
        """For a key whose action needs the data: True once it is open; until then the
        lifter is told to wait a moment and the key does nothing."""
        if self.data_ready:
            return True
        self.notify("Still opening your data: try again in a moment.", timeout=3)
        return False

    def on_mount(self) -> None:
        self._save_theme_changes = True
        self.report_theme_problems()
        if self.data_ready:
            self.announce_data()
            if self.start_section is not None:
                self.call_after_refresh(self.action_open_section, self.start_section)
        else:
            self.show_day()
            # After the first frame is painted, so the opening does not hold it up.
            self.call_after_refresh(self.open_data)
        # Every full screen gets the small rest badge, so a running rest is never out of sight.
        self.call_after_refresh(self.rest.watch_screens)
        self.call_after_refresh(self.watch_status)

    def announce_data(self) -> None:
        """What the lifter should know about the data as it opens: the time zone, program
        files skipped, a folder that cannot be written."""
        if self.timezone_note:
            self.notify(self.timezone_note, title="Time zone", severity="warning", timeout=30)
        skipped = self.library.program_problem_message()
        if skipped:
            self.notify(skipped + ". Fix or remove them; gymtui doctor checks them again.",
                        title="Program files", severity="warning", timeout=30)
        if self.store.read_only is not None:
            self.notify(
                f"{self.store.data_dir} cannot be written ({self.store.read_only}). Everything on it is shown,"
                " but nothing you log or change is saved. Copy it off while it reads: gymtui export"
                " --format json -o FILE (to another disk).",
                title="Read-only data folder", severity="warning", timeout=60,
            )
        self.show_day()

    def start_day(self) -> date:
        """Today, by the C library's clock: pendulum is not imported before the first frame."""
        return (self._given_now or datetime.now)().date()

    def show_day(self) -> None:
        """The header's line: the day, a read-only folder, a plan still being checked."""
        if self.data_ready:
            day = day_title(self.now()) + (" · read-only" if self.store.read_only else "")
        else:
            day = day_title(self.start_day())
        self.sub_title = day + (" · checking for changes" if self._plan_unchecked else "")

    def plan_checked(self, checked: bool) -> None:
        """Today shows a plan planned now (True), or the one cached at the last start,
        until the worker's plan confirms or replaces it (False)."""
        self._plan_unchecked = not checked
        self.show_day()

    def first_screen_drawn(self) -> None:
        """Told by Today once its plan is on screen, or by make_plan when there is none to
        show: the work that can wait starts now, so it does not compete with the first frame
        for the interpreter."""
        if self._background_started:
            return
        self._background_started = True
        resume_gc()
        self.daily_backup()
        self.offer_resume()
        self.call_after_refresh(self.preload_screen_css)

    # -- services the screens call (from workers) ------------------------------------------

    def make_plan(self, settings: Settings | None = None) -> SessionPlan | None:
        """Called from a worker thread; a store problem is shown, not raised. `settings`:
        plan with these instead of the stored ones (a change on its way to disk)."""
        from ..services.planning import plan_session

        try:
            settings = settings or self.store.settings()
            return plan_session(self.store, self.library, settings, self.now().date())
        except StoreError as error:
            self.call_from_thread(self.report_store_error, error)
            self.call_from_thread(self.first_screen_drawn)  # the backup must not wait for a plan
            return None

    @work(thread=True, exclusive=True, group="backup")
    def daily_backup(self) -> None:
        try:
            self.store.backup_if_due()
        except (StoreError, OSError) as error:
            # A title keeps it in a box, read in full (a path does not fit the one-line messages).
            self.call_from_thread(self.notify, f"Daily backup failed: {error}", title="Backup", severity="warning",
                                  timeout=10)

    @work(thread=True, exclusive=True, group="resume")
    def offer_resume(self) -> None:
        """A session left in progress today (the app was closed or killed): say so at start."""
        from ..services.workout import resume_point
        from .screens.workout_text import resume_hint

        try:
            point = resume_point(self.store, self.library, self.now().date())
        except StoreError:
            return  # the screens report store problems when they read
        if point is not None:
            self.call_from_thread(self.notify, resume_hint(point))
