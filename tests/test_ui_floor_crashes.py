"""Keys on the gym floor that crashed the app or lost what was typed."""

import gc
import warnings

from app_factory import FROZEN_NOW, apps_closed_after, settle
from gymtui.domain.clock import FakeClock
from test_ui_workout import open_workout, seed_history

SIZE = (80, 24)


async def test_n_after_finishing_opens_the_next_session(new_app):
    app = new_app(clock=FakeClock())
    seed_history(app.store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        await pilot.press("l", "8", "enter")
        await settle(pilot, app)
        await pilot.press("f", "y")
        await settle(pilot, app)
        assert screen.state == "finished"
        await pilot.press("n")
        await settle(pilot, app)
        assert app.is_running and app.screen is screen
        assert screen.state == "ready" and screen.workout.session.status == "in_progress"
        assert screen.workout.session.id != app.store.sessions_on(FROZEN_NOW.date())[0].id


def test_a_crash_in_the_app_ends_with_a_failure_status(data_dir, monkeypatch):
    """A traceback must not end with status 0: scripts and shells would take it for a clean exit."""
    from gymtui.ui import app as app_module

    def broken_mount(self):
        raise RuntimeError("broken on purpose")

    real_run = app_module.GymApp.run
    monkeypatch.setattr(app_module.GymApp, "on_mount", broken_mount)
    monkeypatch.setattr(app_module.GymApp, "run", lambda self, **kw: real_run(self, headless=True, size=SIZE))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert app_module.run_app(data_dir) != 0
        gc.collect()
    # Textual's Header hands its title update to the message loop as it mounts; the crash
    # ended the loop first, so that one coroutine is never run (and Python warns, here rather
    # than at the end of the run). Nothing of gymtui's may be left so.
    unawaited = [str(w.message) for w in caught if "never awaited" in str(w.message)]
    assert all("Header._on_mount" in message for message in unawaited), unawaited


def _record_exit(app) -> list[int]:
    exits: list[int] = []
    app.exit = lambda *args, **kwargs: exits.append(1)
    return exits


async def test_q_asks_before_losing_a_timed_set(new_app):
    from gymtui.ui.dialogs.confirm import ConfirmDialog

    app = new_app(clock=FakeClock())
    seed_history(app.store)
    exits = _record_exit(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert screen.state == "timer"
        for key in ("q", "ctrl+q"):
            await pilot.press(key)
            await settle(pilot, app)
            assert isinstance(app.screen, ConfirmDialog) and not exits
            assert "timer is running for Face Pull, set 1 of 2" in str(app.screen.message)
            await pilot.press("n")
            await settle(pilot, app)
            assert app.screen is screen and screen.state == "timer"
        # The timer keeps running behind Today: still asked.
        await pilot.press("t")
        await settle(pilot, app)
        await pilot.press("q")
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmDialog) and not exits
        await pilot.press("y")
        await settle(pilot, app)
        assert exits == [1]


async def test_ctrl_q_asks_before_losing_a_typed_set_form_but_not_an_untouched_one(new_app):
    from gymtui.ui.dialogs.confirm import ConfirmDialog

    app = new_app(clock=FakeClock())
    seed_history(app.store)
    exits = _record_exit(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        await pilot.press("l", "8")
        assert screen.state == "log"
        await pilot.press("ctrl+q")
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmDialog) and not exits
        assert "set form of Face Pull, set 1 of 2" in str(app.screen.message)
        await pilot.press("escape")
        await settle(pilot, app)
        assert screen.state == "log" and app.screen is screen
        await pilot.press("escape")  # leaving the typed form asks too: y leaves it
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot, app)
        await pilot.press("l")  # the form opened again, nothing typed
        await pilot.press("ctrl+q")
        await settle(pilot, app)
        assert exits == [1]


async def test_q_on_a_quiet_workout_quits_at_once(new_app):
    app = new_app(clock=FakeClock())
    seed_history(app.store)
    exits = _record_exit(app)
    async with app.run_test(size=SIZE) as pilot:
        await open_workout(pilot, app)
        await pilot.press("q")
        await settle(pilot, app)
        assert exits == [1]


async def test_ctrl_q_asks_before_losing_a_typed_recovery_note(new_app):
    from gymtui.ui.dialogs.confirm import ConfirmDialog
    from gymtui.ui.screens.recovery import RecoveryScreen

    app = new_app(clock=FakeClock())
    exits = _record_exit(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.action_open_section("r")
        await settle(pilot, app)
        assert isinstance(app.screen, RecoveryScreen)
        await pilot.press("7")
        await pilot.press("ctrl+q")
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmDialog) and "recovery note" in str(app.screen.message)
        await pilot.press("n")
        await pilot.press("enter")  # saved: nothing left to lose
        await settle(pilot, app)
        await pilot.press("ctrl+q")
        await settle(pilot, app)
        assert exits == [1]


async def _left_in_progress(data_dir) -> None:
    """A session with one set logged, left without finishing (the app closed)."""
    with apps_closed_after(data_dir) as new:
        app = new(clock=FakeClock())
        seed_history(app.store)
        async with app.run_test(size=SIZE) as pilot:
            await open_workout(pilot, app)
            await pilot.press("l", "8", "enter")
            await settle(pilot, app)


async def _resume_asked(pilot, app):
    from gymtui.ui.dialogs.workout import ResumeDialog

    await settle(pilot, app)
    app.action_open_section("w")
    await settle(pilot, app)
    assert isinstance(app.screen, ResumeDialog)


async def test_the_resume_question_lets_go_with_esc_t_and_q(data_dir, new_app):
    from gymtui.ui.screens.today import TodayScreen
    from gymtui.ui.screens.workout import WorkoutScreen

    await _left_in_progress(data_dir)
    for key in ("escape", "t"):
        app = new_app(clock=FakeClock())
        async with app.run_test(size=SIZE) as pilot:
            await _resume_asked(pilot, app)
            await pilot.press(key)
            await settle(pilot, app)
            assert isinstance(app.screen, TodayScreen), key
            # Nothing was ended: the session is still there to go on with.
            assert app.store.in_progress_session() is not None
            await pilot.press("w")
            await settle(pilot, app)
            assert isinstance(app.screen, WorkoutScreen) and app.screen.state == "ready"
    app = new_app(clock=FakeClock())
    exits = _record_exit(app)
    async with app.run_test(size=SIZE) as pilot:
        await _resume_asked(pilot, app)
        await pilot.press("q")
        await settle(pilot, app)
        assert exits == [1]


async def test_n_in_the_resume_question_asks_before_ending_the_session(data_dir, new_app):
    from gymtui.ui.dialogs.confirm import ConfirmDialog
    from gymtui.ui.dialogs.workout import ResumeDialog
    from gymtui.ui.screens.workout import WorkoutScreen

    await _left_in_progress(data_dir)
    app = new_app(clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await _resume_asked(pilot, app)
        left = app.store.in_progress_session()
        await pilot.press("n")
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmDialog) and "1 set logged" in str(app.screen.message)
        await pilot.press("n")  # keep it
        await settle(pilot, app)
        assert isinstance(app.screen, ResumeDialog)
        assert app.store.in_progress_session().id == left.id
        await pilot.press("n", "y")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, WorkoutScreen) and screen.state == "ready"
        assert app.store.session(left.id).status == "done"
        assert screen.workout.session.id != left.id
