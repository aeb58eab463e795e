"""Typed bases for gymtui's screens and dialogs: `self.app` is the GymApp, so its store,
library, clock and rest timer are checked where a screen uses them; the flags and hooks the
app reads off any screen (SHOWS_REST, unsaved_work) are declared here with their defaults."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar

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

    # The screen draws the rest large itself: no small rest badge over it.
    SHOWS_REST: ClassVar[bool] = False

    def unsaved_work(self) -> str | None:
        """What quitting now would lose here, in one sentence; None when nothing would."""
        return None


class GymDialog(ModalScreen[ResultType]):
    """A dialog over a gymtui screen."""

    if TYPE_CHECKING:
        app = getters.app(GymApp)

    def unsaved_work(self) -> str | None:
        """What quitting now would lose here, in one sentence; None when nothing would."""
        return None
