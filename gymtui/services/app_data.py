"""Every read and write the app's screens make of the data folder, one function each.

Screens call these from worker threads and never touch the store themselves, so a store
call has one way in (and its `StoreError` one way out: raised to the worker, reported by
the screen's one handler). Each function takes a `Gym`: the store, the library and the
time, which the app holds.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Protocol

import pendulum

from ..domain.daily import ChecklistEntry, MobilityDone, RecoveryNote
from ..domain.exercise_progress import exercise_days
from ..domain.journal import LoggedSet, Session
from ..domain.library import ChecklistItem, Exercise, Program, Routine
from ..domain.ramp import RampSet
from ..domain.settings import Settings
from ..domain.stats import WeekSummary
from ..domain.units import Unit
from ..domain.week_rows import WeekRow
from ..store import Store
from . import bodyweight, daily, exercises, history
from . import today as today_reads
from .import_outcome import ImportOutcome
from .library import Library
from .planning import SessionPlan
from .programs import read_own_programs, save_own_program
from .transfer import import_path


class Gym(Protocol):
    """What the screens' services need: the app is one."""

    # Read-only here: the app hands them out once its data folder is open.
    @property
    def store(self) -> Store: ...

    @property
    def library(self) -> Library: ...

    now: Callable[[], pendulum.DateTime]


# -- settings ------------------------------------------------------------------------------


def settings(gym: Gym) -> Settings:
    return gym.store.settings()


def save_settings(gym: Gym, new: Settings) -> None:
    gym.store.save_settings(new)


# -- Today ---------------------------------------------------------------------------------


# Today's two reads live in services/today.py, which Today's start-up worker imports alone.
last_session = today_reads.last_session
session_under_way = today_reads.session_under_way


# -- checklist -----------------------------------------------------------------------------


def checklist_items(gym: Gym) -> list[ChecklistItem]:
    return daily.checklist_items(gym.store, gym.library)


def checklist_ticks(gym: Gym, today: date, days: int) -> dict[date, list[str]]:
    return daily.checklist_ticks(gym.store, today, days)


def save_checklist(gym: Gym, entry: ChecklistEntry) -> None:
    gym.store.save_checklist(entry)


def save_checklist_items(gym: Gym, items: list[ChecklistItem]) -> None:
    gym.store.save_checklist_items(items)


# -- recovery ------------------------------------------------------------------------------


def recovery_day(gym: Gym, day: date, plan: SessionPlan | None) -> tuple[RecoveryNote | None, daily.DayRegions, Unit]:
    """The note of `day`, the regions that day trains and the unit bodyweight is shown in."""
    note = gym.store.recovery(day)
    regions = daily.regions_for_day(gym.store, gym.library, day, plan)
    return note, regions, gym.store.settings().unit


def save_recovery(gym: Gym, note: RecoveryNote) -> None:
    """The note; its bodyweight, when the newest, goes to Settings too."""
    bodyweight.save_note(gym.store, note, gym.now().date())


# -- mobility ------------------------------------------------------------------------------


def own_routines(gym: Gym) -> list[Routine]:
    return gym.store.routines()


def save_routine(gym: Gym, routine: Routine) -> None:
    gym.store.save_routine(routine)


def delete_routine(gym: Gym, routine_id: str) -> None:
    gym.store.delete_routine(routine_id)


def save_mobility_done(gym: Gym, record: MobilityDone) -> None:
    gym.store.save_mobility_done(record)


# -- warm-up -------------------------------------------------------------------------------


def todays_warmup_sets(gym: Gym, exercise: str) -> list[LoggedSet]:
    return daily.todays_warmup_sets(gym.store, gym.now().date(), exercise)


def log_warmup_set(gym: Gym, plan: SessionPlan | None, exercise: str, ramp: RampSet) -> LoggedSet:
    return daily.log_warmup_set(gym.store, plan, exercise, ramp, gym.now())


def delete_set(gym: Gym, logged: LoggedSet) -> None:
    gym.store.delete_set(logged)


def choose_load(gym: Gym, plan: SessionPlan | None, exercise: str, load: float, unit: Unit) -> None:
    daily.choose_load(gym.store, plan, exercise, load, unit, gym.now())


