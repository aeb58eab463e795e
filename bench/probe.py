"""One measurement in a fresh process: bench/run.py starts this once per run and reads its last line.

    python bench/probe.py startup DATA_DIR [keep]  gymtui as `gymtui` starts it, headless at 80x24
                                             (keep: leave once the plan cache is kept)
    python bench/probe.py bare               bench/bare_app.py, measured the same way
    python bench/probe.py logset DATA_DIR N  N durable Store.add_set calls
    python bench/probe.py import CSV DIR     a Strong CSV: parse alone, then into an empty store
    python bench/probe.py history DATA_DIR   open the history screen, then its first chart
    python bench/probe.py build DATA_DIR     write 10 years of synthetic history (bench/synthetic.py)

Every probe prints JSON lines on file descriptor 1 (Textual captures `print` while an app
runs). For `startup` and `bare` the first line ("frame") is written the moment the first
frame of Today is painted, so the parent can time the whole process from spawn to that
moment: interpreter start, imports, opening the store, and Textual's first paint (the
headless driver: the compositor renders the frame, nothing is written to a terminal). The
"drawn" line follows when the plan is on screen: the Today table has its rows and the
refresh after them has run; both lines carry the time since this process began, so the
parent adds the gap between them to the spawn-to-frame time, and the CPU time of the whole
process (every thread, interpreter start included) at that moment. The bare app paints its rows
in its first frame, so both of its lines come together. Peak RSS
(VmHWM, see peak_rss_mib) is read when the app has exited, so it includes the first draw and any start-up
worker (the daily backup) that ran.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()  # before any import: in-process time excludes only interpreter start

import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def emit(**fields: object) -> None:
    os.write(1, (json.dumps(fields) + "\n").encode())


def peak_rss_mib() -> float:
    """This process's peak resident memory.

    On Linux, ru_maxrss survives exec: a child forked from a parent holding 80 MiB reports
    at least 80 MiB whatever it uses itself. VmHWM in /proc is the peak of this program's
    own address space, so it is read first; ru_maxrss is the fallback elsewhere.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # macOS: bytes


def first_frame(rows: int = 0) -> None:
    """`rows`: the plan rows drawn in it (the bare app's, or gymtui's cached plan)."""
    emit(event="frame", in_process_s=time.perf_counter() - T0, cpu_s=time.process_time(), rows=rows)


def drawn(app, rows: int, keep: bool = False) -> None:
    """`keep`: leave only when Today's planning worker has ended, as a lifter's app stays open
    long enough to: it keeps the plan cache after drawing, and a warm-up run that quit at
    once would leave the next runs no cache to find."""
    emit(event="drawn", in_process_s=time.perf_counter() - T0, rows=rows, cpu_s=time.process_time())
    if not keep:
        app.exit()
        return

    def exit_once_kept() -> None:
        if not any(worker.group == "today-plan" and not worker.is_finished for worker in app.workers):
            app.exit()

    app.set_interval(0.05, exit_once_kept)


def frame_with_rows(app, rows: int) -> None:
    """The bare app paints its rows in its first frame: both moments at once."""
    first_frame(rows)
    drawn(app, rows)


def startup(data_dir: Path, keep: bool = False) -> None:
    """`gymtui --data-dir DATA_DIR` as a lifter starts it (cli.main -> run_app), with the app's
    driver made headless at 80x24 and a hook on the first draw of Today's plan."""
    from textual.app import App

    from gymtui.cli import main as gymtui_main
    from gymtui.ui import app as app_module
    from gymtui.ui.screens import today

    def headless_run(self, *args, **kwargs):
        return App.run(self, headless=True, size=(80, 24))

    show_plan = today.TodayScreen.show_plan
    on_mount = today.TodayScreen.on_mount

    def on_mount_then_report(self) -> None:  # no event argument: Textual reads the signature
        on_mount(self)
        # Today's frame painted, with the plan cached at the last start or its skeleton.
        self.call_after_refresh(first_frame, self.query_one("#plan-table").row_count)

    def show_plan_then_report(self, *args, **kwargs) -> None:
        show_plan(self, *args, **kwargs)
        table = self.query_one("#plan-table")
        self.call_after_refresh(drawn, self.app, table.row_count, keep)

    app_module.GymApp.run = headless_run
    today.TodayScreen.show_plan = show_plan_then_report
    today.TodayScreen.on_mount = on_mount_then_report
    code = gymtui_main(["--data-dir", str(data_dir)])
    emit(event="exit", rss_mib=peak_rss_mib(), code=code)


def bare() -> None:
    from bare_app import BareApp

    class Probe(BareApp):
        def fill_table(self, table) -> None:
            super().fill_table(table)
            self.call_after_refresh(frame_with_rows, self, table.row_count)

    Probe().run(headless=True, size=(80, 24))
    emit(event="exit", rss_mib=peak_rss_mib())


def logset(data_dir: Path, count: int) -> None:
    import pendulum

    from gymtui.domain.journal import LoggedSet, Session
    from gymtui.store import Store

    with Store.open(data_dir, purpose="bench") as store:
        now = pendulum.now()
        session = store.save_session(Session(date=now.date(), started_at=now, name="Bench"))
        store.session_sets(session.id)  # this week's file parsed, as the app has it at start
        times = []
        for _ in range(count):
            logged = LoggedSet(session_id=session.id, exercise="bent-over-row", load=80, reps=8, rpe=8.5,
                               logged_at=pendulum.now())
            began = time.perf_counter()
            store.add_set(logged)
            times.append(time.perf_counter() - began)
        session = store.save_session(session.model_copy(update={"status": "done", "finished_at": pendulum.now()}))
    emit(event="logset", median_ms=statistics.median(times) * 1000, max_ms=max(times) * 1000)


def import_csv(csv_path: Path, data_dir: Path) -> None:
    from gymtui.importers import import_file
    from gymtui.services.transfer import import_path
    from gymtui.store import Store

    began = time.perf_counter()
    result = import_file(csv_path, unit="kg", exercises=[], tz="Europe/London")
    parsed = time.perf_counter() - began
    assert result.ok, result.error
    began = time.perf_counter()
    with Store.open(data_dir, purpose="bench") as store:
        outcome = import_path(store, csv_path, fmt="strong", unit="kg", tz="Europe/London")
    stored = time.perf_counter() - began
    assert outcome.ok and outcome.sets_added, outcome.summary()
    emit(event="import", parse_s=parsed, store_s=stored, sets=outcome.sets_added, sessions=outcome.sessions_added)


def history(data_dir: Path) -> None:
    import asyncio

    from history_open import time_screen

    opened, charted, rows, name = asyncio.run(time_screen(data_dir))
    emit(event="history", open_s=opened, chart_s=charted, rows=rows, chart=name)


def main(argv: list[str]) -> None:
    kind, *rest = argv
    if kind == "startup":
        startup(Path(rest[0]), keep=rest[1:] == ["keep"])
    elif kind == "bare":
        bare()
    elif kind == "logset":
        logset(Path(rest[0]), int(rest[1]))
    elif kind == "import":
        import_csv(Path(rest[0]), Path(rest[1]))
    elif kind == "history":
        history(Path(rest[0]))
    elif kind == "build":
        from synthetic import build_history

        emit(event="build", **build_history(Path(rest[0])))
    else:
        raise SystemExit(f"unknown probe {kind!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
