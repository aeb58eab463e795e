"""Typed bases for gymtui's screens and dialogs: `self.app` is the GymApp, so its store,
library, clock and rest timer are checked where a screen uses them.

What the app and the other screens read off any open screen, or tell it, is declared once in
`ScreenHooks` with a default that does nothing; a screen overrides what concerns it. A caller
asks `isinstance(screen, ScreenHooks)` first, since Textual's own screens (the command
palette, a system dialog) can be open too."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import events
from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from textual import getters

    from ...domain.settings import Settings
    from ...domain.units import Unit
    from ..app import GymApp

ResultType = TypeVar("ResultType")


class ScreenHooks:
    """The flags and calls shared by every gymtui screen and dialog, with their defaults."""

    # The name shown in Help and the palette for a screen that is not a section's own
    # (a section's screen is called by the section's name); None: the class name, shortened.
    HELP_NAME: ClassVar[str | None] = None

    def unsaved_work(self) -> str | None:
        """What quitting now would lose here, in one sentence; None when nothing would."""
        return None

    def reload(self) -> None:
        """Read again what the screen shows: an import has stored new workouts."""

    def settings_changed(self, settings: Settings) -> None:
        """The settings were saved on the settings screen (they are `settings` now)."""

    def load_chosen(self, exercise_id: str, load: float, unit: Unit) -> None:
        """The lifter typed a working load for this exercise on the warm-up screen."""


class StyledOnArrival(Screen[ResultType]):
    """A screen whose widgets are styled once as it opens, not four times.

    Textual styles each widget as it mounts, then again for the screen's width and height
    classes (set at its first resize), and again at each ScreenResume (a new mode's screen
    gets two). Here the size classes are the screen's from the start, and a screen that has
    never been covered restyles only itself on resuming: its widgets mounted after its CSS
    was read and nothing of them changed unstyled since. A screen that was covered restyles
    everything on resuming, as Textual does."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._covered_once = False
        self._classes |= self._size_classes()

    def _size_classes(self) -> set[str]:
        """The classes Textual's first resize gives this screen at the app's present size."""
        try:
            app = self.app
        except Exception:  # made outside a running app: its first resize sets them
            return set()
        width, height = app.size
        across = app.HORIZONTAL_BREAKPOINTS if self.HORIZONTAL_BREAKPOINTS is None else self.HORIZONTAL_BREAKPOINTS
        down = app.VERTICAL_BREAKPOINTS if self.VERTICAL_BREAKPOINTS is None else self.VERTICAL_BREAKPOINTS
        return self._get_breakpoint_classes(width, across or []) | self._get_breakpoint_classes(height, down or [])

    def _on_screen_suspend(self) -> None:
        self._covered_once = True

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Textual's own handler (handlers run from the subclass up).
        if not self._covered_once and event.refresh_styles:
            event.refresh_styles = False
            # The screen itself was styled before its own CSS file was read (its widgets
            # mount after): that node alone is styled again.
            self.app.stylesheet.update_nodes([self], animate=False)


class GymScreen(ScreenHooks, StyledOnArrival[ResultType]):
    """A full screen of gymtui."""

    if TYPE_CHECKING:
        # Only the type changes: at run time Textual's own `app` answers, as for any screen
        # (so a test may still show one in a bare App).
        app = getters.app(GymApp)

    # The screen draws the rest large itself: no small rest badge over it.
    SHOWS_REST: ClassVar[bool] = False


class GymDialog(ScreenHooks, StyledOnArrival[ResultType], ModalScreen[ResultType]):
    """A dialog over a gymtui screen: a box in the middle, over the dimmed screen. The box is
    the dialog's outermost container, with the class `dialog-box`; the dialog's own CSS gives
    it its width (and anything else it does differently)."""

    DEFAULT_CSS = """
    GymDialog {
        align: center middle;
    }
    GymDialog > .dialog-box {
        height: auto;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    """

    if TYPE_CHECKING:
        app = getters.app(GymApp)
