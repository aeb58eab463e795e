"""Quitting asks first when something typed or timed would be lost.

A screen that can hold such work has `unsaved_work()`, returning a sentence saying what would
be lost (or None). The app asks every screen in the stack, and the kept-alive section screens
(the workout keeps its timer running while another screen is shown).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.screen import Screen

from .sections import SECTIONS

if TYPE_CHECKING:
    from textual.app import App


def _screens(app: App) -> Iterator[Screen]:
    seen: set[int] = set()
    kept = [app.get_screen(f"section-{s.key}") for s in SECTIONS if app.is_screen_installed(f"section-{s.key}")]
    for screen in [*reversed(app.screen_stack), *kept]:
        if id(screen) not in seen:
            seen.add(id(screen))
            yield screen


def unsaved_work(app: App) -> list[str]:
    """What quitting now would lose, one sentence per screen, the screen shown first."""
    found = []
    for screen in _screens(app):
        ask = getattr(screen, "unsaved_work", None)
        what = ask() if callable(ask) else None
        if what:
            found.append(what)
    return found
