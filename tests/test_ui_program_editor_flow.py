"""The whole own-program flow in the app at 80x24, by key, without editing a file: add an
exercise (the form), build a three-day program with it and a superset in the editor, save
it, choose it in Settings; then the planner gives every exercise of it a load and reasons."""

import pytest
from textual.widgets import Static

from app_factory import FROZEN_NOW, LAST_WEEK, seed_session, settle, type_keys
from gymtui.domain.programs import read_program_text
from gymtui.services.planning import plan_session
from gymtui.ui.screens.exercise_form import ExerciseForm
from gymtui.ui.screens.program_editor import ProgramEditorScreen
from gymtui.ui.screens.settings import SettingsScreen
from own_training_keys import choose, fill, palette


async def add_day_exercise(pilot, app, name: str, superset: str = "") -> None:
    """a, the exercise's name or alias, and its superset label, then back to the list."""
    await pilot.press("a")
    await settle(pilot, app)
    await type_keys(pilot, *name)
    await pilot.press("enter")
    if superset:
        await fill(pilot, "pe-rx-superset", superset)
        await pilot.press("enter")
    await pilot.press("escape")
    await settle(pilot, app)


async def name_node(pilot, app, field_id: str, name: str) -> None:
    """enter on the list's node, its name typed, back to the list."""
    await pilot.press("enter")
    await settle(pilot, app)
    await fill(pilot, field_id, name)
    await pilot.press("enter", "escape")
    await settle(pilot, app)


@pytest.mark.slow  # the longest flow of the suite
async def test_add_an_exercise_build_a_three_day_program_with_a_superset_use_it_and_plan_it(gym_app, data_dir):
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        # 1. The exercise, through the add-exercise form.
        await palette(pilot, app, "Add exercise")
        assert isinstance(app.screen, ExerciseForm)
        await fill(pilot, "xf-name", "Deficit Bulgarian Split Squat")
        await fill(pilot, "xf-alias", "Deficit BSS")
        await choose(pilot, "xf-pattern", "squat")
        await choose(pilot, "xf-equipment", "dumb")
        await choose(pilot, "xf-unilateral", "yes")
        await fill(pilot, "xf-tempo", "3-1-1-0")
        await pilot.press("ctrl+s")
        await settle(pilot, app)

        # 2. A new program in the editor: three days, a superset on the first.
        await palette(pilot, app, "Program editor")
        editor = app.screen
        assert isinstance(editor, ProgramEditorScreen)
        await pilot.press("o")
        await settle(pilot, app)
        await pilot.press("enter")  # "A new program"
        await settle(pilot, app)
        await pilot.press("up")  # the program itself
        await name_node(pilot, app, "pe-program-name", "Three Day Split")
        await pilot.press("down")  # its first day
        await name_node(pilot, app, "pe-day-name", "Legs")
        await add_day_exercise(pilot, app, "Deficit BSS", superset="A")
        await add_day_exercise(pilot, app, "Lying Leg Curl", superset="A")
        await pilot.press("d")
        await settle(pilot, app)
        await name_node(pilot, app, "pe-day-name", "Push")
        await add_day_exercise(pilot, app, "Bench Press")
        await pilot.press("d")
        await settle(pilot, app)
        await name_node(pilot, app, "pe-day-name", "Pull")
        await add_day_exercise(pilot, app, "Chest Supported Row")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        message = str(editor.query_one("#pe-message", Static).render())
        assert message.startswith("Saved Three Day Split as programs/three-day-split.json"), message

        saved = read_program_text((data_dir / "programs" / "three-day-split.json").read_text(),
                                  {e.id for e in app.library.exercises()})
        assert saved.name == "Three Day Split"
        assert [(d.name, [(rx.exercise, rx.superset) for rx in d.prescriptions]) for d in saved.days] == [
            ("Legs", [("deficit-bulgarian-split-squat", "A"), ("lying-leg-curl", "A")]),
            ("Push", [("bench-press", None)]),
            ("Pull", [("chest-supported-row", None)]),
        ]

        # 3. Used: chosen in Settings.
        await pilot.press("s")
        await settle(pilot, app)
        assert isinstance(app.screen, SettingsScreen)
        await choose(pilot, "set-program", "Three")
        await settle(pilot, app)
        settings = app.store.settings()
        assert settings.program == "three-day-split"

    # 4. The planner: after a session of each day, next loads with reasons for every exercise.
    store, library = app.store, app.library
    program = library.program(settings.program)
    assert program == saved
    for offset, day in enumerate(program.days):
        seed_session(store, [(rx.exercise, 20.0, rx.reps_min, 7.5) for rx in day.prescriptions for _ in range(rx.sets)],
                     when=LAST_WEEK.add(days=offset), status="done", program_day=day.id)
    for day in program.days:
        plan = plan_session(store, library, settings, FROZEN_NOW.date(), day)
        assert plan.program.id == "three-day-split"
        assert [item.exercise.id for item in plan.exercises] == [rx.exercise for rx in day.prescriptions]
        for item in plan.exercises:
            assert item.plan.load is not None, (item.exercise.id, item.plan.reasons)
            assert item.plan.reasons, item.exercise.id
