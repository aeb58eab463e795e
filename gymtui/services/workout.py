"""Services behind the workout screen: today's session as cards and set slots, set entry.

Plain Python (no Textual). The screen holds a `Workout`: one `Card` per exercise in the
session's order, each with its set slots (two per set for a one-sided exercise: left, then
right) and a cursor. `Session.position` is (card index, slot index) so a killed app resumes
at the right exercise, set and side; `Session.order` keeps reorders and swaps.

Functions that read or write the store are called from worker threads only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import pendulum

from ..domain.common import RPE_VALUES, describe_error
from ..domain.journal import SET_TYPES, LoggedSet, Session, SetType, Side
from ..domain.library import Exercise, Prescription
from ..domain.progression import Plan, next_prescription
from ..domain.rpe import rpe_text
from ..domain.settings import Settings
from ..domain.tempo import TempoError, parse_tempo
from ..domain.tempo_timer import TempoSchedule, hold_schedule, tempo_schedule
from ..domain.units import Unit, format_load, normalise_unit
from ..store import Store
from .daily import today_session
from .library import Library
from .planning import (
    RECOVERY_DAYS,
    PlannedExercise,
    SessionPlan,
    _history,
    bodyweights,
    deload_starts,
    history_cutoff,
)

SIDES: tuple[Side, Side] = ("left", "right")
UNLOADED = ("bodyweight", "band")  # equipment where an empty load means bodyweight, not a typo


# -- one exercise of the session -------------------------------------------------------------


@dataclass
class Slot:
    """One set (or one side of a set) of an exercise: to do, logged, or skipped."""

    side: Side | None
    logged: LoggedSet | None = None
    skipped: bool = False
    draft: LoggedSet | None = None  # handed to the store, not yet on disk

    @property
    def done(self) -> bool:
        return self.logged is not None

    @property
    def pending(self) -> bool:
        return self.draft is not None and self.logged is None


def is_hold_plan(plan: Plan) -> bool:
    """The plan is timed holds (a carry, a 40 s walk, a plank), not reps with a hold."""
    return bool(plan.hold_seconds) and (plan.pattern == "carry" or plan.reps_max <= 1)


@dataclass
class Card:
    """An exercise as the lifter works it today."""

    exercise: Exercise
    plan: Plan
    slots: list[Slot]
    tempo: str  # the prescription's, until the lifter changes it for this session
    last_time: str = ""  # what was done last time, one line

    @property
    def per_set(self) -> int:
        return 2 if self.exercise.unilateral else 1

    @property
    def sets(self) -> int:
        return len(self.slots) // self.per_set

    @property
    def is_hold(self) -> bool:
        """A set that is one isometric hold (a carry, a 40 s walk), not reps with a hold."""
        return is_hold_plan(self.plan)

    def set_number(self, slot: int) -> int:
        return slot // self.per_set + 1

    def set_slots(self, slot: int) -> range:
        """The slots of the set `slot` belongs to (both sides of a one-sided set)."""
        first = (slot // self.per_set) * self.per_set
        return range(first, first + self.per_set)

    @property
    def sets_done(self) -> int:
        """Sets logged in full (both sides of a one-sided set)."""
        return sum(1 for first in range(0, len(self.slots), self.per_set)
                   if all(slot.done for slot in self.slots[first:first + self.per_set]))

    def logged_sets(self) -> list[LoggedSet]:
        return [s.logged for s in self.slots if s.logged is not None]

    def first_todo(self, start: int = 0) -> int | None:
        for index in range(start, len(self.slots)):
            slot = self.slots[index]
            if not slot.done and not slot.skipped and not slot.pending:
                return index
        return None

    @property
    def finished(self) -> bool:
        return self.first_todo() is None

    def add_set(self) -> int:
        """One more set at the end; returns its first slot."""
        first = len(self.slots)
        self.slots.extend(Slot(side) for side in (SIDES if self.exercise.unilateral else (None,)))
        return first

    def toggle_skip(self, slot: int) -> bool:
        """Skip the set `slot` belongs to (both sides), or bring a skipped one back.
        Logged slots stay as they are. Returns True when the set is now skipped."""
        indexes = [i for i in self.set_slots(slot) if not self.slots[i].done and not self.slots[i].pending]
        skip = not all(self.slots[i].skipped for i in indexes) if indexes else False
        for i in indexes:
            self.slots[i].skipped = skip
        return skip

    def skipped_sets(self) -> list[int]:
        """Indexes (from 0) of the sets skipped, one side or both."""
        return sorted({self.set_number(i) - 1 for i, slot in enumerate(self.slots) if slot.skipped})

    def skip_again(self, set_index: int) -> None:
        """Mark a set skipped as it was before a restart (its logged sides stay logged)."""
        first = set_index * self.per_set
        for i in range(first, min(first + self.per_set, len(self.slots))):
            if not self.slots[i].done:
                self.slots[i].skipped = True

    def place(self, slot: int, logged: LoggedSet) -> None:
        self.slots[slot].logged = logged
        self.slots[slot].draft = None
        self.slots[slot].skipped = False

    def slot_of(self, set_id: str) -> int | None:
        return next((i for i, s in enumerate(self.slots) if s.logged is not None and s.logged.id == set_id), None)


def build_slots(exercise: Exercise, planned_sets: int, logged: Sequence[LoggedSet]) -> list[Slot]:
    """Slots for the planned sets, filled with the sets already logged (oldest first).

    One-sided exercises fill left and right slots separately; a set logged without a side
    (from the command line) takes the first free slot. There are always at least as many
    sets as logged.
    """
    if not exercise.unilateral:
        slots = [Slot(None) for _ in range(max(planned_sets, len(logged)))]
        for slot, done in zip(slots, logged):
            slot.logged = done
        return slots
    lefts = sum(1 for s in logged if s.side == "left")
    rights = sum(1 for s in logged if s.side == "right")
    unsided = sum(1 for s in logged if s.side is None)
    sets = max(planned_sets, lefts, rights, math.ceil((lefts + rights + unsided) / 2))
    slots = [Slot(side) for _ in range(sets) for side in SIDES]
    for done in logged:
        free = next((s for s in slots if s.logged is None and (done.side is None or s.side == done.side)), None)
        if free is None:
            slots.extend(Slot(side) for side in SIDES)
            free = next(s for s in slots if s.logged is None and (done.side is None or s.side == done.side))
        free.logged = done
    return slots


# -- the whole session -----------------------------------------------------------------------


@dataclass
class Workout:
    session: Session
    plan: SessionPlan
    settings: Settings
    cards: list[Card]
    exercise: int = 0  # index into cards
    slot: int = 0
    resumed: bool = False  # True when opened on a session that already had working sets

    @property
    def card(self) -> Card:
        return self.cards[self.exercise]

    @property
    def current(self) -> Slot:
        return self.card.slots[self.slot]

    @property
    def position(self) -> tuple[int, int]:
        return (self.exercise, self.slot)

    def session_with_position(self) -> Session:
        """The session with where the lifter is and how the list of sets was changed, as
        saved on every move, add and skip (validated: model_copy would not check it)."""
        changes = {c.exercise.id: c.sets - c.plan.sets for c in self.cards if c.sets != c.plan.sets}
        skipped = [(c.exercise.id, index) for c in self.cards for index in c.skipped_sets()]
        return Session.model_validate({
            **self.session.model_dump(),
            "order": [c.exercise.id for c in self.cards], "position": self.position,
            "set_changes": changes, "skipped": skipped,
        })

    def logged_count(self) -> int:
        return sum(len(c.logged_sets()) for c in self.cards)

    @property
    def finished(self) -> bool:
        return all(card.finished for card in self.cards)

    # -- moving ----------------------------------------------------------------------------

    def go_to(self, exercise: int, slot: int | None = None) -> None:
        self.exercise = max(0, min(exercise, len(self.cards) - 1))
        card = self.card
        if slot is None:
            todo = card.first_todo()
            slot = todo if todo is not None else len(card.slots) - 1
        self.slot = max(0, min(slot, len(card.slots) - 1))

    def move_exercise(self, delta: int) -> None:
        self.go_to(self.exercise + delta)

    def move_set(self, delta: int) -> None:
        """One set up or down; on a one-sided exercise every side is a stop."""
        self.slot = max(0, min(self.slot + delta, len(self.card.slots) - 1))

    def reorder(self, delta: int) -> bool:
        """Move the current exercise earlier (-1) or later (+1) in the session."""
        target = self.exercise + delta
        if not 0 <= target < len(self.cards):
            return False
        self.cards[self.exercise], self.cards[target] = self.cards[target], self.cards[self.exercise]
        self.exercise = target
        return True

    def advance(self) -> bool:
        """After a set: the next set to do here, else the next exercise with sets to do.
        Returns True when the cursor moved to another exercise."""
        todo = self.card.first_todo(self.slot)
        if todo is None:
            todo = self.card.first_todo()
        if todo is not None:
            self.slot = todo
            return False
        count = len(self.cards)
        for step in range(1, count):
            index = (self.exercise + step) % count
            if self.cards[index].first_todo() is not None:
                self.go_to(index)
                return True
        return False

    def last_logged(self) -> tuple[int, int] | None:
        """(card, slot) of the newest set logged in this session."""
        best: tuple[int, int] | None = None
        newest = None
        for c, card in enumerate(self.cards):
            for s, slot in enumerate(card.slots):
                if slot.logged is not None and (newest is None or slot.logged.logged_at >= newest):
                    newest, best = slot.logged.logged_at, (c, s)
        return best


def _planned_for(plan: SessionPlan, order: Sequence[str], library: Library) -> list[tuple[str, PlannedExercise | None]]:
    """The session's exercises in its saved order, each with the day's plan.

    A swapped exercise is not in the day's plan: it takes the place of a planned exercise of
    the same pattern that the order no longer names (None when there is none).
    """
    planned = {item.exercise.id: item for item in plan.exercises}
    missing = [item for item in plan.exercises if item.exercise.id not in order]
    found: list[tuple[str, PlannedExercise | None]] = []
    for exercise_id in order:
        if exercise_id in planned:
            found.append((exercise_id, planned[exercise_id]))
            continue
        exercise = library.exercise(exercise_id)
        stand_in = next((m for m in missing if exercise is not None and m.exercise.pattern == exercise.pattern), None)
        if stand_in is not None:
            missing.remove(stand_in)
        found.append((exercise_id, stand_in))
    return found


def open_workout(store: Store, library: Library, plan: SessionPlan, now: pendulum.DateTime) -> Workout:
    """Today's session (the one the warm-up uses, created if needed) as a Workout.

    A session started by the warm-up has no order yet: it gets the plan's order and deload
    flag here. Every logged working set is put back in its slot and the cursor goes to the
    saved position, with the sets added and skipped as they were.
    """
    session = today_session(store, plan, now)
    sets = [s for s in store.session_sets(session.id) if s.set_type != "warmup"]
    if not session.order:
        session = store.save_session(
            session.model_copy(
                update={"order": [item.exercise.id for item in plan.exercises], "deload": session.deload or plan.deload}
            )
        )
    settings = store.settings()
    cards = _session_cards(store, library, plan, session, sets, settings, now.date())
    if not cards:
        raise ValueError("today's plan has no exercises")
    return _at_saved_position(Workout(session, plan, settings, cards, resumed=bool(sets)))


def _at_saved_position(workout: Workout) -> Workout:
    exercise, slot = workout.session.position
    if 0 <= exercise < len(workout.cards) and 0 <= slot < len(workout.cards[exercise].slots):
        workout.exercise, workout.slot = exercise, slot
        if workout.current.done:
            # The set there was stored, then the app was killed before the position after it
            # was (two writes): resume at the next set to do, as the lifter would have been.
            workout.advance()
    else:
        workout.go_to(0)
    return workout


def _session_cards(store: Store, library: Library, plan: SessionPlan, session: Session,
                   sets: Sequence[LoggedSet], settings: Settings, today: date) -> list[Card]:
    """The session's cards in its order: logged working sets in their slots, sets added
    and skipped as they were, swapped exercises with a plan of their own. Read only."""
    cards: list[Card] = []
    order = list(session.order)
    # Exercises logged today that the order does not name (a swap lost to a kill) are shown too.
    order += sorted({s.exercise for s in sets} - set(order))
    for exercise_id, planned in _planned_for(plan, order, library):
        exercise = library.exercise(exercise_id)
        if exercise is None:
            continue
        if planned is None:
            item = plan_for_exercise(store, library, settings, plan, exercise, None)
        elif planned.exercise.id != exercise_id:
            item = plan_for_exercise(store, library, settings, plan, exercise, planned)
        else:
            item = planned
        logged = [s for s in sets if s.exercise == exercise_id]
        card = make_card(store, item, logged, today, set_change=session.set_changes.get(exercise_id, 0))
        for skipped_id, set_index in session.skipped:
            if skipped_id == exercise_id and set_index < card.sets:
                card.skip_again(set_index)
        cards.append(card)
    return cards


def session_in_progress(store: Store, library: Library, plan: SessionPlan, today: date) -> Workout | None:
    """Today's session in progress as the workout screen would open it, for Today to show
    what is done; None when there is none. Nothing is created or saved."""
    session = store.in_progress_session()
    if session is None or session.date != today:
        return None
    sets = [s for s in store.session_sets(session.id) if s.set_type != "warmup"]
    if not session.order:  # started by the warm-up: the plan's order until the workout opens
        session = session.model_copy(update={"order": [item.exercise.id for item in plan.exercises]})
    settings = store.settings()
    cards = _session_cards(store, library, plan, session, sets, settings, today)
    if not cards:
        return None
    return _at_saved_position(Workout(session, plan, settings, cards, resumed=bool(sets)))


def progress_mark(card: Card) -> str:
    """Today's Done column: '✓ 3/3' when nothing is left to do, else '1/3'."""
    return f"{'✓ ' if card.finished else ''}{card.sets_done}/{card.sets}"


