"""A data folder that cannot be written (the classic failing SD card, remounted read-only by
the kernel): commands that only read work without the write lock, commands that write say
so in one line, and the app opens to read with a plain message; nothing on the card changes.

The read-only file system is simulated in-process: every call that would create, replace,
rename or remove a file or folder fails with EROFS, as the kernel answers on such a card.
"""

from __future__ import annotations

import builtins
import errno
import json
import os
from pathlib import Path

import pendulum

from gymtui.cli import main
from gymtui.domain.journal import LoggedSet, Session
from gymtui.store import ReadOnlyFolderError, Store

NOW = pendulum.datetime(2026, 11, 16, 18, 30, tz="Europe/Paris")
DAY = NOW.date()


def _refused(*_args, **_kwargs):
    raise OSError(errno.EROFS, "Read-only file system")


def read_only_card(monkeypatch) -> None:
    real_open, real_builtin_open = os.open, builtins.open

    def os_open(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    def builtin_open(file, mode="r", *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and any(c in mode for c in "wax+"):
            raise OSError(errno.EROFS, "Read-only file system", str(file))
        return real_builtin_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(builtins, "open", builtin_open)
    for name in ("mkdir", "replace", "rename", "unlink", "rmdir"):
        monkeypatch.setattr(os, name, _refused)


def fill(data_dir: Path) -> None:
    with Store.open(data_dir, now=lambda: NOW) as store:
        session = store.save_session(Session(date=DAY, started_at=NOW, name="Horizontal pull"))
        for reps in (8, 7):
            store.add_set(LoggedSet(session_id=session.id, exercise="bent-over-row", load=80, reps=reps, rpe=8,
                                    logged_at=NOW))


def every_file(data_dir: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data_dir)): p.read_bytes() for p in sorted(data_dir.rglob("*")) if p.is_file()}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_reading_commands_work_and_writing_ones_say_why_not(data_dir, capsys, monkeypatch):
    fill(data_dir)
    before = every_file(data_dir)
    d = ["--data-dir", str(data_dir)]
    with monkeypatch.context() as patch:
        read_only_card(patch)
        code, out, err = run(capsys, *d, "export", "--format", "json")
        assert code == 0, err
        assert [s["reps"] for s in json.loads(out)["sets"]] == [8, 7]
        assert err == (f"gymtui: note: {data_dir} cannot be written (Read-only file system): reading it as it is,"
                       " without the write lock\n")
        code, out, err = run(capsys, *d, "next")
        assert code == 0 and out.startswith("Next session:"), err
        code, out, err = run(capsys, *d, "doctor")
        assert code == 0 and "data: ok" in out
        for command in (["log", "bent over row", "80x8@8"], ["import", str(data_dir / "profile.json")]):
            code, out, err = run(capsys, *d, *command)
            assert code == 1 and out == "", command
            assert err == f"gymtui: {data_dir} cannot be written (Read-only file system): nothing was saved\n", err
    assert every_file(data_dir) == before


def test_a_store_opened_read_only_refuses_every_write_by_name(data_dir, monkeypatch):
    fill(data_dir)
    before = every_file(data_dir)
    with monkeypatch.context() as patch:
        read_only_card(patch)
        store = Store.open_read_only(data_dir, "Read-only file system")
        try:
            session = store.sessions_on(DAY)[0]
            try:
                store.add_set(
                    LoggedSet(session_id=session.id, exercise="bent-over-row", load=85, reps=5, logged_at=NOW)
                )
            except ReadOnlyFolderError as error:
                assert str(error).startswith(str(data_dir / "journal")) and "nothing was saved" in str(error)
            else:
                raise AssertionError("a set was stored on a read-only folder")
            # The refused write did not linger in memory: the week reads as on the card.
            assert [s.reps for s in store.session_sets(session.id)] == [8, 7]
            assert store.backup_if_due() is None
        finally:
            store.close()
    assert every_file(data_dir) == before


def test_the_app_opens_a_read_only_folder_to_read(data_dir, capsys, monkeypatch):
    from gymtui.ui.app import run_app
    from headless_run import headless_run_app

    fill(data_dir)
    opened = {}

    def inspect(app):
        opened["read_only"] = app.store.read_only
        opened["sets"] = [s.reps for s in app.store.session_sets(app.store.sessions_on(DAY)[0].id)]
        opened["said"] = [n.title for n in app._notifications if n.title == "Read-only data folder"]

    headless_run_app(monkeypatch, inspect)
    before = every_file(data_dir)
    with monkeypatch.context() as patch:
        read_only_card(patch)
        assert run_app(data_dir) == 0
    assert opened == {"read_only": "Read-only file system", "sets": [8, 7], "said": ["Read-only data folder"]}
    assert every_file(data_dir) == before


async def test_the_read_only_app_says_so_and_a_save_is_refused_plainly(data_dir, monkeypatch):
    from textual.widgets import DataTable

    from app_factory import open_warmup_with_load, settle
    from gymtui.domain.clock import FakeClock
    from gymtui.services.library import Library
    from gymtui.store.catalog_files import load_catalog
    from gymtui.ui.app import GymApp
    from gymtui.ui.screens.warmup import WarmupScreen

    fill(data_dir)
    before = every_file(data_dir)
    with monkeypatch.context() as patch:
        read_only_card(patch)
        store = Store.open_read_only(data_dir, "Read-only file system", now=lambda: NOW)
        app = GymApp(store, Library.from_store(load_catalog(), store), clock=FakeClock(), now=lambda: NOW)
        try:
            async with app.run_test(size=(80, 24)) as pilot:
                await settle(pilot, app)
                notes = [n for n in app._notifications if n.title == "Read-only data folder"]
                assert len(notes) == 1 and str(data_dir) in notes[0].message
                assert "nothing you log or change is saved" in notes[0].message
                assert app.sub_title.endswith("read-only")
                screen = await open_warmup_with_load(pilot, app)
                table = screen.query_one("#wu-table", DataTable)
                table.move_cursor(row=table.get_row_index("r:0"))
                await pilot.press("space")
                await settle(pilot, app)
                saves = [str(n.message) for n in app._notifications if n.title == "Could not save"]
                assert saves and all("cannot be written (Read-only file system)" in m for m in saves), saves
                assert app.is_running and isinstance(app.screen, WarmupScreen) and not screen.logged
        finally:
            store.close()
    assert every_file(data_dir) == before


def test_serve_on_a_read_only_folder_starts(data_dir, monkeypatch):
    """The server asks who holds the folder before it starts: on a read-only card nobody can,
    and the answer must not stop the server (each browser's app opens the folder to read)."""
    from gymtui import serve as serve_module

    fill(data_dir)
    started = {}

    class FakeServer:
        def serve(self):
            started["served"] = True

    monkeypatch.setattr(serve_module, "make_server", lambda *args: FakeServer())
    with monkeypatch.context() as patch:
        read_only_card(patch)
        assert serve_module.lock_holder(data_dir) is None
        assert main(["--data-dir", str(data_dir), "serve"]) == 0
    assert started == {"served": True}
