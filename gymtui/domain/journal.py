"""What a lifter does: sessions and the sets logged in them."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from uuid import uuid4

from pydantic import Field, field_validator, model_validator

from .common import AwareTime, Model, Name, Note, Rpe, Slug, TempoText
from .units import Unit

SetType = Literal["warmup", "working", "drop", "failure"]
SET_TYPES: tuple[SetType, ...] = ("warmup", "working", "drop", "failure")
Side = Literal["left", "right"]


def is_timed(reps: int | None, seconds: float | None) -> bool:
    """A set measured in time, not reps: no reps, or one 'rep' that is a timed hold (a carry,
    a plank logged as 1 x 40 s). Such a set has no rep figures (no e1RM, no best set)."""
    return reps is None or bool(seconds and reps <= 1)


def new_id() -> str:
    return uuid4().hex


class LoggedSet(Model):
    id: str = Field(default_factory=new_id, min_length=1, max_length=64)
    session_id: str = Field(min_length=1, max_length=64)
    exercise: Slug
    # None: bodyweight (or an exercise with no external load).
    load: float | None = Field(default=None, ge=0, le=2000)
    unit: Unit = "kg"
    reps: int | None = Field(default=None, ge=0, le=1000)
    rpe: Rpe | None = None
    tempo: TempoText | None = None
    set_type: SetType = "working"
    side: Side | None = None
    # Timed work (holds, carries, imported cardio rows) keeps its duration and distance.
    seconds: float | None = Field(default=None, ge=0, le=86400)
    distance_m: float | None = Field(default=None, ge=0, le=1_000_000)
    # A failed attempt: the load was taken but not one rep was completed (0 reps). Kept as
    # part of the history, apart from a set that simply has no reps written.
    missed: bool = False
    note: Note = ""
    started_at: AwareTime | None = None
    logged_at: AwareTime
    # Where the set came from: "app", "cli", "import:strong" ... (import dedup uses source_key).
    source: str = Field(default="app", max_length=40)
    source_key: str | None = Field(default=None, max_length=200)
    # The superset or circuit the set was done in (an imported Hevy group, or the session's).
    superset: str | None = Field(default=None, max_length=2, pattern=r"^[A-Z][0-9]?$")

    @property
    def timed(self) -> bool:
        return is_timed(self.reps, self.seconds)

    @model_validator(mode="after")
    def _has_work(self) -> LoggedSet:
        if self.reps is None and self.seconds is None and self.distance_m is None:
            raise ValueError("a set needs reps, seconds or a distance")
        if self.missed and self.reps != 0:
            raise ValueError("a missed attempt has 0 reps")
        return self


class Session(Model):
    id: str = Field(default_factory=new_id, min_length=1, max_length=64)
    date: date
    program_day: Slug | None = None
    name: Name = "Session"
    # Week of the block (1-based) the session was planned for, if it came from the program.
    block_week: int | None = Field(default=None, ge=1, le=12)
    # Planned as a deload: the cycle's deload week, or one taken early because fatigue showed.
    # Later plans read it as a light session, not as the lifter's level.
    deload: bool = False
    status: Literal["in_progress", "done"] = "in_progress"
    started_at: AwareTime
    finished_at: AwareTime | None = None
    notes: Note = ""
    # The planned order of exercises (after reorder / swap), and where the lifter is, so a
    # killed app resumes at the right exercise and set.
    order: list[Slug] = Field(default_factory=list)
    position: tuple[int, int] = (0, 0)
    # Sets the lifter added (or, negative, dropped) per exercise id, and the sets skipped as
    # (exercise id, set index from 0), so a killed app resumes with the same list of sets.
    # The bounds are far beyond any plan; they only keep a damaged file from asking for more.
    set_changes: dict[Slug, Annotated[int, Field(ge=-50, le=50)]] = Field(default_factory=dict)
    skipped: list[tuple[Slug, Annotated[int, Field(ge=0, le=99)]]] = Field(default_factory=list, max_length=500)
    # Working loads the lifter typed for today (in the warm-up) per exercise id, with their
    # unit: the session's load for that exercise on every screen.
    chosen_loads: dict[Slug, tuple[Annotated[float, Field(gt=0, le=2000)], Unit]] = Field(default_factory=dict)
    # Started empty, exercises added as the lifter went: no program day, whatever it trained.
    freestyle: bool = False
    # Exercises the lifter added to the session (not planned, not swapped in for a planned one).
    added: list[Slug] = Field(default_factory=list, max_length=200)
    # Supersets made or undone today: exercise id -> group label ('' : on its own, out of the
    # program day's group). The day's own labels count for the others.
    groups: dict[Slug, Annotated[str, Field(max_length=2, pattern=r"^([A-Z][0-9]?)?$")]] = Field(default_factory=dict)
    source: str = Field(default="app", max_length=40)
    source_key: str | None = Field(default=None, max_length=200)

    @field_validator("set_changes")
    @classmethod
    def _no_zero_changes(cls, value: dict[str, int]) -> dict[str, int]:
        # An exercise back at its planned sets has no entry, so equal sessions compare equal.
        return {exercise: change for exercise, change in value.items() if change}

    @field_validator("skipped")
    @classmethod
    def _skipped_once(cls, value: list[tuple[str, int]]) -> list[tuple[str, int]]:
        return sorted(set(value))
