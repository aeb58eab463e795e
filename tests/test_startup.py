"""The app draws Today's skeleton before it opens the data folder, then opens it on a worker:
what the first frame imports, keys pressed while the folder opens, and every start-up
behaviour kept on that path (start section, time-zone note, broken library)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.widgets import DataTable, Static

from app_factory import FROZEN_NOW, settle
from gymtui.domain.clock import FakeClock
from hypothesis_profiles import examples

ROOT = Path(__file__).resolve().parent.parent

# What the first frame must not wait for: the models, the store and the libraries they use.
HEAVY = ["pydantic", "pendulum", "tinydb", "gymtui.store.store", "gymtui.domain.journal", "gymtui.services.planning"]


def test_the_start_path_imports_nothing_heavy_before_the_first_frame(data_dir):
    """`gymtui` parses its arguments and builds the app with Textual and light modules only;
    what the data needs is imported by the worker that opens the folder."""
    script = (
        "import json, sys\n"
        "from gymtui.cli import build_parser\n"
        "build_parser().parse_args(['--data-dir', sys.argv[1]])\n"
        "from gymtui.ui.app import GymApp\n"
        "from gymtui.ui.screens.today import TodayScreen\n"
        "GymApp(data_dir=sys.argv[1]); TodayScreen()\n"
        f"print(json.dumps([name for name in {HEAVY!r} if name in sys.modules]))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("TZ", None)
    done = subprocess.run([sys.executable, "-c", script, str(data_dir)], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def app_on(folder: Path, **options):
    from gymtui.ui.app import GymApp

    return GymApp(data_dir=folder, clock=FakeClock(), **{"now": lambda: FROZEN_NOW, **options})


@asynccontextmanager
async def first_frame(folder: Path, release: threading.Event | None = None, **options):
    """`(app, pilot)` for gymtui on `folder` in an 80x24 test terminal, its first frame drawn.
    On leaving, even after a failure, a held folder opening is let go (`release`) and the
    folder closed."""
    app = app_on(folder, **options)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            yield app, pilot
    finally:
        if release is not None:
            release.set()
        app.close_data()


@pytest.fixture
def held_open(monkeypatch):
    """The folder's opening held until the test releases it (`.set()`)."""
    from gymtui.services import startup

    release = threading.Event()
    real_open = startup.open_app_data

    def slow_open(*args, **kwargs):
        release.wait(30)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(startup, "open_app_data", slow_open)
    yield release
    release.set()


async def test_today_shows_its_skeleton_then_the_plan_once_the_folder_is_open(data_dir, held_open):
    from gymtui.ui.screens.today import TodayScreen

    async with first_frame(data_dir, held_open) as (app, pilot):
        assert isinstance(app.screen, TodayScreen) and not app.data_ready
        assert "Loading today's plan" in str(app.screen.query_one("#plan-title", Static).render())
        assert app.sub_title == "Monday 16 November"
        assert app.screen.query_one("#plan-table", DataTable).row_count == 0
        held_open.set()
        await settle(pilot, app)
        assert app.data_ready and app.store.data_dir == data_dir
        assert app.screen.query_one("#plan-table", DataTable).row_count > 0
        assert app.sub_title == "Monday 16 November"


async def test_the_stylesheets_are_parsed_once_before_todays_first_frame(data_dir, held_open, monkeypatch):
    """The saved theme is set before anything is parsed, and Today's styles are the app's:
    nothing makes Textual parse every stylesheet again before the first frame (each full
    re-parse was a fifth of the CSS work there). The theme still shows: its class is on the
    app, and Today's text has the theme's colours."""
    from textual.color import Color
    from textual.css.stylesheet import Stylesheet

    from gymtui.store import Store
    from gymtui.ui.themes import DEFAULT_THEME

    with Store.open(data_dir) as store:
        store.save_settings(store.settings().model_copy(update={"theme": "textual-light"}))
    reparses = []
    real_reparse = Stylesheet.reparse

    def counted(self):
        reparses.append(self)
        real_reparse(self)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    async with first_frame(data_dir, held_open) as (app, _pilot):
        assert "Loading today's plan" in str(app.screen.query_one("#plan-title", Static).render())
        assert reparses == []
        assert app.theme == "textual-light" != DEFAULT_THEME
        assert app.has_class("-theme-textual-light", "-light-mode") and not app.has_class("-dark-mode")
        title = app.screen.query_one("#plan-title", Static)
        assert title.visual_style.foreground == Color.parse(app.theme_variables["foreground"])


