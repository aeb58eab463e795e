"""A program being edited: its days and exercises as plain data, the edits a lifter makes
(add, remove, copy, reorder, change a field) and a history of them to undo, before it is
checked by `domain.programs` and saved.

The draft may be unfinished (an exercise not chosen yet, a superset of one): only saving
asks for a valid program, so a lifter can build it in any order. The texts typed in the
editor are read by `domain.program_text`.
"""

from __future__ import annotations

import copy
from collections.abc import Collection
from typing import Any

from .library import Program
from .program_text import STANDARD_CYCLE
from .programs import ProgramError, check_program

MAX_UNDO = 200


def new_prescription(exercise: str = "") -> dict[str, Any]:
    return {"exercise": exercise, "sets": 3, "reps_min": 8, "reps_max": 12, "target_rpe": 8.0,
            "rest_seconds": 120, "progression": "double"}


def new_program(program_id: str = "my-program", name: str = "My program") -> dict[str, Any]:
    return {"id": program_id, "name": name, "description": "",
            "days": [{"id": "day-1", "name": "Day 1", "focus": "", "prescriptions": []}],
            "cycle": [week.model_dump(mode="json") for week in STANDARD_CYCLE]}


# -- the draft ------------------------------------------------------------------------------

class Draft:
    """A program's data being changed, with every earlier state kept for undo."""

    def __init__(self, data: dict[str, Any], *, shipped: bool = False) -> None:
        self.data = copy.deepcopy(data)
        self.shipped = shipped  # a shipped template: copied before any change
        self.saved = copy.deepcopy(data)
        self.undo_stack: list[dict[str, Any]] = []

    @classmethod
    def of(cls, program: Program, *, shipped: bool = False) -> Draft:
        return cls(program.model_dump(mode="json", exclude_defaults=False), shipped=shipped)

    @property
    def days(self) -> list[dict[str, Any]]:
        days: list[dict[str, Any]] = self.data["days"]
        return days

    @property
    def changed(self) -> bool:
        return self.data != self.saved

    def _tidy(self) -> None:
        """A superset's rests go with its last exercise: removed, moved away or regrouped."""
        for day in self.days:
            labels = {rx.get("superset") for rx in day["prescriptions"]}
            rests = day.get("superset_rests") or {}
            for label in [label for label in rests if label not in labels]:
                del rests[label]

    def _before_change(self) -> None:
        self.undo_stack.append(copy.deepcopy(self.data))
        del self.undo_stack[:-MAX_UNDO]

    def undo(self) -> bool:
        if not self.undo_stack:
            return False
        self.data = self.undo_stack.pop()
        return True

    def set(self, path: tuple[Any, ...], values: dict[str, Any]) -> bool:
        """Set fields of the program (path ()), a day (d,) or a day's exercise (d, i); None
        removes an optional field. False when nothing changed (nothing to undo then)."""
        target = self._at(path)
        new = dict(target)
        for key, value in values.items():
            if value is None:
                new.pop(key, None)
            else:
                new[key] = value
        if new == target:
            return False
        self._before_change()
        target = self._at(path)
        target.clear()
        target.update(new)
        self._tidy()
        return True

    def _at(self, path: tuple[Any, ...]) -> dict[str, Any]:
        if not path:
            return self.data
        day: dict[str, Any] = self.days[path[0]]
        if len(path) == 1:
            return day
        prescription: dict[str, Any] = day["prescriptions"][path[1]]
        return prescription

    # days --------------------------------------------------------------------------------

    def free_day_id(self, wanted: str) -> str:
        taken = {day["id"] for day in self.days}
        number, candidate = 2, wanted
        while candidate in taken:
            candidate = f"{wanted}-{number}"
            number += 1
        return candidate

    def add_day(self, after: int | None = None) -> int:
        self._before_change()
        index = len(self.days) if after is None else after + 1
        number = len(self.days) + 1
        self.days.insert(index, {"id": self.free_day_id(f"day-{number}"), "name": f"Day {number}",
                                 "focus": "", "prescriptions": []})
        return index

    def copy_day(self, index: int) -> int:
        self._before_change()
        day = copy.deepcopy(self.days[index])
        day["id"] = self.free_day_id(day["id"])
        day["name"] = f"{day['name']} (copy)"[:120]
        self.days.insert(index + 1, day)
        return index + 1

    def remove_day(self, index: int) -> None:
        self._before_change()
        del self.days[index]

    def move_day(self, index: int, step: int) -> int:
        to = index + step
        if not 0 <= to < len(self.days):
            return index
        self._before_change()
        self.days.insert(to, self.days.pop(index))
        return to

    # a day's exercises --------------------------------------------------------------------

    def add_exercise(self, day: int, after: int | None = None, exercise: str = "") -> int:
        self._before_change()
        rxs = self.days[day]["prescriptions"]
        index = len(rxs) if after is None else after + 1
        rxs.insert(index, new_prescription(exercise))
        return index

    def copy_exercise(self, day: int, index: int) -> int:
        self._before_change()
        rxs = self.days[day]["prescriptions"]
        rxs.insert(index + 1, copy.deepcopy(rxs[index]))
        return index + 1

    def remove_exercise(self, day: int, index: int) -> None:
        self._before_change()
        del self.days[day]["prescriptions"][index]
        self._tidy()

    def move_exercise(self, day: int, index: int, step: int) -> tuple[int, int]:
        """Up or down the day; past the day's first or last, into the day before or after."""
        rxs = self.days[day]["prescriptions"]
        to = index + step
        if 0 <= to < len(rxs):
            self._before_change()
            rxs.insert(to, rxs.pop(index))
            return day, to
        other = day + step
        if not 0 <= other < len(self.days):
            return day, index
        self._before_change()
        moved = rxs.pop(index)
        target = self.days[other]["prescriptions"]
        position = len(target) if step < 0 else 0
        target.insert(position, moved)
        self._tidy()
        return other, position

    # checking ------------------------------------------------------------------------------

    def check(self, exercise_ids: Collection[str]) -> Program:
        """The program, validated by the same rules as a program file. Raises ProgramError."""
        for d, day in enumerate(self.days):
            for i, rx in enumerate(day["prescriptions"]):
                if not rx.get("exercise"):
                    raise ProgramError(f"days.{d}.prescriptions.{i}.exercise: no exercise chosen yet")
        return check_program(copy.deepcopy(self.data), exercise_ids)

    def mark_saved(self) -> None:
        self.saved = copy.deepcopy(self.data)
