"""Readiness: how ready the lifter is today, from the recovery note, and what to take off.

The score starts at 100 and loses points for short or poor sleep, soreness in the regions
the day trains, high stress and low energy; `parts` lists every deduction so the lifter sees
why. Scales of the note: sleep quality, stress and energy are 1-5 with 5 meaning great
sleep, a lot of stress and plenty of energy; soreness is 0-3 per region. A missing note or
field costs nothing: without information the plan stands as written.

A poor score lightens the whole session. Soreness (2/3 or worse) lightens only the
exercises that load the sore region, by how sore it is, and a region sore several days
running also costs those exercises a set: a sore low back changes the rows and hinges, not
the face pulls.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from .common import Pattern
from .daily import REGIONS, RecoveryNote, Region
from .plates import next_loadable, round_for_exercise
from .settings import Settings
from .units import format_load

if TYPE_CHECKING:
    from .library import Exercise
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
# The share of the load taken off an exercise that loads a region this sore.
SORE_CUT = {2: 0.10, 3: 0.15}
# Days in a row a region stays sore (2/3 or worse) before its exercises also lose a set.
SORE_DAYS = 3
_SORENESS_WORDS = {1: "a little sore", 2: "sore", 3: "very sore"}


@dataclass(frozen=True, slots=True)
class Readiness:
    score: int
    level: Level
    parts: list[str]
    # Trained regions sore at 2 or more: exercises loading them get lighter.
    sore_regions: frozenset[Region] = frozenset()
    # How sore each of them is (2 or 3).
    sore_levels: tuple[tuple[Region, int], ...] = ()

    def level_of(self, region: Region) -> int:
        return dict(self.sore_levels).get(region, 0)


def regions_for(pattern: Pattern | str) -> frozenset[Region]:
    """The body regions a movement pattern loads."""
    return PATTERN_REGIONS.get(pattern, frozenset())


def exercise_regions(exercise: Exercise) -> frozenset[Region]:
    """The regions an exercise loads: its pattern's and any it names itself."""
    return regions_for(exercise.pattern) | frozenset(exercise.also_loads)


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


def readiness(note: RecoveryNote | None, day_regions: set[Region], today: date | None = None) -> Readiness:
    """Score 0-100 and a level for today, with every deduction explained in `parts`.

    `today` is the day planned; a note from an earlier day (last night's) says so first.
    """
    if note is None:
        return Readiness(100, "good", ["no recovery note today: nothing taken off"])
    costs: list[tuple[int, str]] = []
    if today is not None and note.date < today:
        costs.append((0, f"from the note of {note.date:%a %Y-%m-%d}, the newest"))
    costs += _sleep_cost(note)
    soreness_total = 0
    sore: dict[Region, int] = {}
    for region, how_sore in sorted(note.soreness.items()):
        if how_sore == 0:
            continue
        if region not in day_regions:
            costs.append((0, f"{_region_label(region)} {_SORENESS_WORDS[how_sore]}, not trained today"))
            continue
        soreness_total += _SORENESS_COST[how_sore]
        if how_sore >= 2:
            sore[region] = how_sore
        costs.append((_SORENESS_COST[how_sore], f"{_region_label(region)} {_SORENESS_WORDS[how_sore]} ({how_sore}/3)"))
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
    return Readiness(score, level, parts, frozenset(sore), tuple(sorted(sore.items())))


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


def sore_days(notes: Sequence[RecoveryNote]) -> dict[Region, int]:
    """Days in a row, ending with the newest note, each region was sore at 2/3 or worse."""
    ordered = sorted(notes, key=lambda n: n.date, reverse=True)
    run: list[RecoveryNote] = []
    for note in ordered:
        if run and run[-1].date - note.date != timedelta(days=1):
            break
        run.append(note)
    days: dict[Region, int] = {}
    for region in REGIONS:
        count = 0
        for note in run:
            if note.soreness.get(region, 0) < 2:
                break
            count += 1
        if count:
            days[region] = count
    return days


def adjust_for_readiness(
    plan: Plan,
    ready: Readiness,
    recent_notes: Sequence[RecoveryNote] = (),
    settings: Settings | None = None,
    regions: frozenset[Region] | None = None,
) -> Plan:
    """Take load or a set off a plan for a poor day or a sore region; never adds anything.

    Poor readiness: one set fewer, 5 % off and a target RPE one lower. Soreness in a region
    this exercise loads (`regions`, else its pattern's): 10 % off at 2/3, 15 % at 3/3, and
    one set fewer when the region has been sore SORE_DAYS days running (an exercise with no
    load to take off loses the set instead). Poor sleep three nights running: one set fewer
    even on an ok day. Each change adds a reason, and the load's line says the whole cut.
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
    loaded = regions if regions is not None else regions_for(plan.pattern)
    hit = sorted(ready.sore_regions & loaded)
    if hit:
        worst = max(ready.level_of(r) for r in hit)
        streak = sore_days(recent_notes)
        days = max((streak.get(r, 0) for r in hit), default=0)
        names = ", ".join(f"{_region_label(r)} sore ({ready.level_of(r)}/3)" for r in hit)
        running = f", {days} days running" if days >= SORE_DAYS else ""
        if load is not None:
            cut += SORE_CUT[worst]
            what = f"{SORE_CUT[worst] * 100:g} % off"
            if running and sets > 1:
                drop_set = True
                what += ", one set fewer"
        else:
            drop_set = True
            what = "one set fewer" if sets > 1 else "keep it easy"
        reasons.append(f"{names}{running}: this exercise loads it, {what}")
    nights = poor_sleep_nights(recent_notes)
    if nights >= POOR_SLEEP_STREAK and not drop_set and sets > 1:
        drop_set = True
        reasons.append(f"poor sleep {nights} nights: one set fewer")
    if cut and load is not None:
        # The nearest loadable weight to the cut, but always below the load.
        nearest = round_for_exercise(load * (1 - cut), plan.unit, plan.equipment, settings)
        lighter = min(nearest, next_loadable(load, plan.unit, plan.equipment, settings, up=False), load)
        taken = (1 - lighter / load) * 100 if load else 0.0
        if lighter >= load:
            # Already the lightest load there is (the empty bar, the first pin): the volume is
            # what can come off.
            instead = "" if drop_set or sets <= 1 else ": one set fewer instead"
            drop_set = drop_set or sets > 1
            reasons.append(f"keep {format_load(load, plan.unit)}: nothing lighter can be loaded{instead}")
        elif taken > 2 * cut * 100 + 0.5 and sets > 1:
            # A coarse stack or rack would cut far more than asked: take the volume off instead.
            instead = "" if drop_set else ": one set fewer instead"
            drop_set = True
            reasons.append(
                f"keep {format_load(load, plan.unit)}: the next load down, {format_load(lighter, plan.unit)}, is"
                f" {taken:.0f} % off, more than the {cut * 100:g} % asked{instead}"
            )
        else:
            asked = "" if abs(taken - cut * 100) < 0.5 else f" ({cut * 100:g} % asked, rounded to what can be loaded)"
            reasons.append(
                f"load {format_load(load, plan.unit)} -> {format_load(lighter, plan.unit)}: {taken:.0f} % off{asked}"
            )
            load = lighter
    if drop_set and sets > 1:
        sets -= 1
    return replace(plan, sets=sets, load=load, target_rpe=target_rpe, reasons=reasons)
