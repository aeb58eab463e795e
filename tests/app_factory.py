"""Build a GymApp on a temporary data folder with a frozen date and a fake clock, seed a
store, and wait for the app to settle. The `new_app` and `gym_app` fixtures in conftest.py
wrap `make_app` and close the store after the test."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pendulum
from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

from gymtui.domain.clock import FakeClock
from gymtui.domain.journal import LoggedSet, Session
from gymtui.services.library import Library
from gymtui.store import Store
from gymtui.store.catalog_files import load_catalog
from gymtui.ui.app import GymApp, first_run_setup

FROZEN_NOW = pendulum.datetime(2026, 11, 16, 18, 30, tz="Europe/Paris")  # a Monday evening
LAST_WEEK = FROZEN_NOW.subtract(days=7)

# (exercise, load or None, reps, rpe or None)
SetRow = tuple[str, float | None, int, float | None]


def make_app(data_dir: Path, *, now: pendulum.DateTime = FROZEN_NOW, clock: FakeClock | None = None,
             **options) -> GymApp:
    """`options` go to GymApp (start_section, timezone_note). The caller closes `app.store`:
    in tests, use the `new_app` or `gym_app` fixture, which do."""
    store = Store.open(data_dir, now=lambda: now)
    first_run_setup(store, now.date())
    return GymApp(store, Library.from_store(load_catalog(), store), clock=clock or FakeClock(), now=lambda: now,
                  **options)


@contextmanager
def apps_closed_after(data_dir: Path) -> Iterator[Callable[..., GymApp]]:
    """Yields `new(folder=None, **make_app_kwargs)`, which makes a GymApp (on `data_dir`
    unless told); every store opened that way is closed on leaving, even after a failure.
    A new app on a folder first closes the stores of the earlier apps on it, as quitting
    gymtui before starting it again does (the folder has one writer at a time)."""
    made: list[GymApp] = []

    def new(folder: Path | None = None, **kwargs) -> GymApp:
        folder = data_dir if folder is None else folder
        for earlier in made:
            if earlier.store.data_dir == Path(folder):
                earlier.store.close()
        app = make_app(folder, **kwargs)
        made.append(app)
        return app

    try:
        yield new
    finally:
        for app in made:
            app.store.close()


def seed_session(store: Store, sets: Iterable[SetRow] = (), *, when: pendulum.DateTime = LAST_WEEK,
                 **fields) -> Session:
    """Save one session started at `when` (any other Session field by keyword, e.g.
    status="done", program_day="vertical-pull") with `sets` logged at `when`, in order."""
    session = store.save_session(Session(date=when.date(), started_at=when, **fields))
    for exercise, load, reps, rpe in sets:
        store.add_set(LoggedSet(session_id=session.id, exercise=exercise, load=load, reps=reps, rpe=rpe,
                                logged_at=when))
    return session


async def settle(pilot, app: GymApp | None = None, *, animations: bool = False) -> None:
    """Let workers finish and the screen refresh (no real-clock sleeping). A worker can start
    another one as it ends (Today's plan starts the daily backup once drawn), so this waits
    until a refresh leaves none unfinished. `animations=True` also waits for scheduled
    animations, which a snapshot needs to be the same picture every run."""
    app = app or pilot.app
    await pilot.pause()
    for _ in range(20):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if all(worker.is_finished for worker in app.workers):
            break
    if animations:
        await pilot.wait_for_scheduled_animations()


async def wait_until(pilot, condition: Callable[[], object], *, tries: int = 50) -> None:
    """Refresh until `condition()` holds, at most `tries` times: for what Textual mounts a few
    messages after the event that caused it (a notification's toast). Counts refreshes, not
    seconds, so a slow machine waits longer instead of failing."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause()
    assert condition(), "still not true after waiting"


def _key_event(key: str) -> events.Key:
    """The Key event a terminal gives for `key` (a character or a key name), as Pilot makes it."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        character: str | None = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
    except KeyError:
        character = key if len(key) == 1 else None
    return events.Key(key, character)


async def type_keys(pilot, *keys: str) -> None:
    """Type printable characters (`type_keys(pilot, *"Bench press")`) into the focused field
    as a quick typist or a paste does: every character still goes through the app's key
    handling, in order, but all reach the app before it draws again; then this waits until
    the app has handled them and settled. `pilot.press` waits for the app to go idle and
    redraw after each key, which made typing a word cost tens of milliseconds of CPU a letter.

    Only characters the field takes itself: a key handled by a binding (backspace, enter,
    tab) bubbles up to the app and is acted on after the characters typed behind it, so it
    belongs in `pilot.press`."""
    app = pilot.app
    for key in keys:
        event = _key_event(key)
        assert event.is_printable, f"{key!r} is not a character: press it with pilot.press"
        event.set_sender(app)
        app.post_message(event)
    # Each pause lets every widget handle what was queued before it; a key handled by the app
    # queues work on the focused field, which queues messages on its parents: pause until
    # nothing is left queued anywhere (counting refreshes, not seconds).
    for _ in range(50):
        await pilot.pause()
        if not any(node.message_queue_size for node in (app, *app.screen.walk_children(with_self=True))):
            break
    await settle(pilot, app)


async def open_warmup_with_load(pilot, app: GymApp, load: str = "100"):
    """Today, then the warm-up, with the working load typed (no history plans one): its ramp
    sets are ready to log. Returns the warm-up screen."""
    from gymtui.ui.screens.warmup import WarmupScreen

    await settle(pilot, app)
    await pilot.press("u")
    await settle(pilot, app)
    screen = app.screen
    assert isinstance(screen, WarmupScreen)
    if not screen.ramp:
        await pilot.press("l")
        await pilot.pause()
        await pilot.press(*load, "enter")
        await settle(pilot, app)
    return screen
