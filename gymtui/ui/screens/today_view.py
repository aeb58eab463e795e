"""What Today draws, as text: made from the plan on the planning worker, kept as JSON.

`TodayView` is the screen's whole content (title, readiness, each row's cells and its "Why"
lines, the block's reasons, the last-session line) in plain strings, whatever the width:
the screen lays the rows out for its width when it draws them. It is what the plan cache
keeps (store/plan_cache.py), so the next start draws it before the models are even
imported; this module imports only the standard library until `view_of` is called.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ...domain.journal import Session
    from ...domain.session_model import Workout
    from ...services.planning import SessionPlan


@dataclass(frozen=True)
class PlanRow:
    exercise_id: str
    name: str
    reps: str  # "4 x 6 (6-8)"
    load: str  # "80 kg", "bw", "choose"
    tempo: str  # "3-1-1-0", or "hold" for a timed hold
    rpe: str  # "@8"
    rest: str  # "2:30"
    done: str | None  # "1/3" when a session is under way, else None
    why: str  # the lines under the table when this row is highlighted


@dataclass(frozen=True)
class TodayView:
    title: str
    readiness: str
    rows: tuple[PlanRow, ...]
    block_why: str
    last_session: str
    cursor: int  # where the cursor starts: the workout's exercise when one is under way
    under_way: bool  # a session is under way: the table has a Done column

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "rows": [asdict(row) for row in self.rows]}

    @classmethod
    def from_json(cls, data: Any) -> TodayView | None:
        """The view a cache file holds, or None when it is anything else (never a half view)."""
        try:
            if not isinstance(data["rows"], list):
                return None
            rows = tuple(PlanRow(**row) for row in data["rows"])
            view = cls(**{**data, "rows": rows})
        except (TypeError, KeyError, ValueError):
            return None
        if not (_typed(view) and all(_typed(row) for row in rows)) or not (0 <= view.cursor < max(len(rows), 1)):
            return None
        return view


def _typed(item: PlanRow | TodayView) -> bool:
    """Every field holds the type it is declared with (JSON could hold anything)."""
    kinds: dict[str, tuple[type, ...]] = {"str": (str,), "str | None": (str, type(None)), "int": (int,),
                                          "bool": (bool,)}
    for field in fields(item):
        value = getattr(item, field.name)
        kind = kinds.get(str(field.type))
        if kind is not None and (not isinstance(value, kind) or (kind == (int,) and isinstance(value, bool))):
            return False
    return True


def view_of(plan: SessionPlan, last: Session | None, progress: Workout | None, today: date) -> TodayView:
    """Today's screen for `plan`, the last session and the session under way (if any)."""
    from ...domain.rpe import rpe_text
    from ...domain.session_model import is_hold_plan
    from ...domain.session_set import prefill
    from ..format import load_text, reps_text, rest_text
    from .workout_text import progress_mark, progress_words

    if progress is not None:
        # The sets as the session has them, with the ones added or dropped.
        from dataclasses import replace

        items = [(card.exercise, replace(card.plan, sets=card.sets)) for card in progress.cards]
    else:
        items = [(item.exercise, item.plan) for item in plan.exercises]
    rows = []
    for index, (exercise, p) in enumerate(items):
        load = load_text(p)
        done = None
        why_lines = [f"[b]Why:[/b] {_reasons(p.reasons)}", f"[b]Cue:[/b] {exercise.cues[0] if exercise.cues else ''}"]
        if progress is not None:
            card = progress.cards[index]
            if p.load is None:
                # Nothing planned, but the lifter has chosen a load today: that is the load now.
                load = prefill(card, 0).load or load
            done = progress_mark(card)
            why_lines.insert(0, f"[b]Today:[/b] {progress_words(card, progress)}")
        rows.append(PlanRow(
            exercise_id=exercise.id, name=exercise.name, reps=reps_text(p), load=load,
            # A carry or a plank is one timed hold: a rep tempo would mean nothing there.
            tempo="hold" if is_hold_plan(p) else p.tempo, rpe=f"@{rpe_text(p.target_rpe)}",
            rest=rest_text(p.rest_seconds), done=done, why="\n".join(why_lines),
        ))
    deload = "  DELOAD" if plan.deload and plan.week_plan.emphasis != "deload" else ""
    return TodayView(
        title=(f"[b]{plan.day.name}[/b]  week {plan.block_week}/{len(plan.program.cycle)}"
               f"  [b]{plan.week_plan.emphasis.upper()}[/b]{deload}"),
        readiness=f"readiness {plan.readiness.score} {plan.readiness.level}",
        rows=tuple(rows),
        block_why="; ".join(plan.block_reasons),
        last_session=_last_line(last, progress, today),
        cursor=progress.exercise if progress is not None and rows else 0,
        under_way=progress is not None,
    )


def _reasons(reasons: list[str]) -> str:
    # Non-breaking spaces keep "76 kg" and "@ 8" together when the line wraps.
    return "; ".join(r.replace(" kg", "\u00a0kg").replace(" lb", "\u00a0lb").replace("@ ", "@\u00a0")
                     for r in reasons if not r.startswith("swapped in for")) or "as prescribed"


def _last_line(last: Session | None, progress: Workout | None, today: date) -> str:
    from ..format import ago

    if progress is not None:
        done = sum(card.sets_done for card in progress.cards)
        total = sum(card.sets for card in progress.cards)
        return (f"[b]Session in progress[/b]: {done} of {total} set{'s' if total != 1 else ''} done. "
                "[b]Enter[/b]: the workout at this exercise.")
    if last is None:
        return "First session: welcome. Loads start from what you log today."
    return f"Last session: {last.name}, {ago(last.date, today)}"
