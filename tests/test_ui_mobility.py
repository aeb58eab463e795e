"""Mobility: the guided run against a fake clock, and routines created and edited in the app."""

import pytest
from textual.widgets import DataTable, Input, Static, TextArea

from app_factory import FROZEN_NOW, settle
from gymtui.domain.clock import FakeClock
from gymtui.domain.library import Drill, Routine
from gymtui.services.editor_text import TextFormatError, parse_routine, routine_to_text
from gymtui.ui.dialogs.editor import EditorDialog
from gymtui.ui.screens.mobility import MobilityScreen
from gymtui.ui.widgets.countdown import Countdown
from gymtui.ui.widgets.guided_run import SECONDS_PER_REP, GuidedRun, expand

ROUTINE = Routine(
    id="test-routine",
    name="Test routine",
    items=[
        Drill(id="hang", name="Hang", kind="hold", seconds=20),
        Drill(id="open-book", name="Open book", kind="reps", reps=5, per_side=True),
    ],
)


# -- the run, without an app ----------------------------------------------------------------


def test_expand_gives_each_side_its_own_step():
    steps = expand(ROUTINE)
    assert [(s.title, s.seconds, s.item) for s in steps] == [
        ("Hang", 20, 0),
        ("Open book (left)", 5 * SECONDS_PER_REP, 1),
        ("Open book (right)", 5 * SECONDS_PER_REP, 1),
    ]


def test_run_reads_the_clock_pauses_and_skips():
    clock = FakeClock(1000)
    run = GuidedRun(expand(ROUTINE), clock, ready_seconds=3)
    assert run.total == 3 * 3 + 20 + 40
    state = run.state()
    assert (state.index, state.phase, state.countdown) == (0, "ready", 3)
    clock.advance(3)
    assert (run.state().phase, run.state().countdown) == ("work", 20)
    clock.advance(0.4)
    assert run.state().countdown == 20  # 19.6 s left shows 20
    run.pause()
    clock.advance(500)
    assert run.state().paused and run.state().countdown == 20
    run.resume()
    clock.advance(19.6)
    state = run.state()
    assert (state.index, state.phase, state.completed) == (1, "ready", 1)
    run.skip()  # straight to work
    assert (run.state().phase, run.state().countdown) == ("work", 20)
    run.skip()  # to the right side's get-ready
    state = run.state()
    assert (state.index, state.phase, state.completed, state.step.side) == (2, "ready", 2, "right")
    assert state.next_step is None
    clock.advance(1000)
    state = run.state()
    assert state.done and state.completed == 3 and state.progress == 1.0
    run.skip()  # nothing left to skip
    assert run.state().done


def test_a_late_look_at_the_clock_still_lands_on_the_right_item():
    clock = FakeClock()
    run = GuidedRun(expand(ROUTINE), clock, ready_seconds=0)
    clock.advance(20 + 20 + 7)  # nobody redrew for 47 s
    state = run.state()
    assert (state.index, state.completed, state.countdown) == (2, 2, 13)


def test_an_empty_run_is_refused():
    with pytest.raises(ValueError):
        GuidedRun([], FakeClock())


def test_routine_text_round_trips_and_reports_bad_lines():
    text = routine_to_text(ROUTINE)
    assert text == "Hang | 20 s\nOpen book | 5 reps | each side"
    again = parse_routine("Test routine", "", text, routine_id="test-routine", taken_ids=[])
    assert again.items == ROUTINE.items and again.custom
    fresh = parse_routine("Thoracic extension", "x", "Cat-cow | 8", routine_id=None, taken_ids=["thoracic-extension"])
    assert fresh.id == "thoracic-extension-2" and fresh.items[0].reps == 8
    with pytest.raises(TextFormatError, match="line 2"):
        parse_routine("R", "", "Hang | 20 s\nOpen book | ten", routine_id=None, taken_ids=[])
    with pytest.raises(TextFormatError, match="line 1"):
        parse_routine("R", "", "Hang | 9999 s", routine_id=None, taken_ids=[])
    with pytest.raises(TextFormatError, match="at least one item"):
        parse_routine("R", "", "\n", routine_id=None, taken_ids=[])
    with pytest.raises(TextFormatError, match="name"):
        parse_routine("  ", "", "Hang | 20 s", routine_id=None, taken_ids=[])


# -- the screen ---------------------------------------------------------------------------------


def text(app, selector):
    return str(app.screen.query_one(selector, Static).render())


async def open_mobility(pilot, app):
    await settle(pilot, app)
    await pilot.press("m")
    await settle(pilot, app)
    assert isinstance(app.screen, MobilityScreen)
    return app.screen


def select(screen, routine_id):
    table = screen.query_one("#mob-table", DataTable)
    table.move_cursor(row=table.get_row_index(routine_id))


