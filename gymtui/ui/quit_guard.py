"""Quitting asks first when something typed or timed would be lost.

A screen or dialog that can hold such work overrides `unsaved_work()` (declared on
`ScreenHooks`, the base of GymScreen and GymDialog), returning a sentence saying what would
be lost (or None). The app asks every open screen: the shown place's, and those of the places
kept open behind it (the workout keeps its timer running while another place shows).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .screens.base import ScreenHooks
from .sections import open_screens

if TYPE_CHECKING:
    from textual.app import App


def unsaved_work(app: App) -> list[str]:
    """What quitting now would lose, one sentence per screen, the screen shown first."""
    found = []
    for screen in open_screens(app):
        what = screen.unsaved_work() if isinstance(screen, ScreenHooks) else None
        if what:
            found.append(what)
    return found
