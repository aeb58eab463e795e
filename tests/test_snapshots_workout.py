"""Snapshots of the workout screen at a Pi console's 80x24 and at 120x40, in the tempo timer
and in the set form. A frozen date and a FakeClock make them the same on every run."""

import pytest

from app_factory import seed_session, settle
from gymtui.domain.clock import FakeClock


@pytest.fixture
def clock():
    return FakeClock(100.0)


@pytest.fixture
def workout_app(new_app, clock):
    app = new_app(clock=clock)
    seed_session(app.store, [("face-pull", 20, 15, 7), ("face-pull", 20, 15, 7.5)], status="done",
                 program_day="vertical-pull", block_week=1)
    return app


def _timer(clock):
    async def run_before(pilot):
        await settle(pilot, animations=True)
        pilot.app.action_open_section("w")
        await settle(pilot, animations=True)
        await pilot.press("enter")
        # Lead-in (3 s), then rep 1 (lift 1, hold 2, lower 2) and into rep 2's lowering:
        # past the cue's flash, so the band shows the phase colour.
        clock.advance(3 + 5 + 3)
        pilot.app.screen.tick()  # the cue of the change to LOWER: a flash
        clock.advance(0.5)
        pilot.app.screen.tick()  # the flash is over
        await settle(pilot, animations=True)

    return run_before


def _logging(clock):
    async def run_before(pilot):
        await settle(pilot, animations=True)
        pilot.app.action_open_section("w")
        await settle(pilot, animations=True)
        await pilot.press("enter")
        clock.advance(3 + 5 * 7 + 0.5)  # seven reps, then stopped
        pilot.app.screen.tick()
        await pilot.press("enter")
        await pilot.press("8", ".")  # an RPE on its way: 8.
        await settle(pilot, animations=True)

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_workout_timer(snap_compare, workout_app, clock, size):
    assert snap_compare(workout_app, terminal_size=size, run_before=_timer(clock))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_workout_logging(snap_compare, workout_app, clock, size):
    assert snap_compare(workout_app, terminal_size=size, run_before=_logging(clock))


def _resting(clock):
    async def run_before(pilot):
        await settle(pilot, animations=True)
        pilot.app.action_open_section("w")
        await settle(pilot, animations=True)
        await pilot.press("l", "8", "enter")  # the first face pull logged: the rest starts
        clock.advance(15)
        pilot.app.rest.tick()  # drawn from the clock now, not when a timer next fires
        await settle(pilot, animations=True)
        pilot.app.clear_notifications()  # "Saved ..." comes and goes with the next key
        await settle(pilot, animations=True)

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_workout_resting(snap_compare, workout_app, clock, size):
    assert snap_compare(workout_app, terminal_size=size, run_before=_resting(clock))


def _ready():
    async def run_before(pilot):
        await settle(pilot, animations=True)
        pilot.app.action_open_section("w")
        await settle(pilot, animations=True)

    return run_before


@pytest.mark.parametrize("size", [(40, 30), (66, 20), (80, 24), (120, 40)], ids=["40x30", "66x20", "80x24", "120x40"])
def test_workout_ready(snap_compare, workout_app, size):
    # The card before a set: the set's load and reps, the big set number, the timer's prompt.
    assert snap_compare(workout_app, terminal_size=size, run_before=_ready())
