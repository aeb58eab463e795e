"""One exercise across the weeks: the sessions that trained it, its trend and its personal records."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from .stats import BODYWEIGHT, ExerciseDay, WeekSummary
from .units import Unit, convert


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
