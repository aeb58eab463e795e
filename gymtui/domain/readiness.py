"""Readiness: how ready the lifter is today, from the recovery note, and what to take off.

The score starts at 100 and loses points for short or poor sleep, soreness in the regions
the day trains, high stress and low energy; `parts` lists every deduction so the lifter sees
why. Scales of the note: sleep quality, stress and energy are 1-5 with 5 meaning great
sleep, a lot of stress and plenty of energy; soreness is 0-3 per region. A missing note or
field costs nothing: without information the plan stands as written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TYPE_CHECKING, Literal

from .common import Pattern
from .daily import Region, RecoveryNote
from .plates import round_for_exercise
from .settings import Settings
from .units import format_load

if TYPE_CHECKING:
    from .progression import Plan

Level = Literal["good", "ok", "poor"]
GOOD_FROM = 75
OK_FROM = 50
# Nights in a row of poor sleep that cost a set even when today's score is not poor.
POOR_SLEEP_STREAK = 3

PATTERN_REGIONS: dict[str, frozenset[Region]] = {
    "hinge": frozenset({"low_back", "hamstrings", "hips"}),
    "horizontal_pull": frozenset({"upper_back", "shoulders"}),
    "vertical_pull": frozenset({"upper_back", "shoulders"}),
    "carry": frozenset({"upper_back", "hips", "low_back"}),
    "scapular": frozenset({"upper_back", "shoulders", "neck"}),
    "rotator_cuff": frozenset({"shoulders"}),
    "press": frozenset({"shoulders"}),
    "squat": frozenset({"hips", "low_back"}),
    "core": frozenset({"low_back"}),
    "other": frozenset(),
}
_SORENESS_COST = {0: 0, 1: 5, 2: 12, 3: 20}
_SORENESS_WORDS = {1: "a little sore", 2: "sore", 3: "very sore"}


@dataclass(frozen=True, slots=True)
class Readiness:
    score: int
    level: Level
    parts: list[str]
    # Trained regions sore at 2 or more: exercises loading them get lighter.
    sore_regions: frozenset[Region] = frozenset()


def regions_for(pattern: Pattern | str) -> frozenset[Region]:
    """The body regions a movement pattern loads."""
    return PATTERN_REGIONS.get(pattern, frozenset())


def day_regions(patterns: Iterable[Pattern | str]) -> set[Region]:
    """Every region the day's exercises load."""
    regions: set[Region] = set()
    for pattern in patterns:
        regions |= regions_for(pattern)
    return regions


def _region_label(region: str) -> str:
    return region.replace("_", " ")


def _sleep_cost(note: RecoveryNote) -> list[tuple[int, str]]:
    costs = []
    if note.sleep_hours is not None:
        hours = note.sleep_hours
        cost = 30 if hours < 5 else 20 if hours < 6 else 10 if hours < 7 else 0
        costs.append((cost, f"slept {hours:g} h"))
    if note.sleep_quality is not None:
        cost = {1: 15, 2: 8}.get(note.sleep_quality, 0)
        costs.append((cost, f"sleep quality {note.sleep_quality}/5"))
    return costs


def readiness(note: RecoveryNote | None, day_regions: set[Region]) -> Readiness:
    """Score 0-100 and a level for today, with every deduction explained in `parts`."""
    if note is None:
        return Readiness(100, "good", ["no recovery note today: nothing taken off"])
    costs = _sleep_cost(note)
    soreness_total = 0
    sore: set[Region] = set()
    for region, level in sorted(note.soreness.items()):
        if level == 0:
            continue
        if region not in day_regions:
            costs.append((0, f"{_region_label(region)} {_SORENESS_WORDS[level]}, not trained today"))
            continue
        soreness_total += _SORENESS_COST[level]
        if level >= 2:
            sore.add(region)
        costs.append((_SORENESS_COST[level], f"{_region_label(region)} {_SORENESS_WORDS[level]} ({level}/3)"))
    # Capped so that a few mildly sore regions cannot outweigh sleep, stress and energy.
    if soreness_total > 40:
        costs.append((40 - soreness_total, "soreness counted at most 40"))
    if note.stress is not None:
        costs.append(({4: 8, 5: 15}.get(note.stress, 0), f"stress {note.stress}/5"))
    if note.energy is not None:
        costs.append(({1: 15, 2: 8}.get(note.energy, 0), f"energy {note.energy}/5"))
    score = max(0, min(100, 100 - sum(cost for cost, _ in costs)))
    level: Level = "good" if score >= GOOD_FROM else "ok" if score >= OK_FROM else "poor"
    parts = [f"{text}: -{cost}" if cost > 0 else f"{text}: +{-cost}" if cost < 0 else text for cost, text in costs]
    parts.append(f"readiness {score}/100: {level}")
    return Readiness(score, level, parts, frozenset(sore))


def poor_sleep_nights(notes: Sequence[RecoveryNote]) -> int:
    """Nights in a row, ending with the newest note, slept under 6 h or rated 1-2 out of 5."""
    streak = 0
    previous = None
    for note in sorted(notes, key=lambda n: n.date, reverse=True):
        if previous is not None and previous - note.date != timedelta(days=1):
            break
        short = note.sleep_hours is not None and note.sleep_hours < 6
        bad = note.sleep_quality is not None and note.sleep_quality <= 2
        if not (short or bad):
            break
        streak += 1
        previous = note.date
    return streak


def adjust_for_readiness(
    plan: Plan,
    ready: Readiness,
    recent_notes: Sequence[RecoveryNote] = (),
    settings: Settings | None = None,
) -> Plan:
    """Take load or a set off a plan for a poor day; never adds anything.

    Poor readiness: one set fewer, 5 % off and a target RPE one lower. Soreness (2+) in a
    region this exercise loads: 5 % off (10 % with a poor score). Poor sleep three nights
    running: one set fewer even on an ok day. Each change adds a reason.
    """
    settings = settings or Settings()
    reasons = list(plan.reasons)
    sets, load, target_rpe = plan.sets, plan.load, plan.target_rpe
    cut = 0.0
    drop_set = False
    if ready.level == "poor":
        cut += 0.05
        drop_set = True
        target_rpe = max(6.0, target_rpe - 1)
        fewer = "one set fewer, " if sets > 1 else ""
        reasons.append(f"readiness poor ({ready.score}/100): {fewer}target @ {target_rpe:g}")
    hit = sorted(ready.sore_regions & regions_for(plan.pattern))
    if hit:
        cut += 0.05
        reasons.append(f"{', '.join(_region_label(r) for r in hit)} sore: this exercise loads it, 5 % off")
    nights = poor_sleep_nights(recent_notes)
    if nights >= POOR_SLEEP_STREAK and not drop_set and sets > 1:
        drop_set = True
        reasons.append(f"poor sleep {nights} nights: one set fewer")
    if drop_set and sets > 1:
        sets -= 1
    if cut and load is not None:
        lighter = min(round_for_exercise(load * (1 - cut), plan.unit, plan.equipment, settings, "down"), load)
        reasons.append(f"load {format_load(load, plan.unit)} -> {format_load(lighter, plan.unit)}")
        load = lighter
    return replace(plan, sets=sets, load=load, target_rpe=target_rpe, reasons=reasons)
