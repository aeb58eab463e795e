"""Opening the lifter's own-training screens (add-exercise form, exercise library, program
editor) from any screen, the palette and the keys of History and Settings. What they save
goes through services/app_data.py, which hands back the library as it is after the change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.binding import Binding

from .sections import SECTIONS


def open_exercise_form(app: Any, exercise_id: str | None = None,
                       then: Callable[[str | None], None] | None = None, *, name: str = "") -> None:
    """The add-exercise form (or the edit form of `exercise_id`); `then` gets the saved id.
    `name`: a new exercise's name, as typed in a search that found nothing."""
    from .screens.exercise_form import ExerciseForm

    if not app.data_needed():
        return
    exercise = app.library.exercise(exercise_id) if exercise_id else None
    app.push_screen(ExerciseForm(exercise, name=name), then)


def open_library(app: Any) -> None:
    from .screens.library import LibraryScreen

    if not app.data_needed():
        return
    if not isinstance(app.screen, LibraryScreen):
        app.push_screen(LibraryScreen())


def open_program_editor(app: Any, program_id: str | None = None) -> None:
    from .screens.program_editor import ProgramEditorScreen

    if not app.data_needed():
        return
    if not isinstance(app.screen, ProgramEditorScreen):
        app.push_screen(ProgramEditorScreen(program_id))


def section_bindings(*taken: str) -> list[Binding]:
    """The app's place keys (t and each section's), for a screen opened over a place: they
    close the screen first (`leave_to`), so coming back to that place shows the place, not
    this screen. `taken`: keys the screen uses for its own actions. The screen's
    `action_today` and `action_open_section(key)` call `leave_to`."""
    # Named as the app's own place actions, so Help lists them with the places, once.
    bindings = [Binding("t", "today", "Today", show=False)]
    bindings += [Binding(s.key, f"open_section('{s.key}')", s.name, show=False) for s in SECTIONS]
    return [b for b in bindings if b.key not in taken]


def leave_to(app: Any, screen: Any, key: str) -> None:
    """Close `screen` (when shown) and go to the place of `key`."""
    if app.screen is screen:
        app.pop_screen()
    if key == "t":
        app.action_today()
    else:
        app.action_open_section(key)
