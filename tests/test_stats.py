"""History maths: week summaries, exercise trends, personal records and weekly rows."""

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gymtui.domain import exercise_progress, stats, week_rows
from gymtui.domain.daily import ChecklistEntry, RecoveryNote
from gymtui.domain.journal import LoggedSet, Session
from gymtui.domain.rpe import e1rm
from hypothesis_profiles import examples

MONDAY = datetime(2026, 11, 9, 18, 0, tzinfo=UTC)  # ISO week 2026-W46


def dump(model):
    return model.model_dump(mode="json")


def session(n: int, day_offset: int = 0, **changes) -> dict:
    when = MONDAY + timedelta(days=day_offset)
    values = dict(id=f"s{n}", date=when.date(), started_at=when, status="done", name=f"Day {n}")
    return dump(Session(**(values | changes)))


def logged(session_id: str, n: int, exercise="deadlift", **changes) -> dict:
    values = dict(id=f"{session_id}-{n}", session_id=session_id, exercise=exercise, load=100.0, reps=5,
                  logged_at=MONDAY + timedelta(minutes=n))
    return dump(LoggedSet(**(values | changes)))


def week(sessions=(), sets=(), checklist=(), recovery=()):
    return stats.summarise_week({"sessions": list(sessions), "sets": list(sets), "checklist": list(checklist),
                                 "recovery": list(recovery)})


def test_week_summary_counts_volume_without_warmups_and_in_kg():
    summary = week(
        [session(1)],
        [
            logged("s1", 0, set_type="warmup", load=60.0),
            logged("s1", 1, load=100.0, reps=5, rpe=8.0),
            logged("s1", 2, load=230.0, unit="lb", reps=3, rpe=9.0),
            logged("s1", 3, exercise="pull-up", load=None, reps=10),
            logged("s1", 4, set_type="drop", load=80.0, reps=8),
        ],
    )
    (row,) = summary["sessions"]
    assert row["sets"] == 5 and row["volume_sets"] == 4
    lb_kg = 230 * 0.45359237
    assert row["tonnage_kg"] == pytest.approx(500 + lb_kg * 3 + 640)
    assert row["exercises"] == ["deadlift", "pull-up"]
    (dead,) = summary["exercises"]["deadlift"]
    assert dead["heaviest_kg"] == pytest.approx(lb_kg) and dead["heaviest_reps"] == 3
    best = max(e1rm(100, 5, 8.0).value, e1rm(lb_kg, 3, 9.0).value)
    assert dead["best_e1rm_kg"] == pytest.approx(best) and dead["e1rm_method"] == "rts"
    # The drop set counts as volume but not towards an e1RM; the warm-up counts for nothing.
    assert dead["sets"] == 3 and dead["most_reps"] == 8
    (pull,) = summary["exercises"]["pull-up"]
    assert pull["best_e1rm_kg"] is None and pull["reps_at"] == {stats.BODYWEIGHT: 10}
    json.dumps(summary)  # plain JSON: the store caches it as is


def test_timed_sets_are_volume_without_reps_and_zero_load_is_bodyweight():
    summary = week([session(1)], [logged("s1", 0, exercise="plank", load=None, reps=None, seconds=60),
                                  logged("s1", 1, exercise="pull-up", load=0.0, reps=8)])
    (plank,) = summary["exercises"]["plank"]
    assert plank["sets"] == 1 and plank["most_reps"] == 0 and plank["reps_at"] == {}
    (pull,) = summary["exercises"]["pull-up"]
    assert pull["heaviest_kg"] is None and pull["reps_at"] == {"bw": 8}


def test_sessions_newest_first_and_days_with_recovery_and_ticks():
    stamp = MONDAY
    summary = week(
        [session(1), session(2, 2)], [],
        [dump(ChecklistEntry(date=MONDAY.date(), ticked=["wall-slides"], updated_at=stamp))],
        [dump(RecoveryNote(date=MONDAY.date() + timedelta(days=1), sleep_hours=7.5,
                           soreness={"upper_back": 1, "low_back": 2}, updated_at=stamp))],
    )
    assert [s["id"] for s in summary["sessions"]] == ["s2", "s1"]
    assert summary["days"] == [
        {"date": "2026-11-09", "ticked": ["wall-slides"], "sleep_hours": None, "soreness": None},
        {"date": "2026-11-10", "ticked": None, "sleep_hours": 7.5, "soreness": 1.5},
    ]