def progress_words(card: Card, workout: Workout) -> str:
    """One exercise of the session in progress, in words, for Today's line under the table:
    'Swapped in for Bent Over Row, 1 of 4 sets done, 1 set added, 1 skipped'."""
    parts = []
    if card.exercise.id not in {item.exercise.id for item in workout.plan.exercises}:
        swapped = next((r for r in card.plan.reasons if r.startswith("swapped in for")), None)
        parts.append(swapped[0].upper() + swapped[1:] if swapped else "Added today")
    parts.append(f"{card.sets_done} of {card.sets} set{'s' if card.sets != 1 else ''} done")
    change = card.sets - card.plan.sets
    if change:
        parts.append(f"{abs(change)} set{'s' if abs(change) != 1 else ''} {'added' if change > 0 else 'dropped'}")
    skipped = len(card.skipped_sets())
    if skipped:
        parts.append(f"{skipped} skipped")
    return ", ".join(parts)


def make_card(store: Store, item: PlannedExercise, logged: Sequence[LoggedSet], today: date,
              *, set_change: int = 0) -> Card:
    """`set_change`: sets the lifter added (negative: dropped) to the plan, from the session."""
    recent = store.recent_sets(item.exercise.id, sessions=1, before=today)
    last = last_time_text(recent[0][0].date, recent[0][1]) if recent else ""
    sets = max(1, item.plan.sets + set_change)
    return Card(item.exercise, item.plan, build_slots(item.exercise, sets, logged), item.plan.tempo, last)


