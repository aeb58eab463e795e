"""One set of the session: the tempo timer's schedule, the set form filled, the set logged."""

from __future__ import annotations

import pendulum

from .common import describe_error
from .entry import SetFields, SetValues
from .journal import LoggedSet
from .rpe import rpe_text
from .session_model import UNLOADED, Card
from .settings import Settings
from .tempo import parse_tempo
from .tempo_schedule import TempoSchedule, hold_schedule, tempo_schedule
from .units import format_load


def set_schedule(card: Card, settings: Settings, reps: int | None = None) -> TempoSchedule:
    """The timer's schedule for the next set of `card`; TempoError for a tempo that does not read."""
    lead_in = float(settings.lead_in_seconds)
    if card.is_hold:
        return hold_schedule(float(card.plan.hold_seconds or 1), lead_in=lead_in)
    tempo = parse_tempo(card.tempo)
    return tempo_schedule(
        tempo,
        max(1, reps if reps is not None else card.plan.reps),
        starts_concentric=card.exercise.starts_concentric,
        hold_seconds=float(card.plan.hold_seconds) if card.plan.hold_seconds else None,
        lead_in=lead_in,
        x_seconds=settings.x_cue_seconds,
    )


def make_logged(values: SetValues, *, session_id: str, exercise: str, now: pendulum.DateTime,
                started_at: pendulum.DateTime | None = None, existing: LoggedSet | None = None) -> LoggedSet:
    """A LoggedSet from the form's values (a new one, or `existing` edited). ValueError if the
    model refuses it (the message names the field)."""
    data = dict(
        load=values.load, unit=values.unit, reps=values.reps, rpe=values.rpe, tempo=values.tempo,
        set_type=values.set_type, side=values.side, seconds=values.seconds, note=values.note,
        missed=values.reps == 0,
    )
    try:
        if existing is not None:
            return LoggedSet.model_validate({**existing.model_dump(), **data})
        return LoggedSet.model_validate({"session_id": session_id, "exercise": exercise, "logged_at": now,
                                         "started_at": started_at, "source": "app", **data})
    except ValueError as error:
        raise ValueError(describe_error(error)) from None


def prefill(card: Card, slot: int, *, reps: int | None = None, seconds: float | None = None) -> SetFields:
    """The form for the set at `slot`: the prescription, the load of the last set logged of
    this exercise today (the lifter changed it; in another unit, the plan's load when it has
    one), and what the timer counted."""
    plan = card.plan
    load = plan.load
    unit = plan.unit
    done = card.logged_sets()
    if done:
        newest = max(done, key=lambda s: s.logged_at)
        # The unit changed during the session: the plan's load, in the new unit, if it has one;
        # else the last load as lifted, with its unit written out ("20 kg").
        if newest.unit == unit or newest.load is None or load is None:
            load, unit = newest.load, newest.unit
    if load is None:
        load_text = "bw" if plan.equipment in UNLOADED else ""
    else:
        load_text = format_load(load, unit)
    if card.is_hold:
        reps_text = ""
        seconds_text = f"{seconds:g}" if seconds is not None else f"{plan.hold_seconds or ''}"
    else:
        reps_text = str(reps if reps is not None else plan.reps)
        seconds_text = ""
    return SetFields(
        rpe="", reps=reps_text, load=load_text, seconds=seconds_text, tempo=card.tempo,
        set_type="working", side=card.slots[slot].side if slot < len(card.slots) else None,
    )


def fields_of(logged: LoggedSet, card: Card) -> SetFields:
    """The form filled from a logged set, to edit it."""
    return SetFields(
        rpe=rpe_text(logged.rpe) if logged.rpe is not None else "",
        reps="" if logged.reps is None or (card.is_hold and logged.reps <= 1 and logged.seconds) else str(logged.reps),
        load="bw" if logged.load is None else format_load(logged.load, logged.unit),
        seconds=f"{logged.seconds:g}" if logged.seconds is not None else "",
        tempo=logged.tempo or "",
        note=logged.note,
        set_type=logged.set_type,
        side=logged.side,
    )
