"""Restores and backups that never take a set with them.

A restore puts back only the damaged or missing files; a whole-folder rollback is asked for
separately and says first how many sets leave. Aside folders are never shared, a damaged or
half-deleted backup is refused before anything moves, pruning follows the order backups
were made in, and a `backups/` folder on another file system changes nothing of that.
The `filled` folder and the fault helpers come from test_reliability_disk.py.
"""

from __future__ import annotations

import errno
import importlib.util
import io
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gymtui.cli import main
from gymtui.domain.journal import LoggedSet, Session
from gymtui.store import Store
from gymtui.store import backup as backup_module
from gymtui.store.backup import list_backups
from gymtui.store.doctor import check_data_dir
from test_reliability_disk import DAY, NOW, STRONG_CSV, Killed, _kill_after, _snapshot, filled  # noqa: F401

BACKUP = DAY.subtract(days=1).isoformat()  # the `filled` folder's daily backup
W47, W48 = "journal/2026-W47.json", "journal/2026-W48.json"


def run(capsys, data_dir: Path, *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def all_sets(data_dir: Path) -> list[LoggedSet]:
    with Store.open(data_dir, now=lambda: NOW) as store:
        return [s for session in store.iter_sessions() for s in store.session_sets(session.id)]


def later_work(data_dir: Path) -> str:
    """After the backup: a set in next week's (new) file and a settings change. Returns the set's id."""
    with Store.open(data_dir, now=lambda: NOW) as store:
        session = store.save_session(Session(date=DAY.add(days=7), started_at=NOW.add(days=7), name="Next week"))
        logged = store.add_set(LoggedSet(session_id=session.id, exercise="deadlift", load=120, reps=3,
                                         logged_at=NOW.add(days=7)))
        store.save_settings(store.settings().model_copy(update={"default_rest_seconds": 200}))
    return logged.id


def truncate(path: Path) -> bytes:
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    return path.read_bytes()


def aside_folders(data_dir: Path) -> list[Path]:
    replaced = data_dir / "replaced"
    return sorted(replaced.iterdir()) if replaced.is_dir() else []


# -- only the damaged or missing files ----------------------------------------------------


def test_restore_puts_back_the_damaged_file_and_keeps_every_healthy_one(filled, capsys):
    new_set = later_work(filled)
    broken = truncate(filled / W47)
    healthy = {name: (filled / name).read_bytes() for name in ("profile.json", W48)}
    code, out = run(capsys, filled, "restore", BACKUP)
    assert code == 0, out
    assert f"{W47} (damaged)" in out and "every other file was kept" in out
    assert "profile.json" not in out and "W48" not in out  # a healthy file is never called damaged
    for name, data in healthy.items():
        assert (filled / name).read_bytes() == data  # untouched
    assert (filled / W47).read_bytes() == (filled / "backups" / BACKUP / W47).read_bytes()
    [aside] = aside_folders(filled)
    assert [p.relative_to(aside).as_posix() for p in aside.rglob("*.json")] == [W47]
    assert (aside / W47).read_bytes() == broken
    assert new_set in {s.id for s in all_sets(filled)}
    assert run(capsys, filled, "doctor")[0] == 0


def test_restore_puts_back_a_missing_week_file(filled, capsys):
    new_set = later_work(filled)
    (filled / W47).unlink()
    code, out = run(capsys, filled, "restore", BACKUP)
    assert code == 0 and f"{W47} (missing)" in out, out
    ids = {s.id for s in all_sets(filled)}
    assert new_set in ids and len(ids) == 3
    assert aside_folders(filled) == []  # nothing was replaced, nothing set aside


def test_first_day_import_then_restoring_todays_backup_keeps_every_set(data_dir, tmp_path, capsys):
    csv = tmp_path / "strong.csv"
    csv.write_text(STRONG_CSV, encoding="utf-8")
    code, out = run(capsys, data_dir, "import", str(csv), "--unit", "kg")
    assert code == 0, out
    [today] = list_backups(data_dir)  # made before the import: it holds none of its sets
    assert len(all_sets(data_dir)) == 3
    code, out = run(capsys, data_dir, "restore", today.name)
    assert code == 0 and "Nothing to restore" in out and "--whole" in out, out
    assert len(all_sets(data_dir)) == 3


# -- a whole-folder rollback: separate, says what leaves, asks -----------------------------


def test_a_whole_rollback_says_how_many_sets_leave_and_asks_first(filled, capsys, monkeypatch):
    later_work(filled)
    before = _snapshot(filled)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # a script: no terminal to ask on
    code, out = run(capsys, filled, "restore", BACKUP, "--whole")
    assert code == 2 and "1 set in the journal now" in out and "--yes" in out, out
    assert _snapshot(filled) == before

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal("no\n"))
    code, out = run(capsys, filled, "restore", BACKUP, "--whole")
    assert code == 0 and "Nothing was changed" in out, out
    assert _snapshot(filled) == before

    code, out = run(capsys, filled, "restore", BACKUP, "--whole", "--yes")
    assert code == 0 and "Rolled the whole folder back" in out, out
    assert len(all_sets(filled)) == 2
    [aside] = aside_folders(filled)
    assert _snapshot(aside) == before  # every replaced file kept


