"""The lifter's settings. Stored in TinyDB like everything else the user enters."""

from __future__ import annotations

from datetime import date

from pydantic import Field, field_validator

from .common import Model, Slug
from .units import Unit

DEFAULT_PLATES: dict[str, list[float]] = {
    "kg": [25, 20, 15, 10, 5, 2.5, 1.25],
    "lb": [45, 35, 25, 10, 5, 2.5],
}


class RampStep(Model):
    """One ramp-up set: a fraction of the first working load (0 = the empty bar)."""

    percent: float = Field(ge=0, le=100)
    reps: int = Field(ge=1, le=20)


def default_ramp() -> list[RampStep]:
    return [
        RampStep(percent=0, reps=10),
        RampStep(percent=40, reps=5),
        RampStep(percent=60, reps=3),
        RampStep(percent=80, reps=2),
    ]


class Settings(Model):
    unit: Unit = "kg"
    bar_kg: float = Field(default=20.0, gt=0, le=50)
    bar_lb: float = Field(default=45.0, gt=0, le=100)
    # Plates available per side, largest first; the loader uses as many of each as needed.
    plates_kg: list[float] = Field(default_factory=lambda: list(DEFAULT_PLATES["kg"]))
    plates_lb: list[float] = Field(default_factory=lambda: list(DEFAULT_PLATES["lb"]))
    dumbbell_step_kg: float = Field(default=2.0, gt=0, le=10)
    dumbbell_step_lb: float = Field(default=5.0, gt=0, le=20)
    machine_step_kg: float = Field(default=5.0, gt=0, le=20)
    machine_step_lb: float = Field(default=10.0, gt=0, le=40)
    # The most a next-session load may move, as a fraction of the last load.
    max_change: float = Field(default=0.10, gt=0, le=0.5)
    ramp: list[RampStep] = Field(default_factory=default_ramp, min_length=1, max_length=8)
    default_rest_seconds: int = Field(default=120, ge=0, le=900)
    bell: bool = True
    lead_in_seconds: int = Field(default=3, ge=0, le=10)
    x_cue_seconds: float = Field(default=1.0, ge=0.2, le=3)
    theme: str = Field(default="gym-floor", max_length=60)
    program: Slug = "upper-back-posterior-chain"
    # The Monday the current program started; block weeks count from it.
    program_start: date | None = None
    backups_kept: int = Field(default=7, ge=1, le=60)
    # Bodyweight until a dated one is logged (`gymtui bodyweight`, a recovery note); it joins
    # the belt in weighted pull-ups and chin-ups.
    bodyweight_kg: float | None = Field(default=None, ge=25, le=300)

    @field_validator("plates_kg", "plates_lb")
    @classmethod
    def _plates(cls, value: list[float]) -> list[float]:
        if not value:
            raise ValueError("the plate list is empty: list at least one plate")
        if any(p <= 0 or p > 60 for p in value):
            raise ValueError("every plate must weigh more than 0 and at most 60")
        return sorted(set(value), reverse=True)

    def bar(self, unit: Unit) -> float:
        return self.bar_kg if unit == "kg" else self.bar_lb

    def plates(self, unit: Unit) -> list[float]:
        return self.plates_kg if unit == "kg" else self.plates_lb

    def dumbbell_step(self, unit: Unit) -> float:
        return self.dumbbell_step_kg if unit == "kg" else self.dumbbell_step_lb

    def machine_step(self, unit: Unit) -> float:
        return self.machine_step_kg if unit == "kg" else self.machine_step_lb


# Read by the timer, the look or the backups only: changing these re-plans no load.
NOT_PLANNING = frozenset({"theme", "bell", "lead_in_seconds", "x_cue_seconds", "backups_kept"})


def changes_plan(old: Settings, new: Settings) -> bool:
    """True when going from `old` to `new` changes what the planner gives (unit, bar, plates,
    steps, cap, ramp, rests, program)."""
    return old.model_dump(exclude=set(NOT_PLANNING)) != new.model_dump(exclude=set(NOT_PLANNING))
