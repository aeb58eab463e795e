"""History maths: what one week of the journal adds up to. The trends and personal records
built from these week summaries are exercise_progress.py's, the weekly balance week_rows.py's.

A week summary is made from the raw records of one week file (the JSON dicts the store
keeps, already validated), holds only plain JSON values and is small, so the store can
cache it until that file changes: ten years of history are then summed from about 520
summaries instead of 50,000 sets. Loads are summed and compared in kg; screens convert.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NotRequired, TypedDict

from .journal import is_timed
from .rpe import WORK_SET_TYPES, e1rm
from .units import convert

# Bump when the shape or meaning of a summary changes: cached summaries of another version
# are thrown away and rebuilt.
SUMMARY_VERSION = 4
# Sets that count as training volume: warm-ups are preparation, not work.
VOLUME_TYPES = frozenset({"working", "failure", "drop"})
BODYWEIGHT = "bw"  # the reps_at key for sets without an external load


class ExerciseDay(TypedDict):
    """One exercise in one session."""

    session: str
    date: str  # ISO date
    sets: int  # volume sets (warm-ups left out)
    tonnage_kg: float  # load x reps over those sets; bodyweight sets add nothing
    best_e1rm_kg: float | None
    e1rm_method: str | None
    best_set: list[Any] | None  # [load_kg, reps, rpe or None] of the set behind best_e1rm_kg
    heaviest_kg: float | None
    heaviest_reps: int  # most reps done at the heaviest load
    most_reps: int  # most reps in one volume set, whatever the load
    reps_at: dict[str, int]  # load in kg as text ('102.058', or 'bw') -> most reps at it
    # [load_kg (0 for bodyweight), reps, rpe or None] of the working sets no other set of the
    # day beats (as heavy, as many reps, at an RPE no higher): a lift that moves the body is
    # read again from these with the day's bodyweight (bodyweight_history.py).
    work_sets: NotRequired[list[list[Any]]]


class SessionSummary(TypedDict):
    id: str
    date: str
    started_at: str
    name: str
    status: str
    sets: int  # every set logged, warm-ups included
    volume_sets: int
    tonnage_kg: float
    exercises: list[str]  # ids, in the order first logged


class DaySummary(TypedDict):
    date: str
    ticked: list[str] | None  # None: no checklist entry that day
    sleep_hours: float | None
    soreness: float | None  # mean over the regions noted (0 none .. 3 a lot)


class WeekSummary(TypedDict):
    sessions: list[SessionSummary]  # newest first
    exercises: dict[str, list[ExerciseDay]]  # per exercise, oldest first
    days: list[DaySummary]  # oldest first


def _load_kg(record: Mapping[str, Any]) -> float | None:
    """The set's load in kg; None for bodyweight (Strong writes bodyweight as 0)."""
    load = record.get("load")
    if not load:
        return None
    return convert(float(load), record.get("unit", "kg"), "kg")


def _load_key(load_kg: float | None) -> str:
    return BODYWEIGHT if load_kg is None else f"{round(load_kg, 3):g}"


def _exercise_day(session: Mapping[str, Any], sets: list[Mapping[str, Any]]) -> ExerciseDay:
    day = ExerciseDay(session=session["id"], date=session["date"], sets=0, tonnage_kg=0.0, best_e1rm_kg=None,
                      e1rm_method=None, best_set=None, heaviest_kg=None, heaviest_reps=0, most_reps=0, reps_at={},
                      work_sets=[])
    work: list[list[Any]] = []
    for record in sets:
        kind = record.get("set_type", "working")
        if kind not in VOLUME_TYPES:
            continue
        reps = record.get("reps") or 0
        if is_timed(record.get("reps"), record.get("seconds")):
            reps = 0  # a hold or carry: its one 'rep' is not a rep to compare or estimate from
        load = _load_kg(record)
        day["sets"] += 1
        if load is not None:
            day["tonnage_kg"] += load * reps
        if not reps:
            continue  # a timed or cardio set: volume, but no reps to compare
        day["most_reps"] = max(day["most_reps"], reps)
        key = _load_key(load)
        day["reps_at"][key] = max(day["reps_at"].get(key, 0), reps)
        if kind in WORK_SET_TYPES:
            work.append([load or 0.0, reps, record.get("rpe")])
        if load is None:
            continue
        heaviest = day["heaviest_kg"]
        if heaviest is None or load > heaviest + 1e-9:
            day["heaviest_kg"], day["heaviest_reps"] = load, reps
        elif abs(load - heaviest) <= 1e-9:
            day["heaviest_reps"] = max(day["heaviest_reps"], reps)
        if kind in WORK_SET_TYPES:
            estimate = e1rm(load, reps, record.get("rpe"))
            if estimate is not None and (day["best_e1rm_kg"] is None or estimate.value > day["best_e1rm_kg"]):
                day["best_e1rm_kg"], day["e1rm_method"] = estimate.value, estimate.method
                day["best_set"] = [load, reps, record.get("rpe")]
    day["work_sets"] = _unbeaten(work)
    return day


