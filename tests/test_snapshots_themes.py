"""Each shipped theme on the workout screen mid-set: the phase colours, the big letters and
the footer must stay readable in every theme (gym-floor is the one for harsh light)."""

import pytest

from app_factory import seed_session, settle
from gymtui.domain.clock import FakeClock


@pytest.fixture
def clock():
    return FakeClock(100.0)


def _app(new_app, clock, theme):
    store = new_app(clock=clock).store
    store.save_settings(store.settings().model_copy(update={"theme": theme}))
    seed_session(store, [("face-pull", 20, 15, 7)], status="done", program_day="vertical-pull", block_week=1)
    store.close()
    return new_app(clock=clock)  # the app reads the theme when it is made, as at start-up


def _mid_set(clock):
    async def run_before(pilot):
        await settle(pilot, animations=True)
        pilot.app.action_open_section("w")
        await settle(pilot, animations=True)
        await pilot.press("enter")
        clock.advance(3 + 5 + 3.5)  # lead-in, one rep, into the next rep's lowering, past the flash
        pilot.app.screen.tick()
        await settle(pilot, animations=True)

    return run_before


@pytest.mark.parametrize("theme", ["gym-floor", "night", "daylight"])
def test_workout_timer_in_each_shipped_theme(snap_compare, new_app, clock, theme):
    app = _app(new_app, clock, theme)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_mid_set(clock))
    assert app.theme == theme
