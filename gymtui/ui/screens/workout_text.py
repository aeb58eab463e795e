"""Text for the workout screen: the exercise card, the set strip, the session line.

Plain functions of a `Workout` returning Textual markup, tested without an app. Everything
the lifter glances at between sets is here: the target (load x reps @RPE), the tempo in the
order the rep is done, the rest, why the load is what it is, last time, a cue.
"""

from __future__ import annotations

from rich.markup import escape

from ...domain.rpe import rpe_text
from ...domain.tempo import TempoError, parse_tempo
from ...domain.units import format_load
from ...domain.wording import plural
from ...services.workout import Card, Workout, short_set
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
    figures = dict(zip(("eccentric", "bottom", "concentric", "top"), tempo.figures()))
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


def heading(card: Card, slot: int, index: int, count: int) -> str:
    left = f"[b]{escape(card.exercise.name)}[/b]  [$primary b]{slot_label(card, slot).upper()}[/]"
    return f"{left}   [$text-muted]exercise {index + 1}/{count}[/]"


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
    last = card.last_time or "nothing logged yet"
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


def order_line(workout: Workout, width: int = 78) -> str:
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


def next_label(workout: Workout) -> str:
    """What comes after the rest, short: 'Deadlift, set 2', 'Single Arm Dumbbell Row, set 1 left'."""
    if workout.finished:
        return "all sets done"
    card = workout.card
    side = card.slots[workout.slot].side
    return f"{card.exercise.name}, set {card.set_number(workout.slot)}" + (f" {side}" if side else "")


def finished_text(workout: Workout) -> str:
    sets = workout.logged_count()
    skipped = sum(1 for card in workout.cards for slot in card.slots if slot.skipped)
    return f"{sets} set{'s' if sets != 1 else ''} logged" + (f", {skipped} skipped" if skipped else "")
