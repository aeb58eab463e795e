"""Text for the history screen: table cells, a week's detail, an exercise's records.

Plain functions from service results to short strings that fit an 80-column terminal.
"""

from __future__ import annotations

from datetime import timedelta

from textual.markup import escape

from ...domain.common import PATTERN_LABELS
from ...domain.units import Unit
from ...domain.week_rows import WeekRow
from ...domain.wording import plural
from ...services.history import ExerciseProgress, SessionRow


def tonnage_text(value: float) -> str:
    return f"{value:,.0f}" if value < 1_000_000 else f"{value / 1000:,.0f}k"


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def sessions_status(rows: list[SessionRow], exercise: str | None, *, more: bool, unit: Unit) -> str:
    """Under the session list: how many are shown (with `exercise`, the filter's name), how far back."""
    shown = len(rows)
    which = f" with {escape(exercise)}" if exercise else ""
    if not shown:
        return f"No sessions{which}. Log one, or press i to import another app's export."
    if more:
        oldest = f"{rows[-1].day:%Y-%m-%d}"
        return f"{plural(shown, 'session')}{which} back to {oldest}; scroll for older ones."
    every = "All " if shown > 1 else ""
    return f"{every}{plural(shown, 'session')}{which}. Enter: every set. Tonnage in {unit}."


def no_exercise_text(typed: str, near: list[str]) -> str:
    """The filter's message for a name that is no exercise, with the names it is near."""
    hint = f" Did you mean: {', '.join(near)}?" if near else ""
    return escape(f"No exercise called {typed!r}.{hint}")


def completed(typed: str, names: list[str]) -> str | None:
    """The name the filter field shows for `typed`: the first of `names` it begins, ignoring
    case, as Textual's SuggestFromList completes it (None when it completes nothing)."""
    start = typed.strip().casefold()
    if not start:
        return None
    return next((name for name in names if name.casefold().startswith(start)), None)


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


def number(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def week_detail(row: WeekRow, unit: Unit) -> str:
    days = f"{row.monday:%d %b}-{row.monday + timedelta(days=6):%d %b}"
    patterns = " · ".join(
        f"{PATTERN_LABELS.get(name, name)} {v.sets}" + (f" ({tonnage_text(v.tonnage)} {unit})" if v.tonnage else "")
        for name, v in row.patterns.items()
    )
    mobility = "-" if row.mobility_days is None else f"{row.mobility_days}/{row.days_counted} days"
    sleep = "-" if row.sleep_hours is None else f"{row.sleep_hours:.1f} h"
    return (f"[b]{row.key}[/b] {days}: {plural(row.sessions, 'session')}, {plural(row.sets, 'set')}."
            f" {patterns or 'no sets'}\n"
            f"checklist {percent(row.checklist)} · mobility {mobility} · sleep {sleep}"
            f" · soreness {number(row.soreness)}/3")


METHOD_NAMES = {"rts": "RTS", "epley": "Epley", "brzycki": "Brzycki"}


def short_load(value: float | None) -> str:
    return "bw" if value is None else f"{value:.1f}".removesuffix(".0")


def records_text(progress: ExerciseProgress) -> str:
    """Records and the last three sessions in lines of at most about 49 characters."""
    unit, records = progress.unit, progress.records
    lines = []
    if records.heaviest is not None:
        lines.append(f"[b]Heaviest[/b]  {short_load(records.heaviest.load)} {unit} x {records.heaviest.reps}"
                     f"  {records.heaviest.day}")
    if records.best_e1rm is not None:
        best = records.best_e1rm
        rpe = f" @ {best.rpe:g}" if best.rpe is not None else ""
        # A lift moving the body: the bodyweight it was read with, then the belt.
        load = short_load(best.load)
        if progress.moves_body and progress.best_bodyweight is not None:
            load = f"bw {short_load(progress.best_bodyweight)}" + (f" + {load}" if best.load else "")
        lines.append(f"[b]Best e1RM[/b] {short_load(best.value)} {unit} {best.day} ({load}x"
                     f"{best.reps}{rpe}, {METHOD_NAMES.get(best.method, best.method)})")
    if progress.moves_body and any(r.bodyweight is None for r in progress.recent[:3]):
        lines.append("[b]e1RM[/b] counts bodyweight + belt: no bodyweight known for some days "
                     "(Settings or Recovery)")
    if records.reps_at:
        shown = " · ".join(f"{short_load(r.load)} x {r.reps}" for r in records.reps_at[:3])
        lines.append(
            f"[b]Most reps[/b] {shown}" + ("" if all(r.load is None for r in records.reps_at) else f" ({unit})")
        )
    lines.append(f"[b]Recent[/b] ({plural(records.sessions, 'session')} in all)")
    for recent in progress.recent[:3]:
        e1rm = f"  e1RM {short_load(recent.e1rm)}" if recent.e1rm is not None else ""
        if progress.moves_body:
            e1rm = (f"{e1rm} (bw {short_load(recent.bodyweight)})" if recent.bodyweight is not None
                    else "  e1RM ? (no bodyweight)")
        lines.append(
            f" {recent.day}  {plural(recent.sets, 'set')}"
            f"  top {short_load(recent.heaviest)} x {recent.heaviest_reps}{e1rm}"
        )
    return "\n".join(lines)
