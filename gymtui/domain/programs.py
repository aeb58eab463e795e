"""Checking a program a lifter wrote (or imported) before gymtui keeps or uses it.

A program is refused with the field and the reason: the model's own checks (sets, rep
range, RPE, tempo, supersets, cycle) and, beyond the model, that every exercise it names
is in the library and every day id is unique.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Collection
from typing import Any

from pydantic import ValidationError

from .common import describe_error
from .jsontext import JsonTextError, load_json
from .library import Program


class ProgramError(ValueError):
    """A program that cannot be used; str() names the field and the reason."""


def check_program(data: Any, exercise_ids: Collection[str]) -> Program:
    """The program `data` holds, validated; raises ProgramError naming field and reason."""
    if not isinstance(data, dict):
        raise ProgramError(f'a program is a JSON object ({{"id": ..., "days": [...]}}), not a {type(data).__name__}')
    try:
        program = Program.model_validate(data)
    except ValidationError as error:
        raise ProgramError(describe_error(error)) from None
    for day_index, day in enumerate(program.days):
        for index, rx in enumerate(day.prescriptions):
            if rx.exercise in exercise_ids:
                continue
            close = difflib.get_close_matches(rx.exercise, list(exercise_ids), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else " (add it first: gymtui exercise add)"
            raise ProgramError(
                f"days.{day_index}.prescriptions.{index}.exercise: {rx.exercise!r} is not in the library{hint}"
            )
    return program


def read_program_text(text: str | bytes, exercise_ids: Collection[str]) -> Program:
    """A program from the text of its file; bad JSON is a ProgramError too."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise ProgramError("is not UTF-8 text") from None
    try:
        data = load_json(text.removeprefix("\ufeff"))
    except JsonTextError as error:
        raise ProgramError(str(error).removeprefix("is ")) from None
    return check_program(data, exercise_ids)


def program_text(program: Program) -> str:
    """The file a program is kept in: every field written, so reading it back gives it exactly."""
    return json.dumps(program.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
