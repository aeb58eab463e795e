"""Quitting asks first when something typed or timed would be lost.

A screen that can hold such work has `unsaved_work()`, returning a sentence saying what would
be lost (or None). The app asks every open screen: the shown place's, and those of the
places kept open behind it (the workout keeps its timer running while another place shows).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .sections import open_screens

if TYPE_CHECKING:
    from textual.app import App


def unsaved_work(app: App) -> list[str]:
    """What quitting now would lose, one sentence per screen, the screen shown first."""
    found = []
    for screen in open_screens(app):
        ask = getattr(screen, "unsaved_work", None)
        what = ask() if callable(ask) else None
        if what:
            found.append(what)
    return found