async def test_the_app_puts_back_the_damaged_file_or_rolls_back_when_asked(filled, new_app):
    from textual.widgets import Static

    from app_factory import settle
    from gymtui.ui.dialogs.damaged_file import DamagedFileDialog

    new_set = later_work(filled)
    truncate(filled / W47)
    app = new_app(filled, now=NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, DamagedFileDialog)
        await pilot.press("r")
        await settle(pilot, app)
        assert not isinstance(app.screen, DamagedFileDialog)
        ids = {s.id for session in app.store.iter_sessions() for s in app.store.session_sets(session.id)}
        assert new_set in ids and len(ids) == 3
        messages = [str(n.message) for n in app._notifications]
        assert any(f"{W47} (damaged)" in m and "profile.json" not in m for m in messages), messages
        assert app.store.settings().default_rest_seconds == 200

        truncate(filled / W47)  # again, and this time the whole folder goes back
        app.report_damaged_file(_damage(filled))
        await settle(pilot, app)
        await pilot.press("w")
        await settle(pilot, app)
        question = str(app.screen.query_one("#problem-rollback", Static).render())
        assert "1 set in the journal now" in question and "y" in question
        assert new_set in {s.id for s in all_sets_of(app.store)}  # nothing moved yet
        await pilot.press("y")
        await settle(pilot, app)
        assert new_set not in {s.id for s in all_sets_of(app.store)}
        assert app.store.settings().default_rest_seconds != 200


def _damage(data_dir: Path, name: str = W47):
    from gymtui.store import CorruptFileError

    return CorruptFileError(data_dir / name, "is not valid JSON")


def all_sets_of(store: Store) -> list[LoggedSet]:
    return [s for session in store.iter_sessions() for s in store.session_sets(session.id)]


# -- aside folders: unique, never overwritten ----------------------------------------------


class FrozenClock:
    """datetime.now() for the restore code: the given moments in turn (then the last)."""

    def __init__(self, *moments: datetime) -> None:
        self.moments = list(moments)

    def now(self, tz=None):
        moment = self.moments.pop(0) if len(self.moments) > 1 else self.moments[0]
        return moment.astimezone(tz).replace(tzinfo=None) if tz is None else moment.astimezone(tz)


SAME_SECOND = (datetime(2026, 11, 16, 17, 30, 5, tzinfo=UTC),) * 2
# 02:30 local time twice on the night Paris leaves summer time (00:30 and 01:30 UTC).
CLOCK_CHANGE = (datetime(2026, 10, 25, 0, 30, tzinfo=UTC), datetime(2026, 10, 25, 1, 30, tzinfo=UTC))


