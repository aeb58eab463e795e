import gc
import inspect
import os
import sys

import pendulum
import pytest
from textual.widgets import Input, TextArea

import hypothesis_profiles  # noqa: F401  (loads the profile HYPOTHESIS_PROFILE names)
import quick_pilot
from app_factory import apps_closed_after
from gymtui.paths import DATA_DIR_ENV
from shared_css import share_parsed_css


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path, monkeypatch):
    """No test may reach the real user's data or config folders."""
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data-from-env"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    yield


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch):
    """A blinking cursor makes what a test sees, and a snapshot, depend on timing: every Input
    and TextArea made during a test starts with its cursor steady."""
    monkeypatch.setattr(Input.cursor_blink, "_default", False)
    monkeypatch.setattr(TextArea.cursor_blink, "_default", False)


@pytest.fixture
def fixed_now():
    return pendulum.datetime(2026, 11, 16, 18, 30, tz="Europe/Paris")


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "gymdata"
    path.mkdir()
    return path


@pytest.fixture
def new_app(data_dir):
    """Make a GymApp (`make_app`'s arguments; the folder defaults to `data_dir`); every store
    opened this way is closed after the test, whether it passed or not."""
    with apps_closed_after(data_dir) as new:
        yield new


@pytest.fixture
def gym_app(new_app):
    """A GymApp on `data_dir` at FROZEN_NOW with a fake clock; its store is closed afterwards."""
    return new_app()


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config):
    """`-n auto`: two workers a core. A Pilot test spends much of its time waiting for the app
    to go idle (Textual sleeps at least 20 ms after each key press before it looks), so a core
    running one worker is idle for part of it."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return 2 * cores


def pytest_collection_modifyitems(config, items):
    """The longest tests first: those marked slow, then the Pilot tests (coroutines), then
    the rest, each group in file order. pytest-xdist hands tests out in this order, so a run
    on several workers ends on quick tests that even out when the workers finish, not on one
    worker left running a kill storm alone."""

    def group(item) -> int:
        if item.get_closest_marker("slow"):
            return 0
        return 1 if inspect.iscoroutinefunction(getattr(item, "function", None)) else 2

    items.sort(key=group)


def pytest_configure(config):
    # pytest-xdist starts each worker on a quarter of its share of the tests, taken in order:
    # with the longest first, one worker would get all of them. Handed out two at a time,
    # a worker takes the next test when it is free (unless told otherwise on the command line).
    if getattr(config.option, "maxschedchunk", 0) is None:
        config.option.maxschedchunk = 1
    os.environ.setdefault("TZ", "UTC")
    share_parsed_css()
    quick_pilot.install()
    # A Pilot test makes and drops hundreds of thousands of small objects (widgets, styles,
    # strips); with the default thresholds the collector ran thousands of times per test file,
    # a fifth of its CPU time. Collecting less often finds the same garbage, later.
    gc.set_threshold(50_000, 20, 100)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        config.pluginmanager.register(_LeaveAtOnce(), "leave-at-once")


class _LeaveAtOnce:
    """A worker leaves the moment its part of the run is over. Its last result
    ("workerfinished", with its exit status) went to the controller in
    pytest_sessionfinish, written to the pipe before that hook returned. What a normal exit
    does after that only keeps the run waiting: pytest's clean-up collects the garbage of
    the hundreds of apps the worker ran, five times over, and execnet then waits up to 5 s
    for the worker's threads before it interrupts it (the run's last 5 s were spent so)."""

    @pytest.hookimpl(trylast=True)
    def pytest_unconfigure(self, config) -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