# -- history -------------------------------------------------------------------------------


def session_page(gym: Gym, *, after: str | None, exercise: str | None) -> tuple[history.SessionPage, Unit]:
    unit = gym.store.settings().unit
    return history.session_page(gym.store, gym.library, unit, after=after, exercise=exercise), unit


def weeks(gym: Gym, today: date) -> tuple[dict[str, WeekSummary], list[WeekRow], Unit]:
    """Every week's summary and the rows of the weeks table, in the lifter's unit."""
    unit = gym.store.settings().unit
    summaries = history.load_weeks(gym.store)
    checklist = history.checklist_ids(gym.store, gym.library)
    return summaries, history.week_rows(summaries, gym.library, unit, today, checklist=checklist), unit


# -- import --------------------------------------------------------------------------------


def exercise_progress(gym: Gym, weeks: dict[str, WeekSummary], exercise: str, unit: Unit) -> history.ExerciseProgress:
    """One exercise's chart, records and recent sessions; a lift moving the body (a weighted
    pull-up) read with the bodyweight of each day (recovery notes, else Settings')."""
    known = gym.library.exercise(exercise)
    weights = None
    if known is not None and known.bodyweight_share:
        days = exercise_days(weeks.values(), exercise)
        today = gym.now().date()
        since = date.fromisoformat(days[0]["date"]) if days else today
        weights = history.bodyweights_for(gym.store, gym.store.settings().bodyweight_kg, since, today)
    return history.exercise_progress(weeks, gym.library, exercise, unit, bodyweights=weights)


def import_file(gym: Gym, path: str, fmt: str, unit: Unit | None) -> tuple[ImportOutcome, Library | None]:
    """Import `path`; with it, the library read again when the import stored anything (it
    may have added exercises), else None."""
    outcome = import_path(gym.store, path, fmt=fmt, unit=unit, tz=gym.now().timezone_name or "UTC",
                          library=gym.library)
    library = Library.from_store(gym.library.catalog, gym.store) if outcome.stored_anything else None
    return outcome, library



# -- the lifter's own exercises and programs -----------------------------------------------
# Each returns the library as it is after the change: the app puts it in place, so every
# screen and picker knows the change at once.


def _with_own_exercises(gym: Gym) -> Library:
    """The library with the lifter's exercises read again."""
    return dataclasses.replace(gym.library, custom=tuple(gym.store.custom_exercises()))


def add_exercise(gym: Gym, changes: exercises.Changes) -> tuple[Exercise, Library]:
    """A new exercise of the lifter's. ExerciseError (naming the field) when a value is refused."""
    added = exercises.add_exercise(gym.store, gym.library, changes)
    return added, _with_own_exercises(gym)


def edit_exercise(gym: Gym, exercise_id: str, changes: exercises.Changes) -> tuple[Exercise, Library]:
    """One of the lifter's exercises changed. ExerciseError when a value is refused."""
    edited = exercises.edit_exercise(gym.store, gym.library, exercise_id, changes)
    return edited, _with_own_exercises(gym)


def retire_exercise(gym: Gym, exercise_id: str, *, back: bool) -> tuple[Exercise, Library]:
    """One of the lifter's exercises retired (left out of pickers and new plans), or brought
    back. ExerciseError when it is not one of theirs."""
    changed = exercises.retire_exercise(gym.store, gym.library, exercise_id, back=back)
    return changed, _with_own_exercises(gym)


def save_program(gym: Gym, program: Program) -> Library:
    """`program` written to programs/<id>.json (whole or not at all); OSError when it
    cannot be. The lifter's programs are then read again."""
    save_own_program(gym.store.data_dir, program)
    library = gym.library
    ids = {e.id for e in library.exercises()}
    own = read_own_programs(gym.store.data_dir, ids, library.catalog.programs)
    return dataclasses.replace(library, own_programs=tuple(own.programs.values()), program_problems=own.problems)


# -- one session ---------------------------------------------------------------------------


def session_detail(gym: Gym, session_id: str) -> tuple[Session, list[LoggedSet]] | None:
    """A session and its sets, or None when it is no longer stored."""
    return history.session_detail(gym.store, session_id)