def _unbeaten(sets: list[list[Any]]) -> list[list[Any]]:
    """The sets no other one beats: as heavy or heavier, as many reps or more, at an RPE as
    low or lower (an RPE not given counts as the highest). A few a day at most."""
    def rpe(s: list[Any]) -> float:
        return 10.0 if s[2] is None else float(s[2])

    kept: list[list[Any]] = []
    for candidate in sets:
        beaten = any(other is not candidate and other[0] >= candidate[0] and other[1] >= candidate[1]
                     and rpe(other) <= rpe(candidate) and other != candidate for other in sets)
        if not beaten and candidate not in kept:
            kept.append(candidate)
    return kept


def _soreness(note: Mapping[str, Any]) -> float | None:
    values = list((note.get("soreness") or {}).values())
    return sum(values) / len(values) if values else None


def summarise_week(tables: Mapping[str, Iterable[Mapping[str, Any]]]) -> WeekSummary:
    """Sum up one week file: its sessions, each exercise per session, and each day's
    checklist ticks, sleep and soreness. `tables` maps table name -> raw records."""
    sessions = sorted(tables.get("sessions", ()), key=lambda s: s["started_at"], reverse=True)
    sets_by_session: dict[str, list[Mapping[str, Any]]] = {}
    for record in sorted(tables.get("sets", ()), key=lambda s: s["logged_at"]):
        sets_by_session.setdefault(record["session_id"], []).append(record)
    summary = WeekSummary(sessions=[], exercises={}, days=[])
    for session in sessions:
        logged = sets_by_session.get(session["id"], [])
        by_exercise: dict[str, list[Mapping[str, Any]]] = {}
        for record in logged:
            by_exercise.setdefault(record["exercise"], []).append(record)
        days = {exercise: _exercise_day(session, records) for exercise, records in by_exercise.items()}
        summary["sessions"].append(SessionSummary(
            id=session["id"], date=session["date"], started_at=session["started_at"],
            name=session.get("name", "Session"), status=session.get("status", "done"), sets=len(logged),
            volume_sets=sum(d["sets"] for d in days.values()),
            tonnage_kg=sum(d["tonnage_kg"] for d in days.values()), exercises=list(by_exercise),
        ))
        for exercise, day in days.items():
            summary["exercises"].setdefault(exercise, []).append(day)
    for per_exercise in summary["exercises"].values():
        per_exercise.sort(key=lambda d: d["date"])  # sessions were newest first
    ticks = {entry["date"]: list(entry.get("ticked", [])) for entry in tables.get("checklist", ())}
    # A mobility routine run on the mobility screen counts as that routine ticked that day.
    for run in tables.get("mobility", ()):
        if run.get("items_done", 0) > 0:
            ticks.setdefault(run["date"], []).append(run["routine"])
    notes = {note["date"]: note for note in tables.get("recovery", ())}
    for day in sorted(set(ticks) | set(notes)):
        note = notes.get(day, {})
        summary["days"].append(DaySummary(date=day, ticked=ticks.get(day), sleep_hours=note.get("sleep_hours"),
                                          soreness=_soreness(note)))
    return summary
