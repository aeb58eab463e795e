"""History's estimated 1RM of a lift that moves the body (a weighted pull-up): bodyweight + belt.

A week summary keeps each session's best set by its belt alone ('10 kg x 5'). Read that way
a weighted pull-up's e1RM is the belt's (a 10 kg belt "e1RM 12 kg"), and a lighter belt for
more reps looks like a collapse. Here each session's best belt set is read again with the
lifter's bodyweight of that day (times the part of it the exercise moves), and a session of
bodyweight sets only is read from its most reps. A session with no bodyweight known gets no
e1RM at all rather than a wrong one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .bodyweight import Bodyweights
from .rpe import e1rm
from .stats import BODYWEIGHT, ExerciseDay


@dataclass(frozen=True, slots=True)
class BodyweightDay:
    """One session of the lift, its e1RM read with bodyweight, and the bodyweight used (kg,
    the whole lifter's, None when none was known for that day)."""

    day: ExerciseDay
    bodyweight_kg: float | None


def with_bodyweight_e1rm(days: list[ExerciseDay], weights: Bodyweights, share: float) -> list[BodyweightDay]:
    """`days` (a lift's sessions, oldest first) with best_e1rm_kg, e1rm_method and best_set
    read as share x bodyweight + belt; best_set stays [belt_kg, reps, rpe]."""
    if not 0 < share <= 1:
        raise ValueError("the part of the bodyweight moved is more than 0 and at most 1")
    found = []
    for day in days:
        kg = weights.on(date.fromisoformat(day["date"]))
        if kg is None:
            found.append(BodyweightDay(ExerciseDay(**{**day, "best_e1rm_kg": None, "e1rm_method": None,
                                                      "best_set": None}), None))
            continue
        body = kg * share
        best: tuple[float, str, list[Any]] | None = None
        for belt, reps, rpe in _candidates(day):
            estimate = e1rm(body + belt, reps, rpe)
            if estimate is not None and (best is None or estimate.value > best[0]):
                best = (estimate.value, estimate.method, [belt, reps, rpe])
        update = ({"best_e1rm_kg": best[0], "e1rm_method": best[1], "best_set": best[2]} if best is not None
                  else {"best_e1rm_kg": None, "e1rm_method": None, "best_set": None})
        found.append(BodyweightDay(ExerciseDay(**{**day, **update}), kg))  # type: ignore[typeddict-item]
    return found


def _candidates(day: ExerciseDay) -> list[list[Any]]:
    """The day's working sets worth reading; a summary made before they were kept offers
    its best belt set and its most reps at bodyweight."""
    if "work_sets" in day:
        return day["work_sets"]
    found = [day["best_set"]] if day["best_set"] is not None else []
    bodyweight_reps = day["reps_at"].get(BODYWEIGHT, 0)
    return found + ([[0.0, bodyweight_reps, None]] if bodyweight_reps else [])
