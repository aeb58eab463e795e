"""The workout screen under 80 columns: a phone's 40x30 and the Pi touchscreen's 66x20 with a
big font, in the timer (the timer first), the set form and a rest; and in touch mode, its
big buttons. The set-ups are those of test_snapshots_workout (80x24 and 120x40)."""

import pytest

from app_factory import settle
from gymtui.ui.widgets.touch import TOUCH_CLASS
from test_snapshots_workout import _logging, _resting, _timer
from test_snapshots_workout import clock as clock_fixture
from test_snapshots_workout import workout_app as workout_app_fixture

# The same fixtures as the wide snapshots, under their own names here.
clock = clock_fixture
workout_app = workout_app_fixture

SIZES = [(40, 30), (66, 20)]
IDS = ["40x30", "66x20"]


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_workout_timer_narrow(snap_compare, workout_app, clock, size):
    assert snap_compare(workout_app, terminal_size=size, run_before=_timer(clock))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_workout_logging_narrow(snap_compare, workout_app, clock, size):
    assert snap_compare(workout_app, terminal_size=size, run_before=_logging(clock))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_workout_resting_narrow(snap_compare, workout_app, clock, size):
    assert snap_compare(workout_app, terminal_size=size, run_before=_resting(clock))


@pytest.mark.parametrize("size", [*SIZES, (100, 30)], ids=[*IDS, "100x30"])
def test_workout_touch_ready(snap_compare, workout_app, size):
    workout_app.add_class(TOUCH_CLASS)

    async def run_before(pilot):
        await settle(pilot, animations=True)
        pilot.app.action_open_section("w")
        await settle(pilot, animations=True)

    assert snap_compare(workout_app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [*SIZES, (80, 24)], ids=[*IDS, "80x24"])
def test_workout_touch_resting(snap_compare, workout_app, clock, size):
    # The whole rest figure above the buttons: the card keeps its first line (load and reps).
    workout_app.add_class(TOUCH_CLASS)
    assert snap_compare(workout_app, terminal_size=size, run_before=_resting(clock))
