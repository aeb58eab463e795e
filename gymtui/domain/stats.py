"""History maths: what one week of the journal adds up to, and the trends, personal records
and weekly balance built from those week summaries.

A week summary is made from the raw records of one week file (the JSON dicts the store
keeps, already validated), holds only plain JSON values and is small, so the store can
cache it until that file changes: ten years of history are then summed from about 520
summaries instead of 50,000 sets. Loads are summed and compared in kg; screens convert.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NotRequired, TypedDict

from .journal import is_timed
from .rpe import WORK_SET_TYPES, e1rm
from .units import Unit, convert

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


# -- one exercise across weeks --------------------------------------------------------------


def exercise_days(weeks: Iterable[WeekSummary], exercise: str) -> list[ExerciseDay]:
    """Every session that trained `exercise`, oldest first."""
    found = [day for week in weeks for day in week["exercises"].get(exercise, ())]
    return sorted(found, key=lambda d: d["date"])


def exercises_trained(weeks: Iterable[WeekSummary]) -> dict[str, int]:
    """Exercise id -> number of sessions that trained it, most trained first."""
    counts: dict[str, int] = {}
    for week in weeks:
        for exercise, days in week["exercises"].items():
            counts[exercise] = counts.get(exercise, 0) + len(days)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """The best of one session (or of a run of sessions when a long history is thinned)."""

    day: date
    e1rm: float | None  # best estimated 1RM, in the unit asked
    best_load: float | None  # heaviest volume-set load
    best_reps: int  # most reps in a set: the trend of a bodyweight exercise


def _converted(value_kg: float | None, unit: Unit) -> float | None:
    return None if value_kg is None else convert(value_kg, "kg", unit)


def _best(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return max(known) if known else None


def trend(days: list[ExerciseDay], unit: Unit, max_points: int = 120) -> list[TrendPoint]:
    """One point per session, oldest first; a longer history is cut into `max_points` runs of
    consecutive sessions, each kept as its best figures (dated at its last session), so a
    ten-year chart stays readable in 60 columns and the records are never smoothed away."""
    if max_points < 1:
        raise ValueError("a trend needs at least one point")
    points = [
        TrendPoint(date.fromisoformat(d["date"]), _converted(d["best_e1rm_kg"], unit),
                   _converted(d["heaviest_kg"], unit), d["most_reps"])
        for d in days
    ]
    if len(points) <= max_points:
        return points
    thinned = []
    for i in range(max_points):
        run = points[i * len(points) // max_points:(i + 1) * len(points) // max_points]
        thinned.append(TrendPoint(run[-1].day, _best(p.e1rm for p in run), _best(p.best_load for p in run),
                                  max(p.best_reps for p in run)))
    return thinned


@dataclass(frozen=True, slots=True)
class LoadRecord:
    load: float | None  # None: bodyweight
    reps: int
    day: date


@dataclass(frozen=True, slots=True)
class E1rmRecord:
    value: float
    method: str
    load: float
    reps: int
    rpe: float | None
    day: date


@dataclass(frozen=True)
class PersonalRecords:
    heaviest: LoadRecord | None = None  # heaviest load lifted (with the most reps done at it)
    best_e1rm: E1rmRecord | None = None
    # The most reps done at each of the loads used most often, heaviest load first.
    reps_at: list[LoadRecord] = field(default_factory=list)
    sessions: int = 0


def personal_records(days: list[ExerciseDay], unit: Unit, loads_shown: int = 3) -> PersonalRecords:
    """Records over `days` (oldest first): the first session to reach a record owns it."""
    heaviest: tuple[float, int, str] | None = None
    best: ExerciseDay | None = None
    rep_records: dict[str, tuple[int, str]] = {}
    uses: dict[str, int] = {}
    for day in days:
        top = day["heaviest_kg"]
        if top is not None and (heaviest is None or top > heaviest[0] + 1e-9
                                or (abs(top - heaviest[0]) <= 1e-9 and day["heaviest_reps"] > heaviest[1])):
            heaviest = (top, day["heaviest_reps"], day["date"])
        if day["best_e1rm_kg"] is not None and (best is None or day["best_e1rm_kg"] > (best["best_e1rm_kg"] or 0)):
            best = day
        for key, reps in day["reps_at"].items():
            uses[key] = uses.get(key, 0) + 1
            if key not in rep_records or reps > rep_records[key][0]:
                rep_records[key] = (reps, day["date"])
    # The loads used most often; among equally used ones, the heavier.
    common = sorted(uses, key=lambda key: (-uses[key], -(0.0 if key == BODYWEIGHT else float(key))))[:loads_shown]

    def load_of(key: str) -> float | None:
        return None if key == BODYWEIGHT else convert(float(key), "kg", unit)

    reps_at = [LoadRecord(load_of(k), rep_records[k][0], date.fromisoformat(rep_records[k][1])) for k in common]
    reps_at.sort(key=lambda r: -1.0 if r.load is None else r.load, reverse=True)
    best_record = None
    if best is not None and best["best_set"] is not None:
        load, reps, rpe = best["best_set"]
        best_record = E1rmRecord(convert(best["best_e1rm_kg"] or 0.0, "kg", unit), best["e1rm_method"] or "",
                                 convert(load, "kg", unit), reps, rpe, date.fromisoformat(best["date"]))
    return PersonalRecords(
        heaviest=None if heaviest is None else LoadRecord(convert(heaviest[0], "kg", unit), heaviest[1],
                                                          date.fromisoformat(heaviest[2])),
        best_e1rm=best_record,
        reps_at=reps_at,
        sessions=len(days),
    )


# -- one week -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PatternVolume:
    sets: int
    tonnage: float


@dataclass(frozen=True)
class WeekRow:
    key: str  # '2026-W47'
    monday: date
    sessions: int
    sets: int  # volume sets
    tonnage: float  # in the unit asked
    patterns: dict[str, PatternVolume]  # movement pattern -> volume, most sets first
    checklist: float | None  # share of checklist items ticked over the week's days so far
    mobility_days: int | None  # days with a mobility routine or drill ticked
    days_counted: int  # days of this week up to today
    sleep_hours: float | None  # mean of the nights noted
    soreness: float | None  # mean 0-3


def week_monday(key: str) -> date:
    year, week = key.split("-W")
    return date.fromisocalendar(int(year), int(week), 1)


def _mean(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def week_row(
    key: str,
    summary: WeekSummary,
    *,
    patterns: Mapping[str, str],
    checklist_ids: frozenset[str],
    mobility_ids: frozenset[str],
    unit: Unit,
    today: date,
) -> WeekRow:
    """A week's training load per movement pattern beside its checklist, mobility and recovery.

    `patterns` maps exercise id -> pattern (exercises it does not know count as 'other').
    Checklist adherence is ticks of `checklist_ids` over (days so far x items); weeks with no
    checklist entry at all show None rather than 0, so imported history is not called lazy.
    """
    volume: dict[str, list[float]] = {}
    for exercise, days in summary["exercises"].items():
        slot = volume.setdefault(patterns.get(exercise, "other"), [0, 0.0])
        for day in days:
            slot[0] += day["sets"]
            slot[1] += day["tonnage_kg"]
    by_pattern = {
        name: PatternVolume(int(sets), convert(tonnage, "kg", unit))
        for name, (sets, tonnage) in sorted(volume.items(), key=lambda item: (-item[1][0], item[0]))
    }
    monday = week_monday(key)
    days_counted = max(0, min(7, (today - monday).days + 1))
    ticked = [set(day["ticked"]) for day in summary["days"] if day["ticked"] is not None]
    checklist = mobility = None
    if ticked and days_counted:
        if checklist_ids:
            done = sum(len(t & checklist_ids) for t in ticked)
            checklist = min(1.0, done / (days_counted * len(checklist_ids)))
        mobility = sum(1 for t in ticked if t & mobility_ids)
    return WeekRow(
        key=key,
        monday=monday,
        sessions=len(summary["sessions"]),
        sets=sum(p.sets for p in by_pattern.values()),
        tonnage=sum(p.tonnage for p in by_pattern.values()),
        patterns=by_pattern,
        checklist=checklist,
        mobility_days=mobility,
        days_counted=days_counted,
        sleep_hours=_mean(day["sleep_hours"] for day in summary["days"]),
        soreness=_mean(day["soreness"] for day in summary["days"]),
    )
