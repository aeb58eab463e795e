"""What the history screen shows, read from the store's cached week summaries.

The session list is read a few weeks at a time (newest first), so opening the screen on ten
years of history reads a dozen small files; exercise trends and weekly rows need every week
and are built from the summaries, which the store re-reads only for week files that changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from ..domain import stats
from ..domain.bodyweight import Bodyweights
from ..domain.bodyweight_history import with_bodyweight_e1rm
from ..domain.exercise_progress import (
    PersonalRecords,
    TrendPoint,
    exercise_days,
    exercises_trained,
    personal_records,
    trend,
)
from ..domain.journal import LoggedSet, Session
from ..domain.stats import WeekSummary
from ..domain.units import Unit, convert
from ..domain.week_rows import WeekRow, week_row
from ..store import Store
from .library import Library

WEEKS_PER_READ = 12  # about 70 sessions for someone training most days


def load_weeks(store: Store, keys: Iterable[str] | None = None) -> dict[str, WeekSummary]:
    """Week key -> summary, newest first (every week file when `keys` is None)."""
    return store.week_summaries(stats.summarise_week, version=stats.SUMMARY_VERSION, keys=keys)


def exercise_name(library: Library, exercise_id: str) -> str:
    found = library.exercise(exercise_id)
    return found.name if found is not None else exercise_id.replace("-", " ").capitalize()


# -- the session list -----------------------------------------------------------------------


@dataclass(frozen=True)
class SessionRow:
    id: str
    day: date
    name: str
    status: str
    exercises: list[str]  # names, in the order trained
    sets: int
    volume_sets: int
    tonnage: float  # in the unit asked


@dataclass(frozen=True)
class SessionPage:
    rows: list[SessionRow]
    # Read on from the week files older than this one; None: nothing older is left.
    next_after: str | None


def session_page(
    store: Store,
    library: Library,
    unit: Unit,
    *,
    after: str | None = None,
    exercise: str | None = None,
    min_rows: int = 40,
) -> SessionPage:
    """Sessions newest first from the week files older than `after` (all when None), a few
    weeks at a time until `min_rows` are found; with `exercise`, only sessions that trained it."""
    keys = store.parts()
    start = 0 if after is None else next((i for i, k in enumerate(keys) if k < after), len(keys))
    rows: list[SessionRow] = []
    while start < len(keys) and len(rows) < min_rows:
        chunk = keys[start:start + WEEKS_PER_READ]
        start += len(chunk)
        weeks = load_weeks(store, chunk)
        for key in chunk:
            for session in weeks.get(key, {"sessions": []})["sessions"]:
                if exercise is not None and exercise not in session["exercises"]:
                    continue
                rows.append(SessionRow(
                    id=session["id"], day=date.fromisoformat(session["date"]), name=session["name"],
                    status=session["status"], exercises=[exercise_name(library, e) for e in session["exercises"]],
                    sets=session["sets"], volume_sets=session["volume_sets"],
                    tonnage=convert(session["tonnage_kg"], "kg", unit),
                ))
    return SessionPage(rows, keys[start - 1] if start < len(keys) else None)


def session_detail(store: Store, session_id: str) -> tuple[Session, list[LoggedSet]] | None:
    session = store.session(session_id)
    if session is None:
        return None
    return session, store.session_sets(session_id)


# -- one exercise ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RecentSession:
    day: date
    sets: int
    heaviest: float | None
    heaviest_reps: int
    e1rm: float | None
    bodyweight: float | None = None  # in the unit: what a lift moving the body was read with


@dataclass(frozen=True)
class ExerciseProgress:
    exercise: str
    name: str
    unit: Unit
    points: list[TrendPoint]
    records: PersonalRecords
    recent: list[RecentSession]  # newest first
    # A lift moving the body (a weighted pull-up): its e1RMs count bodyweight + belt, and
    # best_bodyweight is the one behind the best e1RM (in the unit).
    moves_body: bool = False
    best_bodyweight: float | None = None

    @property
    def loaded(self) -> bool:
        """True when the exercise was done with an external load (else its chart shows reps)."""
        return any(p.best_load is not None for p in self.points)


def trained_exercises(weeks: Mapping[str, WeekSummary]) -> dict[str, int]:
    return exercises_trained(weeks.values())


def exercise_progress(
    weeks: Mapping[str, WeekSummary],
    library: Library,
    exercise: str,
    unit: Unit,
    *,
    max_points: int = 120,
    recent: int = 5,
    bodyweights: Bodyweights | None = None,
) -> ExerciseProgress:
    days = exercise_days(weeks.values(), exercise)
    known = library.exercise(exercise)
    share = known.bodyweight_share if known is not None else 0.0
    used: dict[str, float | None] = {}
    if share and bodyweights is not None:
        read = with_bodyweight_e1rm(days, bodyweights, share)
        days = [r.day for r in read]
        used = {r.day["session"]: r.bodyweight_kg for r in read}

    def in_unit(kg: float | None) -> float | None:
        return None if kg is None else convert(kg, "kg", unit)

    latest = [
        RecentSession(
            day=date.fromisoformat(d["date"]), sets=d["sets"],
            heaviest=in_unit(d["heaviest_kg"]),
            heaviest_reps=d["heaviest_reps"] or d["most_reps"],
            e1rm=in_unit(d["best_e1rm_kg"]),
            bodyweight=in_unit(used.get(d["session"])),
        )
        for d in reversed(days[-recent:])
    ]
    records = personal_records(days, unit)
    best_day = records.best_e1rm.day.isoformat() if records.best_e1rm is not None else None
    best_bodyweight = next((used.get(d["session"]) for d in days if d["date"] == best_day
                            and d["best_e1rm_kg"] is not None), None) if best_day else None
    return ExerciseProgress(
        exercise=exercise,
        name=exercise_name(library, exercise),
        unit=unit,
        points=trend(days, unit, max_points),
        records=records,
        recent=latest,
        moves_body=bool(share and bodyweights is not None),
        best_bodyweight=in_unit(best_bodyweight),
    )


def bodyweights_for(store: Store, settings_kg: float | None, since: date, today: date) -> Bodyweights:
    """The dated bodyweights (recovery notes) from a month before `since` to `today`, and
    the one in settings for the days before any of them."""
    notes = store.recovery_between(since - timedelta(days=31), today)
    return Bodyweights.from_notes(notes, settings_kg)


# -- weeks ----------------------------------------------------------------------------------


def checklist_ids(store: Store, library: Library) -> frozenset[str]:
    items = store.checklist_items()
    return frozenset(i.id for i in (items if items is not None else library.catalog.checklist))


def mobility_ids(library: Library) -> frozenset[str]:
    """A day counts as a mobility day when it ticks a mobility routine or one of its drills."""
    return frozenset({r.id for r in library.routines()} | {d.id for r in library.routines() for d in r.items})


def week_rows(
    weeks: Mapping[str, WeekSummary],
    library: Library,
    unit: Unit,
    today: date,
    *,
    checklist: frozenset[str],
) -> list[WeekRow]:
    """One row per week file, newest first."""
    patterns = {e.id: e.pattern for e in library.exercises()}
    mobility = mobility_ids(library)
    return [
        week_row(key, summary, patterns=patterns, checklist_ids=checklist, mobility_ids=mobility,
                       unit=unit, today=today)
        for key, summary in sorted(weeks.items(), reverse=True)
    ]