@pytest.mark.parametrize("moments", [SAME_SECOND, CLOCK_CHANGE], ids=["same second", "autumn clock change"])
def test_two_restores_never_share_an_aside_folder(filled, capsys, monkeypatch, moments):
    monkeypatch.setenv("TZ", "Europe/Paris")
    import time

    time.tzset()
    try:
        clock = FrozenClock(*moments)
        for module in ("gymtui.store.backup", "gymtui.store.restore"):  # wherever restores read the time
            if importlib.util.find_spec(module):
                monkeypatch.setattr(f"{module}.datetime", clock, raising=False)
        first = truncate(filled / W47)
        assert run(capsys, filled, "restore", BACKUP)[0] == 0
        (filled / W47).write_bytes(b"second damage")
        assert run(capsys, filled, "restore", BACKUP)[0] == 0
    finally:
        monkeypatch.undo()
        time.tzset()
    kept = sorted(p.read_bytes() for p in filled.rglob("2026-W47.json") if "backups" not in p.parts)
    assert first in kept and b"second damage" in kept  # both damaged copies kept


def test_a_killed_restore_retried_at_once_keeps_both_asides(filled, capsys, monkeypatch):
    from gymtui.store import restore as restore_module

    clock = FrozenClock(*SAME_SECOND)
    monkeypatch.setattr(restore_module, "datetime", clock)
    first = truncate(filled / W47)
    with monkeypatch.context() as patch:  # killed once its damaged file is aside
        patch.setattr(restore_module.os, "replace", _kill_after(1, os.replace))
        with pytest.raises(Killed):
            restore_module.restore_backup(filled, list_backups(filled)[0])
    # The retry finishes the killed restore first, then makes its own: same second.
    assert run(capsys, filled, "restore", BACKUP)[0] == 0
    truncated_again = truncate(filled / W47)
    assert run(capsys, filled, "restore", BACKUP)[0] == 0
    kept = [p.read_bytes() for folder in aside_folders(filled) for p in folder.rglob("*.json")]
    assert first in kept and truncated_again in kept
    assert len(aside_folders(filled)) == len(set(aside_folders(filled))) >= 2


# -- a damaged or half-deleted backup is refused -------------------------------------------


@pytest.mark.parametrize("harm", ["truncated", "deleted", "legacy truncated"])
def test_a_damaged_backup_is_refused_before_anything_moves(filled, capsys, harm):
    backup = filled / "backups" / BACKUP
    if harm == "legacy truncated":  # made by an older gymtui: no manifest, the files are read
        (backup / "manifest.json").unlink()
    if harm == "deleted":
        (backup / W47).unlink()
    else:
        truncate(backup / W47)
    truncate(filled / "profile.json")
    before = _snapshot(filled)
    code, out = run(capsys, filled, "restore", BACKUP)
    assert code == 1 and f"the backup {BACKUP} cannot be used" in out and "nothing was changed" in out, out
    assert "2026-W47.json" in out
    assert _snapshot(filled) == before and aside_folders(filled) == []
    code, out = run(capsys, filled, "doctor")
    assert code == 1 and f"backup {BACKUP} cannot be used" in out
    assert f"gymtui restore {BACKUP}" not in out and "no good backup" in out, out
    code, out = run(capsys, filled, "restore")
    if harm != "legacy truncated":  # the list checks manifests only: reading every old file waits for a restore
        assert f"{BACKUP}  (cannot be used" in out


def test_a_kill_while_pruning_never_leaves_a_half_deleted_backup_listed(data_dir, monkeypatch):
    real_unlink = os.unlink
    clock = {"now": NOW}
    with Store.open(data_dir, now=lambda: clock["now"]) as store:
        store.save_settings(store.settings().model_copy(update={"backups_kept": 2}))
        for n in range(4):
            store.save_session(Session(date=DAY.add(weeks=n), started_at=NOW.add(weeks=n)))
            clock["now"] = NOW.add(days=n)
            store.backup_if_due()
        clock["now"] = NOW.add(days=4)
        with monkeypatch.context() as patch:  # killed after the prune's second file deletion
            patch.setattr(shutil.os, "unlink", _kill_after(2, real_unlink))
            with pytest.raises(Killed):
                store.backup_if_due()
    for backup in list_backups(data_dir):
        assert backup_module.backup_problem(backup) is None, backup
        assert not [f for f in check_data_dir(backup) if f.level == "error"]
    with Store.open(data_dir, now=lambda: NOW.add(days=5)) as store:  # the next prune sweeps what was left
        store.backup_if_due()
    assert [p.name for p in (data_dir / "backups").iterdir() if p.name.startswith(".")] == []


