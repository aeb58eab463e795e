"""Text for the workout screen: the exercise card, the set strip, the session line.

Plain functions of a `Workout` returning Textual markup, tested without an app. Everything
the lifter glances at between sets is here: the target (load x reps @RPE), the tempo in the
order the rep is done, the rest, why the load is what it is, last time, a cue.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pendulum
from rich.markup import escape

from ...domain.journal import LoggedSet
from ...domain.rpe import rpe_text
from ...domain.session_model import Card, Workout
from ...domain.tempo import TempoError, parse_tempo
from ...domain.units import Unit, format_load
from ...domain.wording import plural
from ...services.workout import ResumePoint
from ..format import rest_text
from ..widgets.tempo_panel import LOOKS


def target_text(card: Card) -> str:
    """'80 kg × 5 @8.5', 'bw × 8 @8', 'choose load × 10 @7.5', '24 kg, hold 40 s @7.5'."""
    plan = card.plan
    if plan.load is not None:
        load = format_load(plan.load, plan.unit)
    elif plan.equipment in ("bodyweight", "band"):
        load = "bw"
    else:
        done = card.logged_sets()
        load = format_load(done[-1].load, done[-1].unit) if done and done[-1].load is not None else "pick a load"
    if card.is_hold:
        work = f"{load}, hold {plan.hold_seconds} s"
    elif plan.hold_seconds:
        work = f"{load} × {plan.reps}, {plan.hold_seconds} s hold each"
    else:
        work = f"{load} × {plan.reps}"
    if plan.reps_min != plan.reps_max and not card.is_hold:
        work += f" ({plan.reps_min}-{plan.reps_max})"
    return f"{work} @{rpe_text(plan.target_rpe)}"


def tempo_text(card: Card) -> str:
    """'3-0-1-1: ▲1 ●1 ▼3' (the rep as performed); the error itself for a tempo that does not read."""
    if card.is_hold:
        return f"hold {card.plan.hold_seconds} s"
    try:
        tempo = parse_tempo(card.tempo)
    except TempoError as error:
        return f"[$error]{escape(str(error))}[/]"
    figures = dict(zip(("eccentric", "bottom", "concentric", "top"), tempo.figures(), strict=True))
    parts = []
    for name in tempo.phase_order(card.exercise.starts_concentric):
        figure = figures[name]
        if figure == 0:
            continue
        if card.plan.hold_seconds and name == "top":
            parts.append(f"{LOOKS['hold'].small}{card.plan.hold_seconds}")
            continue
        parts.append(f"{LOOKS[name].small}{'X' if figure is None else figure}")
    return f"{tempo} {' '.join(parts)}"


def log_title(card: Card, slot: int, width: int) -> str:
    """The set form's title: the set, then its target, on a line of its own when the two do
    not fit in `width` (a long name at 80 columns would cut the RPE off the end)."""
    head = f"Log {card.exercise.name}, {slot_label(card, slot)}"
    target = f"target {target_text(card)}"
    gap = "   " if len(head) + 3 + len(target) <= width else "\n"
    return f"[b]{escape(head)}[/b]{gap}{escape(target)}"


def slot_label(card: Card, slot: int) -> str:
    """'set 2 of 4', 'set 2 of 4, left'."""
    side = card.slots[slot].side
    label = f"set {card.set_number(slot)} of {card.sets}"
    return f"{label}, {side}" if side else label


def heading(card: Card, slot: int, index: int, count: int, group: tuple[str, str] | None = None) -> str:
    """The exercise and the set; in a superset, its place and the exercise after it
    ('A1 · Face Pull  then A2 · Row') instead of the count of exercises."""
    name = escape(card.exercise.name)
    if group is not None:
        place, after = group
        return (f"[b]{place} · {name}[/b]  [$primary b]{slot_label(card, slot).upper()}[/]"
                f"   [$text-muted]then {escape(after)}[/]")
    left = f"[b]{name}[/b]  [$primary b]{slot_label(card, slot).upper()}[/]"
    return f"{left}   [$text-muted]exercise {index + 1}/{count}[/]"


def group_place(workout: Workout[Any], card: Card, groups: dict[str, str]) -> tuple[str, str] | None:
    """('A1', 'A2 · Row'): the card's place in its superset and the member after it."""
    label = groups.get(card.exercise.id)
    if label is None:
        return None
    members = [c for c in workout.cards if groups.get(c.exercise.id) == label]
    if card not in members or len(members) < 2:
        return None
    at = members.index(card)
    after = (at + 1) % len(members)
    return f"{label}{at + 1}", f"{label}{after + 1} · {members[after].exercise.name}"