def plan_for_exercise(
    store: Store, library: Library, settings: Settings, plan: SessionPlan, exercise: Exercise,
    replaces: PlannedExercise | None,
) -> PlannedExercise:
    """A plan for an exercise swapped in: the replaced exercise's sets, reps, RPE and rest,
    the new exercise's own tempo and hold, and a load from its own history."""
    rx = None
    if replaces is not None:
        rx = next((r for r in plan.day.prescriptions if r.exercise == replaces.exercise.id), None)
    if rx is None:
        rx = Prescription(exercise=exercise.id, sets=3, reps_min=8, reps_max=12,
                          rest_seconds=settings.default_rest_seconds)
    rx = rx.model_copy(update={"exercise": exercise.id, "tempo": None, "load": None, "unit": None,
                               "hold_seconds": None})
    today = plan.today
    cutoff = history_cutoff(store, today)
    start = plan.program_start or today
    history, _ = _history(store, plan.program, rx, start, cutoff, deload_starts(store, cutoff), today,
                          exercise.equipment, settings.unit)
    notes = store.recovery_between(today - timedelta(days=RECOVERY_DAYS), today)
    result = next_prescription(exercise, rx, plan.week_plan, history, settings, plan.readiness,
                               recent_notes=notes, today=today,
                               bodyweights=bodyweights(store, settings, [(exercise, history)], today))
    if replaces is not None:
        result = replace(result, reasons=[f"swapped in for {replaces.exercise.name}", *result.reasons])
    return PlannedExercise(exercise, result)


