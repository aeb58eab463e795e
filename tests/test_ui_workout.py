"""The workout screen walked end to end with a fake clock: timer, log, rest, screens, edit,
kill and resume. The clock only moves when a test moves it; the screen is told to redraw."""

import pytest
from textual.widgets import Input, Static

from app_factory import FROZEN_NOW, seed_session, settle, wait_until
from gymtui.domain.clock import FakeClock
from gymtui.ui.dialogs.confirm import ConfirmDialog
from gymtui.ui.dialogs.workout import ResumeDialog
from gymtui.ui.screens.recovery import RecoveryScreen
from gymtui.ui.screens.workout import WorkoutScreen
from gymtui.ui.widgets.big_text import BigText
from gymtui.ui.widgets.rest_bar import RestBadge
from screen_text import on_screen

SIZE = (80, 24)


def seed_history(store) -> None:
    """Last week's face pulls, so today's plan has a load to pre-fill."""
    seed_session(store, [("face-pull", 20, 15, 7)] * 2, status="done", program_day="vertical-pull", block_week=1)


def shown(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def big(screen, selector: str) -> str:
    return screen.query_one(selector, BigText).text


def today_sets(store):
    session = store.in_progress_session()
    return [s for s in store.session_sets(session.id) if s.set_type != "warmup"] if session else []


async def open_workout(pilot, app) -> WorkoutScreen:
    await settle(pilot, app)
    app.action_open_section("w")
    await settle(pilot, app)
    screen = app.screen
    assert isinstance(screen, WorkoutScreen) and screen.state == "ready"
    return screen


async def run_set(pilot, app, clock: FakeClock, screen: WorkoutScreen, seconds: float, step: float = 0.5):
    """Move the clock through a set in small steps, letting the screen redraw after each."""
    phases = []
    moved = 0.0
    while moved < seconds and screen.state == "timer":
        clock.advance(step)
        moved += step
        screen.tick()
        await pilot.pause()
        if screen.state == "timer":
            word = big(screen, "#tp-word")
            if not phases or phases[-1] != word:
                phases.append(word)
    return phases


@pytest.mark.slow
async def test_whole_flow_timer_log_rest_screens_edit_kill_resume(new_app):
    clock = FakeClock(1000.0)
    app = new_app(clock=clock)
    seed_history(app.store)
    bells: list[int] = []
    app.bell = lambda: bells.append(1)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        # The first exercise: name, set k of n, target, tempo, rest, why, last time, a cue.
        assert "Face Pull" in shown(screen, "#wo-heading") and "SET 1 OF 2" in shown(screen, "#wo-heading")
        plan = screen.workout.card.plan
        reps = plan.reps  # last week at the target RPE: one more rep (double progression)
        assert (plan.load, reps) == (20, 16)
        card = shown(screen, "#wo-card")
        assert "20 kg × 16" in card and "@7" in card and "2-0-1-2" in card and "rest 1:00" in card
        assert "Last: Mon 9 Nov: 20 kg × 15, 15 @7, 7" in card and "Why:" in card and "Cue:" in card
        assert not screen.ticking and not app.rest.ticking  # nothing runs while idle

        # The tempo set: lead-in, then lift / hold / lower, rep by rep, from the clock.
        await pilot.press("enter")
        assert screen.state == "timer" and screen.ticking
        assert big(screen, "#tp-word") == "READY" and big(screen, "#tp-count") == "3"
        phases = await run_set(pilot, app, clock, screen, 3 + 5 * 2)
        assert phases[:4] == ["READY", "LIFT", "HOLD", "LOWER"]
        assert big(screen, "#tp-rep") == "3/16"
        assert screen.cues == 1 + 3 * 2 + 1 and len(bells) == screen.cues  # one per phase change
        # Space pauses: the clock moves, the set does not, and nothing is redrawn.
        await pilot.press("space")
        assert big(screen, "#tp-word") == "PAUSED"
        clock.advance(30)
        screen.tick()  # the last redraw (the cue's flash ends); then none while paused
        assert not screen.ticking and big(screen, "#tp-word") == "PAUSED"
        assert big(screen, "#tp-rep") == "3/16"
        await pilot.press("space")
        assert big(screen, "#tp-rep") == "3/16"
        await run_set(pilot, app, clock, screen, 80, step=1.0)

        # The set ended by itself: straight to the form, reps filled in, RPE focused.
        assert screen.state == "log"
        assert screen.query_one("#se-reps", Input).value == "16"
        assert screen.query_one("#se-load", Input).value == "20 kg"
        assert app.focused is screen.query_one("#se-rpe", Input)
        await pilot.press("8", "enter")
        await settle(pilot, app)
        (first,) = today_sets(app.store)
        assert (first.load, first.reps, first.rpe, first.tempo) == (20, 16, 8.0, "2-0-1-2")
        assert first.started_at is not None
        assert "✓1 20×16 @8" in shown(screen, "#wo-sets")

        # The rest started by itself from the prescription and counts down large.
        assert app.rest.running and app.rest.ticking
        assert big(screen, "#rest-big") == "REST 1:00"
        clock.advance(30)
        app.rest.tick()
        await pilot.pause()
        assert big(screen, "#rest-big") == "REST 0:30"
        await pilot.press("1")  # +15 s
        assert big(screen, "#rest-big") == "REST 0:45"

        # Another screen: the rest shows small in the header and still rings at the end.
        app.action_open_section("r")
        await settle(pilot, app)
        assert isinstance(app.screen, RecoveryScreen)
        badge = app.screen.query_one(RestBadge)
        assert badge.display and badge.words == "REST 0:45"
        clock.advance(46)
        app.rest.tick()
        await pilot.pause()
        assert app.rest.rings == 1 and badge.words == "GO +0:01"
        app.rest.tick()
        assert app.rest.rings == 1  # rings once

        # Back: the same screen, as it was.
        app.action_open_section("w")
        await settle(pilot, app)
        assert app.screen is screen and screen.state == "ready"
        assert big(screen, "#rest-big") == "GO +0:01"

        # The next set logged without the timer: l, an RPE, Enter.
        await pilot.press("l", "9", "enter")
        await settle(pilot, app)
        assert [s.rpe for s in today_sets(app.store)] == [8.0, 9.0]
        # Both face-pull sets done: the cursor moved on to the next exercise.
        assert "Chest Supported Row" in shown(screen, "#wo-heading")

        # Edit the last set: e, a new RPE, Enter.
        await pilot.press("e")
        assert screen.state == "log" and screen.query_one("#se-rpe", Input).value == "9"
        assert "Face Pull" in shown(screen, "#wo-heading")  # the form shows the set's own exercise
        screen.query_one("#se-rpe", Input).value = ""
        await pilot.press("8", ".", "5", "enter")
        await settle(pilot, app)
        assert [s.rpe for s in today_sets(app.store)] == [8.0, 8.5]
        session = app.store.in_progress_session()
        assert session.position == (1, 0)
    # Closing the app here is the kill: nothing was finished.

    # A new app on the same data: it offers to resume at the right exercise and set.
    app = new_app(clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.action_open_section("w")
        await settle(pilot, app)
        assert isinstance(app.screen, ResumeDialog)
        assert "Chest Supported Row, set 1 of 3" in str(app.screen.query("Static")[1].render())
        await pilot.press("enter")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, WorkoutScreen)
        assert "Chest Supported Row" in shown(screen, "#wo-heading")
        await pilot.press("left")
        strip = shown(screen, "#wo-sets")
        assert "✓1 20×16 @8" in strip and "✓2 20×16 @8.5" in strip
        assert len(today_sets(app.store)) == 2


async def test_bad_values_are_named_inline_and_not_saved(new_app):
    app = new_app(clock=FakeClock())
    seed_history(app.store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        await pilot.press("l", "1", "1", "enter")
        await settle(pilot, app)
        assert screen.state == "log"
        assert "RPE 11 is not on the scale" in shown(screen, "#se-error")
        assert screen.query_one("#se-rpe").has_class("-invalid")
        for field, value, message in [("rpe", "8", None), ("reps", "-1", "reps '-1'"), ("load", "8o", "'8o'"),
                                      ("tempo", "3-1", "tempo '3-1'")]:
            screen.query_one(f"#se-{field}", Input).value = value
            if message:
                screen.query_one("#se-rpe", Input).focus()
                await pilot.press("enter")
                await settle(pilot, app)
                assert message in shown(screen, "#se-error")
                assert screen.query_one(f"#se-{field}").has_class("-invalid")
                assert app.focused is screen.query_one(f"#se-{field}")
                screen.query_one(f"#se-{field}", Input).value = {"reps": "16", "load": "20", "tempo": "2-0-1-2"}[field]
        assert today_sets(app.store) == []
        await pilot.press("enter")
        await settle(pilot, app)
        assert len(today_sets(app.store)) == 1 and screen.state == "ready"


async def test_stop_early_logs_the_reps_done(new_app):
    clock = FakeClock()
    app = new_app(clock=clock)
    seed_history(app.store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        await pilot.press("enter")
        clock.advance(3 + 5 * 4 + 2)  # four reps and a bit: one late redraw is enough
        screen.tick()
        await pilot.pause()
        assert big(screen, "#tp-rep") == "5/16"
        await pilot.press("enter")  # stop
        assert screen.state == "log" and screen.query_one("#se-reps", Input).value == "4"
        # Esc asks before the timed set goes; Esc again keeps the form as it was.
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert on_screen(app, "The set the timer counted")
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen)
        assert screen.state == "log" and screen.query_one("#se-reps", Input).value == "4"
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_until(pilot, lambda: app.screen is screen)
        assert screen.state == "ready" and today_sets(app.store) == []


async def test_esc_on_a_typed_set_form_asks_and_keeps_what_was_typed(new_app):
    app = new_app(clock=FakeClock())
    seed_history(app.store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        await pilot.press("l")
        await wait_until(pilot, lambda: screen.state == "log")
        load = screen.query_one("#se-load", Input)
        load.focus()
        await pilot.press("ctrl+u", "8", "7", ".", "5")
        assert load.value == "87.5"
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert on_screen(app, "What you typed")
        await pilot.press("n")
        await wait_until(pilot, lambda: app.screen is screen)
        assert screen.state == "log" and load.value == "87.5" and today_sets(app.store) == []
        # A form holding only what it was filled with closes at once.
        await pilot.press("escape", "y")
        await wait_until(pilot, lambda: screen.state == "ready")
        await pilot.press("l")
        await wait_until(pilot, lambda: screen.state == "log")
        await pilot.press("escape")
        await wait_until(pilot, lambda: screen.state == "ready")
        assert app.screen is screen and today_sets(app.store) == []


async def test_one_sided_exercise_is_logged_left_then_right(new_app):
    app = new_app(clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        for _ in range(4):
            await pilot.press("right")
        assert "Single Arm Dumbbell Row" in shown(screen, "#wo-heading")
        assert "SET 1 OF 2, LEFT" in shown(screen, "#wo-heading")
        # No load planned: the form opens on Load, and Enter there goes on to the RPE.
        await pilot.press("l", "2", "4", "enter", "8", "enter")
        await settle(pilot, app)
        assert not app.rest.running  # the right side follows without a rest
        assert "SET 1 OF 2, RIGHT" in shown(screen, "#wo-heading")
        await pilot.press("l", "8", "enter")
        await settle(pilot, app)
        assert app.rest.running
        sets = today_sets(app.store)
        assert [(s.side, s.load) for s in sets] == [("left", 24), ("right", 24)]
        assert "✓1L" in shown(screen, "#wo-sets") and "✓1R" in shown(screen, "#wo-sets")


async def test_a_carry_is_timed_as_one_hold(new_app):
    clock = FakeClock()
    app = new_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        for _ in range(5):
            await pilot.press("right")
        assert "Farmer Carry" in shown(screen, "#wo-heading")
        await pilot.press("enter")
        clock.advance(3 + 10)
        screen.tick()
        await pilot.pause()
        assert big(screen, "#tp-word") == "HOLD" and big(screen, "#tp-count") == "30"
        # Timed, not counted: no rep words for a carry.
        info = shown(screen, "#tp-info")
        assert "Held 0:10 of 0:40" in info and "Reps" not in info and "TUT" not in info
        clock.advance(30)
        screen.tick()
        await pilot.pause()
        assert screen.state == "log" and screen.query_one("#se-seconds", Input).value == "40"
        await pilot.press("3", "2", "enter", "7", ".", "5", "enter")  # Load first: none planned
        await settle(pilot, app)
        (carry,) = today_sets(app.store)
        assert (carry.seconds, carry.reps, carry.load, carry.rpe) == (40, 1, 32, 7.5)


async def test_reorder_swap_add_skip_and_delete(new_app):
    app = new_app(clock=FakeClock())
    seed_history(app.store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        await pilot.press("greater_than_sign")
        await settle(pilot, app)
        assert [c.exercise.id for c in screen.workout.cards][:2] == ["chest-supported-row", "face-pull"]
        assert app.store.in_progress_session().order[:2] == ["chest-supported-row", "face-pull"]
        await pilot.press("left", "x")
        await settle(pilot, app)
        await pilot.press("enter")  # the first other horizontal pull offered
        await settle(pilot, app)
        swapped = screen.workout.cards[0]
        assert swapped.exercise.id != "chest-supported-row" and swapped.exercise.pattern == "horizontal_pull"
        assert any("swapped in for Chest Supported Row" in r for r in swapped.plan.reasons)
        assert app.store.in_progress_session().order[0] == swapped.exercise.id
        sets_before = swapped.sets
        await pilot.press("a")
        assert swapped.sets == sets_before + 1
        await pilot.press("k")
        assert swapped.slots[0].skipped and screen.workout.slot == 1
        await pilot.press("right")  # face pull
        await pilot.press("l", "7", "enter")
        await settle(pilot, app)
        assert len(today_sets(app.store)) == 1
        await pilot.press("delete")
        await pilot.press("y")
        await settle(pilot, app)
        assert today_sets(app.store) == []
        assert "·1" in shown(screen, "#wo-sets")


async def test_tempo_dialog_explains_a_malformed_tempo(new_app):
    app = new_app(clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        await pilot.press("equals_sign")
        await settle(pilot, app)
        field = app.screen.query_one("#wo-tempo-input", Input)
        field.value = "3-1"
        await pilot.press("enter")
        await pilot.pause()
        assert "has 2 figures, not four" in str(app.screen.query_one("#wo-tempo-error", Static).render())
        field.value = "40X0"
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.screen is screen and screen.workout.card.tempo == "4-0-X-0"
        await pilot.press("enter")
        clock = app.clock
        clock.advance(3 + 0.5)
        screen.tick()
        await pilot.pause()
        # Face pulls start with the pull: the X phase first, a drive cue with no countdown.
        assert big(screen, "#tp-word") == "DRIVE" and big(screen, "#tp-count") == ""


async def test_finish_marks_the_session_done(new_app):
    app = new_app(clock=FakeClock())
    seed_history(app.store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        await pilot.press("l", "8", "enter")
        await settle(pilot, app)
        await pilot.press("f", "y")
        await settle(pilot, app)
        assert screen.state == "finished" and not app.rest.running
        session = app.store.sessions_on(FROZEN_NOW.date())[0]
        assert session.status == "done" and session.finished_at is not None
        assert "Session finished" in shown(screen, "#wo-message")


async def test_a_set_shows_as_saved_only_once_the_store_returned(new_app):
    import threading

    app = new_app(clock=FakeClock())
    seed_history(app.store)
    release = threading.Event()
    real_add = app.store.add_set

    def slow_add(logged):
        release.wait(5)
        return real_add(logged)

    app.store.add_set = slow_add
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_workout(pilot, app)
            await pilot.press("l", "8", "enter")
            await pilot.pause()
            assert "…1 20×16 @8" in shown(screen, "#wo-sets") and "✓" not in shown(screen, "#wo-sets")
            release.set()
            await settle(pilot, app)
            assert "✓1 20×16 @8" in shown(screen, "#wo-sets")
            assert len(today_sets(app.store)) == 1
    finally:
        release.set()  # the store thread must not wait out its 5 s after a failure


async def test_settings_changed_elsewhere_apply_when_coming_back(new_app):
    from gymtui.domain.settings import Settings

    clock = FakeClock()
    app = new_app(clock=clock)
    seed_history(app.store)
    bells: list[int] = []
    app.bell = lambda: bells.append(1)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        app.action_today()
        await settle(pilot, app)
        settings = app.store.settings()
        app.store.save_settings(Settings.model_validate({**settings.model_dump(), "bell": False,
                                                         "lead_in_seconds": 0}))
        app.action_open_section("w")
        await settle(pilot, app)
        await pilot.press("enter")
        assert big(screen, "#tp-word") == "LIFT"  # no lead-in any more
        clock.advance(1)
        screen.tick()
        assert screen.cues == 2 and bells == []  # cues still flash, the bell stays quiet
