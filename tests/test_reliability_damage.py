"""Damaged data files: a clear message naming the file, nothing overwritten, the backup restores.

Each data file (profile.json, a week file, the week-summary cache) is truncated, garbled,
emptied, or edited by hand into values gymtui refuses, then used from the command line
and from the app.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pendulum
import pytest

from gymtui.cli import main
from gymtui.domain.journal import LoggedSet, Session
from gymtui.store import Store
from gymtui.store.backup import list_backups
from gymtui.store.doctor import check_data_dir
from gymtui.store.layout import part_key, part_path


def _edit(path: Path, change: Callable[[dict], None]) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _first(table: dict) -> dict:
    return next(iter(table.values()))


def _garble(path: Path) -> None:
    """Noise over the middle of the file, taking a key's colon with it (so never valid JSON)."""
    data = path.read_bytes()
    colon = data.index(b'":', len(data) // 2)
    path.write_bytes(data[: colon + 1] + b"#~garbled~#!" + data[colon + 14 :])


# damage name -> (profile.json damage, week file damage, words the message must hold)
DAMAGES: dict[str, tuple[Callable[[Path], None], Callable[[Path], None], str]] = {
    "truncated": (lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
                  lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]), "is not valid JSON"),
    "garbled": (_garble, _garble, "is not valid JSON"),
    "binary": (lambda p: p.write_bytes(b"\xff\xfe\x00" + p.read_bytes()[3:]),
               lambda p: p.write_bytes(b"\xff\xfe\x00" + p.read_bytes()[3:]), "is not UTF-8"),
    "emptied": (lambda p: p.write_bytes(b""), lambda p: p.write_bytes(b""), "is empty"),
    "invalid value": (lambda p: _edit(p, lambda d: _first(d["settings"]).update(unit="stone")),
                      lambda p: _edit(p, lambda d: _first(d["sets"]).update(reps=-5)), "record"),
    "unknown field": (lambda p: _edit(p, lambda d: _first(d["settings"]).update(colour="red")),
                      lambda p: _edit(p, lambda d: _first(d["sets"]).update(weight_kg=80)), "Extra inputs"),
    "wrong shape": (lambda p: _edit(p, lambda d: d.update(settings=[1, 2])),
                    lambda p: _edit(p, lambda d: d.update(sets="80x8")), "TinyDB tables"),
    "unknown table": (lambda p: _edit(p, lambda d: d.update(workouts={})),
                      lambda p: _edit(p, lambda d: d.update(workouts={})), "unknown table"),
    "nested deep": (lambda p: p.write_text('{"settings": ' + "[" * 100_000 + "]" * 100_000 + "}"),
                    lambda p: p.write_text('{"sets": ' + "[" * 100_000 + "]" * 100_000 + "}"), "nested too deeply"),
    "long number": (lambda p: p.write_text('{"meta": {"1": {"schema": ' + "9" * 5000 + "}}}"),
                    lambda p: p.write_text('{"sets": {"1": {"reps": ' + "9" * 5000 + "}}}"), "thousands of digits"),
}


def fill(data_dir: Path, now: pendulum.DateTime) -> str:
    """A session with two sets this week, settings saved, and yesterday's daily backup."""
    with Store.open(data_dir, now=lambda: now.subtract(days=1)) as store:
        store.save_settings(store.settings().model_copy(update={"program_start": now.date().start_of("week")}))
        session = store.save_session(Session(date=now.date(), started_at=now, name="Horizontal pull"))
        first = store.add_set(LoggedSet(session_id=session.id, exercise="bent-over-row", load=80, reps=8, rpe=8,
                                        logged_at=now))
        store.add_set(LoggedSet(session_id=session.id, exercise="bent-over-row", load=80, reps=7, rpe=8.5,
                                logged_at=now.add(minutes=3)))
        assert store.backup_if_due() is not None
    return first.id


