"""The gymtui Textual app: owns the store and the library, and the screens call through it.

Started on a data folder (`run_app`), the app draws Today's skeleton before it opens the
folder: this module and Today's import only Textual and light modules, and a worker thread
imports the rest, opens the store and loads the library (`services/startup.py`), then Today
plans. Until then a key that needs the data is answered with a word, not run.

Getting around (Today, sections, help, quit, the palette) is `navigation.py`; showing a
store problem, and offering a backup for a damaged file, is `store_problems.py`.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual._context import active_app
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from .. import __version__
from ..domain.clock import Clock, SystemClock
from ..store.errors import StoreError
from ..store.peek import saved_theme
from .commands import OwnTrainingCommands
from .format import day_title
from .navigation import Navigation
from .screens.today import TodayScreen
from .sections import SECTIONS, TODAY_MODE, open_screens
from .shape import MEDIUM_FROM, SHORT_BELOW, WIDE_FROM
from .status_line import StatusNotices
from .store_problems import ReportsStoreProblems
from .themes import APP_VARIABLES, DEFAULT_THEME, load_all_themes
from .widgets.rest_bar import RestKeeper
from .widgets.touch import TOUCH_CLASS
from .worker_errors import ReportsWorkerErrors

if TYPE_CHECKING:
    from datetime import date

    import pendulum

    from ..domain.settings import Settings
    from ..services.library import Library
    from ..services.planning import SessionPlan
    from ..services.startup import OpenedData
    from ..store import Store


def system_now() -> pendulum.DateTime:
    """Now, in the local zone (pendulum is imported on first use, after the first frame)."""
    import pendulum

    return pendulum.now()


_START_FROZEN = False  # resume_gc froze what start-up made; run_app thaws it as the app ends


def resume_gc() -> None:
    """The cycle collector on again, once the app has started (cli/start.py's paused_gc paused it). What
    start-up made is frozen first: it lives as long as the app, and the collector's first
    pass over all of it took about 100 ms, just as Today's plan was drawn."""
    global _START_FROZEN
    if not gc.isenabled():
        if gc.get_freeze_count() == 0:  # someone else's freeze is theirs to undo
            gc.freeze()
            _START_FROZEN = True
        gc.enable()


def end_gc_pause() -> None:
    """As the app ends: the collector on, and start-up's objects no longer frozen, so a
    process that goes on after the app (a test, `gymtui serve`) is as it was before it."""
    global _START_FROZEN
    resume_gc()
    if _START_FROZEN:
        gc.unfreeze()
        _START_FROZEN = False


class DataNotReady(StoreError):
    """The data folder is still being opened: what needs it waits until it is."""

    def __init__(self) -> None:
        super().__init__("your data is still being opened: try again in a moment")


# Each screen's own stylesheet (screens/*.tcss), as Textual resolves a relative CSS_PATH.
SCREEN_CSS = sorted(path.resolve() for path in (Path(__file__).parent / "screens").glob("*.tcss"))


def make_today() -> TodayScreen:
    """Today, made as the app starts (the first mode). Its styles are the app's own
    (app.tcss), already in the stylesheet, but Textual takes a new screen's styles for out
    of date and parses every stylesheet again before showing it (a re-parse before the
    first frame): the screen is given the app's count of stylesheet updates instead, and
    the app's own styles are applied first, as that re-parse would have, for Today's
    widgets take their colours from the app's."""
    screen = TodayScreen()
    app = active_app.get()
    app.stylesheet.apply(app)
    screen._css_update_count = app._css_update_count
    return screen


class GymApp(ReportsWorkerErrors, StatusNotices, ReportsStoreProblems, Navigation, App[None]):
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

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(APP_VARIABLES)

    def apply_saved_theme(self, wanted: str | None, *, starting: bool = False) -> None:
        """Show the saved theme (the default when it is gone). `starting`: the app is being
        built, and nothing has been parsed or drawn yet (see set_first_theme)."""
        names = {t.name for t in self._themes} | set(self.available_themes)
        if wanted is not None and wanted not in names:
            # Shown with the default, but the choice stays saved: it comes back with its file.
            self._missing_theme = wanted
        else:
            self._missing_theme = None
        theme = wanted if wanted is not None and wanted in names else DEFAULT_THEME
        if starting:
            self.set_first_theme(theme)
        else:
            self.theme = theme

    def set_first_theme(self, name: str) -> None:
        """The theme, set as Textual's theme watcher sets it, less the full re-parse of every
        stylesheet that the watcher schedules (refresh_css). In a running app a new theme
        needs it; while the app is built nothing is parsed yet, and the stylesheet is first
        parsed with these variables, so the re-parse would only parse it all twice before
        the first frame (a fifth of the CSS parsing it does)."""
        self.set_reactive(App.theme, name)
        self.stylesheet.set_variables(self.get_css_variables())
        dark = self.current_theme.dark
        classes = {c: False for c in self.classes if c.startswith("-theme-")}
        self.update_classes({**classes, f"-theme-{name}": True, "-dark-mode": dark, "-light-mode": not dark},
                            update=False)
        self._refresh_truecolor_filter(self.ansi_theme)

    def report_theme_problems(self) -> None:
        lines = [str(p) for p in self._theme_problems]
        if self._missing_theme is not None:
            lines.append(f"Your theme {self._missing_theme!r} could not be loaded: showing "
                         f"{DEFAULT_THEME} until its file is back or fixed, or you pick another.")
        elif lines:
            lines.append(f"Using the other themes; the default is {DEFAULT_THEME}.")
        if lines:
            title = "Theme file skipped" if self._theme_problems else "Theme not found"
            self.notify("\n".join(lines), title=title, severity="warning", timeout=15)

    def watch_theme(self, theme: str) -> None:
        # Not the theme set while the app is built (no event loop yet for a worker), nor the
        # fallback for a missing theme: only a choice made in the running app.
        if not self._save_theme_changes:
            return
        if not self.data_ready:
            self._theme_to_save = theme  # saved once the data is open
        elif self.store.settings().theme != theme:
            self.save_theme(theme)

    @work(thread=True, exclusive=True, group="settings", exit_on_error=False)
    def save_theme(self, theme: str) -> None:
        self.store.save_settings(self.store.settings().model_copy(update={"theme": theme}))

    def on_mount(self) -> None:
        self._save_theme_changes = True
        self.report_theme_problems()
        if self.data_ready:
            self.announce_data()
            if self.start_section is not None:
                self.call_after_refresh(self.action_open_section, self.start_section)
        else:
            # The date from the C library's clock: pendulum is not imported yet.
            self.sub_title = day_title((self._given_now or datetime.now)())
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
        self.sub_title = day_title(self.now()) + (" · read-only" if self.store.read_only else "")

    # -- opening the data folder (run_app's path) -------------------------------------------

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

    def preload_screen_css(self) -> None:
        """Every screen's stylesheet parsed in one go, once Today is up. Each screen names its
        own file (CSS_PATH), so start-up parses only what Today draws; but a screen opened
        for the first time makes Textual parse every stylesheet again (about 20 ms here,
        several times that on a Pi), so they are all added here, with one parse."""
        fresh = [path for path in SCREEN_CSS if not self.stylesheet.has_source(str(path), "")]
        for path in fresh:
            self.stylesheet.read(path)
        if fresh:
            self.stylesheet.reparse()

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


def run_app(data_dir: Path, start_section: str | None = None, *, touch: bool = False,
            open_first: bool = False) -> int:
    """Run the app on `data_dir` (it opens the folder itself, after its first frame) and
    close the store cleanly. A folder that cannot be opened ends the app with status 1 and
    its one-line reason on stderr, printed once the terminal is restored; the folder locked
    by another gymtui raises LockedError, as opening it would. `touch`: show the big
    buttons of a touchscreen or a phone (ui/widgets/touch.py). `open_first`: open the
    folder before the app starts (gymtui serve: a browser's session ends with its first
    app, so a folder that cannot be opened must be known before one is shown)."""
    if open_first:
        return _run_opened(data_dir, start_section, touch)
    app = GymApp(data_dir=data_dir, start_section=start_section)
    if touch:
        app.add_class(TOUCH_CLASS)
    try:
        app.run()
    finally:
        end_gc_pause()
        app.close_data()
    error = app.start_error
    if error is not None:
        from ..services.startup import StartupFailure

        if not isinstance(error, StartupFailure):
            raise error  # the CLI prints it as every store error (gymtui serve shows a lock held)
        print(error, file=sys.stderr)
        return 1
    # Textual prints a crash's traceback and sets a non-zero return code; pass it on.
    return app.return_code or 0


def _run_opened(data_dir: Path, start_section: str | None, touch: bool) -> int:
    from ..services.startup import StartupFailure, open_app_data

    try:
        opened = open_app_data(data_dir, purpose=f"app {__version__}")
    except StartupFailure as failure:
        print(failure, file=sys.stderr)
        return 1
    try:
        app = GymApp(opened.store, opened.library, start_section=start_section, timezone_note=opened.timezone_note)
        if touch:
            app.add_class(TOUCH_CLASS)
        app.run()
    finally:
        end_gc_pause()
        opened.store.close()
    return app.return_code or 0


def first_run_setup(store: Store, today: date | None = None) -> None:
    """A first start sets up the default program without questions (services/startup.py)."""
    from ..services.startup import first_run_setup as set_up

    set_up(store, today)
