"""The app's sections: one line each, with the key that opens it from anywhere.

A section is added here when its screen is built; the app makes its binding, its footer
entry and its command-palette entry from this list. Screens are imported when first
opened, so start-up only pays for the Today screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import import_module
from typing import Any


@dataclass(frozen=True)
class Section:
    key: str
    name: str
    description: str
    # "module:ClassName" of a Screen whose __init__ takes no arguments.
    screen: str
    # The Today footer lists the sections on one 80-column line, by the same names as Help,
    # the palette and the README: every name does not fit, so the least used one is left
    # to Help and the palette.
    in_today_footer: bool = True

    def make_screen(self):
        module_name, _, class_name = self.screen.partition(":")
        module = import_module(f"gymtui.ui.screens.{module_name}")
        return getattr(module, class_name)()


SECTIONS: list[Section] = [
    Section("w", "Workout", "Start or resume today's session: tempo timer, sets, rest", "workout:WorkoutScreen"),
    Section("u", "Warm-up", "Warm-up drills and ramp sets to the first working load", "warmup:WarmupScreen"),
    Section("m", "Mobility", "Guided mobility routines: holds and counts on a timer", "mobility:MobilityScreen"),
    Section(
        "c", "Checklist", "The end-of-day mobility checklist, streak and last 30 days", "checklist:ChecklistScreen"
    ),
    Section("r", "Recovery", "Today's recovery note and the readiness it gives", "recovery:RecoveryScreen"),
    Section("h", "History", "Past sessions, progress charts, weekly balance; import", "history:HistoryScreen"),
    Section(
        "s",
        "Settings",
        "Units, bar and plates, load steps, ramp sets, rests, timer cues, theme",
        "settings:SettingsScreen",
        in_today_footer=False,
    ),
]


def open_screens(app: Any) -> Iterator[Any]:
    """Every screen that is open: the stack, top first, then the section screens kept alive
    off the stack (the workout keeps its timer and session while another screen shows)."""
    seen: set[int] = set()
    kept = [app.get_screen(f"section-{s.key}") for s in SECTIONS if app.is_screen_installed(f"section-{s.key}")]
    for screen in [*reversed(app.screen_stack), *kept]:
        if id(screen) not in seen:
            seen.add(id(screen))
            yield screen
