"""The routine and checklist editors' text, one item per line, read into library models with line-numbered messages."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal

from ..domain.common import describe_error
from ..domain.library import ChecklistItem, Drill, Routine
from ..domain.wording import plural

MAX_CHECKLIST_ITEMS = 9  # ticked with the number keys 1-9
_SIDE_WORDS = {"each side", "per side", "both sides", "each", "x2 sides"}


class TextFormatError(ValueError):
    """A line of an editor's text that cannot be used; str() names the line."""


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return slug[:80].rstrip("-")


def _unique(slug: str, taken: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in taken:
        candidate = f"{slug[:76]}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


# -- mobility routines -----------------------------------------------------------------------


def routine_to_text(routine: Routine) -> str:
    """The editor's text: one item per line, 'name | amount | each side | cue'."""
    lines = []
    for drill in routine.items:
        amount = plural(drill.rep_count, "rep") if drill.kind == "reps" else f"{drill.seconds} s"
        parts = [drill.name, amount] + (["each side"] if drill.per_side else []) + ([drill.cue] if drill.cue else [])
        lines.append(" | ".join(parts))
    return "\n".join(lines)


_AMOUNT = re.compile(r"^(\d+)\s*(reps?|x|s|sec|secs|seconds?)?$", re.IGNORECASE)


def _parse_item(number: int, line: str) -> Drill:
    fields = [part.strip() for part in line.split("|")]
    if len(fields) < 2 or not fields[1]:
        raise TextFormatError(f"line {number}: write 'name | amount', e.g. 'Open book | 8 reps | each side'")
    name, amount, rest = fields[0], fields[1], fields[2:]
    if not slugify(name):
        raise TextFormatError(f"line {number}: the item needs a name with letters or digits")
    match = _AMOUNT.match(amount)
    if not match:
        raise TextFormatError(f"line {number}: {amount!r} is not an amount: write '10 reps' or '30 s'")
    count, word = int(match.group(1)), (match.group(2) or "reps").lower()
    per_side = False
    cues = []
    for part in rest:
        if part.lower() in _SIDE_WORDS:
            per_side = True
        elif part:
            cues.append(part)
    kind: Literal["hold", "reps"] = "hold" if word.startswith("s") else "reps"
    try:
        return Drill(
            id=slugify(name),
            name=name,
            kind=kind,
            seconds=count if kind == "hold" else None,
            reps=count if kind == "reps" else None,
            per_side=per_side,
            cue=" | ".join(cues),
        )
    except ValueError as error:
        raise TextFormatError(f"line {number}: {describe_error(error)}") from None


def parse_routine(name: str, focus: str, text: str, *, routine_id: str | None, taken_ids: Iterable[str]) -> Routine:
    """A routine from the editor. A new one (routine_id None) gets an id from its name that
    no other routine uses; an edited one keeps its id (a shipped one is overridden)."""
    name = name.strip()
    if not slugify(name):
        raise TextFormatError("the routine needs a name")
    items = [_parse_item(number, line) for number, line in enumerate(text.splitlines(), 1) if line.strip()]
    if not items:
        raise TextFormatError("a routine needs at least one item: one line per item")
    new_id = routine_id or _unique(slugify(name), set(taken_ids))
    try:
        return Routine(id=new_id, name=name, focus=focus.strip(), items=items, custom=True)
    except ValueError as error:
        raise TextFormatError(describe_error(error)) from None


# -- checklist -------------------------------------------------------------------------------


def checklist_to_text(items: Sequence[ChecklistItem]) -> str:
    return "\n".join(item.text for item in items)


def parse_checklist(text: str, previous: Sequence[ChecklistItem]) -> list[ChecklistItem]:
    """One item per line. An unchanged line keeps its id, so earlier ticks still count."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise TextFormatError("the checklist needs at least one item: one line per item")
    if len(lines) > MAX_CHECKLIST_ITEMS:
        raise TextFormatError(f"{len(lines)} items: at most {MAX_CHECKLIST_ITEMS}, one per number key")
    old = {item.text: item.id for item in previous}
    taken: set[str] = set()
    items = []
    for number, line in enumerate(lines, 1):
        if len(line) > 120:
            raise TextFormatError(f"line {number}: at most 120 characters")
        if not slugify(line):
            raise TextFormatError(f"line {number}: write some letters or digits")
        wanted = old.get(line) or slugify(line)
        items.append(ChecklistItem(id=_unique(wanted, taken), text=line))
    return items
