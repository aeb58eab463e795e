"""What the program editor's list keys do to the draft, and where the cursor goes after:
add a day or an exercise, copy, remove, move, undo; the checks a program passes before it is
saved; and where a refusal points. Plain functions of the draft (`domain.program_draft`) and
the cursor's path, without Textual, tested on their own.
"""

from __future__ import annotations

import re
from typing import Any

from rich.markup import escape

from ...domain.library import Program
from ...domain.program_draft import Draft
from ...domain.programs import ProgramError
from ...services.library import Library
from . import program_fields as pf

Path = tuple[int, ...]  # () the program, (d,) a day, (d, i) a day's exercise


def add_day(draft: Draft, path: Path) -> Path:
    """A day after the one under the cursor (at the end from the program's line)."""
    return (draft.add_day(path[0] if path else None),)


def add_exercise(draft: Draft, path: Path, exercise_id: str = "") -> Path:
    """An exercise after the one under the cursor, else at the end of the day under it (of
    the last day from the program's line; a first day is made when there is none)."""
    if not draft.days:
        draft.add_day()
    if not path:
        day, after = len(draft.days) - 1, None
    else:
        day, after = path[0], (path[1] if len(path) == 2 else None)
    return day, draft.add_exercise(day, after, exercise_id)


def copy(draft: Draft, path: Path) -> tuple[Path, str] | None:
    """A copy of the day or exercise under the cursor, after it; None on the program's line."""
    if len(path) == 1:
        return (draft.copy_day(path[0]),), "Day copied."
    if len(path) == 2:
        day, index = path
        return (day, draft.copy_exercise(day, index)), "Exercise copied."
    return None


def remove(draft: Draft, path: Path) -> tuple[Path, str] | None:
    """The day or exercise under the cursor removed, the cursor on its neighbour."""
    if len(path) == 1:
        name = draft.days[path[0]]["name"]
        draft.remove_day(path[0])
        return ((max(0, path[0] - 1),) if draft.days else ()), f"{escape(name)} removed (ctrl+z brings it back)."
    if len(path) == 2:
        day, index = path
        draft.remove_exercise(day, index)
        left = len(draft.days[day]["prescriptions"])
        return ((day, min(index, left - 1)) if left else (day,)), "Exercise removed (ctrl+z brings it back)."
    return None


def move(draft: Draft, path: Path, step: int) -> Path | None:
    """The day or exercise under the cursor moved `step` places; where it is now."""
    if len(path) == 1:
        return (draft.move_day(path[0], step),)
    if len(path) == 2:
        return draft.move_exercise(path[0], path[1], step)
    return None


def nearest(draft: Draft, path: Path) -> Path:
    """`path`, or the nearest node the draft still has (after an undo)."""
    if not path or not draft.days:
        return ()
    day = min(path[0], len(draft.days) - 1)
    if len(path) == 1:
        return (day,)
    left = len(draft.days[day]["prescriptions"])
    return (day, min(path[1], left - 1)) if left else (day,)


def checked(draft: Draft, library: Library, original_id: str | None) -> Program:
    """The draft as a program that may be saved: valid, and with an id that is neither a
    shipped program's nor another of the lifter's. ProgramError says what is wrong."""
    program = draft.check({e.id for e in library.exercises()})
    if library.is_shipped(program.id):
        raise ProgramError(f"id: {program.id!r} is a shipped program's: give yours another id")
    if program.id in library.programs() and program.id != original_id:
        raise ProgramError(f"id: {program.id!r} is already your program"
                           f" {library.programs()[program.id].name!r}: give this one another id")
    return program


def locate(message: str, data: dict[str, Any], library: Library) -> tuple[str, Path | None, str | None]:
    """Where a refusal from the program's checks points: words for it, its node, its field."""
    match = re.match(r"days\.(\d+)(?:\.prescriptions\.(\d+))?(?:\.(\w+))?", message)
    if match is None:
        field = re.match(r"(\w+)", message)
        key = pf.MODEL_TO_FORM.get(field[1], field[1]) if field else None
        return "", (), key
    d = int(match[1])
    if d >= len(data["days"]):
        return "", None, None
    day = data["days"][d]
    where = f"Day {d + 1}" + ("" if day["name"] == f"Day {d + 1}" else f" ({day['name']})")
    if match[2] is None:
        return where + ": ", (d,), match[3]
    i = int(match[2])
    rxs = day["prescriptions"]
    if i >= len(rxs):
        return where + ": ", (d,), None
    name = pf.shown("rx", "exercise", rxs[i], library) or "no exercise yet"
    key = pf.MODEL_TO_FORM.get(match[3] or "", match[3])
    return f"{where}, exercise {i + 1} ({name}): ", (d, i), key