def two_weeks():
    first = week([session(1)], [logged("s1", 0, load=100.0, reps=5, rpe=8.0), logged("s1", 1, load=90.0, reps=9)])
    second_start = MONDAY + timedelta(days=7)
    later = dict(date=second_start.date(), started_at=second_start)
    second = week([session(2, **later)], [logged("s2", 0, load=100.0, reps=7, rpe=9.0),
                                          logged("s2", 1, load=105.0, reps=2, rpe=7.0)])
    return first, second


def test_records_name_the_first_session_to_reach_them():
    first, second = two_weeks()
    days = exercise_progress.exercise_days([second, first], "deadlift")
    assert [d["session"] for d in days] == ["s1", "s2"]
    records = exercise_progress.personal_records(days, "kg")
    assert records.heaviest.load == pytest.approx(105) and records.heaviest.day == date(2026, 11, 16)
    best = max((e1rm(100, 5, 8.0).value, "s1"), (e1rm(100, 7, 9.0).value, "s2"), (e1rm(105, 2, 7.0).value, "s2"))
    assert records.best_e1rm.value == pytest.approx(best[0])
    by_load = {r.load: (r.reps, r.day) for r in records.reps_at}
    assert by_load[100.0] == (7, date(2026, 11, 16)) and by_load[90.0] == (9, date(2026, 11, 9))
    assert [r.load for r in records.reps_at] == sorted((r.load for r in records.reps_at), reverse=True)
    in_lb = exercise_progress.personal_records(days, "lb")
    assert in_lb.heaviest.load == pytest.approx(105 / 0.45359237)


def test_exercises_trained_most_first():
    first, second = two_weeks()
    extra = week([session(3)], [logged("s3", 0, exercise="face-pull")])
    assert list(exercise_progress.exercises_trained([first, second, extra])) == ["deadlift", "face-pull"]


def test_week_row_patterns_adherence_and_recovery():
    stamp = MONDAY
    summary = week(
        [session(1)],
        [logged("s1", 0, exercise="chest-supported-row", load=50.0, reps=10),
         logged("s1", 1, exercise="chest-supported-row", load=50.0, reps=10),
         logged("s1", 2, exercise="deadlift", load=100.0, reps=5),
         logged("s1", 3, exercise="mystery-lift", load=10.0, reps=10)],
        [dump(ChecklistEntry(date=MONDAY.date(), ticked=["a", "b", "wall-slide"], updated_at=stamp)),
         dump(ChecklistEntry(date=MONDAY.date() + timedelta(days=1), ticked=["a"], updated_at=stamp))],
        [dump(RecoveryNote(date=MONDAY.date(), sleep_hours=6, soreness={"hips": 2}, updated_at=stamp)),
         dump(RecoveryNote(date=MONDAY.date() + timedelta(days=1), sleep_hours=8, updated_at=stamp))],
    )
    patterns = {"chest-supported-row": "horizontal_pull", "deadlift": "hinge"}
    row = week_rows.week_row("2026-W46", summary, patterns=patterns,
                             checklist_ids=frozenset({"a", "b"}), mobility_ids=frozenset({"wall-slide"}), unit="kg",
                             today=date(2026, 11, 12))  # a Thursday: four days so far
    assert row.monday == date(2026, 11, 9) and row.days_counted == 4
    assert list(row.patterns) == ["horizontal_pull", "hinge", "other"]
    assert row.patterns["horizontal_pull"] == week_rows.PatternVolume(2, 1000.0)
    assert row.sets == 4 and row.tonnage == pytest.approx(1600)
    assert row.checklist == pytest.approx(3 / 8) and row.mobility_days == 1
    assert row.sleep_hours == 7 and row.soreness == 2


def test_week_without_checklist_entries_shows_no_adherence_rather_than_zero():
    row = week_rows.week_row("2026-W46", week([session(1)], [logged("s1", 0)]), patterns={},
                             checklist_ids=frozenset({"a"}), mobility_ids=frozenset(), unit="kg",
                             today=date(2027, 1, 1))
    assert row.checklist is None and row.mobility_days is None and row.days_counted == 7
    assert row.sleep_hours is None


def test_trend_one_point_per_session_in_the_unit_asked():
    first, second = two_weeks()
    points = exercise_progress.trend(exercise_progress.exercise_days([first, second], "deadlift"), "lb")
    assert [p.day for p in points] == [date(2026, 11, 9), date(2026, 11, 16)]
    assert points[1].best_load == pytest.approx(105 / 0.45359237)
    with pytest.raises(ValueError):
        exercise_progress.trend([], "kg", 0)


def fake_day(i: int, e1rm_kg: float | None, heaviest: float | None, reps: int) -> stats.ExerciseDay:
    return stats.ExerciseDay(session=f"s{i}", date=(date(2016, 1, 1) + timedelta(days=2 * i)).isoformat(), sets=3,
                             tonnage_kg=0.0, best_e1rm_kg=e1rm_kg, e1rm_method="rts" if e1rm_kg else None,
                             best_set=None, heaviest_kg=heaviest, heaviest_reps=reps, most_reps=reps, reps_at={})