def prescription_line(card: Card) -> str:
    return (
        f"[b]{escape(target_text(card))}[/b]   tempo [b]{tempo_text(card)}[/b]"
        f"   rest [b]{rest_text(card.plan.rest_seconds)}[/b]"
    )


def cue_line(card: Card) -> str:
    return f"[$text-muted]Cue:[/] {escape(card.exercise.cues[0])}"


def card_lines(card: Card, *, every_cue: bool = False) -> str:
    """The full card: what to do, why, last time, a cue (one line each); with `every_cue`
    (a tall terminal) each cue of the exercise on a line of its own."""
    reasons = "; ".join(card.plan.reasons) or "as prescribed"
    last = last_time_text(*card.last) if card.last else "nothing logged yet"
    lines = [
        prescription_line(card),
        f"[$text-muted]Why:[/] {escape(reasons)}",
        f"[$text-muted]Last:[/] {escape(last)}",
    ]
    if every_cue:
        lines += [f"[$text-muted]Cue:[/] {escape(cue)}" for cue in card.exercise.cues]
    else:
        lines.append(f"[$text-muted]Cue:[/] {escape(' · '.join(card.exercise.cues[:2]))}")
    return "\n".join(lines)


def not_logged(todo: int) -> str:
    """The finish question's warning about planned sets left undone ('' when none)."""
    if not todo:
        return ""
    return f"\n{plural(todo, 'planned set')} {'is' if todo == 1 else 'are'} not logged."


def set_strip(card: Card, cursor: int | None) -> str:
    """Every set of the exercise: ✓ logged, … saving, – skipped, · to do; the cursor reversed."""
    parts = []
    for index, slot in enumerate(card.slots):
        number = str(card.set_number(index)) + ({"left": "L", "right": "R"}.get(slot.side or "", ""))
        if slot.logged is not None:
            text = f"✓{number} {short_set(slot.draft or slot.logged, card.plan.unit, with_side=False)}"
            style = "$success"
        elif slot.pending and slot.draft is not None:
            text = f"…{number} {short_set(slot.draft, card.plan.unit, with_side=False)}"
            style = "$warning"
        elif slot.skipped:
            text = f"–{number} skipped"
            style = "$text-muted"
        else:
            text = f"·{number}"
            style = ""
        text = escape(text)
        if index == cursor:
            parts.append(f"[reverse b] {text} [/]")
        elif style:
            parts.append(f"[{style}] {text} [/]")
        else:
            parts.append(f" {text} ")
    return "".join(parts)


def order_line(workout: Workout[Any], width: int = 78) -> str:
    """The session in order: done exercises ticked, the current one marked."""
    parts = []
    for index, card in enumerate(workout.cards):
        name = escape(card.exercise.name)
        if index == workout.exercise:
            parts.append(f"[b]▶{name}[/b]")
        elif card.finished:
            parts.append(f"[$text-muted]✓{name}[/]")
        else:
            parts.append(name)
    return " · ".join(parts)


def next_label(workout: Workout[Any]) -> str:
    """What comes after the rest, short: 'Deadlift, set 2', 'Single Arm Dumbbell Row, set 1 left'."""
    if workout.finished:
        return "all sets done"
    card = workout.card
    side = card.slots[workout.slot].side
    return f"{card.exercise.name}, set {card.set_number(workout.slot)}" + (f" {side}" if side else "")