# -- pruning by the order backups were made in ---------------------------------------------


def test_after_the_clock_ran_ahead_todays_backup_is_kept(data_dir, capsys):
    clock = {"now": NOW.add(days=30)}  # a week with the clock a month ahead
    with Store.open(data_dir, now=lambda: clock["now"]) as store:
        store.save_settings(store.settings().model_copy(update={"backups_kept": 3}))
        for n in range(4):
            clock["now"] = NOW.add(days=30 + n)
            store.backup_if_due()
        for n in range(2):  # the clock is right again
            clock["now"] = NOW.add(days=n)
            made = store.backup_if_due()
            assert made is not None and made.exists(), n
    names = [p.name for p in list_backups(data_dir)]
    assert names[:2] == ["2026-11-17", "2026-11-16"] and len(names) == 3
    ahead = [f.message for f in check_data_dir(data_dir, DAY.add(days=1)) if "dated ahead" in f.message]
    assert len(ahead) == 1 and "2026-12-19" in ahead[0]


# -- backups/ on another file system --------------------------------------------------------


@pytest.fixture
def backups_elsewhere(filled, tmp_path, monkeypatch):
    """backups/ is a symlink to another file system: a rename between the two fails."""
    usb = tmp_path / "usb"
    shutil.move(filled / "backups", usb)
    (filled / "backups").symlink_to(usb)
    real_replace, real_rename = os.replace, os.rename

    def across(move):
        def moved(source, target, *args, **kwargs):
            sides = {str(Path(p).resolve()).startswith(str(usb)) for p in (source, Path(target).parent)}
            if len(sides) == 2:
                raise OSError(errno.EXDEV, "Invalid cross-device link")
            return move(source, target, *args, **kwargs)
        return moved

    monkeypatch.setattr(os, "replace", across(real_replace))
    monkeypatch.setattr(os, "rename", across(real_rename))
    return filled


def test_a_restore_from_backups_on_another_file_system_works(backups_elsewhere, capsys):
    data_dir = backups_elsewhere
    new_set = later_work(data_dir)
    truncate(data_dir / W47)
    code, out = run(capsys, data_dir, "restore", BACKUP)
    assert code == 0 and f"{W47} (damaged)" in out, out
    assert new_set in {s.id for s in all_sets(data_dir)}
    code, out = run(capsys, data_dir, "restore", BACKUP, "--whole", "--yes")
    assert code == 0 and "Rolled the whole folder back" in out, out
    assert len(all_sets(data_dir)) == 2
    assert not list(data_dir.glob(".restoring-*")) and not list((data_dir / "backups").glob(".*"))


def test_a_restore_stuck_across_file_systems_no_longer_blocks_every_command(backups_elsewhere, capsys):
    """What an older gymtui left: a complete copy staged in backups/ that could never move."""
    data_dir = backups_elsewhere
    stuck = data_dir / "backups" / ".restoring-20261116-183000"
    shutil.copytree(data_dir / "backups" / BACKUP, stuck)
    (stuck / ".copied").write_bytes(b"")
    before = _snapshot(data_dir)
    code, out = run(capsys, data_dir, "log", "bent over row", "80x8@8")
    assert code == 0, out
    assert not stuck.exists()
    after = _snapshot(data_dir)
    assert all(after[name] == data for name, data in before.items())  # nothing was rolled back


