"""The recovery screen's sentences: the day's title, whether its note is saved, and its readiness."""

from __future__ import annotations

from datetime import date, timedelta

from ...domain.daily import RecoveryNote
from ...domain.readiness import readiness
from ...services.daily import DayRegions


def title_text(day: date, today: date) -> str:
    """The title over the form: the day, and "today" or "yesterday" when it is."""
    when = "today" if day == today else "yesterday" if day == today - timedelta(days=1) else ""
    day_text = f"{day:%A %d %B %Y}".replace(" 0", " ")
    return f"[b]Recovery note[/b]  {day_text}{f' ({when})' if when else ''}"


def status_text(note: RecoveryNote | None) -> str:
    """Under the form: when the day's note was saved, or that it has none yet."""
    if note is None:
        return "[$text-muted]No note for this day yet. Fill what you know; enter saves.[/]"
    return f"[$success]Saved[/] {note.updated_at:%d %b %H:%M}. Edit and press enter to save again."


def readiness_text(note: RecoveryNote | None, regions: DayRegions) -> str:
    """The readiness the planner reads from `note`, every deduction listed."""
    ready = readiness(note, regions.regions)
    level_colour = {"good": "$success", "ok": "$warning", "poor": "$error"}[ready.level]
    if note is None:
        return f"[b]Readiness [{level_colour}]{ready.score}/100[/][/b]  no note for this day: nothing taken off"
    parts = "\n".join(f"  {part}" for part in ready.parts[:-1])
    return (
        f"[b]Readiness [{level_colour}]{ready.score}/100 {ready.level}[/][/b]"
        f"  [$text-muted]from 100, minus:[/]\n{parts}\n[$text-muted]Soreness counts for {regions.why}.[/]"
    )