def target(data_dir: Path, which: str, day) -> Path:
    return data_dir / "profile.json" if which == "profile" else part_path(data_dir, part_key(day))


def damaged_week(data_dir: Path, now: pendulum.DateTime, damage: str) -> tuple[str, Path, bytes]:
    """fill(), then this week's file damaged one way: (a set id in it, the file, its bytes)."""
    set_id = fill(data_dir, now)
    path = target(data_dir, "week", now.date())
    DAMAGES[damage][1](path)
    return set_id, path, path.read_bytes()


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("which", ["profile", "week"])
@pytest.mark.parametrize("damage", list(DAMAGES))
def test_command_line_names_the_file_keeps_it_and_restores(data_dir, capsys, which, damage):
    now = pendulum.now()
    set_id = fill(data_dir, now)
    path = target(data_dir, which, now.date())
    DAMAGES[damage][0 if which == "profile" else 1](path)
    broken = path.read_bytes()
    fragment = DAMAGES[damage][2]
    d = ["--data-dir", str(data_dir)]

    for command in (["log", "bent over row", "85x5@8"], ["export", "--format", "json"]):
        code, out, err = run(capsys, *d, *command)
        assert code == 1, (command, out)
        assert err.startswith(f"gymtui: {path}") and fragment in err, err
        assert len(err.strip().splitlines()) == 1  # one line, no traceback
        assert path.read_bytes() == broken  # nothing overwritten

    code, out, _ = run(capsys, *d, "doctor")
    backup = list_backups(data_dir)[0].name
    assert code == 1 and f"error: {path}" in out and f"gymtui restore {backup}" in out, out

    code, out, err = run(capsys, *d, "restore", backup)
    assert code == 0, err
    aside = next((data_dir / "replaced").iterdir())
    assert (aside / path.relative_to(data_dir)).read_bytes() == broken  # kept, not thrown away
    assert not [f for f in check_data_dir(data_dir) if f.level == "error"]
    code, _, err = run(capsys, *d, "log", "bent over row", "85x5@8")
    assert code == 0, err
    code, out, _ = run(capsys, *d, "export", "--format", "json")
    assert set_id in out


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_app_does_not_start_on_a_damaged_profile_and_says_how_to_restore(data_dir, capsys, monkeypatch, damage):
    from gymtui.ui.app import run_app
    from headless_run import headless_run_app

    def opened(app):
        raise AssertionError("the app opened a damaged profile")

    headless_run_app(monkeypatch, opened)
    fill(data_dir, pendulum.now())
    path = data_dir / "profile.json"
    DAMAGES[damage][0](path)
    broken = path.read_bytes()
    assert run_app(data_dir) == 1
    err = capsys.readouterr().err
    backup = list_backups(data_dir)[0].name
    assert str(path) in err and DAMAGES[damage][2] in err
    assert "nothing was overwritten" in err and f"gymtui restore {backup}" in err
    assert path.read_bytes() == broken


@pytest.mark.parametrize("damage", ["truncated", "garbled", "invalid value", "unknown table"])
async def test_app_names_a_damaged_week_and_restores_the_last_good_backup(data_dir, damage, new_app):
    from textual.widgets import DataTable, Static

    from app_factory import FROZEN_NOW, settle
    from gymtui.ui.dialogs.damaged_file import DamagedFileDialog
    from gymtui.ui.screens.today import TodayScreen

    set_id, path, broken = damaged_week(data_dir, FROZEN_NOW, damage)
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, DamagedFileDialog)
        message = str(app.screen.query_one("#problem-message", Static).render())
        assert path.name in message and DAMAGES[damage][2] in message
        assert path.read_bytes() == broken
        # The start-of-day backup did not copy the damaged file over the good copies.
        newest = list_backups(data_dir)[0]
        assert not [f for f in check_data_dir(newest) if f.level == "error"], newest
        warnings = [str(n.message) for n in app._notifications]
        assert any("Daily backup failed" in w and path.name in w for w in warnings), warnings
        await pilot.press("r")
        await settle(pilot, app)
        # Restored: today's plan shows, the app runs on, the damaged file is kept aside.
        assert isinstance(app.screen, TodayScreen)
        assert app.screen.query_one("#plan-table", DataTable).row_count > 0
        assert set_id in {s.id for s in app.store.session_sets(app.store.sessions_on(FROZEN_NOW.date())[0].id)}
        aside = next((data_dir / "replaced").iterdir())
        assert (aside / "journal" / path.name).read_bytes() == broken