async def test_without_touch_mode_the_touch_bars_have_no_buttons(data_dir, held_open):
    """The touch bars are never shown without touch mode, so their buttons are not made (and
    Button's stylesheet, the largest of Textual's, is not parsed at start)."""
    from textual.widgets import Button

    from gymtui.ui.widgets.touch import TouchBar

    async with first_frame(data_dir, held_open) as (app, _pilot):
        assert not app.screen.query_one(TouchBar).children
        assert not app.query(Button)
        assert not any("Button" in str(where) for where in app.stylesheet.source)


async def test_a_section_key_pressed_while_the_folder_opens_is_refused_with_a_word(data_dir, held_open):
    from gymtui.ui.screens.today import TodayScreen
    from gymtui.ui.screens.workout import WorkoutScreen

    async with first_frame(data_dir, held_open) as (app, pilot):
        for key in ("w", "h", "s", "c", "f"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, TodayScreen), key
            assert any("Still opening your data" in n.message for n in app._notifications), key
        assert app.is_running
        held_open.set()
        await settle(pilot, app)
        await pilot.press("w")
        await settle(pilot, app)
        assert isinstance(app.screen, WorkoutScreen)


async def test_the_start_section_opens_once_the_folder_is_open(data_dir):
    from gymtui.ui.screens.checklist import ChecklistScreen

    async with first_frame(data_dir, start_section="c") as (app, pilot):
        await settle(pilot, app)
        assert isinstance(app.screen, ChecklistScreen)


async def test_the_time_zone_note_is_said_on_the_screen(data_dir, monkeypatch):
    monkeypatch.setenv("TZ", "Mars/Olympus")
    try:
        async with first_frame(data_dir) as (app, pilot):
            await settle(pilot, app)
            notes = [n.message for n in app._notifications if n.title == "Time zone"]
            assert len(notes) == 1 and "Mars/Olympus" in notes[0]
    finally:
        pendulum.set_local_timezone()


def test_a_broken_training_library_stops_the_app_with_its_message(data_dir, capsys, monkeypatch):
    from gymtui.domain.catalog import CatalogError
    from gymtui.services import startup
    from gymtui.ui.app import run_app
    from headless_run import headless_run_app

    def broken():
        raise CatalogError("data/exercises.json", "line 3, column 1: not valid JSON")

    monkeypatch.setattr(startup, "load_catalog", broken)
    headless_run_app(monkeypatch, lambda app: pytest.fail("the app opened with a broken library"))
    assert run_app(data_dir) == 1
    err = capsys.readouterr().err
    assert err == "gymtui: the training library is broken: data/exercises.json: line 3, column 1: not valid JSON\n"
    assert not (data_dir / "profile.json").exists()  # nothing was opened for writing


def test_the_app_opens_its_folder_and_closes_it_on_quitting(data_dir, monkeypatch):
    from gymtui.store import LockedError, Store
    from gymtui.ui.app import run_app
    from headless_run import headless_run_app

    seen = {}

    def inspect(app):
        with pytest.raises(LockedError):
            Store.open(data_dir)
        seen["held"] = True
        seen["program_start"] = app.store.settings().program_start is not None  # first-run set-up ran

    headless_run_app(monkeypatch, inspect)
    assert run_app(data_dir) == 0
    assert seen == {"held": True, "program_start": True}
    Store.open(data_dir).close()  # the lock was let go


def test_the_command_line_start_leaves_the_collector_as_it_found_it(data_dir, monkeypatch):
    # `gymtui` pauses the cycle collector while the app starts and freezes what start-up made;
    # once the app has ended, a process that goes on (a test, gymtui serve) has it back on,
    # with nothing frozen (a freeze left behind made later freezes someone else's).
    import gc

    from gymtui.cli import main
    from headless_run import headless_run_app

    assert gc.isenabled() and gc.get_freeze_count() == 0
    headless_run_app(monkeypatch)
    assert main(["--data-dir", str(data_dir)]) == 0
    assert gc.isenabled() and gc.get_freeze_count() == 0


# -- what the first frame reads without pydantic and pendulum ---------------------------------

