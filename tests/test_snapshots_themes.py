"""Each shipped theme on the workout screen mid-set: the phase colours, the big letters and
the footer must stay readable in every theme (gym-floor is the one for harsh light)."""

import pytest

from app_factory import FROZEN_NOW, make_app
from gymtui.domain.clock import FakeClock
from gymtui.domain.journal import LoggedSet, Session


@pytest.fixture
def clock():
    return FakeClock(100.0)


def _app(data_dir, clock, theme):
    app = make_app(data_dir, clock=clock)
    store = app.store
    store.save_settings(store.settings().model_copy(update={"theme": theme}))
    last_week = FROZEN_NOW.subtract(days=7)
    session = store.save_session(Session(date=last_week.date(), started_at=last_week, status="done",
                                         program_day="vertical-pull", block_week=1))
    store.add_set(LoggedSet(session_id=session.id, exercise="face-pull", load=20, reps=15, rpe=7,
                            logged_at=last_week))
    store.close()
    return make_app(data_dir, clock=clock)  # the app reads the theme when it is made, as at start-up


async def _settle(pilot):
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    await pilot.wait_for_scheduled_animations()


def _mid_set(clock):
    async def run_before(pilot):
        await _settle(pilot)
        pilot.app.action_open_section("w")
        await _settle(pilot)
        await pilot.press("enter")
        clock.advance(3 + 5 + 3.5)  # lead-in, one rep, into the next rep's lowering, past the flash
        pilot.app.screen.tick()
        await _settle(pilot)

    return run_before


@pytest.mark.parametrize("theme", ["gym-floor", "night", "daylight"])
def test_workout_timer_in_each_shipped_theme(snap_compare, data_dir, clock, theme):
    app = _app(data_dir, clock, theme)
    try:
        assert snap_compare(app, terminal_size=(80, 24), run_before=_mid_set(clock))
        assert app.theme == theme
    finally:
        app.store.close()
