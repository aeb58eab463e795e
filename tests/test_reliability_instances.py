"""Two gymtui at once on one data folder: one writer, a clear message for the other, no lost write.

The app holds the folder while it runs; `gymtui log`, `import`, `restore`, a second app and a
`gymtui serve` browser session started beside it are refused before they write anything,
and say who holds the folder. Once the app closes they work, and every write of both is there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app_factory import FROZEN_NOW, open_warmup_with_load, settle
from gymtui.cli import main
from gymtui.domain.journal import LoggedSet
from gymtui.store import LockedError, Store
from gymtui.store.backup import list_backups
from gymtui.store.doctor import check_data_dir

ROOT = Path(__file__).resolve().parent.parent
ENV = dict(os.environ, PYTHONPATH=str(ROOT))


def files(data_dir: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data_dir)): p.read_bytes() for p in sorted(data_dir.rglob("*.json")) if p.is_file()}


def gymtui(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gymtui", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, env=ENV, cwd=ROOT, timeout=60)


def logged_sets(store: Store) -> list[LoggedSet]:
    return [s for session in store.iter_sessions() for s in store.session_sets(session.id)]


async def test_cli_beside_the_running_app_is_refused_and_nothing_is_lost(data_dir, tmp_path, new_app):
    csv = tmp_path / "strong.csv"
    csv.write_text("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
                   "Workout Notes,RPE\n2026-10-05 18:00:00,Pull,1h,Deadlift (Barbell),1,100,5,0,0,,,8\n")
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_warmup_with_load(pilot, app)
        before = files(data_dir)
        backup = list_backups(data_dir)[0].name  # the app's start-of-day backup
        for command in (["log", "bent over row", "80x8@8"], ["import", str(csv)], ["restore", backup],
                        ["export", "--format", "json"]):
            done = gymtui(data_dir, *command)
            assert done.returncode == 1, (command, done.stdout)
            message = done.stderr.strip()
            assert message.startswith(f"gymtui: another gymtui (pid {os.getpid()} app)"), message
            assert "close it first" in message and len(message.splitlines()) == 1
        assert files(data_dir) == before  # the refused commands wrote nothing
        # The app goes on writing while they are refused.
        table = screen.query_one("#wu-table")
        table.move_cursor(row=table.get_row_index("r:0"))
        await pilot.press("space")
        await settle(pilot, app)
        assert 0 in screen.logged
        app_set = screen.logged[0].id
    app.store.close()  # as run_app does when the app quits
    # The app closed: the command line writes now, and both writes are there.
    done = gymtui(data_dir, "log", "bent over row", "80x8@8")
    assert done.returncode == 0, done.stderr
    with Store.open(data_dir) as store:
        ids = {s.id for s in logged_sets(store)}
        assert app_set in ids and len(ids) == 2
    assert not [f for f in check_data_dir(data_dir) if f.level == "error"]


def test_a_second_app_is_refused_before_it_opens_anything(data_dir, capsys, monkeypatch):
    from headless_run import headless_run_app

    def opened(app):
        raise AssertionError("a second app opened a folder in use")

    headless_run_app(monkeypatch, opened)
    with Store.open(data_dir, purpose="app 1.0"):
        before = files(data_dir)
        assert main(["--data-dir", str(data_dir)]) == 1
        err = capsys.readouterr().err.strip()
        assert err.startswith("gymtui: another gymtui (pid") and "app 1.0" in err and len(err.splitlines()) == 1
        assert files(data_dir) == before


def test_gymtui_serve_beside_the_running_app_shows_who_holds_the_folder(data_dir, monkeypatch):
    serve = pytest.importorskip("gymtui.serve")
    from headless_run import headless_run_app

    shown: list[tuple[str, str]] = []

    def opened(app):
        raise AssertionError("a browser's app opened a folder in use")

    headless_run_app(monkeypatch, opened)
    monkeypatch.setattr(serve.NoticeApp, "run", lambda self: shown.append((self.notice_title, self.message)))
    with Store.open(data_dir, purpose="app 1.0") as store:
        before = files(data_dir)
        assert serve.run_child(data_dir) == 1
        assert files(data_dir) == before
        # The app still writes after the browser was turned away.
        session = store.save_session(store.in_progress_session() or _session())
        store.add_set(LoggedSet(session_id=session.id, exercise="deadlift", load=100, reps=5, logged_at=FROZEN_NOW))
    (title, message), = shown
    assert title == "The training data is in use" and "app 1.0" in message and "as it was" in message
    with Store.open(data_dir) as store:
        assert len(logged_sets(store)) == 1


def _session():
    from gymtui.domain.journal import Session

    return Session(date=FROZEN_NOW.date(), started_at=FROZEN_NOW)


def test_two_stores_in_one_process_cannot_both_write(data_dir):
    """The lock is per open of the folder, not per process: a second Store in the same
    process (a thread, a plugin) is refused too, so its cached weeks never overwrite the first's."""
    with (
        Store.open(data_dir, purpose="app 1.0"),
        pytest.raises(LockedError, match=r"another gymtui \(pid \d+ app 1.0\)"),
    ):
        Store.open(data_dir, purpose="gymtui log")


def test_deleting_the_lock_file_lets_no_second_writer_in(data_dir):
    """People and sync tools delete 'stale' lock files: the holder keeps the folder all the
    same, and what it saves next loses nothing another process could have written."""
    with Store.open(data_dir, purpose="app 1.0") as app_store:
        session = app_store.save_session(_session())
        (data_dir / "gymtui.lock").unlink()
        done = gymtui(data_dir, "log", "bent over row", "80x8@8", "--date", str(FROZEN_NOW.date()))
        assert done.returncode == 1, done.stdout
        assert done.stderr.startswith("gymtui: another gymtui (") and "close it first" in done.stderr
        with pytest.raises(LockedError):
            Store.open(data_dir, purpose="gymtui log")
        app_store.add_set(LoggedSet(session_id=session.id, exercise="bent-over-row", load=80, reps=8,
                                    logged_at=FROZEN_NOW))
    # Closed: the folder is free again, with exactly the holder's set in it.
    done = gymtui(data_dir, "log", "bent over row", "82x8@8", "--date", str(FROZEN_NOW.date()))
    assert done.returncode == 0, done.stderr
    with Store.open(data_dir) as store:
        assert sorted(s.load for s in logged_sets(store)) == [80, 82]