COLOURS = st.sampled_from(["#FF0000", "#00ff0080", "red", "#FFF", "#FF0000\n", "", None, 3])
THEME_FILES = st.fixed_dictionaries(
    {"name": st.sampled_from(["mine", "a-b", "Mine", "x" * 45, "mine\n", "", 7])},
    optional={
        "primary": COLOURS, "secondary": COLOURS, "background": COLOURS, "panel": COLOURS,
        "description": st.sampled_from(["calm", "", None]), "dark": st.sampled_from([True, False, "true", 1, None]),
        "variables": st.sampled_from([{}, {"tempo-hold": "#123456"}, {"rest": "pink"}, {"rest": "red; }"},
                                      {"Bad": "#FFFFFF"}, {"tempo-hold": 3}, None, []]),
        "sparkle": st.just(True),
    },
)


@given(THEME_FILES)
@settings(max_examples=examples(200), deadline=None)
def test_a_theme_read_without_pydantic_is_the_one_pydantic_reads(data):
    """The first frame reads theme files without pydantic: it takes only files pydantic takes
    as they are, and builds the same theme; anything else goes to pydantic, which names the fault."""
    from gymtui.ui.theme_file import validated_theme
    from gymtui.ui.themes import plain_theme

    quick = plain_theme(data)
    if quick is not None:
        assert validated_theme(data) == (quick, "")


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_the_skeleton_date_reads_as_pendulum_writes_it(day):
    from gymtui.ui.format import day_title

    assert day_title(day) == pendulum.date(day.year, day.month, day.day).format("dddd D MMMM")


def test_the_theme_is_read_from_the_profile_before_the_store_opens(data_dir):
    from gymtui.store import Store
    from gymtui.store.peek import saved_theme

    assert saved_theme(data_dir) is None  # no profile yet
    with Store.open(data_dir) as store:
        store.save_settings(store.settings().model_copy(update={"theme": "night"}))
    assert saved_theme(data_dir) == "night"
    (data_dir / "profile.json").write_text("{not json")
    assert saved_theme(data_dir) is None


# -- the plan cache: Today's plan drawn in the first frame, then confirmed -------------------

