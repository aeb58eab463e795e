"""Opening the lifter's own-training screens (add-exercise form, exercise library, program
editor) from any screen, the palette and the keys of History and Settings, and keeping the
app's library in step with what they save."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from ..services.library import Library
from ..store import Store


def with_own_exercises(library: Library, store: Store) -> Library:
    """The library with the lifter's exercises read again (one was added, changed or retired)."""
    return dataclasses.replace(library, custom=tuple(store.custom_exercises()))


def open_exercise_form(app: Any, exercise_id: str | None = None,
                       then: Callable[[str | None], None] | None = None) -> None:
    """The add-exercise form (or the edit form of `exercise_id`); `then` gets the saved id."""
    from .screens.exercise_form import ExerciseForm

    exercise = app.library.exercise(exercise_id) if exercise_id else None
    app.push_screen(ExerciseForm(exercise), then)


def open_library(app: Any) -> None:
    from .screens.library import LibraryScreen

    if not isinstance(app.screen, LibraryScreen):
        app.push_screen(LibraryScreen())


def open_program_editor(app: Any, program_id: str | None = None) -> None:
    from .screens.program_editor import ProgramEditorScreen

    if not isinstance(app.screen, ProgramEditorScreen):
        app.push_screen(ProgramEditorScreen(program_id))
