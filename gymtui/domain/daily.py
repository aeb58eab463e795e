"""Day records: the end-of-day mobility checklist and recovery notes."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field

from .common import AwareTime, Model, Note, Slug
from .units import Unit

Region = Literal["upper_back", "low_back", "neck", "shoulders", "hips", "hamstrings"]
REGIONS: tuple[Region, ...] = ("upper_back", "low_back", "neck", "shoulders", "hips", "hamstrings")


class ChecklistEntry(Model):
    date: date
    ticked: list[Slug] = Field(default_factory=list)
    updated_at: AwareTime


class RecoveryNote(Model):
    date: date
    sleep_hours: float | None = Field(default=None, ge=0, le=24)
    sleep_quality: int | None = Field(default=None, ge=1, le=5)
    # Soreness per region: 0 none, 1 a little, 2 clear, 3 a lot.
    soreness: dict[Region, Annotated[int, Field(ge=0, le=3)]] = Field(default_factory=dict)
    stress: int | None = Field(default=None, ge=1, le=5)
    energy: int | None = Field(default=None, ge=1, le=5)
    grip: float | None = Field(default=None, gt=0, le=300)
    grip_unit: Unit = "kg"
    # Bodyweight that day (`gymtui bodyweight`, or typed with the note).
    bodyweight: float | None = Field(default=None, gt=0, le=700)
    bodyweight_unit: Unit = "kg"
    text: Note = ""
    updated_at: AwareTime


class MobilityDone(Model):
    """A mobility routine run to its end (or stopped part way) on a day."""

    date: date
    routine: Slug
    name: str = Field(min_length=1, max_length=120)
    items_done: int = Field(ge=0, le=100)
    items_total: int = Field(ge=1, le=100)
    completed_at: AwareTime