async def test_routine_runs_as_a_guided_timer_on_a_fake_clock(new_app):
    clock = FakeClock()
    app = new_app(clock=clock)
    rings = []
    app.bell = lambda: rings.append(clock.monotonic())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_mobility(pilot, app)
        select(screen, "lat-lengthening")
        await pilot.press("enter")
        await pilot.pause()
        count = screen.query_one("#run-count", Countdown)
        assert "Get ready: Doorway lat stretch (left)" in text(app, "#run-title")
        assert count.seconds == 3 and "item 1/4" in text(app, "#run-routine")

        async def at(seconds):
            clock.advance(seconds)
            screen.tick()
            await pilot.pause()

        await at(3)
        assert text(app, "#run-title") == "Doorway lat stretch (left)" and count.seconds == 30
        assert "Hold the frame" in text(app, "#run-cue")
        await at(29.5)
        assert count.seconds == 1 and rings == []
        await at(0.5)  # the item ends: bell, flash, the next one starts by itself
        assert rings == [33] and screen.query_one("#mob-run").has_class("-flash")
        assert "Get ready: Doorway lat stretch (right)" in text(app, "#run-title")
        await at(1.5)
        assert not screen.query_one("#mob-run").has_class("-flash")
        await pilot.press("space")  # pause
        await at(300)
        assert count.seconds == 2 and "PAUSED" in text(app, "#run-routine")
        await pilot.press("space")  # resume
        await pilot.press("n")  # skip the get-ready
        await pilot.pause()
        assert text(app, "#run-title") == "Doorway lat stretch (right)" and count.seconds == 30
        await at(30)  # the right side
        assert len(rings) == 2 and "Child's pose side reach (left)" in text(app, "#run-title")
        await at(3 + 30)  # the next item's left side
        assert "Child's pose side reach (right)" in text(app, "#run-title")
        assert len(rings) == 3 and "item 2/4" in text(app, "#run-routine")
        await at(1000)  # a very late redraw: four items ended since, one bell
        assert text(app, "#run-title") == "Routine done" and len(rings) == 4
        assert screen.bells == 4
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.running
        assert screen.query_one("#mob-table", DataTable).has_focus
        # The finished run is in the journal, where history counts mobility days.
        await app.workers.wait_for_complete()
        runs = app.store.mobility_between(FROZEN_NOW.date(), FROZEN_NOW.date())
        assert [(r.routine, r.items_done, r.items_total) for r in runs] == [(screen.routine.id, 4, 4)]


async def test_bell_can_be_turned_off(new_app):
    clock = FakeClock()
    app = new_app(clock=clock)
    app.store.save_settings(app.store.settings().model_copy(update={"bell": False, "lead_in_seconds": 0}))
    rings = []
    app.bell = lambda: rings.append(1)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_mobility(pilot, app)
        select(screen, "breathing")
        await pilot.press("enter")
        await pilot.pause()
        assert text(app, "#run-title") == "90/90 breathing"  # no get-ready with lead-in 0
        clock.advance(5 * SECONDS_PER_REP)
        screen.tick()
        await pilot.pause()
        assert screen.bells == 1 and rings == []


async def test_routines_are_created_edited_and_deleted_in_the_app(new_app):
    app = new_app()
    store = app.store
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_mobility(pilot, app)
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditorDialog)
        await pilot.press(*"Evening reset")
        dialog.query_one("#field-focus", Input).value = "Wind down"
        dialog.query_one(
            TextArea
        ).text = "Dead hang | 30 s\nOpen book | 8 reps | each side | Eyes on the hand\nCat-cow | lots"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # the bad third line keeps the dialog open
        assert "line 3" in str(dialog.query_one("#editor-error", Static).render())
        assert store.routines() == []
        dialog.query_one(TextArea).text = "Dead hang | 30 s\nOpen book | 8 reps | each side | Eyes on the hand"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        saved = store.routines()
        assert [(r.id, r.name, r.focus, len(r.items)) for r in saved] == [
            ("evening-reset", "Evening reset", "Wind down", 2)
        ]
        assert saved[0].items[1].per_side and saved[0].items[1].cue == "Eyes on the hand"
        assert "evening-reset" in [r.id for r in app.library.routines()]
        table = screen.query_one("#mob-table", DataTable)
        assert table.get_row("evening-reset")[0] == "Evening reset *"

        # Editing a library routine saves the lifter's own copy in its place.
        select(screen, "breathing")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(TextArea).text = "Box breathing | 90 s"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        mine = {r.id: r for r in store.routines()}
        assert mine["breathing"].items[0].seconds == 90 and mine["breathing"].custom
        ids = [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(table.row_count)]
        assert ids.count("breathing") == 1
        # Deleting it brings the library version back; a library routine itself stays.
        select(screen, "breathing")
        await pilot.press("d")
        await settle(pilot, app)
        await pilot.press("y")  # d asks first
        await settle(pilot, app)
        assert "breathing" not in {r.id for r in store.routines()}
        assert table.get_row("breathing")[1] == "4"
        select(screen, "thoracic-extension")
        await pilot.press("d")
        await settle(pilot, app)
        assert table.row_count == 5
