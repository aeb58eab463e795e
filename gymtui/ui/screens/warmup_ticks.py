"""What the warm-up has done today, kept per app and day: drill ticks and the undo order."""

from __future__ import annotations

from datetime import date
from weakref import WeakKeyDictionary

from textual.app import App

from ...domain.journal import LoggedSet

# Drill ticks per app and day: leaving the screen and coming back keeps them.
_TICKS: WeakKeyDictionary[App, dict[date, set[str]]] = WeakKeyDictionary()
# What was ticked, oldest first, per app and day, so x takes back the newest tick wherever
# the cursor is: ("drill", tick key) or ("ramp", id of the warm-up set logged).
_DONE: WeakKeyDictionary[App, dict[date, list[tuple[str, str]]]] = WeakKeyDictionary()


def ticks_of(app: App, today: date) -> set[str]:
    """The drills ticked on `today` in this app (tick keys)."""
    return _TICKS.setdefault(app, {}).setdefault(today, set())


def done_order_of(app: App, today: date) -> list[tuple[str, str]]:
    """What was ticked on `today` in this app, oldest first."""
    return _DONE.setdefault(app, {}).setdefault(today, [])


def newest_tick(
    done_order: list[tuple[str, str]], ticks: set[str], logged: dict[int, LoggedSet]
) -> tuple[str, str] | tuple[str, int] | None:
    """What x takes back: ("drill", tick key) or ("ramp", row index), or None."""
    for kind, key in reversed(done_order):
        if kind == "drill" and key in ticks:
            return ("drill", key)
        index = next((i for i, s in logged.items() if s.id == key), None)
        if kind == "ramp" and index is not None:
            return ("ramp", index)
    # Nothing ticked since the app started: the newest ramp set on the list (logged by an
    # earlier run of the app) is the last tick there is.
    if logged:
        return ("ramp", max(logged, key=lambda i: logged[i].logged_at))
    return None


def take_back(done_order: list[tuple[str, str]], entry: tuple[str, str]) -> None:
    """`entry` off the order, with every entry newer than it: those were taken back already."""
    while done_order and done_order.pop() != entry:
        pass