def swap_card(store: Store, library: Library, workout: Workout, index: int, exercise: Exercise,
              today: date) -> Card:
    """A new card for `exercise` in place of card `index` (which has no logged sets)."""
    old = workout.cards[index]
    original = next((i for i in workout.plan.exercises if i.exercise.id == old.exercise.id), None)
    if original is None:  # swapping a swapped exercise again: go back to what the day planned
        original = next((i for i in workout.plan.exercises
                         if i.exercise.pattern == exercise.pattern
                         and i.exercise.id not in {c.exercise.id for c in workout.cards}), None)
    if original is not None and original.exercise.id == exercise.id:
        item = original
    else:
        item = plan_for_exercise(store, library, workout.settings, workout.plan, exercise, original)
    return make_card(store, item, [], today)


def replanned(store: Store, library: Library, workout: Workout, plan: SessionPlan,
              settings: Settings) -> list[Plan]:
    """The plans of the workout's cards, in card order, after a change of settings (unit,
    bar, plates, steps): the loads still to do in the new unit and steps, with their reasons.
    Read-only, for a worker thread; `apply_plans` puts them on the cards. The number of sets
    stays as the session started, so the sets added or dropped keep their meaning."""
    order = [card.exercise.id for card in workout.cards]
    plans: list[Plan] = []
    for (exercise_id, planned), card in zip(_planned_for(plan, order, library), workout.cards, strict=True):
        if planned is None or planned.exercise.id != exercise_id:
            planned = plan_for_exercise(store, library, settings, plan, card.exercise, planned)
        plans.append(replace(planned.plan, sets=card.plan.sets))
    return plans


