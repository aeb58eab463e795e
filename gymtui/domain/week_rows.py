"""One week's row of the history: volume per movement pattern beside checklist, mobility and recovery."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from .stats import WeekSummary
from .units import Unit, convert


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
