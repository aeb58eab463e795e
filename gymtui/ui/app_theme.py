"""The app's theme and stylesheets at start: the saved theme is set before the first parse,
Today is given the app's styles as they are, and every other screen's stylesheet is parsed
in one go once Today is up. `AppTheme` is mixed into `GymApp`."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual._context import active_app
from textual.app import App, AwaitMount

from .screens.today import TodayScreen
from .sections import TODAY_MODE
from .themes import APP_VARIABLES, DEFAULT_THEME

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.theme import Theme

    from ..store import Store
    from .themes import ThemeProblem

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


class AppTheme(App[None]):
    _themes: list[Theme]
    _theme_problems: list[ThemeProblem]
    _missing_theme: str | None  # the saved theme, when it can no longer be used
    _save_theme_changes: bool  # only changes made once the app runs are saved
    _theme_to_save: str | None  # chosen before the data was open

    @property
    def store(self) -> Store:
        """The open store (GymApp)."""
        raise NotImplementedError

    @property
    def data_ready(self) -> bool:
        """The store is open (GymApp)."""
        raise NotImplementedError

    def _init_mode(self, mode: str) -> AwaitMount:
        """Today, the first mode, is made as Textual makes an app's default screen, not as it
        makes a mode's: a mode's screen is mounted on a later turn of the message loop, and
        in a real terminal its first frame was then only the widgets drawn so far (the
        header's title, the table, the footer, on a blank screen), the whole screen coming
        a refresh (about 25 ms) later. Every other mode is made as Textual makes it."""
        if mode != TODAY_MODE or self._screen_stacks.get(mode):
            return super()._init_mode(mode)
        screen = make_today()
        self._screen_stacks[mode] = [screen]
        self._register(self, screen)
        screen.post_message(events.ScreenResume())
        return AwaitMount(screen, [])

    def _load_screen_css(self, screen: Screen[Any]) -> None:
        """A screen whose stylesheet is already in the app's (every screen's, once Today is
        up: preload_screen_css) is taken as styled with the app's styles as they are: a new
        mode's screen is otherwise out of date for Textual, which then parses every
        stylesheet again and restyles the app and the screen being left, twice, on every
        opening of a section (a section is made afresh each time), to change nothing. A
        screen whose stylesheet is read now, opened before that one-go parse, is left to
        Textual's refresh, as before."""
        read_already = self._screen_css_read(screen)
        super()._load_screen_css(screen)
        if read_already:
            screen._css_update_count = self._css_update_count

    def _screen_css_read(self, screen: Screen[Any]) -> bool:
        """Whether the screen's CSS files and CSS are all in the stylesheet (what Textual's
        _load_screen_css looks for)."""
        if not all(self.stylesheet.has_source(str(path), "") for path in screen.css_path):
            return False
        if not screen.CSS:
            return True
        try:
            screen_path = inspect.getfile(type(screen))
        except (TypeError, OSError):
            screen_path = ""
        return self.stylesheet.has_source(screen_path, f"{type(screen).__name__}.CSS")

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
