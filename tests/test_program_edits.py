"""What the program editor's list keys do to the draft and where the cursor goes after, and
the checks before saving: plain functions, without an app."""

import pytest

from gymtui.domain.program_draft import Draft, new_program
from gymtui.domain.programs import ProgramError
from gymtui.services.library import Library
from gymtui.store.catalog_files import load_catalog
from gymtui.ui.screens import program_edits as edits


@pytest.fixture(scope="module")
def library():
    return Library(load_catalog())


def test_an_exercise_goes_after_the_cursor_or_at_the_end_of_the_last_day():
    draft = Draft(new_program())
    assert edits.add_exercise(draft, ()) == (0, 0)
    assert edits.add_exercise(draft, (0,), "deadlift") == (0, 1)
    assert edits.add_exercise(draft, (0, 0)) == (0, 1)  # right after the first
    assert [rx["exercise"] for rx in draft.days[0]["prescriptions"]] == ["", "", "deadlift"]
    assert edits.add_day(draft, (0, 1)) == (1,)


def test_copy_remove_and_move_put_the_cursor_on_what_changed():
    draft = Draft(new_program())
    edits.add_exercise(draft, (0,), "deadlift")
    edits.add_exercise(draft, (0, 0), "face-pull")
    assert edits.copy(draft, ()) is None
    assert edits.copy(draft, (0, 1)) == ((0, 2), "Exercise copied.")
    assert edits.move(draft, (0, 2), -1) == (0, 1)
    assert edits.remove(draft, (0, 2)) == ((0, 1), "Exercise removed (ctrl+z brings it back).")
    assert edits.remove(draft, (0,)) == ((), "Day 1 removed (ctrl+z brings it back).")
    assert edits.nearest(draft, (0, 3)) == ()
    draft.undo()
    assert edits.nearest(draft, (0, 5)) == (0, 1)


def test_a_program_is_saved_under_an_id_of_its_own(library):
    draft = Draft(new_program("upper-back-posterior-chain"))
    edits.add_exercise(draft, (0,), "deadlift")
    with pytest.raises(ProgramError, match="shipped program's"):
        edits.checked(draft, library, None)
    draft.set((), {"id": "mine"})
    assert edits.checked(draft, library, None).id == "mine"


def test_a_refusal_points_at_its_day_exercise_and_field(library):
    draft = Draft(new_program())
    edits.add_exercise(draft, (0,), "deadlift")
    where, path, key = edits.locate("days.0.prescriptions.0.sets: must be 1 or more", draft.data, library)
    assert (path, key) == ((0, 0), "sets") and where.startswith("Day 1, exercise 1 (")