async def test_a_restore_that_runs_out_of_disk_is_reported_and_the_app_runs_on(data_dir, monkeypatch, new_app):
    import errno
    import shutil

    from app_factory import FROZEN_NOW, settle
    from gymtui.store import backup as backup_module
    from gymtui.ui.dialogs.damaged_file import DamagedFileDialog

    _, path, broken = damaged_week(data_dir, FROZEN_NOW, "truncated")
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, DamagedFileDialog)

        def no_space(*_args, **_kwargs):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(backup_module.shutil, "copy2", no_space)
        await pilot.press("r")
        await settle(pilot, app)
        messages = [(str(n.title), str(n.message)) for n in app._notifications]
        assert any(title == "Restore failed" and "No space left on device" in text and "as they were" in text
                   for title, text in messages), messages
        assert path.read_bytes() == broken  # nothing moved, nothing half-restored
        assert not list(data_dir.glob(".restoring-*")) and not list((data_dir / "replaced").iterdir())
        assert app.is_running
        monkeypatch.setattr(backup_module.shutil, "copy2", shutil.copy2)


async def test_keeping_the_damaged_file_leaves_it_untouched(data_dir, new_app):
    from app_factory import FROZEN_NOW, settle
    from gymtui.ui.dialogs.damaged_file import DamagedFileDialog

    _, path, broken = damaged_week(data_dir, FROZEN_NOW, "garbled")
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, DamagedFileDialog)
        await pilot.press("q")
        await settle(pilot, app)
        assert not isinstance(app.screen, DamagedFileDialog) and app.is_running
    assert path.read_bytes() == broken
    assert not (data_dir / "replaced").exists()


# -- the week-summary cache: derived data, rebuilt whatever happened to it --------------------

CACHE_DAMAGES: dict[str, Callable[[Path], None]] = {
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
    "garbled": _garble,
    "emptied": lambda p: p.write_bytes(b""),
    "wrong version": lambda p: _edit(p, lambda d: d.update(version="x")),
    # Edited in place, as in a text editor: the file keeps its layout.
    "hand-edited summary": lambda p: p.write_bytes(
        p.read_bytes().replace(b'"summary":{', b'"summary":"garbage","x":{')
    ),
    "hand-edited figures": lambda p: p.write_bytes(re.sub(rb'"sets":\d+', b'"sets":-99', p.read_bytes())),
}


@pytest.mark.parametrize("damage", list(CACHE_DAMAGES))
async def test_a_damaged_summary_cache_is_rebuilt_and_history_opens(data_dir, damage, new_app):
    from app_factory import settle
    from gymtui.domain import stats
    from gymtui.services import history
    from gymtui.ui.screens.history import HistoryScreen
    from history_data import fill_history

    with Store.open(data_dir) as store:
        fill_history(store)
        truth = history.load_weeks(store)
    cache = data_dir / Store.WEEK_CACHE_FILE
    assert cache.is_file()
    CACHE_DAMAGES[damage](cache)
    with Store.open(data_dir) as store:
        assert json.loads(json.dumps(history.load_weeks(store))) == json.loads(json.dumps(truth))
    document = json.loads(cache.read_text())
    assert document["version"] == stats.SUMMARY_VERSION  # written again, whole
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("h")
        await settle(pilot, app)
        assert isinstance(app.screen, HistoryScreen) and app.screen.session_ids
        await pilot.press("2")
        await settle(pilot, app)
        assert app.is_running
