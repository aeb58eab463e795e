"""The phase-change bell: the screen asks its cue scheduler for the right delays, the bell rings
once per change whichever of the cue thread and the redraw sees it first, and the scheduler
thread itself calls what was armed last. Nothing here waits on the real clock: the screen runs
on a FakeClock and the test plays the cue thread by calling the armed cue itself."""

import gc
import sys
import threading

import pytest

from app_factory import settle
from gymtui.domain.clock import FakeClock, SystemClock
from gymtui.domain.settings import Settings
from gymtui.ui.screens.workout_cue import (
    FINAL_STRETCH,
    ThreadCueScheduler,
    bell_is_thread_safe,
    default_cue_scheduler,
    ring_from_thread,
)
from test_ui_workout import big, open_workout, seed_history

SIZE = (80, 24)


class RecordingCues:
    """A cue scheduler that only notes what it is asked; the test fires the cue."""

    def __init__(self) -> None:
        self.asked: list[float | None] = []  # a delay per arm, None per cancel
        self.cue = None
        self.closed = False

    def arm(self, delay, cue) -> None:
        self.asked.append(round(delay, 6))
        self.cue = cue

    def cancel(self) -> None:
        self.asked.append(None)
        self.cue = None

    def close(self) -> None:
        self.closed = True

    def fire(self) -> None:
        cue, self.cue = self.cue, None
        assert cue is not None, "nothing armed"
        cue()


async def _timer_screen(pilot, app, cues):
    screen = await open_workout(pilot, app)
    assert screen.cue_scheduler is None  # a FakeClock: no cue thread
    screen.cue_scheduler = cues
    return screen


async def test_the_scheduler_is_asked_for_each_boundary_and_the_bell_rings_once(new_app):
    clock = FakeClock(1000.0)
    app = new_app(clock=clock)
    seed_history(app.store)
    bells: list[str] = []
    app.bell = lambda: bells.append(threading.current_thread().name)
    cues = RecordingCues()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _timer_screen(pilot, app, cues)
        # Face pulls, 2-0-1-2, pull first: lead-in 3 s, then LIFT 1, HOLD 2, LOWER 2.
        await pilot.press("enter")
        # A redraw that lands again before the clock moves re-arms the same cue: count changes.
        assert _changes(cues.asked) == [3.0] and len(bells) == 1  # the start's cue, from the redraw
        clock.advance(1.25)
        screen.tick()  # a countdown redraw: armed again for the same boundary
        assert _changes(cues.asked) == [3.0, 1.75]

        # The cue thread reaches the end of the lead-in first: it rings, the redraw does not.
        clock.advance(1.75)
        cues.fire()
        assert len(bells) == 2 and big(screen, "#tp-word") == "READY"  # not redrawn yet
        await pilot.pause()  # the loop handles the cue's message: the redraw and the flash
        assert big(screen, "#tp-word") == "LIFT" and screen.cues == 2 and len(bells) == 2
        assert cues.asked[-1] == 1.0  # LIFT lasts 1 s

        # The redraw reaches the next change first: it rings, the late cue does not.
        clock.advance(1.0)
        screen.tick()
        assert big(screen, "#tp-word") == "HOLD" and len(bells) == 3 and cues.asked[-1] == 2.0
        clock.advance(2.0)
        screen.tick()
        stale = cues.cue
        assert big(screen, "#tp-word") == "LOWER" and len(bells) == 4
        stale()
        await pilot.pause()
        assert len(bells) == 4 and screen.cues == 4

        # Paused: the cue is cancelled, and one armed before the pause does nothing.
        clock.advance(0.5)
        await pilot.press("space")
        assert cues.asked[-1] is None
        stale()
        await pilot.pause()
        assert len(bells) == 4 and big(screen, "#tp-word") == "PAUSED"
        clock.advance(30)
        await pilot.press("space")
        assert cues.asked[-1] == 1.5  # LOWER had 1.5 s left when paused
        # Stopped: cancelled again, and the set goes to the form.
        await pilot.press("enter")
        assert screen.state == "log" and cues.asked[-1] is None


async def test_the_cue_thread_stays_quiet_when_the_bell_is_off(new_app):
    clock = FakeClock()
    app = new_app(clock=clock)
    seed_history(app.store)
    app.store.save_settings(Settings.model_validate({**app.store.settings().model_dump(), "bell": False}))
    bells: list[int] = []
    app.bell = lambda: bells.append(1)
    cues = RecordingCues()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _timer_screen(pilot, app, cues)
        await pilot.press("enter")
        clock.advance(3.0)
        cues.fire()
        await pilot.pause()
        assert big(screen, "#tp-word") == "LIFT" and screen.cues == 2 and bells == []


async def test_the_real_clock_gets_a_cue_thread_only_once_a_set_runs(new_app):
    app = new_app(clock=SystemClock())
    seed_history(app.store)
    app.bell = lambda: None
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.action_open_section("w")
        await settle(pilot, app)
        scheduler = app.screen.cue_scheduler
        assert isinstance(scheduler, ThreadCueScheduler) and not scheduler.running  # idle: no thread
        assert bell_is_thread_safe(app)  # the headless driver writes nothing
    assert not scheduler.running  # closed with the screen