days_strategy = st.lists(
    st.tuples(st.one_of(st.none(), st.floats(10, 400)), st.one_of(st.none(), st.floats(5, 300)), st.integers(0, 30)),
    max_size=300,
).map(lambda items: [fake_day(i, *item) for i, item in enumerate(items)])


@settings(max_examples=examples(60), deadline=None)
@given(days_strategy, st.integers(1, 80))
def test_thinned_trend_keeps_order_bounds_and_the_records(days, max_points):
    points = exercise_progress.trend(days, "kg", max_points)
    assert len(points) == min(len(days), max_points)
    assert [p.day for p in points] == sorted(p.day for p in points)
    known = [d["best_e1rm_kg"] for d in days if d["best_e1rm_kg"] is not None]
    shown = [p.e1rm for p in points if p.e1rm is not None]
    assert (max(shown) if shown else None) == (max(known) if known else None)
    assert max((p.best_reps for p in points), default=0) == max((d["most_reps"] for d in days), default=0)
    if days:
        assert points[-1].day == date.fromisoformat(days[-1]["date"])


set_strategy = st.tuples(
    st.sampled_from(["deadlift", "pull-up", "face-pull"]),
    st.one_of(st.none(), st.integers(0, 400).map(lambda n: n * 0.5)),
    st.sampled_from(["kg", "lb"]),
    st.integers(0, 30),
    st.sampled_from([None, 6.0, 7.5, 8.0, 9.5, 10.0]),
    st.sampled_from(["warmup", "working", "drop", "failure"]),
)


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(set_strategy, max_size=25))
def test_summary_totals_agree_with_the_sets(raw):
    sets = []
    for n, (exercise, load, unit, reps, rpe, kind) in enumerate(raw):
        sets.append(logged("s1", n, exercise=exercise, load=load, unit=unit, reps=reps, rpe=rpe, set_type=kind))
    summary = week([session(1)], sets)
    volume = [s for s in sets if s["set_type"] != "warmup"]
    (row,) = summary["sessions"]
    assert row["sets"] == len(sets) and row["volume_sets"] == len(volume)
    assert sum(len(days) for days in summary["exercises"].values()) == len({s["exercise"] for s in sets})
    for exercise, (day,) in summary["exercises"].items():
        mine = [s for s in volume if s["exercise"] == exercise]
        loads = [s["load"] * (0.45359237 if s["unit"] == "lb" else 1) for s in mine if s["load"] and s["reps"]]
        assert day["heaviest_kg"] == (pytest.approx(max(loads)) if loads else None)
        assert day["most_reps"] == max((s["reps"] for s in mine), default=0)
        # An e1RM never comes from a warm-up or a drop set, and never exceeds the best estimate of a work set.
        work = [e1rm(s["load"] * (0.45359237 if s["unit"] == "lb" else 1), s["reps"], s["rpe"]).value for s in mine
                if s["set_type"] in ("working", "failure") and s["load"] and s["reps"]]
        assert day["best_e1rm_kg"] == (pytest.approx(max(work)) if work else None)
    json.dumps(summary)


def test_reps_at_load_shows_the_loads_used_most_heavier_first_on_ties():
    days = []
    for i, loads in enumerate([[100.0, 80.0], [100.0, 90.0], [100.0, 85.0], [60.0]]):
        sets = [logged(f"s{i}", n, load=load, reps=5 + i) for n, load in enumerate(loads)]
        days += week([session(i, i)], sets)["exercises"]["deadlift"]
    records = exercise_progress.personal_records(days, "kg", loads_shown=3)
    assert [(r.load, r.reps) for r in records.reps_at] == [(100.0, 7), (90.0, 6), (85.0, 7)]
    assert records.reps_at[0].day == date(2026, 11, 11)


def test_a_mobility_run_counts_as_a_mobility_day():
    from datetime import date

    from gymtui.domain import stats, week_rows

    tables = {"mobility": [{"date": "2026-11-16", "routine": "thoracic-extension", "name": "T-spine",
                            "items_done": 4, "items_total": 4, "completed_at": "2026-11-16T20:00:00+01:00"}]}
    summary = stats.summarise_week(tables)
    row = week_rows.week_row("2026-W47", summary, patterns={}, checklist_ids=frozenset({"a"}),
                             mobility_ids=frozenset({"thoracic-extension"}), unit="kg", today=date(2026, 11, 22))
    assert row.mobility_days == 1
