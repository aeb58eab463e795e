"""Typed bases for gymtui's screens and dialogs: `self.app` is the GymApp, so its store,
library, clock and rest timer are checked where a screen uses them."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from textual import getters

    from ..app import GymApp

ResultType = TypeVar("ResultType")


class GymScreen(Screen[ResultType]):
    """A full screen of gymtui."""

    if TYPE_CHECKING:
        # Only the type changes: at run time Textual's own `app` answers, as for any screen
        # (so a test may still show one in a bare App).
        app = getters.app(GymApp)


class GymDialog(ModalScreen[ResultType]):
    """A dialog over a gymtui screen."""

    if TYPE_CHECKING:
        app = getters.app(GymApp)
