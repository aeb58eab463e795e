"""The gymtui Textual app: owns the store and the library, and the screens call through it."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import ClassVar

import pendulum
from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from .. import __version__
from ..domain.clock import Clock, SystemClock
from ..domain.settings import Settings
from ..services.library import Library
from ..services.planning import SessionPlan, plan_session, program_start
from ..store import CorruptFileError, DiskWriteError, ReadOnlyFolderError, Store, StoreError
from ..store.backup import newest_good_backup
from ..store.restore import plan_restore
from .commands import OwnTrainingCommands
from .dialogs.damaged_file import DamagedFileDialog
from .screens.base import ScreenHooks
from .screens.today import TodayScreen
from .sections import SECTION_BY_KEY, SECTION_BY_MODE, SECTIONS, TODAY_MODE
from .shape import MEDIUM_FROM, WIDE_FROM
from .status_line import StatusNotices
from .themes import APP_VARIABLES, DEFAULT_THEME, load_all_themes
from .widgets.rest_bar import RestKeeper
from .widgets.touch import TOUCH_CLASS
from .worker_errors import ReportsWorkerErrors

# Each screen's own stylesheet (screens/*.tcss), as Textual resolves a relative CSS_PATH.
SCREEN_CSS = sorted(path.resolve() for path in (Path(__file__).parent / "screens").glob("*.tcss"))


QUIT_TITLE = "Quit gymtui?"


class GymApp(ReportsWorkerErrors, StatusNotices, App[None]):
    TITLE = "gymtui"
    CSS_PATH = "app.tcss"
    # Every screen has one of these classes for its width (ui/shape.py): -medium for the Pi's
    # touchscreen with a big font (66 columns), -narrow for a phone (about 40); the
    # stylesheets stack there what sits side by side at 80 columns.
    # Textual declares it a plain attribute (ClassVar | None), so it cannot be a ClassVar here.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-narrow"), (MEDIUM_FROM, "-medium"), (WIDE_FROM, "-wide")]
    COMMANDS = App.COMMANDS | {OwnTrainingCommands}  # add exercise, library, program editor
    # One mode per place: Today (the hub, shown at start) and each section. A section's
    # screen is made when it first opens (see sections.py).
    MODES: ClassVar[dict[str, str | Callable[[], Screen]]] = {
        TODAY_MODE: TodayScreen, **{s.mode: s.make_screen for s in SECTIONS}
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
        store: Store,
        library: Library,
        *,
        clock: Clock | None = None,
        now: Callable[[], pendulum.DateTime] = pendulum.now,
        start_section: str | None = None,
        timezone_note: str | None = None,
    ) -> None:
        super().__init__()
        self.timezone_note = timezone_note  # TZ could not be followed as set: said at start
        # A section to open over Today at start (`gymtui checklist` opens "c").
        self.start_section = start_section
        self.store = store
        self.library = library
        self.clock = clock or SystemClock()
        self.now = now
        self._themes, self._theme_problems = load_all_themes()
        self._missing_theme: str | None = None  # the saved theme, when it can no longer be used
        self._save_theme_changes = False  # only changes made once the app runs are saved
        # The rest between sets lives here, not on a screen, so it runs whatever screen is shown.
        self.rest = RestKeeper(self)
        # The theme is chosen before the first stylesheet parse: choosing it after the
        # mount parses all the CSS a second time (about 40 ms of start-up).
        self.apply_saved_theme()
        self._background_started = False
        self._init_status()

    def rest_running(self) -> bool:
        return self.rest.running

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(APP_VARIABLES)

    def apply_saved_theme(self) -> None:
        for theme in self._themes:
            self.register_theme(theme)
        wanted = self.store.settings().theme
        names = {t.name for t in self._themes} | set(self.available_themes)
        if wanted not in names:
            # Shown with the default, but the choice stays saved: it comes back with its file.
            self._missing_theme = wanted
            wanted = DEFAULT_THEME
        self.theme = wanted

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
        if self._save_theme_changes and self.store.settings().theme != theme:
            self.save_theme(theme)

    @work(thread=True, exclusive=True, group="settings", exit_on_error=False)
    def save_theme(self, theme: str) -> None:
        self.store.save_settings(self.store.settings().model_copy(update={"theme": theme}))

    def on_mount(self) -> None:
        self._save_theme_changes = True
        self.report_theme_problems()
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
        self.sub_title = self.now().format("dddd D MMMM") + (" · read-only" if self.store.read_only else "")
        # Every full screen gets the small rest badge, so a running rest is never out of sight.
        self.call_after_refresh(self.rest.watch_screens)
        self.call_after_refresh(self.watch_status)
        if self.start_section is not None:
            self.call_after_refresh(self.action_open_section, self.start_section)

    def first_screen_drawn(self) -> None:
        """Told by Today once its plan is on screen, or by make_plan when there is none to
        show: the work that can wait starts now, so it does not compete with the first frame
        for the interpreter."""
        if self._background_started:
            return
        self._background_started = True
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
        try:
            settings = settings or self.store.settings()
            return plan_session(self.store, self.library, settings, self.now().date())
        except StoreError as error:
            self.call_from_thread(self.report_store_error, error)
            self.call_from_thread(self.first_screen_drawn)  # the backup must not wait for a plan
            return None

    def report_store_error(self, error: StoreError) -> None:
        if isinstance(error, CorruptFileError):
            self.report_damaged_file(error)
        else:
            saving = isinstance(error, (DiskWriteError, ReadOnlyFolderError))
            title = "Could not save" if saving else "Could not read your data"
            self.notify(str(error), title=title, severity="error", timeout=15)

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

    @work(thread=True, group="damaged-file")
    def report_damaged_file(self, error: CorruptFileError) -> None:
        # Finding a good backup hashes (or, for an old backup, validates) every file in it:
        # years of history, never on the UI thread.
        backup = newest_good_backup(self.store.data_dir, having=error.path)
        self.call_from_thread(self._offer_restore, error, backup)

    def _offer_restore(self, error: CorruptFileError, backup: Path | None) -> None:
        def rollback_warning() -> str:
            assert backup is not None
            return plan_restore(self.store.data_dir, backup, whole=True).rollback_warning()

        def chosen(choice: str | None) -> None:
            if choice is None or backup is None:
                return
            try:
                done = self.store.restore(backup, whole=choice == "whole")
            except StoreError as error:  # a full disk or a damaged backup: nothing was moved, say so
                self.notify(f"{error}. Your files are as they were.", title="Restore failed",
                            severity="error", timeout=20)
                return
            # A box, not the one-line status: where the replaced files went must be read whole.
            self.notify(done.summary(short_paths=True), title="Restored", severity="warning", timeout=20)
            self.action_today()

        self.push_screen(DamagedFileDialog(str(error), backup, rollback_warning), chosen)

    # -- navigation -------------------------------------------------------------------------

    def action_today(self) -> None:
        self.go_to(TODAY_MODE)
        if isinstance(self.screen, TodayScreen):
            self.screen.load_plan()

    def action_open_section(self, key: str) -> None:
        """Show a section (its key, pressed anywhere); pressing the key of the one shown
        only closes what was opened over it."""
        self.go_to(SECTION_BY_KEY[key].mode)

    def go_to(self, mode: str) -> None:
        """Show the place `mode`. A section that is not kept closes when left, so it is made
        afresh, reading the data anew, the next time it opens."""
        if mode == self.current_mode:
            # The place itself, not a screen opened over it (a session's sets over History).
            while len(self.screen_stack) > 1:
                self.pop_screen()
            return
        left = self.current_mode
        self.switch_mode(mode)
        section = SECTION_BY_MODE.get(left)
        if section is not None and not section.kept:
            self.remove_mode(left)
            self.add_mode(left, section.make_screen)

    async def action_quit(self) -> None:
        """q and ctrl+q: at once, unless a set is being timed or typed values would be lost."""
        from .dialogs.confirm import ConfirmDialog
        from .quit_guard import unsaved_work

        if isinstance(self.screen, ConfirmDialog) and self.screen.title_text == QUIT_TITLE:
            return  # already asked: y quits, n stays
        lost = unsaved_work(self)
        if not lost:
            self.exit()
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.exit()

        self.push_screen(ConfirmDialog(QUIT_TITLE, "\n".join(lost), "quit anyway", "stay"), answer)

    def open_workout_at(self, exercise_id: str) -> None:
        """The workout, on the first set still to do of `exercise_id` (enter on Today's row)."""
        from .screens.workout import WorkoutScreen

        self.action_open_section("w")
        if isinstance(self.screen, WorkoutScreen):
            self.screen.show_exercise(exercise_id)

    def action_help(self) -> None:
        """Every key of the screen shown (? again or escape closes it)."""
        from .screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
        else:
            self.push_screen(HelpScreen(self.screen))

    def action_import_file(self) -> None:
        """The import dialog over any screen; what it stores shows once the screen reads again."""
        from .dialogs.import_file import ImportDialog

        screen = self.screen

        def done(stored: bool | None) -> None:
            if stored and isinstance(screen, ScreenHooks):
                screen.reload()

        self.push_screen(ImportDialog(), done)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from .screens.help import screen_commands

        yield from super().get_system_commands(screen)
        yield SystemCommand("Today", "Show today's session and loads", self.action_today)
        for section in SECTIONS:
            yield SystemCommand(section.name, section.description, lambda k=section.key: self.action_open_section(k))
        yield SystemCommand("Help", "Every key of this screen (? or F1)", self.action_help)
        yield SystemCommand("Import", "Import a Strong, Hevy, FitNotes or gymtui export (History: i)",
                            self.action_import_file)
        # The shown screen's own actions, so each can be found by name too.
        yield from screen_commands(screen)


def run_app(data_dir: Path, start_section: str | None = None, *, touch: bool = False) -> int:
    """Open the store (one writer), check the library, run the app, close cleanly. `touch`:
    show the big buttons of a touchscreen or a phone (ui/widgets/touch.py)."""
    from ..domain.catalog import CatalogError
    from ..domain.local_zone import settle_local_timezone
    from ..store.catalog_files import load_catalog

    zone_note = settle_local_timezone()  # before anything asks what day it is
    try:
        catalog = load_catalog()
    except CatalogError as error:
        print(f"gymtui: the training library is broken: {error}", file=sys.stderr)
        return 1
    try:
        try:
            store = Store.open(data_dir, purpose=f"app {__version__}")
        except ReadOnlyFolderError as error:
            # A failing card the kernel remounted read-only: everything on it can still be
            # seen (and exported); the app says so at start and every save says why it fails.
            store = Store.open_read_only(data_dir, error.reason)
    except CorruptFileError as error:
        backup = newest_good_backup(data_dir, having=error.path)
        hint = (f"; put back the damaged file from the newest good backup with: gymtui restore {backup.name}"
                if backup else "")
        print(f"gymtui: {error} (nothing was overwritten){hint}", file=sys.stderr)
        return 1
    try:
        if store.read_only is None:
            first_run_setup(store)
        app = GymApp(store, Library.from_store(catalog, store), start_section=start_section,
                     timezone_note=zone_note)
        if touch:
            app.add_class(TOUCH_CLASS)
        app.run()
    finally:
        store.close()
    # Textual prints a crash's traceback and sets a non-zero return code; pass it on.
    return app.return_code or 0


def first_run_setup(store: Store, today: pendulum.Date | None = None) -> None:
    """A first start sets up the default program without questions.

    The block counts from this week, or from the oldest logged week for a lifter who used
    `gymtui log` before opening the app, so the block week does not jump back to 1.
    """
    settings = store.settings()
    if settings.program_start is None:
        today = today or pendulum.today().date()
        start = program_start(store, settings, today)
        store.save_settings(settings.model_copy(update={"program_start": start}))