def test_a_rename_failing_mid_restore_leaves_every_file_as_it_was(filled, capsys, monkeypatch):
    later_work(filled)
    before = _snapshot(filled)
    real_replace = os.replace
    calls = {"n": 0}

    def third_fails(source, target):
        calls["n"] += "replaced" in str(target)  # the restore's moves aside, not other writes
        if calls["n"] == 3 and "replaced" in str(target):
            raise OSError(errno.EIO, "Input/output error")
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", third_fails)
    code, out = run(capsys, filled, "restore", BACKUP, "--whole", "--yes")
    monkeypatch.setattr(os, "replace", real_replace)
    assert code == 1 and "Input/output error" in out and "every file is as it was" in out, out
    assert _snapshot(filled) == before
    assert not list(filled.glob(".restoring-*")) and aside_folders(filled) == []
    with Store.open(filled) as store:
        assert store.finished_restores == []  # nothing left to finish


# -- doctor names what is missing -----------------------------------------------------------


@pytest.mark.parametrize("name", [W47, "profile.json"])
def test_doctor_names_a_file_missing_since_the_newest_backup(filled, capsys, name):
    (filled / name).unlink()
    code, out = run(capsys, filled, "doctor")
    assert code == 1 and f"error: {filled / name} is missing" in out, out
    assert f"gymtui restore {BACKUP}" in out


def test_a_profile_made_again_after_it_went_missing_is_named_and_put_back(filled, capsys):
    (filled / "profile.json").unlink()
    code, out = run(capsys, filled, "log", "bent over row", "80x8@8")  # makes a profile with defaults
    assert code == 0, out
    with Store.open(filled) as store:
        assert store.settings().default_rest_seconds != 150  # the lifter's setting is gone...
    code, out = run(capsys, filled, "doctor")
    assert code == 1 and "profile.json went missing and was made again with default settings" in out, out
    assert f"gymtui restore {BACKUP}" in out
    code, out = run(capsys, filled, "restore", BACKUP)
    assert code == 0 and "profile.json (made again with default settings)" in out and "damaged" not in out, out
    with Store.open(filled) as store:
        assert store.settings().default_rest_seconds == 150  # ...and back
    assert len(all_sets(filled)) == 3  # the set logged meanwhile stays
    assert run(capsys, filled, "doctor")[0] == 0


def test_after_a_whole_rollback_doctor_does_not_ask_for_the_files_left_behind(filled, capsys):
    older = list_backups(filled)[0].name
    later_work(filled)
    with Store.open(filled, now=lambda: NOW) as store:  # today's backup holds next week's file
        assert store.backup_if_due() is not None
    code, out = run(capsys, filled, "restore", older, "--whole", "--yes")
    assert code == 0, out
    code, out = run(capsys, filled, "doctor")
    assert code == 0 and "missing" not in out, out
    (filled / W47).unlink()  # a file lost after the rollback is still named
    code, out = run(capsys, filled, "doctor")
    assert code == 1 and f"{W47} is missing" in out, out


def test_a_damaged_file_no_backup_has_is_not_offered_a_restore_that_cannot_help(filled, capsys):
    with Store.open(filled, now=lambda: NOW) as store:  # next week's file: newer than every backup
        store.save_session(Session(date=DAY.add(days=7), started_at=NOW.add(days=7)))
    truncate(filled / W48)
    code, out = run(capsys, filled, "doctor")
    assert code == 1 and f"no good backup has a copy of {W48}" in out and "gymtui restore" not in out, out


async def test_the_app_offers_no_restore_for_a_file_no_backup_has(filled, new_app):
    from textual.widgets import Static

    from app_factory import settle
    from gymtui.ui.dialogs.damaged_file import DamagedFileDialog

    with Store.open(filled, now=lambda: NOW) as store:
        store.save_session(Session(date=DAY.add(days=7), started_at=NOW.add(days=7)))
    broken = truncate(filled / W48)
    app = new_app(filled, now=NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        app.report_damaged_file(_damage(filled, W48))
        await settle(pilot, app)
        assert isinstance(app.screen, DamagedFileDialog)
        text = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "No good backup has a copy of this file" in text and "put back" not in text, text
        await pilot.press("r")
        await settle(pilot, app)
        assert isinstance(app.screen, DamagedFileDialog)  # nothing offered, nothing done
    assert (filled / W48).read_bytes() == broken
