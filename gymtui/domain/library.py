"""What the training library holds: exercises, programs, warm-up drills, mobility, checklist."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from .common import Emphasis, Equipment, Model, Name, Pattern, Rpe, Slug, TempoText, Text
from .daily import Region
from .units import Unit


class Exercise(Model):
    id: Slug
    name: Name
    aliases: list[Name] = Field(default_factory=list)
    pattern: Pattern
    equipment: Equipment
    unilateral: bool = False
    # True when a rep starts at the third tempo figure (deadlift from the floor, curl).
    starts_concentric: bool = False
    default_tempo: TempoText = "2-0-1-0"
    # An isometric hold prescribed per rep or as the whole set, in seconds.
    hold_seconds: int | None = Field(default=None, ge=1, le=600)
    # Body regions loaded beyond those of the movement pattern (a bent-over row holds the
    # hinge with the low back): soreness there lightens this exercise too.
    also_loads: list[Region] = Field(default_factory=list)
    # The part of the bodyweight a rep moves (1 for a pull-up or a dip, 0: not counted). With
    # it, bodyweight joins the belt in the e1RM and a lighter belt is not read as weakness.
    bodyweight_share: float = Field(default=0.0, ge=0, le=1)
    cues: list[Text] = Field(min_length=1, max_length=3)
    custom: bool = False
    # Work measured in seconds or distance rather than reps: holds and carries.
    timed: bool = False
    # The load step of this machine or cable stack, when it differs from the settings' one.
    step_kg: float | None = Field(default=None, gt=0, le=50)
    # A retired exercise is not offered for new plans; its logged history stays as it is.
    retired: bool = False

    @model_validator(mode="after")
    def _step_needs_a_stack(self) -> Exercise:
        if self.step_kg is not None and self.equipment not in STACKED:
            raise ValueError(
                f"step_kg: only machine and cable exercises take a load step, not {self.equipment}"
            )
        return self


# Equipment that moves in the fixed steps of a weight stack.
STACKED = ("machine", "cable")


# How an exercise's load or volume moves between sessions:
# double: reps climb through the range, then the load goes up a step and reps start again;
# slow: one more rep, or one more set, every two weeks at the same load;
# load_steps: the load goes up a step each time every set reaches the top of the range;
# none: the same prescription every time (drills, prehab, warm-up work).
Progression = Literal["double", "slow", "load_steps", "none"]
PROGRESSIONS: tuple[str, ...] = ("double", "slow", "load_steps", "none")


class Prescription(Model):
    """What to do for one exercise on a program day."""

    exercise: Slug
    sets: int = Field(ge=1, le=20)
    reps_min: int = Field(ge=1, le=100)
    reps_max: int = Field(ge=1, le=100)
    # Load: a fixed starting load, or None to derive it from logged history and RPE.
    load: float | None = Field(default=None, ge=0, le=1000)
    unit: Unit | None = None
    tempo: TempoText | None = None
    hold_seconds: int | None = Field(default=None, ge=1, le=600)
    target_rpe: Rpe = 8.0
    rest_seconds: int = Field(default=120, ge=0, le=900)
    # Main lifts take the week's emphasis (reps, RPE, sets); accessories keep their own.
    follows_block: bool = False
    progression: Progression = "double"
    # Exercises of a day sharing a label (A, B...) are done as a superset, one set of each
    # in turn, resting after the round.
    superset: str | None = Field(default=None, min_length=1, max_length=3, pattern=r"^[A-Z][0-9]?$")
    note: Text = ""

    @model_validator(mode="after")
    def _range(self) -> Prescription:
        if self.reps_max < self.reps_min:
            raise ValueError(f"rep range {self.reps_min}-{self.reps_max}: the top is below the bottom")
        if self.load is not None and self.unit is None:
            raise ValueError("a prescribed load needs a unit (kg or lb)")
        return self


GroupLabel = Annotated[str, Field(min_length=1, max_length=2, pattern=r"^[A-Z][0-9]?$")]


class SupersetRest(Model):
    """The rests of one superset or circuit of a day."""

    # Between one member's set and the next member's: walking to the next station.
    between_seconds: int = Field(default=15, ge=0, le=300)
    # After each round; None: the longest rest among its members.
    round_seconds: int | None = Field(default=None, ge=0, le=900)


class Day(Model):
    id: Slug
    name: Name
    focus: Text = ""
    prescriptions: list[Prescription] = Field(min_length=1)
    # The rests of the day's supersets by label; a superset not named here rests 15 s between
    # members and, after a round, the longest rest of its members.
    superset_rests: dict[GroupLabel, SupersetRest] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _supersets(self) -> Day:
        labels = [rx.superset for rx in self.prescriptions if rx.superset]
        alone = sorted({label for label in labels if labels.count(label) == 1})
        if alone:
            raise ValueError(f"superset {', '.join(alone)} has one exercise: a superset needs two or more")
        # The members of a group follow each other: A1, A2 and only then the next exercise.
        seen: list[str | None] = []
        for rx in self.prescriptions:
            if rx.superset is not None and rx.superset in seen and seen[-1] != rx.superset:
                raise ValueError(f"superset {rx.superset}: its exercises must follow each other on the day")
            seen.append(rx.superset)
        unknown = sorted(set(self.superset_rests) - set(labels))
        if unknown:
            raise ValueError(f"superset_rests: no exercise of the day is in superset {', '.join(unknown)}")
        return self


class WeekPlan(Model):
    """One week of the block: what the main lifts aim for that week."""

    emphasis: Emphasis
    reps_min: int = Field(ge=1, le=30)
    reps_max: int = Field(ge=1, le=30)
    target_rpe: Rpe
    # Sets of main lifts are multiplied by this (a deload halves volume).
    set_factor: float = Field(default=1.0, gt=0, le=2)
    # Load of main lifts is multiplied by this (a deload lightens the bar).
    load_factor: float = Field(default=1.0, gt=0, le=1.2)
    tempo: TempoText | None = None
    description: Text = ""


class Program(Model):
    id: Slug
    name: Name
    description: Text = ""
    days: list[Day] = Field(min_length=1)
    # The block: a week plan per week, repeated (four weeks of strength, hypertrophy,
    # technique and deload, or any cycle of up to a year).
    cycle: list[WeekPlan] = Field(min_length=1, max_length=52)

    @model_validator(mode="after")
    def _unique_days(self) -> Program:
        ids = [day.id for day in self.days]
        duplicates = {i for i in ids if ids.count(i) > 1}
        if duplicates:
            raise ValueError(f"day ids repeat: {', '.join(sorted(duplicates))}")
        return self


class Drill(Model):
    """A warm-up drill or a mobility item: a timed hold or a count of reps."""

    id: Slug
    name: Name
    kind: Literal["hold", "reps"]
    seconds: int | None = Field(default=None, ge=1, le=600)
    reps: int | None = Field(default=None, ge=1, le=100)
    per_side: bool = False
    cue: Text = ""

    @model_validator(mode="after")
    def _amount(self) -> Drill:
        if self.kind == "hold" and self.seconds is None:
            raise ValueError(f"{self.id}: a hold needs seconds")
        if self.kind == "reps" and self.reps is None:
            raise ValueError(f"{self.id}: a counted drill needs reps")
        return self

    @property
    def rep_count(self) -> int:
        """The reps of a counted drill (the validator above makes sure it has them)."""
        if self.reps is None:
            raise ValueError(f"{self.id}: a hold has no reps")
        return self.reps


class Routine(Model):
    """A mobility routine or a warm-up: an ordered list of drills."""

    id: Slug
    name: Name
    focus: Text = ""
    items: list[Drill] = Field(min_length=1)
    custom: bool = False


class ChecklistItem(Model):
    id: Slug
    text: Name
