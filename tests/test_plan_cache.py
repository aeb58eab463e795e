"""The plan cache (store/plan_cache.py) and what it keeps (ui/screens/today_view.py): a
cached plan is found only under the key it was saved with, and the key changes with every
data file planning reads, with the day and with the version; a damaged file is never taken
for a plan."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from app_factory import FROZEN_NOW, seed_session
from gymtui.store import Store
from gymtui.store.plan_cache import cache_path, cached_plan, cached_plans, plan_key, save_plans
from gymtui.ui.screens.today_view import PlanRow, TodayView

DAY = FROZEN_NOW.date()
ROW = PlanRow(exercise_id="face-pull", name="Face Pull", reps="3 x 15", load="20 kg", tempo="2-0-1-2", rpe="@8",
              rest="1:30", done=None, why="[b]Why:[/b] as prescribed\n[b]Cue:[/b] pull apart")
VIEW = TodayView(title="[b]Horizontal pull[/b]  week 1/4", readiness="readiness 80 good", rows=(ROW,),
                 block_why="week 1 of the block", last_session="Last session: Push, 2 days ago", cursor=0,
                 under_way=False)


@pytest.fixture
def folder(data_dir):
    """A folder with a profile, a week of history and a program file."""
    with Store.open(data_dir) as store:
        seed_session(store, [("face-pull", 20, 15, 8)], status="done")
    (data_dir / "programs").mkdir(exist_ok=True)
    (data_dir / "programs" / "mine.json").write_text("{}")
    return data_dir


def save_plan(folder, key, plan) -> bool:
    return save_plans(folder, key, {DAY.isoformat(): plan})


def test_a_plan_saved_under_a_key_is_found_under_that_key_and_for_its_day_only(folder):
    key = plan_key(folder)
    assert cached_plan(folder, key, DAY) is None  # nothing saved yet
    tomorrow = TodayView(**{**VIEW.__dict__, "title": "tomorrow"})
    assert save_plans(folder, key, {DAY.isoformat(): VIEW.to_json(), "2026-11-17": tomorrow.to_json()})
    assert TodayView.from_json(cached_plan(folder, plan_key(folder), DAY)) == VIEW
    assert TodayView.from_json(cached_plan(folder, plan_key(folder), date(2026, 11, 17))) == tomorrow
    assert cached_plan(folder, plan_key(folder), date(2026, 11, 18)) is None  # a day not planned
    assert cached_plans(folder, {**key, "version": "0.0.1"}) == {}  # another gymtui


def test_saving_the_same_plan_again_writes_nothing_and_leaves_no_temp_file(folder):
    key = plan_key(folder)
    assert save_plan(folder, key, VIEW.to_json())
    assert not save_plan(folder, key, VIEW.to_json())
    assert [p.name for p in cache_path(folder).parent.iterdir() if p.is_file()] == ["today-plan.json"]


def test_the_cache_file_is_replaced_in_one_move(folder, monkeypatch):
    """Written to a temp file and moved over the old one: a crash mid-write leaves the old
    cache or none, never half a file."""
    key = plan_key(folder)
    save_plan(folder, key, VIEW.to_json())
    moves = []
    real_replace = os.replace

    def replace(source, target):
        moves.append((Path(source).name, Path(target).name, json.loads(Path(source).read_bytes())["days"]))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    other = TodayView(**{**VIEW.__dict__, "readiness": "readiness 50 low"})
    assert save_plan(folder, key, other.to_json())
    assert len(moves) == 1 and moves[0][1] == "today-plan.json" and moves[0][0] != "today-plan.json"
    assert moves[0][2] == {DAY.isoformat(): other.to_json()}


def changed_week(folder):
    with Store.open(folder) as store:
        seed_session(store, [("face-pull", 22.5, 12, 8)], status="done")


def changed_settings(folder):
    with Store.open(folder) as store:
        store.save_settings(store.settings().model_copy(update={"unit": "lb"}))


def rewritten_week_same_size(folder):
    """The same bytes written again (a restore, a copy): the file is not the one the plan read."""
    week = next((folder / "journal").iterdir())
    data = week.read_bytes()
    week.unlink()
    week.write_bytes(data)


def changed_program(folder):
    (folder / "programs" / "mine.json").write_text('{"name": "mine"}')


def added_program(folder):
    (folder / "programs" / "other.json").write_text("{}")


def removed_week(folder):
    next((folder / "journal").iterdir()).unlink()


def added_week(folder):
    (folder / "journal" / "2019-W01.json").write_text("{}")


@pytest.mark.parametrize("change", [changed_week, changed_settings, rewritten_week_same_size, changed_program,
                                    added_program, removed_week, added_week])
def test_any_change_to_a_file_planning_reads_makes_the_cached_plan_stale(folder, change):
    key = plan_key(folder)
    save_plan(folder, key, VIEW.to_json())
    change(folder)
    assert cached_plan(folder, plan_key(folder), DAY) is None


def test_files_planning_never_reads_leave_the_cached_plan_as_it_is(folder):
    key = plan_key(folder)
    save_plan(folder, key, VIEW.to_json())
    (folder / "backups").mkdir(exist_ok=True)
    (folder / "backups" / "2026-11-16.zip").write_bytes(b"zip")
    (folder / "programs" / ".draft.json").write_text("{}")
    (folder / "journal" / "notes.txt").write_text("mine")
    assert TodayView.from_json(cached_plan(folder, plan_key(folder), DAY)) == VIEW


@pytest.mark.parametrize("damage", [
    b"", b"{", b"\xff\xfe", b"[]", b"null", b'{"key": null}', b'{"days": {}}', b'{"days": []}', b'"text"',
    b"[" * 100_000,
])
def test_a_damaged_cache_file_is_no_plan(folder, damage):
    key = plan_key(folder)
    save_plan(folder, key, VIEW.to_json())
    cache_path(folder).write_bytes(damage)
    assert cached_plan(folder, key, DAY) is None


def test_a_cut_cache_file_is_no_plan(folder):
    key = plan_key(folder)
    save_plan(folder, key, VIEW.to_json())
    whole = cache_path(folder).read_bytes()
    for end in range(0, len(whole) - 1, max(1, len(whole) // 50)):
        cache_path(folder).write_bytes(whole[:end])
        assert cached_plan(folder, key, DAY) is None, end


def test_a_view_round_trips_through_json():
    assert TodayView.from_json(json.loads(json.dumps(VIEW.to_json()))) == VIEW
    under_way = TodayView(**{**VIEW.__dict__, "rows": (PlanRow(**{**ROW.__dict__, "done": "1/3"}),) * 2,
                             "cursor": 1, "under_way": True})
    assert TodayView.from_json(json.loads(json.dumps(under_way.to_json()))) == under_way


def _with(**changes):
    data = VIEW.to_json()
    data.update(changes)
    return data


def _row_with(**changes):
    return _with(rows=[{**ROW.__dict__, **changes}])


@pytest.mark.parametrize("data", [
    None, [], "view", {}, _with(title=3), _with(readiness=None), _with(rows={}), _with(rows=[[]]),
    _with(rows=None), _with(cursor="0"), _with(cursor=True), _with(cursor=1), _with(cursor=-1),
    _with(under_way="yes"), _with(extra="field"), _row_with(name=None), _row_with(done=3), _row_with(why=["a"]),
    _row_with(load=80), _row_with(extra="x"), {k: v for k, v in VIEW.to_json().items() if k != "last_session"},
])
def test_a_view_of_the_wrong_shape_is_no_view(data):
    assert TodayView.from_json(data) is None