def test_default_scheduler_follows_the_clock():
    assert default_cue_scheduler(FakeClock()) is None
    assert isinstance(default_cue_scheduler(SystemClock()), ThreadCueScheduler)


def test_the_thread_calls_the_cue_armed_last_once():
    clock = FakeClock(50.0)
    scheduler = ThreadCueScheduler(clock)
    called: list[tuple[str, str]] = []
    done = threading.Event()

    def cue(name):
        def call():
            called.append((name, threading.current_thread().name))
            done.set()
        return call

    try:
        scheduler.arm(100.0, cue("far"))  # 100 fake seconds away: never reached here
        assert scheduler.running
        scheduler.arm(0.0, cue("now"))  # replaces it, and is due at once
        assert done.wait(5)
        assert called == [("now", "gymtui-cue")] and scheduler.fired == 1
        done.clear()
        scheduler.arm(100.0, cue("cancelled"))
        scheduler.cancel()
        scheduler.arm(0.0, cue("again"))
        assert done.wait(5) and called[-1][0] == "again" and len(called) == 2
    finally:
        scheduler.close()
    assert not scheduler.running
    scheduler.arm(0.0, cue("closed"))  # after close: ignored, no new thread
    assert not scheduler.running and len(called) == 2


def test_a_cue_that_fails_does_not_stop_the_thread():
    scheduler = ThreadCueScheduler(FakeClock())
    failed, done = threading.Event(), threading.Event()

    def boom():
        failed.set()
        raise RuntimeError("bad cue")

    try:
        scheduler.arm(0.0, boom)
        assert failed.wait(5)
        scheduler.arm(0.0, done.set)
        assert done.wait(5) and scheduler.running
    finally:
        scheduler.close()


def test_while_armed_the_interpreter_switches_threads_often_and_old_objects_are_frozen():
    before = sys.getswitchinterval()
    frozen_before = gc.get_freeze_count()
    assert frozen_before == 0
    scheduler = ThreadCueScheduler(FakeClock())
    try:
        scheduler.arm(100.0, lambda: None)
        assert scheduler.sharpened and sys.getswitchinterval() == pytest.approx(0.001)
        assert gc.get_freeze_count() > 0
        scheduler.arm(50.0, lambda: None)  # armed again for the next boundary: still one freeze
        scheduler.cancel()  # a pause, or the end of the set
        assert not scheduler.sharpened and sys.getswitchinterval() == before and gc.get_freeze_count() == 0
        scheduler.arm(100.0, lambda: None)
    finally:
        scheduler.close()
    assert sys.getswitchinterval() == before and gc.get_freeze_count() == 0


def test_a_freeze_made_elsewhere_is_left_alone():
    gc.freeze()
    scheduler = ThreadCueScheduler(FakeClock())
    try:
        scheduler.arm(100.0, lambda: None)
        scheduler.cancel()
        assert gc.get_freeze_count() > 0
    finally:
        scheduler.close()
        gc.unfreeze()


class _StandInApp:
    """Enough of an App for ring_from_thread: a driver that is not known to be safe."""

    def __init__(self, driver) -> None:
        self._driver = driver
        self.rung: list[str] = []

    def bell(self) -> None:
        self.rung.append("direct")

    def call_from_thread(self, fn) -> None:
        self.rung.append("via loop")
        fn()


@pytest.mark.parametrize("driver, expected", [(object(), ["via loop", "direct"]), (None, ["via loop", "direct"])])
def test_an_unknown_driver_gets_the_bell_from_the_loop(driver, expected):
    app = _StandInApp(driver)
    assert not bell_is_thread_safe(app)
    ring_from_thread(app)
    assert app.rung == expected


def _changes(asked):
    """The delays asked for, with repeats of the same delay in a row counted once."""
    return [d for i, d in enumerate(asked) if i == 0 or asked[i - 1] != d]


def test_the_last_milliseconds_are_slept_in_steps_that_let_arm_and_cancel_in():
    # Inside the final stretch the thread sleeps in short steps (a condition wait can wake
    # milliseconds late). The fake clock does not move by itself, so the thread keeps
    # stepping until the test moves it; cancel() and arm() must still get the lock.
    clock = FakeClock(10.0)
    scheduler = ThreadCueScheduler(clock)
    fired = threading.Event()
    try:
        scheduler.arm(FINAL_STRETCH / 2, lambda: None)
        cancelling = threading.Thread(target=scheduler.cancel)
        cancelling.start()
        cancelling.join(5)
        assert not cancelling.is_alive(), "cancel() waited for a thread holding the lock while it slept"
        scheduler.arm(FINAL_STRETCH / 2, fired.set)
        clock.advance(FINAL_STRETCH)
        assert fired.wait(5) and scheduler.fired == 1
    finally:
        clock.advance(1.0)  # past anything armed, so a thread stuck stepping lets go
        scheduler.close()