def finished_text(workout: Workout[Any]) -> str:
    sets = workout.logged_count()
    skipped = workout.skipped_count()
    return f"{sets} set{'s' if sets != 1 else ''} logged" + (f", {skipped} skipped" if skipped else "")


# -- sets and sessions in a few words (also on Today and at the start of the app) --------------


def short_set(logged: LoggedSet, unit: Unit | None = None, *, with_side: bool = True) -> str:
    """'80×5 @8', 'bw×12', '40 s @7.5', 'L 20×10'; '20kg×16' when the set was logged in
    another unit than `unit` (the unit was changed during the session). `with_side` False
    leaves the side out, for a caller that shows it already ('✓1L 20×10')."""
    side = {"left": "L ", "right": "R "}.get(logged.side or "", "") if with_side else ""
    load = "bw" if logged.load is None else f"{logged.load:g}"
    if logged.load is not None and unit is not None and logged.unit != unit:
        load += logged.unit
    if logged.reps is None or (logged.seconds and logged.reps <= 1):
        work = f"{logged.seconds:g} s" if logged.seconds else f"{logged.distance_m:g} m"
        work = f"{load}×{work}" if logged.load is not None else work
    else:
        work = f"{load}×{logged.reps}"
    rpe = f" @{rpe_text(logged.rpe)}" if logged.rpe is not None else ""
    return f"{side}{work}{rpe}"


def last_time_text(day: date, sets: Sequence[LoggedSet]) -> str:
    """'Mon 9 Nov: 77.5 kg × 5, 5, 5, 4 @8, 8, 8.5, 9' (working sets; one load named once)."""
    work = [s for s in sets if s.set_type != "warmup"] or list(sets)
    when = pendulum.Date(day.year, day.month, day.day).format("ddd D MMM")
    loads = {(s.load, s.unit) for s in work}
    rpes = [rpe_text(s.rpe) for s in work if s.rpe is not None]
    if len(loads) == 1 and all(s.reps is not None for s in work):
        load, unit = next(iter(loads))
        reps = ", ".join(str(s.reps) for s in work)
        head = f"{format_load(load, unit)} × {reps}" if load is not None else f"bw × {reps}"
        return f"{when}: {head}" + (f" @{', '.join(rpes)}" if rpes else "")
    return f"{when}: " + ", ".join(short_set(s) for s in work)


def progress_mark(card: Card) -> str:
    """Today's Done column: '✓ 3/3' when nothing is left to do, else '1/3'."""
    return f"{'✓ ' if card.finished else ''}{card.sets_done}/{card.sets}"


def progress_words(card: Card, workout: Workout[Any]) -> str:
    """One exercise of the session in progress, in words, for Today's line under the table:
    'Swapped in for Bent Over Row, 1 of 4 sets done, 1 set added, 1 skipped'."""
    parts = []
    if card.exercise.id not in workout.planned_ids():
        swapped = next((r for r in card.plan.reasons if r.startswith("swapped in for")), None)
        parts.append(swapped[0].upper() + swapped[1:] if swapped else "Added today")
    parts.append(f"{card.sets_done} of {plural(card.sets, 'set')} done")
    change = card.sets - card.plan.sets
    if change:
        parts.append(f"{plural(abs(change), 'set')} {'added' if change > 0 else 'dropped'}")
    skipped = len(card.skipped_sets())
    if skipped:
        parts.append(f"{skipped} skipped")
    return ", ".join(parts)


def resume_hint(point: ResumePoint) -> str:
    """One line for the start of the app when today's session has working sets logged."""
    where = f"at {point.exercise_name}, set {point.set_number}" if point.exercise_name else ""
    # Shown on one line of the header row: the key and the place first, the count may be cut.
    where = where or f"today's {point.session_name} session"
    return f"w resumes {where} ({plural(point.sets_logged, 'set')} logged)."