def plan_rows(app) -> list[list[str]]:
    table = app.screen.query_one("#plan-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def planned_once(folder: Path, held: threading.Event | None = None) -> list[list[str]]:
    """Start the app on `folder` until it has planned (and cached the plan); its rows. A
    `held` opening is let go for this start, and held again for the next."""
    if held is not None:
        held.set()
    async with first_frame(folder) as (app, pilot):
        await settle(pilot, app)
        assert app.screen.plan is not None
        rows = plan_rows(app)
    if held is not None:
        held.clear()
    return rows


async def test_the_plan_cached_at_the_last_start_is_in_the_first_frame_then_confirmed(data_dir, held_open):
    rows = await planned_once(data_dir, held_open)
    async with first_frame(data_dir, held_open) as (app, pilot):
        assert not app.data_ready
        assert plan_rows(app) == rows and rows
        assert "Loading" not in str(app.screen.query_one("#plan-title", Static).render())
        assert app.sub_title == "Monday 16 November · checking for changes"
        assert app.screen.plan is None  # drawn, not yet planned
        held_open.set()
        await settle(pilot, app)
        assert app.screen.plan is not None and plan_rows(app) == rows
        assert app.sub_title == "Monday 16 November"


def log_a_set(folder: Path) -> None:
    from app_factory import seed_session
    from gymtui.store import Store

    with Store.open(folder) as store:
        seed_session(store, [("face-pull", 30, 15, 7)], when=FROZEN_NOW.subtract(days=3), status="done")


def change_the_unit(folder: Path) -> None:
    from gymtui.store import Store

    with Store.open(folder) as store:
        store.save_settings(store.settings().model_copy(update={"unit": "lb"}))


def damage_the_cache(folder: Path) -> None:
    cache = folder / "cache" / "today-plan.json"
    cache.write_bytes(cache.read_bytes()[:-40])


@pytest.mark.parametrize("change", [log_a_set, change_the_unit, damage_the_cache])
async def test_a_stale_or_damaged_plan_cache_is_never_drawn(data_dir, held_open, change):
    await planned_once(data_dir, held_open)
    change(data_dir)
    async with first_frame(data_dir, held_open) as (app, pilot):
        assert plan_rows(app) == []
        assert "Loading today's plan" in str(app.screen.query_one("#plan-title", Static).render())
        assert "checking" not in app.sub_title
        held_open.set()
        await settle(pilot, app)
        assert plan_rows(app)


async def test_the_next_days_plans_are_kept_and_drawn_on_their_day(data_dir, held_open):
    """Planning today keeps the next days' plans from the same files: the first start of a
    later day (the one at the gym) draws its plan at once, and the worker's plan for that
    day is the same."""
    from gymtui.ui.screens.today import PLANNED_AHEAD

    await planned_once(data_dir, held_open)
    for ahead in (1, PLANNED_AHEAD):
        async with first_frame(data_dir, held_open, now=lambda ahead=ahead: FROZEN_NOW.add(days=ahead)) as (app, pilot):
            drawn = plan_rows(app)
            assert drawn and "checking for changes" in app.sub_title, ahead
            held_open.set()
            await settle(pilot, app)
            assert plan_rows(app) == drawn and "checking" not in app.sub_title
            title = str(app.screen.query_one("#plan-title", Static).render())
        held_open.clear()
    assert "week" in title


async def test_a_day_further_on_than_the_days_kept_is_planned_before_it_is_drawn(data_dir, held_open):
    from gymtui.ui.screens.today import PLANNED_AHEAD

    await planned_once(data_dir, held_open)
    async with first_frame(data_dir, held_open, now=lambda: FROZEN_NOW.add(days=PLANNED_AHEAD + 1)) as (app, _pilot):
        assert plan_rows(app) == []
        assert "Loading today's plan" in str(app.screen.query_one("#plan-title", Static).render())


async def test_a_cached_plan_unlike_the_real_one_is_replaced(data_dir, held_open):
    """Whatever the cache holds under a matching key, the worker's plan is what stays."""
    from gymtui.store.plan_cache import cache_path

    rows = await planned_once(data_dir, held_open)
    saved = json.loads(cache_path(data_dir).read_bytes())
    today = saved["days"][FROZEN_NOW.date().isoformat()]
    today["rows"][0]["name"] = "Not This One"
    today["title"] = "Old title"
    cache_path(data_dir).write_text(json.dumps(saved))
    async with first_frame(data_dir, held_open) as (app, pilot):
        assert plan_rows(app)[0][0] == "Not This One"
        held_open.set()
        await settle(pilot, app)
        assert plan_rows(app) == rows
        assert "Old title" not in str(app.screen.query_one("#plan-title", Static).render())
    # The cache holds the real plan again for the next start.
    saved = json.loads(cache_path(data_dir).read_bytes())
    assert saved["days"][FROZEN_NOW.date().isoformat()]["rows"][0]["name"] == rows[0][0]


async def test_a_cached_plan_is_cleared_when_the_real_plan_cannot_be_made(data_dir, held_open, monkeypatch):
    from gymtui.ui.app import GymApp

    await planned_once(data_dir, held_open)
    monkeypatch.setattr(GymApp, "make_plan", lambda self, settings=None: None)
    async with first_frame(data_dir, held_open) as (app, pilot):
        assert plan_rows(app)
        held_open.set()
        await settle(pilot, app)
        assert plan_rows(app) == []
        assert "No plan" in str(app.screen.query_one("#plan-title", Static).render())
        assert "checking" not in app.sub_title


async def test_the_plan_cache_is_written_off_the_ui_thread(data_dir, monkeypatch):
    from gymtui.ui.screens import today

    threads = []
    real_save = today.save_plans

    def save(*args, **kwargs):
        threads.append(threading.current_thread())
        return real_save(*args, **kwargs)

    monkeypatch.setattr(today, "save_plans", save)
    await planned_once(data_dir)
    assert threads and threading.main_thread() not in threads
    assert (data_dir / "cache" / "today-plan.json").exists()


async def test_todays_plan_is_kept_before_the_next_days_are_planned(data_dir, monkeypatch):
    """The app may be closed (or planning a later day fail) before the next days are
    planned: today's plan is in the cache already."""
    from gymtui.services import today
    from gymtui.store import CorruptFileError
    from gymtui.store.plan_cache import cached_plans, plan_key

    def later_day_fails(gym, day):
        raise CorruptFileError(data_dir / "journal" / "2026-W48.json", "is not JSON")

    monkeypatch.setattr(today, "plan_for", later_day_fails)
    await planned_once(data_dir)
    assert list(cached_plans(data_dir, plan_key(data_dir))) == [FROZEN_NOW.date().isoformat()]


async def test_an_app_given_an_open_store_keeps_no_plan(new_app):
    """gymtui serve (and the tests) open the store before the app starts, so Today is planned
    before its first frame: there is nothing to draw early, and nothing is kept."""
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert app.screen.query_one("#plan-table", DataTable).row_count > 0
    assert not (app.store.data_dir / "cache" / "today-plan.json").exists()
