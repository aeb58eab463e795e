"""Disk faults: a full disk or a failing write gives a clear message, leaves the previous data
as it was, and the store (and the app) keep working once the fault is gone.

Faults are simulated where gymtui writes: in gymtui.store.atomic (the temp file's write cut
half-way by ENOSPC, fsync failing with EIO, the rename failing with EIO) and, for backups,
in the copy of each file. Every kind of write is tried with every fault.
"""

from __future__ import annotations

import builtins
import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pendulum
import pytest

from gymtui.domain.daily import ChecklistEntry, RecoveryNote
from gymtui.domain.journal import LoggedSet, Session
from gymtui.store import DiskWriteError, Store, StoreError, atomic
from gymtui.store import backup as backup_module
from gymtui.store import restore as restore_module
from gymtui.store.backup import list_backups

NOW = pendulum.datetime(2026, 11, 16, 18, 30, tz="Europe/Paris")
DAY = NOW.date()

STRONG_CSV = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
    "2026-10-05 18:00:00,Pull,1h,Deadlift (Barbell),1,100,5,0,0,,,8\n"
    "2026-10-05 18:00:00,Pull,1h,Deadlift (Barbell),2,100,5,0,0,,,8.5\n"
    "2026-10-12 18:00:00,Pull,1h,Deadlift (Barbell),1,102.5,5,0,0,,,8\n"
)


