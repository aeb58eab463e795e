"""The children of the kill storms in test_reliability_kill.py, each killed with SIGKILL:
`python tests/kill_children.py MODE DATA_DIR SEED [DIE_AT FRACTION]`.

  - app: the app, headless under Pilot, logging and undoing warm-up sets;
  - workout: the app logging sets from the workout screen, resuming the session each time;
  - writer: every kind of store write in turn, the n-th write dying part-way through.

A child prints an acknowledgement only for what it was shown as saved. This script imports
only what a child needs (not pytest or hypothesis). The storms fork their children from
tests/fork_server.py, which imports CHILD_IMPORTS once and calls `main` in each child; run
by hand, the script does the same in a fresh interpreter.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import threading
import time
from pathlib import Path

# What the children import (in their functions, or lazily while the app starts and opens its
# screens): the fork server imports them once. Only imports: a name missing here costs each
# child its import, nothing else.
APP_IMPORTS = (
    "asyncio",
    "textual.widgets:DataTable",
    "textual.widgets:Input",
    "textual.pilot",
    "app_factory",
    "gymtui.domain.clock",
    "gymtui.services.startup",
    "gymtui.ui.dialogs.workout",
    "gymtui.ui.screens.workout",
    "gymtui.ui.screens.warmup",
    "gymtui.ui.screens.today_view",
)
WRITER_IMPORTS = ("pendulum", "gymtui.domain.daily", "gymtui.domain.journal", "gymtui.store")
CHILD_IMPORTS = {"app": APP_IMPORTS, "workout": APP_IMPORTS, "writer": WRITER_IMPORTS}

SD_CARD_FSYNC = 0.03  # seconds: a Raspberry Pi's SD card takes 10-50 ms to fsync


def like_an_sd_card() -> None:
    """Make the child's fsync as slow as an SD card's, so a set shown as saved while its
    write is still going is caught by a kill (on this machine's disk the gap is too short)."""
    real_fsync = os.fsync

    def slow_fsync(fd: int) -> None:
        time.sleep(SD_CARD_FSYNC)
        real_fsync(fd)

    os.fsync = slow_fsync


def watch_saved(saved) -> None:
    """Print 'add ID' / 'del ID' the moment the screen shows a set as saved / as gone.

    A thread looking every 10 ms (a task on the app's loop would keep Pilot from ever seeing
    the app idle): Pilot's key presses return only once the app is idle again, by which
    time a write would have finished whatever the screen showed before it; this watcher
    sees what a lifter would see, when they would see it."""

    def look() -> set[str]:
        while True:
            try:
                return saved()
            except RuntimeError:  # the screen changed the collection while it was read
                continue

    def run() -> None:
        known = look()
        while True:
            now = look()
            for set_id in sorted(now - known):
                os.write(1, f"add {set_id}\n".encode())
            for set_id in sorted(known - now):
                os.write(1, f"del {set_id}\n".encode())
            known = now
            time.sleep(0.01)

    threading.Thread(target=run, daemon=True).start()


async def app_child(data_dir: str, seed: int) -> None:
    """Log and undo warm-up ramp sets through the keyboard (the screen marks a row logged, or
    not, once the store call returned)."""
    from textual.widgets import DataTable

    from app_factory import make_app, open_warmup_with_load

    rng = random.Random(seed)
    app = make_app(Path(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_warmup_with_load(pilot, app)
        table = screen.query_one("#wu-table", DataTable)
        watch_saved(lambda: {s.id for s in list(screen.logged.values())})
        os.write(2, b"ready\n")
        while True:
            index = rng.randrange(len(screen.ramp))
            table.move_cursor(row=table.get_row_index(f"r:{index}"))
            await pilot.pause()
            if index in screen.logged:
                # x takes back the newest tick wherever the cursor is: that set is the one in
                # flight (naming the row under the cursor left the deleted set unaccounted for).
                kind, target = screen.newest_tick()
                assert kind == "ramp"
                os.write(1, f"begin-del {screen.logged[target].id}\n".encode())
                await pilot.press("x")
                while target in screen.logged:
                    await pilot.pause()
            else:
                await pilot.press("space")
                while index not in screen.logged:
                    await pilot.pause()


async def workout_child(data_dir: str, seed: int) -> None:
    """Log sets from the workout screen (resuming the session in progress), typing the form's
    load, reps and RPE. The screen shows a set handed to the store as a draft, and as saved
    once the store call returned."""
    from textual.widgets import Input

    from app_factory import make_app, settle
    from gymtui.domain.clock import FakeClock
    from gymtui.ui.dialogs.workout import ResumeDialog
    from gymtui.ui.screens.workout import WorkoutScreen

    rng = random.Random(seed)
    app = make_app(Path(data_dir), clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        app.action_open_section("w")
        await settle(pilot, app)
        if isinstance(app.screen, ResumeDialog):
            await pilot.press("enter")
            await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, WorkoutScreen)

        def saved() -> set[str]:
            return {slot.logged.id for card in screen.workout.cards for slot in card.slots if slot.logged}

        watch_saved(saved)
        os.write(2, b"ready\n")
        while True:
            before = saved()
            if screen.workout.finished:
                await pilot.press("a")  # one more set, so the storm goes on
                await pilot.pause()
            await pilot.press("l")
            await pilot.pause()
            for selector, value in (("#se-load", f"{rng.choice([20, 40, 60])}"), ("#se-reps", f"{rng.randint(3, 12)}")):
                box = screen.query_one(selector, Input)
                if not box.value.strip():
                    box.value = value
            rpe = screen.query_one("#se-rpe", Input)
            rpe.value = rng.choice(["7", "8", "8.5", "9"])
            rpe.focus()
            await pilot.press("enter")
            while not saved() - before:
                await pilot.pause()


class DyingFile:
    """A file object that writes part of its data, then SIGKILLs its own process."""

    def __init__(self, real, fraction: float) -> None:
        self.real, self.fraction = real, fraction

    def write(self, data: bytes) -> int:
        cut = int(len(data) * self.fraction)
        self.real.write(data[:cut])
        self.real.flush()
        os.kill(os.getpid(), signal.SIGKILL)
        return cut  # never reached

    def __getattr__(self, name: str):
        return getattr(self.real, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.real.close()


def arm_dying_write(die_at: int, fraction: float) -> None:
    """The `die_at`-th file written through gymtui.store.atomic dies part-way.

    Both ways atomic.py could open a file are caught: os.fdopen (the temp file) and open (a
    write in place), so the test holds whichever way a future atomic_write_bytes writes."""
    import builtins

    from gymtui.store import atomic

    count = {"n": 0}

    def wrap(opener):
        def opened(*args, **kwargs):
            handle = opener(*args, **kwargs)
            mode = kwargs.get("mode", args[1] if len(args) > 1 else "r")
            if "w" in mode or "a" in mode:
                count["n"] += 1
                if count["n"] == die_at:
                    return DyingFile(handle, fraction)
            return handle
        return opened

    real_fdopen = os.fdopen
    atomic.os = type(sys)("os_for_the_test")
    atomic.os.__dict__.update({k: getattr(os, k) for k in dir(os) if not k.startswith("__")})
    atomic.os.fdopen = wrap(real_fdopen)
    atomic.open = wrap(builtins.open)


def writer_child(data_dir: str, seed: int, die_at: int, fraction: float) -> None:
    """Every kind of write the store makes, in turn, acknowledged once the call returned."""
    import pendulum

    from gymtui.domain.daily import ChecklistEntry, RecoveryNote
    from gymtui.domain.journal import LoggedSet, Session
    from gymtui.store import Store

    rng = random.Random(seed)
    day = pendulum.datetime(2026, 11, 16, 18, tz="UTC")
    store = Store.open(data_dir, now=lambda: day)
    arm_dying_write(die_at, fraction)

    def ack(*fields: object) -> None:
        os.write(1, (json.dumps(fields) + "\n").encode())

    session = store.in_progress_session() or store.save_session(Session(date=day.date(), started_at=day))
    ack("session", session.id)
    mine = store.session_sets(session.id)
    while True:
        kind = rng.choice(["add", "add", "edit", "settings", "checklist", "recovery", "import", "session"])
        if kind == "add" or (kind == "edit" and not mine):
            logged = store.add_set(LoggedSet(session_id=session.id, exercise="bent-over-row", load=rng.choice([60, 80]),
                                             reps=rng.randint(1, 12), logged_at=day))
            mine.append(logged)
            ack("set", logged.id, logged.reps)
        elif kind == "edit":
            target = rng.choice(mine)
            ack("begin-set", target.id)
            edited = store.update_set(target.model_copy(update={"reps": rng.randint(1, 12)}))
            mine[mine.index(target)] = edited
            ack("set", edited.id, edited.reps)
        elif kind == "settings":
            rest = rng.randrange(30, 300)
            ack("begin-settings")
            store.save_settings(store.settings().model_copy(update={"default_rest_seconds": rest}))
            ack("settings", rest)
        elif kind == "checklist":
            ticked = sorted(rng.sample(["a", "b", "c", "d"], rng.randint(0, 4)))
            ack("begin-checklist")
            store.save_checklist(ChecklistEntry(date=day.date(), ticked=ticked, updated_at=day))
            ack("checklist", ticked)
        elif kind == "recovery":
            hours = rng.randrange(4, 10)
            ack("begin-recovery")
            store.save_recovery(RecoveryNote(date=day.date(), sleep_hours=hours, updated_at=day))
            ack("recovery", hours)
        elif kind == "session":
            name = f"Session {rng.randrange(1000)}"
            ack("begin-session")
            session = store.save_session(session.model_copy(update={"name": name}))
            ack("session-name", name)
        else:
            when = day.subtract(weeks=rng.randint(1, 3))
            key = f"imp-{rng.getrandbits(48):x}"
            batch = Session(date=when.date(), started_at=when, status="done", source="import:strong", source_key=key)
            sets = [LoggedSet(session_id=batch.id, exercise="deadlift", load=100, reps=5, logged_at=when,
                              source="import:strong", source_key=f"{key}-{n}") for n in range(3)]
            store.add_many([batch], sets)
            ack("import", key)


def main(argv: list[str]) -> None:
    mode, *args = argv
    if mode in ("app", "workout"):
        import asyncio  # only the app children run a loop

        like_an_sd_card()

        asyncio.run((app_child if mode == "app" else workout_child)(args[0], int(args[1])))
    elif mode == "writer":
        writer_child(args[0], int(args[1]), int(args[2]), float(args[3]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
