"""How long the history screen takes to open, and to show one exercise chart, on 10 years of history.

    python bench/history_open.py [--years 10] [--runs 3]

Builds the history with synthetic.build_history (about 3,000 sessions, 50,000 sets), then
runs the app headless at 80x24 (app.run_test) and times, from the key press until the
screen holds what the lifter waits for (checked every 5 ms):
  - 'h': the history screen with its first page of sessions,
  - '2': the exercise tab with the chart of the most trained exercise (this reads every week),
first on a cold cache (no week summaries yet), then in a fresh app run that finds the cache
file. Also prints the service call behind the chart, cold and warm.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gymtui.services import history
from gymtui.services.library import Library
from gymtui.store import Store
from gymtui.store.catalog_files import load_catalog
from gymtui.ui.app import GymApp
from gymtui.ui.screens.history import HistoryScreen
from gymtui.ui.widgets.progress_chart import ProgressChart
from synthetic import build_history


async def settle(pilot, app) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def until(pilot, ready, limit: float = 60.0) -> float:
    """Seconds from now until `ready()` is true, checking every 5 ms while the app runs."""
    began = time.perf_counter()
    while not ready():
        if time.perf_counter() - began > limit:
            raise TimeoutError("the screen never showed its content")
        await pilot.pause(0.005)
    return time.perf_counter() - began


async def time_screen(data_dir: Path) -> tuple[float, float, int, str]:
    """Seconds to open history and to show the first exercise chart, rows listed, exercise charted."""
    store = Store.open(data_dir)
    try:
        app = GymApp(store, Library.from_store(load_catalog(), store))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, app)
            began = time.perf_counter()
            await pilot.press("h")
            await until(pilot, lambda: isinstance(app.screen, HistoryScreen) and app.screen.session_ids)
            opened = time.perf_counter() - began
            screen = app.screen
            rows = len(screen.session_ids)
            await settle(pilot, app)
            chart = screen.query_one("#history-chart", ProgressChart)
            began = time.perf_counter()
            await pilot.press("2")
            await until(pilot, lambda: chart.progress is not None)
            charted = time.perf_counter() - began
            assert chart.progress is not None and chart.progress.points, "no chart was drawn"
            name = f"{chart.progress.name} ({len(chart.progress.points)} points)"
            await pilot.press("q")
        return opened, charted, rows, name
    finally:
        store.close()


def time_service(data_dir: Path) -> float:
    store = Store.open(data_dir)
    try:
        began = time.perf_counter()
        weeks = history.load_weeks(store)
        trained = history.trained_exercises(weeks)
        history.exercise_progress(weeks, Library.from_store(load_catalog(), store), next(iter(trained)), "kg")
        return time.perf_counter() - began
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "history"
        began = time.perf_counter()
        counts = build_history(data_dir, years=args.years)
        print(f"history: {counts['sessions']} sessions, {counts['sets']} sets, {counts['days']} days of "
              f"checklist + recovery notes (built in {time.perf_counter() - began:.1f} s)")
        cache = data_dir / Store.WEEK_CACHE_FILE
        cold, warm = [], []
        service_cold, service_warm = [], []
        for _ in range(args.runs):
            cache.unlink(missing_ok=True)
            cold.append(asyncio.run(time_screen(data_dir)))
            warm.append(asyncio.run(time_screen(data_dir)))
            cache.unlink(missing_ok=True)
            service_cold.append(time_service(data_dir))
            service_warm.append(time_service(data_dir))
        size = cache.stat().st_size / 1e6
        shutil.rmtree(data_dir, ignore_errors=True)
    med = statistics.median
    print(f"first page: {cold[0][2]} sessions listed; chart: {cold[0][3]}")
    print(f"{'median of ' + str(args.runs) + ' runs, seconds':<34}{'open (h)':>10}{'chart (2)':>11}")
    print(f"{'cold: no week summaries cached':<34}{med(c[0] for c in cold):>10.3f}{med(c[1] for c in cold):>11.3f}")
    print(f"{'warm: new app run, cache on disk':<34}{med(w[0] for w in warm):>10.3f}{med(w[1] for w in warm):>11.3f}")
    print(f"service load_weeks + progress: cold {med(service_cold):.3f} s, warm {med(service_warm):.3f} s "
          f"(cache file {size:.1f} MB)")


if __name__ == "__main__":
    main()
