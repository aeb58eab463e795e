"""The app's places: one line each, with the key that opens it from anywhere.

Each place is a Textual mode (`GymApp.MODES` is made from this list), so a place has its own
screen stack: a dialog opened in one place stays over that place's screen. Today is the hub
the app starts on. A section is added here when its screen is built; the app makes its
binding, its footer entry and its command-palette entry from this list. Each screen module
is imported when its place first opens, so start-up only pays for the Today screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

TODAY_MODE = "today"


def _workout() -> Screen:
    from .screens.workout import WorkoutScreen

    return WorkoutScreen()


def _warmup() -> Screen:
    from .screens.warmup import WarmupScreen

    return WarmupScreen()


def _mobility() -> Screen:
    from .screens.mobility import MobilityScreen

    return MobilityScreen()


def _checklist() -> Screen:
    from .screens.checklist import ChecklistScreen

    return ChecklistScreen()


def _recovery() -> Screen:
    from .screens.recovery import RecoveryScreen

    return RecoveryScreen()


def _history() -> Screen:
    from .screens.history import HistoryScreen

    return HistoryScreen()


def _settings() -> Screen:
    from .screens.settings import SettingsScreen

    return SettingsScreen()


@dataclass(frozen=True)
class Section:
    key: str
    name: str
    description: str
    mode: str  # its name in GymApp.MODES
    make_screen: Callable[[], Screen]
    # The Today footer lists the sections on one 80-column line, by the same names as Help,
    # the palette and the README: every name does not fit, so the least used one is left
    # to Help and the palette.
    in_today_footer: bool = True
    # Kept while another place is shown (the workout: its running timer and session);
    # every other section is made afresh each time it opens, so it reads the data anew.
    kept: bool = False


SECTIONS: list[Section] = [
    Section("w", "Workout", "Start or resume today's session: tempo timer, sets, rest", "workout", _workout,
            kept=True),
    Section("u", "Warm-up", "Warm-up drills and ramp sets to the first working load", "warmup", _warmup),
    Section("m", "Mobility", "Guided mobility routines: holds and counts on a timer", "mobility", _mobility),
    Section("c", "Checklist", "The end-of-day mobility checklist, streak and last 30 days", "checklist", _checklist),
    Section("r", "Recovery", "Today's recovery note and the readiness it gives", "recovery", _recovery),
    Section("h", "History", "Past sessions, progress charts, weekly balance; import", "history", _history),
    Section("s", "Settings", "Units, bar and plates, load steps, ramp sets, rests, timer cues, theme", "settings",
            _settings, in_today_footer=False),
]

SECTION_BY_KEY = {section.key: section for section in SECTIONS}
SECTION_BY_MODE = {section.mode: section for section in SECTIONS}


def open_screens(app: App) -> Iterator[Screen]:
    """Every screen that is open: the shown place's stack, top first, then the other places
    still open (Today, and the workout, which keeps its timer and session while another
    place shows)."""
    yield from reversed(app.screen_stack)
    for mode in [TODAY_MODE, *SECTION_BY_MODE]:
        if mode == app.current_mode:
            continue
        try:
            stack = app.get_screen_stack(mode)
        except KeyError:
            continue  # not opened yet, or closed when left
        yield from reversed(stack)
