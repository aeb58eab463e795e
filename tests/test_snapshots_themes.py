"""Each shipped theme on the workout screen mid-set: the phase colours, the big letters and
the footer must stay readable in every theme (gym-floor is the one for harsh light).

The snapshot shows the band while lowering, in its phase colour (after the flash that marks
the change). Every other phase's colour is checked against the theme's own variable: a
stylesheet change to any phase's background fails here."""

import pytest
from textual.color import Color

from app_factory import seed_session, settle
from gymtui.domain.clock import FakeClock
from gymtui.domain.tempo import parse_tempo
from gymtui.domain.tempo_schedule import TempoSchedule, hold_schedule, tempo_schedule
from gymtui.domain.tempo_timer import TempoTimer
from gymtui.ui.widgets.tempo_panel import TempoPanel

THEMES = ["gym-floor", "night", "daylight"]


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
        # Lead-in (3 s), rep 1 (lift 1, hold 2, lower 2), and on into rep 2's lowering.
        clock.advance(3 + 5 + 3)
        pilot.app.screen.tick()  # the change to LOWER: the band flashes
        clock.advance(0.5)
        pilot.app.screen.tick()  # the flash is over: the band shows the phase's colour
        await settle(pilot, animations=True)
        band = pilot.app.screen.query_one("#tp-band")
        assert band.has_class("-lower") and not band.has_class("-flash")

    return run_before


@pytest.mark.parametrize("theme", THEMES)
def test_workout_timer_in_each_shipped_theme(snap_compare, new_app, clock, theme):
    app = _app(new_app, clock, theme)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_mid_set(clock))
    assert app.theme == theme


# The band's class for each phase, and the theme variable that colours it.
PHASE_COLOURS = {"-lower": "tempo-eccentric", "-pause": "tempo-pause", "-lift": "tempo-concentric",
                 "-drive": "tempo-drive", "-hold": "tempo-hold"}


def _schedules() -> list[TempoSchedule]:
    """Between them every phase: lower, pause, an explosive lift (drive), hold at the top,
    a lift in seconds, and a set that is one long hold."""
    return [tempo_schedule(parse_tempo("3-1-X-1"), 1), tempo_schedule(parse_tempo("2-0-1-2"), 1),
            hold_schedule(20)]


@pytest.mark.parametrize("theme", THEMES)
async def test_each_phase_band_has_its_theme_colour(new_app, clock, theme):
    app = _app(new_app, clock, theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_open_section("w")
        await settle(pilot)
        panel = app.screen.query_one(TempoPanel)
        band = panel.query_one("#tp-band")
        variables = app.get_css_variables()
        seen = set()
        for schedule in _schedules():
            for phase in schedule.phases:
                moment = FakeClock(phase.start + phase.duration / 2)
                panel.show(TempoTimer(schedule, moment, start=0.0).state(), schedule)
                await pilot.pause()
                css = next(name for name in PHASE_COLOURS if band.has_class(name))
                assert band.styles.background == Color.parse(variables[PHASE_COLOURS[css]]), (theme, css)
                seen.add(css)
        assert seen == set(PHASE_COLOURS)