def apply_plans(workout: Workout, plan: SessionPlan, settings: Settings, plans: Sequence[Plan]) -> None:
    """Put `replanned` plans on the cards. Logged sets, skips and the cursor stay; a tempo the
    lifter changed for today stays too."""
    for card, new in zip(workout.cards, plans, strict=True):
        if card.tempo == card.plan.tempo:
            card.tempo = new.tempo
        card.plan = new
    workout.plan, workout.settings = plan, settings


def finish_session(store: Store, session: Session, now: pendulum.DateTime) -> Session:
    return store.save_session(session.model_copy(update={"status": "done", "finished_at": now}))


def resume_hint(store: Store, library: Library, today: date) -> str | None:
    """One line for the start of the app when today's session has working sets logged."""
    session = store.in_progress_session()
    if session is None or session.date != today:
        return None
    sets = [s for s in store.session_sets(session.id) if s.set_type != "warmup"]
    if not sets:
        return None
    where = ""
    exercise, slot = session.position
    if 0 <= exercise < len(session.order):
        found = library.exercise(session.order[exercise])
        if found is not None:
            where = f"at {found.name}, set {slot // (2 if found.unilateral else 1) + 1}"
    count = f"{len(sets)} set{'s' if len(sets) != 1 else ''}"
    # Shown on one line of the header row: the key and the place first, the count may be cut.
    where = where or f"today's {session.name} session"
    return f"w resumes {where} ({count} logged)."


# -- text ------------------------------------------------------------------------------------


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


# -- the tempo timer's schedule ----------------------------------------------------------------


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


# -- set entry ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SetFields:
    """The set form as typed."""

    rpe: str = ""
    reps: str = ""
    load: str = ""
    seconds: str = ""
    tempo: str = ""
    note: str = ""
    set_type: SetType = "working"
    side: Side | None = None


@dataclass(frozen=True)
class SetValues:
    rpe: float | None
    reps: int | None
    load: float | None
    unit: Unit
    seconds: float | None
    tempo: str | None
    note: str
    set_type: SetType
    side: Side | None


@dataclass
class FormErrors:
    by_field: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.by_field)

    def text(self) -> str:
        return "\n".join(self.by_field.values())


_LOAD = re.compile(r"^(\d+(?:[.,]\d+)?)\s*([a-z#]+)?$")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