class HalfWrite:
    """A file whose write stores half the bytes, then fails as a full disk does."""

    def __init__(self, real) -> None:
        self.real = real

    def write(self, data: bytes) -> int:
        self.real.write(data[: len(data) // 2])
        self.real.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str):
        return getattr(self.real, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.real.close()


def _half_writes(opener):
    def opened(*args, **kwargs):
        handle = opener(*args, **kwargs)
        mode = kwargs.get("mode", args[1] if len(args) > 1 else "r")
        return HalfWrite(handle) if ("w" in mode or "a" in mode) else handle
    return opened


def fail(error_no: int, text: str):
    def raiser(*_args, **_kwargs):
        raise OSError(error_no, text)
    return raiser


def disk_full_on_copy(failing: int):
    """A shutil.copy2 whose copy number `failing` (from 1) finds the disk full."""
    real_copy = shutil.copy2
    copies = {"n": 0}

    def copy(src, dst, **kwargs):
        copies["n"] += 1
        if copies["n"] == failing:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_copy(src, dst, **kwargs)

    return copy


def install_fault(monkeypatch, fault: str) -> None:
    """Make every write through gymtui.store.atomic (and backup copies) fail one way."""
    if fault == "enospc-half-write":
        # Whichever way atomic.py opens the file it writes (a temp file, or the file itself).
        monkeypatch.setattr(atomic.os, "fdopen", _half_writes(os.fdopen))
        monkeypatch.setattr(atomic, "open", _half_writes(builtins.open), raising=False)
        monkeypatch.setattr(backup_module.shutil, "copy2", fail(errno.ENOSPC, "No space left on device"))
    elif fault == "eio-fsync":
        monkeypatch.setattr(atomic.os, "fsync", fail(errno.EIO, "Input/output error"))
    elif fault == "eio-replace":
        monkeypatch.setattr(atomic.os, "replace", fail(errno.EIO, "Input/output error"))
        monkeypatch.setattr(backup_module.shutil, "copy2", fail(errno.EIO, "Input/output error"))
    else:
        raise AssertionError(fault)


FAULTS = ["enospc-half-write", "eio-fsync", "eio-replace"]
FAULT_WORDS = {"enospc-half-write": "No space left on device", "eio-fsync": "Input/output error",
               "eio-replace": "Input/output error"}


def snapshot(data_dir: Path) -> dict[str, bytes]:
    """Every data file's bytes (backups and the derived cache aside)."""
    files = [data_dir / "profile.json", *sorted((data_dir / "journal").glob("*"))]
    return {str(p.relative_to(data_dir)): p.read_bytes() for p in files if p.is_file()}


@pytest.fixture
def filled(data_dir):
    """A store with a session, sets, settings, checklist, recovery and yesterday's backup."""
    yesterday = NOW.subtract(days=1)
    with Store.open(data_dir, now=lambda: yesterday) as store:
        session = store.save_session(Session(date=DAY, started_at=NOW, name="Horizontal pull"))
        for reps in (8, 7):
            store.add_set(LoggedSet(session_id=session.id, exercise="bent-over-row", load=80, reps=reps, logged_at=NOW))
        store.save_settings(store.settings().model_copy(update={"unit": "kg", "default_rest_seconds": 150}))
        store.save_checklist(ChecklistEntry(date=DAY, ticked=["t-spine-roll"], updated_at=NOW))
        store.save_recovery(RecoveryNote(date=DAY, sleep_hours=7, updated_at=NOW))
        store.backup_if_due()
    return data_dir


def _import_batch(store: Store, tmp_path: Path) -> None:
    from gymtui.services.transfer import import_path

    path = tmp_path / "strong.csv"
    path.write_text(STRONG_CSV, encoding="utf-8")
    outcome = import_path(store, path, fmt="strong", unit="kg", tz="Europe/Paris")
    assert outcome.ok, outcome.error


def _first_session(store: Store) -> Session:
    return store.sessions_on(DAY)[0]


# Each write: what it does, and how to see afterwards whether it took effect.
WRITES: dict[str, tuple[Callable[[Store, Path], None], Callable[[Store], object]]] = {
    "set": (
        lambda s, _: s.add_set(LoggedSet(session_id=_first_session(s).id, exercise="bent-over-row", load=85, reps=5,
                                         logged_at=NOW)),
        lambda s: sorted(x.reps for x in s.session_sets(_first_session(s).id)),
    ),
    "set edit": (
        lambda s, _: s.update_set(s.session_sets(_first_session(s).id)[0].model_copy(update={"reps": 3})),
        lambda s: sorted(x.reps for x in s.session_sets(_first_session(s).id)),
    ),
    "set delete": (
        lambda s, _: s.delete_set(s.session_sets(_first_session(s).id)[0]),
        lambda s: sorted(x.reps for x in s.session_sets(_first_session(s).id)),
    ),
    "session": (
        lambda s, _: s.save_session(_first_session(s).model_copy(update={"status": "done", "finished_at": NOW})),
        lambda s: _first_session(s).status,
    ),
    "new week": (  # the first write of a week creates its file
        lambda s, _: s.save_session(Session(date=DAY.add(days=7), started_at=NOW.add(days=7))),
        lambda s: s.parts(),
    ),
    "settings": (
        lambda s, _: s.save_settings(s.settings().model_copy(update={"unit": "lb"})),
        lambda s: s.settings().unit,
    ),
    "checklist": (
        lambda s, _: s.save_checklist(ChecklistEntry(date=DAY, ticked=["t-spine-roll", "lat-stretch"], updated_at=NOW)),
        lambda s: s.checklist(DAY).ticked,
    ),
    "recovery": (
        lambda s, _: s.save_recovery(RecoveryNote(date=DAY, sleep_hours=5, updated_at=NOW)),
        lambda s: s.recovery(DAY).sleep_hours,
    ),
    "import batch": (
        _import_batch,
        lambda s: (len(s.source_keys()), [e.id for e in s.custom_exercises()]),
    ),
    "backup": (
        lambda s, _: s.backup_if_due(),
        lambda s: [p.name for p in list_backups(s.data_dir)],
    ),
}


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("kind", list(WRITES))
def test_a_failed_write_is_reported_and_changes_nothing(filled, tmp_path, monkeypatch, kind, fault):
    write, observe = WRITES[kind]
    # The same write on an untouched copy: what the folder must hold after the retry below.
    control = tmp_path / "control"
    shutil.copytree(filled, control)
    with Store.open(control, now=lambda: NOW) as store:
        write(store, tmp_path)
    with Store.open(control, now=lambda: NOW) as store:
        expected = observe(store)
    before = snapshot(filled)
    with Store.open(filled, now=lambda: NOW) as store:
        seen = observe(store)
        with monkeypatch.context() as patch:
            install_fault(patch, fault)
            with pytest.raises(StoreError) as caught:
                write(store, tmp_path)
        message = str(caught.value)
        assert isinstance(caught.value, DiskWriteError)
        assert FAULT_WORDS[fault] in message and "could not save to" in message, message
        assert str(filled) in message  # names the file it could not write
        # Nothing on disk changed, and no temp file or half backup is left behind.
        assert snapshot(filled) == before
        leftovers = [p for p in filled.rglob("*") if p.name.startswith((atomic.TEMP_PREFIX, ".partial-"))]
        assert not leftovers
        # The store does not pretend it worked, and works again once the disk does.
        assert observe(store) == seen
        write(store, tmp_path)
        assert observe(store) != seen
    # Read back from disk: the retry stored exactly one write, no ghost of the failed one.
    with Store.open(filled, now=lambda: NOW) as store:
        assert observe(store) == expected


def test_the_command_line_says_what_failed_and_stores_nothing(filled, monkeypatch, capsys):
    from gymtui.cli import main

    before = snapshot(filled)
    install_fault(monkeypatch, "enospc-half-write")
    code = main(["--data-dir", str(filled), "log", "bent over row", "80x8@8", "82.5x6@9"])
    err = capsys.readouterr().err.strip()
    assert code == 1
    assert err.startswith("gymtui: could not save to") and "No space left on device" in err
    assert len(err.splitlines()) == 1  # one line, no traceback
    assert snapshot(filled) == before


def test_a_failed_backup_leaves_no_half_backup_and_retries(filled, monkeypatch):
    real_copy = shutil.copy2
    copy_then_fill_up = disk_full_on_copy(2)
    later = NOW.add(days=1)
    with Store.open(filled, now=lambda: later) as store:
        monkeypatch.setattr(backup_module.shutil, "copy2", copy_then_fill_up)
        with pytest.raises(DiskWriteError, match="No space left on device"):
            store.backup_if_due()
        assert [p.name for p in list_backups(filled)] == [DAY.subtract(days=1).isoformat()]
        monkeypatch.setattr(backup_module.shutil, "copy2", real_copy)
        made = store.backup_if_due()
    assert made is not None and made.name == later.date().isoformat()
    assert {p.name for p in (made / "journal").iterdir()} == {p.name for p in (filled / "journal").iterdir()}


def _snapshot(folder: Path) -> dict[str, bytes]:
    files = {p.relative_to(folder): p for p in sorted(folder.rglob("*.json"))}
    return {
        str(r): p.read_bytes()
        for r, p in files.items()
        if r.parts[0] not in ("backups", "cache", "replaced", "manifest.json")
    }


def _restore_leftovers(data_dir: Path) -> list[str]:
    """Staging folders and empty set-aside folders a restore left behind."""
    replaced = data_dir / "replaced"
    return [p.name for p in data_dir.glob(".restoring-*")] + (
        [p.name for p in replaced.iterdir() if not any(p.rglob("*.json"))] if replaced.is_dir() else [])


def test_a_restore_that_runs_out_of_disk_changes_nothing(filled, monkeypatch):
    backup = list_backups(filled)[0]
    with Store.open(filled) as store:  # something logged after the backup: it must not be lost
        session = store.save_session(Session(date=DAY, started_at=NOW, name="After the backup"))
        store.add_set(LoggedSet(session_id=session.id, exercise="deadlift", load=110, reps=3, rpe=9, logged_at=NOW))
    before = _snapshot(filled)
    real_copy = shutil.copy2
    copy_then_fill_up = disk_full_on_copy(2)
    monkeypatch.setattr(backup_module.shutil, "copy2", copy_then_fill_up)
    with Store.open(filled) as store:
        with pytest.raises(DiskWriteError, match="No space left on device"):
            store.restore(backup, whole=True)
        # The store goes on with the files it had: the set logged after the backup is there.
        assert [s.load for s in store.session_sets(session.id)] == [110]
    assert _snapshot(filled) == before
    assert _restore_leftovers(filled) == []  # no half-copied staging folder
    assert not (filled / "replaced").exists() or not list((filled / "replaced").iterdir())  # nothing moved aside
    monkeypatch.setattr(backup_module.shutil, "copy2", real_copy)
    with Store.open(filled) as store:
        aside = store.restore(backup, whole=True).aside
        assert session.id not in store.stored_ids()["sessions"]  # the backup's state, as asked
    assert _snapshot(aside) == before  # and what it replaced is kept, whole


class Killed(BaseException):
    """Stands for a kill -9: nothing after it runs, no handler catches it."""


def _kill_after(calls: int, real):
    count = {"n": 0}

    def call(*args, **kwargs):
        count["n"] += 1
        if count["n"] > calls:
            raise Killed()
        return real(*args, **kwargs)

    return call


@pytest.mark.parametrize("step", ["copy", "rename"])
def test_a_restore_cut_at_any_point_is_finished_or_dropped_when_the_store_opens(filled, monkeypatch, step):
    backup = list_backups(filled)[0]
    with Store.open(filled) as store:  # something after the backup, so the two states differ
        session = store.save_session(Session(date=DAY, started_at=NOW, name="After the backup"))
        store.add_set(LoggedSet(session_id=session.id, exercise="deadlift", load=110, reps=3, rpe=9, logged_at=NOW))
    before, wanted = _snapshot(filled), _snapshot(backup)
    files = len(before) + len(wanted)  # renames: the current files aside, then the copies in
    cuts = range(len(wanted)) if step == "copy" else range(files)
    for cut in cuts:
        shutil.rmtree(filled / "replaced", ignore_errors=True)
        target = "copy2" if step == "copy" else "replace"
        module = backup_module.shutil if step == "copy" else backup_module.os
        monkeypatch.setattr(module, target, _kill_after(cut, getattr(shutil if step == "copy" else os, target)))
        with pytest.raises(Killed):
            restore_module.restore_backup(filled, backup, whole=True)
        monkeypatch.undo()
        with Store.open(filled) as store:
            finished = store.finished_restores
        if step == "copy":  # cut before the copy was whole: nothing had moved, the restore is dropped
            assert finished == [] and _snapshot(filled) == before, cut
        else:  # the copy was whole: the restore is finished, what it replaced kept aside
            assert len(finished) == 1 and _snapshot(filled) == wanted, cut
            assert _snapshot(finished[0]) == before, cut
            _put_back(filled, finished[0])
        assert not [p for p in (filled / "backups").iterdir() if p.name.startswith(".")], cut
        assert _restore_leftovers(filled) == [], cut


def _put_back(data_dir: Path, aside: Path) -> None:
    """Undo a finished restore by hand, so the next round starts from the same files."""
    for path in [*list((data_dir / "journal").glob("*.json")), data_dir / "profile.json"]:
        path.unlink(missing_ok=True)
    for path in aside.rglob("*.json"):
        os.replace(path, data_dir / path.relative_to(aside))
    shutil.rmtree(aside)


# -- the app keeps running ---------------------------------------------------------------


async def test_app_reports_a_failed_save_and_keeps_running(monkeypatch, new_app):
    from textual.widgets import DataTable

    from app_factory import open_warmup_with_load, settle
    from gymtui.ui.screens.warmup import WarmupScreen

    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_warmup_with_load(pilot, app)
        table = screen.query_one("#wu-table", DataTable)
        table.move_cursor(row=table.get_row_index("r:0"))
        with monkeypatch.context() as patch:
            install_fault(patch, "eio-fsync")
            await pilot.press("space")
            await settle(pilot, app)
        # A notification names the problem; the row is not shown as logged; the app runs.
        messages = [str(n.message) for n in app._notifications]
        assert any("could not save to" in m and "Input/output error" in m for m in messages), messages
        assert 0 not in screen.logged and not screen.pending
        assert app.is_running and isinstance(app.screen, WarmupScreen)
        assert app.store.sessions_on(NOW.date()) == [] or not [
            s for sess in app.store.sessions_on(NOW.date()) for s in app.store.session_sets(sess.id)
        ]
        # Once the disk works again the same key logs the set.
        table.move_cursor(row=table.get_row_index("r:0"))
        await pilot.press("space")
        await settle(pilot, app)
        assert 0 in screen.logged
        stored = [s for sess in app.store.sessions_on(NOW.date()) for s in app.store.session_sets(sess.id)]
        assert [s.id for s in stored] == [screen.logged[0].id]


def test_gymtui_log_reports_stored_sets_when_only_the_backup_fails(data_dir, monkeypatch, capsys):
    """The sets are on disk before the day's backup is tried: a full disk then must not make
    `gymtui log` say it failed (the lifter would log the sets twice)."""
    from gymtui.cli import main

    monkeypatch.setattr(backup_module.shutil, "copy2", fail(errno.ENOSPC, "No space left on device"))
    code = main(["--data-dir", str(data_dir), "log", "bent over row", "80x8@8"])
    captured = capsys.readouterr()
    assert code == 0 and captured.out.startswith("Stored 1 working set of Bent Over Row")
    assert captured.err.startswith("gymtui: warning: today's backup was not made: could not save to")
    assert "No space left on device" in captured.err
    with Store.open(data_dir) as store:
        assert [s.reps for session in store.iter_sessions() for s in store.session_sets(session.id)] == [8]
    assert list_backups(data_dir) == []


def disk_full_after(writes: int):
    """An atomic_write_bytes that lets `writes` files through, then finds the disk full."""
    real = atomic.atomic_write_bytes
    done = {"n": 0}

    def write(path, data):
        done["n"] += 1
        if done["n"] > writes:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data)

    return write


def test_an_import_that_fills_the_disk_part_way_says_what_it_stored(filled, tmp_path, monkeypatch, capsys):
    """Two weeks of sets: the disk fills once the first week is written. The message must not
    say nothing changed (the lifter would not know what is there), and importing again once
    there is room adds just the rest."""
    from gymtui.cli import main
    from gymtui.store import storage

    path = tmp_path / "strong.csv"
    path.write_text(STRONG_CSV, encoding="utf-8")
    d = ["--data-dir", str(filled)]
    with monkeypatch.context() as patch:
        patch.setattr(storage, "atomic_write_bytes", disk_full_after(2))  # week 1: its sessions, its sets
        assert main([*d, "import", str(path), "--unit", "kg"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("gymtui: could not save to ") and "2026-W42.json: No space left on device" in err, err
    assert "after 1 workout and 2 sets had been stored" in err and "nothing was changed" not in err
    assert "import the file again" in err and err.count("\n") == 1
    with Store.open(filled) as store:
        assert len(store.source_keys()) == 3  # 1 workout + 2 sets, all from week 41
    assert main([*d, "import", str(path), "--unit", "kg"]) == 0
    assert "Stored: 1 new workout, 1 new set." in capsys.readouterr().out


def test_export_to_a_full_disk_names_the_file(filled, tmp_path, monkeypatch, capsys):
    from gymtui.cli import main

    target = tmp_path / "everything.json"
    target.write_text("the previous export")
    install_fault(monkeypatch, "enospc-half-write")
    assert main(["--data-dir", str(filled), "export", "--format", "json", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err == f"gymtui: could not write {target}: No space left on device; it is as it was\n", err
    assert target.read_text() == "the previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".gymtui-tmp")] == []


def test_a_new_data_folder_on_a_full_disk_names_the_file(tmp_path, monkeypatch, capsys):
    """The lock file takes no room but its holder's name does: a full disk must be met at the
    first real file, named, not as a bare '[Errno 28]'."""
    from gymtui.cli import main
    from gymtui.store import lock

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(lock.os, "write", full)
    monkeypatch.setattr(atomic.os, "fdopen", _half_writes(os.fdopen))
    fresh = tmp_path / "new"
    assert main(["--data-dir", str(fresh), "log", "deadlift", "100x5"]) == 1
    err = capsys.readouterr().err
    assert err == (f"gymtui: could not save to {fresh / 'profile.json'}: No space left on device;"
                   " nothing was changed on disk\n"), err


def test_a_json_restore_that_fills_the_disk_after_its_sets_says_they_are_stored(filled, tmp_path, monkeypatch, capsys):
    from gymtui.cli import main
    from gymtui.store import storage

    export = tmp_path / "everything.json"
    assert main(["--data-dir", str(filled), "export", "--format", "json", "-o", str(export)]) == 0
    fresh = tmp_path / "fresh"
    with Store.open(fresh):
        pass  # the folder and its profile exist: the writes counted next are the restore's
    capsys.readouterr()
    with monkeypatch.context() as patch:
        patch.setattr(storage, "atomic_write_bytes", disk_full_after(2))  # the week's sessions, its sets
        assert main(["--data-dir", str(fresh), "import", str(export)]) == 1
    err = capsys.readouterr().err
    assert "after 1 workout and 2 sets had been stored (they are kept)" in err and "nothing was changed" not in err


@pytest.mark.parametrize("how", ["enter", "come back"])
async def test_the_workout_opens_once_the_disk_has_room_again(monkeypatch, how, new_app):
    """One failed open (disk full) must not stick until the app restarts."""
    from textual.widgets import Static

    from app_factory import settle
    from gymtui.ui.screens.workout import WorkoutScreen

    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        with monkeypatch.context() as patch:
            install_fault(patch, "enospc-half-write")
            await pilot.press("w")
            await settle(pilot, app)
            screen = app.screen
            assert isinstance(screen, WorkoutScreen) and screen.state == "problem"
            message = str(screen.query_one("#wo-message", Static).render())
            assert "Could not open today's session" in message and "enter" in message.lower()
            heading = str(screen.query_one("#wo-heading", Static).render())
            assert "Loading" not in heading, heading
        if how == "enter":
            await pilot.press("enter")
        else:
            await pilot.press("t")
            await settle(pilot, app)
            await pilot.press("w")
        await settle(pilot, app)
        assert app.screen is screen and screen.state == "ready" and screen.workout is not None
        assert app.store.sessions_on(NOW.date())  # the session is on disk now


def test_an_import_whose_second_batch_finds_the_disk_full_counts_the_first(filled, tmp_path, monkeypatch, capsys):
    """Big files are stored in batches of whole workouts: a batch that stores nothing still
    comes after batches that stored sets, and the message must count those."""
    from gymtui.cli import main
    from gymtui.services import transfer
    from gymtui.store import storage

    path = tmp_path / "strong.csv"
    path.write_text(STRONG_CSV, encoding="utf-8")
    monkeypatch.setattr(transfer, "IMPORT_BATCH", 1)  # one workout per batch: week 41, then week 42
    with monkeypatch.context() as patch:
        patch.setattr(storage, "atomic_write_bytes", disk_full_after(2))
        assert main(["--data-dir", str(filled), "import", str(path), "--unit", "kg"]) == 1
    err = capsys.readouterr().err
    assert "after 1 workout and 2 sets had been stored (they are kept)" in err, err
    assert "nothing was changed" not in err
