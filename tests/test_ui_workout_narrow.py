"""The workout screen on a phone (40x30): nothing the lifter needs is cut off with "…" or at
the edge. The big set figure is whole, the card's why, last time and cues wrap, and the set
form's RPE scale and hints wrap under their field."""

from app_factory import seed_session, settle
from gymtui.ui.widgets.big_text import render_rows
from screen_text import on_screen, rows_shown, screen_lines

PHONE = (40, 30)


def _seeded(new_app):
    app = new_app()
    seed_session(app.store, [("face-pull", 20, 15, 7), ("face-pull", 20, 15, 7.5)], status="done",
                 program_day="vertical-pull", block_week=1)
    return app


async def _open_workout(pilot):
    await settle(pilot)
    pilot.app.action_open_section("w")
    await settle(pilot)


async def test_the_card_and_the_set_figure_are_whole_at_40_columns(new_app):
    app = _seeded(new_app)
    async with app.run_test(size=PHONE) as pilot:
        await _open_workout(pilot)
        card = app.screen.workout.card
        assert on_screen(app, "Why: " + "; ".join(card.plan.reasons))
        assert on_screen(app, "Cue: " + " · ".join(card.exercise.cues[:2]))
        assert on_screen(app, "rest 1:00")
        assert on_screen(app, "l logs without it")
        rows = [line.strip() for line in screen_lines(app)]
        for row in render_rows("SET 1/2", cells=1):
            assert row.strip() in rows  # every column of the figure, '/2' included


async def test_the_set_form_wraps_its_rpe_scale_and_hints_at_40_columns(new_app):
    app = _seeded(new_app)
    async with app.run_test(size=PHONE) as pilot:
        await _open_workout(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert on_screen(app, "8 8.5 9 9.5 10")
        assert on_screen(app, "kg unless you type lb or kg")
        assert on_screen(app, "Tab next field Esc cancel")
        note = app.screen.query_one("#se-note")
        assert note.region.width >= 20 and note.region.right <= PHONE[0]


async def test_the_timer_band_shows_the_whole_phase_word_at_40_columns(new_app):
    app = _seeded(new_app)
    async with app.run_test(size=PHONE) as pilot:
        await _open_workout(pilot)
        await pilot.press("enter")
        app.clock.advance(3 + 5 + 3.5)  # the lead-in, rep 1, into rep 2's lowering
        app.screen.tick()
        await settle(pilot)
        rows = [line.strip() for line in screen_lines(app)]
        word = [row.strip() for row in render_rows("LOWER", cells=1)]
        assert all(any(row.endswith(part) for row in rows) for part in word)


async def test_y_or_a_tap_on_the_card_shows_it_whole(new_app):
    # With the touch buttons a phone keeps the card a line a row; y, or a tap on the card,
    # shows all of it: every cue, the whole reason.
    from gymtui.ui.dialogs.workout import CardDialog
    from gymtui.ui.widgets.touch import TOUCH_CLASS

    app = _seeded(new_app)
    app.add_class(TOUCH_CLASS)
    async with app.run_test(size=PHONE) as pilot:
        await _open_workout(pilot)
        card = app.screen.workout.card
        assert not on_screen(app, card.exercise.cues[-1])
        await pilot.click("#wo-card")
        await settle(pilot)
        assert isinstance(app.screen, CardDialog)
        for cue in card.exercise.cues:
            assert on_screen(app, f"Cue: {cue}")
        assert on_screen(app, "Why: " + "; ".join(card.plan.reasons))
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, CardDialog)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, CardDialog)


async def test_the_exercise_order_and_the_keys_stay_on_screen_at_66x20(new_app):
    # The Pi touchscreen with a big font: 20 rows. The blank rows between the parts go, so
    # the order ends with the last exercise and the keys line with "f finish".
    app = _seeded(new_app)
    async with app.run_test(size=(66, 20)) as pilot:
        await _open_workout(pilot)
        last = app.screen.workout.cards[-1].exercise.name
        assert on_screen(app, last)
        assert on_screen(app, "f finish")


async def test_the_keys_of_a_rest_stay_on_screen_at_66x20(new_app):
    # During a rest the rest's own line takes a row: the prompt over the order gives it back
    # (the footer says what Enter and l do), so the whole keys line still shows, with the
    # whole rest figure, and the footer carries the rest's keys.
    app = _seeded(new_app)
    async with app.run_test(size=(66, 20)) as pilot:
        await _open_workout(pilot)
        await pilot.press("l", "8", "enter")  # the first face pull logged: the rest starts
        await settle(pilot)
        assert app.rest.running
        screen = app.screen
        keys = screen.query_one("#wo-keys")
        assert keys.region.height == 2 and rows_shown(app, keys) == 2
        for words in ("y whole card", "f finish", "k skip set", "e edit"):
            assert on_screen(app, words), words
        assert on_screen(app, app.screen.workout.cards[-1].exercise.name)
        big = screen.query_one("#rest-big")
        assert rows_shown(app, big) == big.region.height == 5
        for words in ("⏎ Start", "l Log", "1 +15s", "3 +30s", "0 Skip rest", "? Help"):
            assert on_screen(app, words), words