def parse_rpe(text: str) -> float | None:
    """'8', '8.5', '8,5' and '85' (two figures without a point: 8.5); '' is no RPE."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    if re.fullmatch(r"[6-9]5", text):
        text = f"{text[0]}.5"
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"RPE {text!r} is not a number: 6 to 10 in half steps, e.g. 8 or 8.5") from None
    if value not in RPE_VALUES:
        raise ValueError(f"RPE {value:g} is not on the scale: 6 to 10 in half steps (8 = 2 reps left)")
    return value


def parse_load(text: str, default_unit: Unit, *, bodyweight_ok: bool) -> tuple[float | None, Unit]:
    raw = text.strip().lower()
    if raw in ("bw", "bodyweight") or (not raw and bodyweight_ok):
        return None, default_unit
    if not raw:
        raise ValueError("load missing: type it, e.g. 80 or 80 kg (bw for bodyweight)")
    match = _LOAD.match(raw)
    if match is None:
        raise ValueError(f"load {text.strip()!r} is not a number: write 80, 82.5 kg or 175 lb")
    unit = default_unit
    if match[2]:
        try:
            unit = normalise_unit(match[2])
        except ValueError:
            raise ValueError(f"load {text.strip()!r} is not a load: write 80, 82.5 kg or 175 lb") from None
    value = float(match[1].replace(",", "."))
    if value > 2000:
        raise ValueError(f"load {value:g} {unit} is beyond any bar: at most 2000")
    return value, unit


def parse_reps(text: str, *, required: bool) -> int | None:
    raw = text.strip()
    if not raw:
        if required:
            raise ValueError("reps missing: type how many you did")
        return None
    # ASCII digits only: str.isdigit() also takes '²', which int() refuses with Python's words.
    if not (raw.isascii() and raw.isdigit()):
        raise ValueError(f"reps {raw!r}: write a whole number, 0 or more")
    if len(raw.lstrip("0")) > 4:  # before int(): past 4,300 digits int() itself refuses
        raise ValueError("reps: at most 1000")
    value = int(raw)
    if value > 1000:
        raise ValueError(f"reps {value}: at most 1000")
    return value


def parse_seconds(text: str) -> float | None:
    raw = text.strip().replace(",", ".")
    if not raw:
        return None
    if not _NUMBER.match(raw):
        raise ValueError(f"seconds {raw!r}: write a number, e.g. 40")
    value = float(raw)
    if value > 86400:
        raise ValueError("seconds: at most a day")
    return value


def parse_set_fields(fields: SetFields, default_unit: Unit, *, bodyweight_ok: bool, hold: bool) -> tuple[SetValues | None, FormErrors]:
    """Read the form. Every bad field is named in the errors; nothing is returned then."""
    errors = FormErrors()
    values: dict[str, object] = {}

    def read(name: str, fn) -> None:
        try:
            values[name] = fn()
        except (ValueError, TempoError) as error:
            errors.by_field[name] = str(error)

    read("rpe", lambda: parse_rpe(fields.rpe))
    read("seconds", lambda: parse_seconds(fields.seconds))
    read("reps", lambda: parse_reps(fields.reps, required=not hold))
    read("load", lambda: parse_load(fields.load, default_unit, bodyweight_ok=bodyweight_ok))
    read("tempo", lambda: str(parse_tempo(fields.tempo)) if fields.tempo.strip() else None)
    if fields.set_type not in SET_TYPES:
        errors.by_field["set_type"] = f"set type {fields.set_type!r}: one of {', '.join(SET_TYPES)}"
    if len(fields.note) > 2000:
        errors.by_field["note"] = "note: at most 2000 characters"
    if not errors and values["reps"] is None and values["seconds"] is None:
        errors.by_field["reps"] = "a set needs reps or seconds"
    if errors:
        return None, errors
    load, unit = values["load"]  # type: ignore[misc]
    return SetValues(
        rpe=values["rpe"],  # type: ignore[arg-type]
        reps=values["reps"] if values["reps"] is not None else (1 if hold else None),  # type: ignore[arg-type]
        load=load,
        unit=unit,
        seconds=values["seconds"],  # type: ignore[arg-type]
        tempo=values["tempo"],  # type: ignore[arg-type]
        note=fields.note,
        set_type=fields.set_type,
        side=fields.side,
    ), errors


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
        return LoggedSet(session_id=session_id, exercise=exercise, logged_at=now, started_at=started_at,
                         source="app", **data)
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
