"""The lifter's own exercises: add, change and retire them, beside the shipped library.

They live in the profile (with the exercises an import made), so the JSON export carries
them. Nothing here deletes an exercise: one with logged sets keeps them, and a retired one
is only left out of what is offered for new plans.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..domain.common import describe_error
from ..domain.library import STACKED, Exercise
from ..domain.units import KG_PER_LB
from ..domain.vocabulary import KINDS as KINDS
from ..domain.vocabulary import PATTERNS as PATTERNS
from ..importers.matching import slugify
from ..store import Store
from .library import Library

NO_CUES = "No cues yet: add yours with gymtui exercise edit"
MAX_CUES = 3
# What each model field is called on the command line, so an error names what was typed.
OPTION_OF = {"default_tempo": "tempo", "step_kg": "step", "aliases": "alias", "cues": "cue",
             "hold_seconds": "seconds", "name": "name", "pattern": "pattern", "equipment": "equipment"}


class ExerciseError(ValueError):
    """A change refused: the message names the field and what it accepts. Nothing is saved."""


def kind_of(exercise: Exercise) -> str:
    """The equipment kind as the lifter chose it (the reverse of KINDS)."""
    if exercise.equipment == "bodyweight" and exercise.bodyweight_share > 0:
        return "weighted-bodyweight"
    if exercise.equipment == "other" and exercise.timed and exercise.pattern == "carry":
        return "carry"
    return exercise.equipment


def _choice(field: str, value: str, allowed: Sequence[str]) -> str:
    wanted = "_".join(value.strip().lower().replace("-", " ").split())
    for option in allowed:
        if option.replace("-", "_") == wanted:
            return option
    raise ExerciseError(f"{field} {value!r} is not one we know: use one of {', '.join(allowed)}")


def parse_step(text: str) -> float:
    """'2.5' or '2.5kg' (kilograms), '5lb': a machine or cable's load step, kept in kg."""
    raw = text.strip().lower().replace(" ", "")
    factor = 1.0
    for suffix, per in (("kg", 1.0), ("lbs", KG_PER_LB), ("lb", KG_PER_LB)):
        if raw.endswith(suffix):
            raw, factor = raw[: -len(suffix)], per
            break
    try:
        value = float(raw)
    except ValueError:
        raise ExerciseError(f"step {text!r} is not a weight: write it like 2.5, 2.5kg or 5lb") from None
    if not 0 < value * factor <= 50:
        raise ExerciseError(f"step {text!r} must be more than 0 and at most 50 kg")
    return round(value * factor, 4)


@dataclass
class Changes:
    """What the lifter gave; None (or empty) leaves a field as it is."""

    name: str | None = None
    pattern: str | None = None
    equipment: str | None = None
    unilateral: bool | None = None
    tempo: str | None = None
    aliases: list[str] | None = None
    timed: bool | None = None
    step: str | None = None
    cues: list[str] | None = None
    seconds: int | None = None
    starts_concentric: bool | None = None


def _apply(data: dict[str, Any], changes: Changes) -> dict[str, Any]:
    if changes.name is not None:
        data["name"] = " ".join(changes.name.split())
    if changes.pattern is not None:
        data["pattern"] = _choice("pattern", changes.pattern, PATTERNS)
    if changes.equipment is not None:
        kind = _choice("equipment", changes.equipment, tuple(KINDS))
        equipment, extra = KINDS[kind]
        data["equipment"] = equipment
        data.update(extra)
        if equipment not in STACKED:
            data["step_kg"] = None
    if changes.unilateral is not None:
        data["unilateral"] = changes.unilateral
    if changes.tempo is not None:
        data["default_tempo"] = changes.tempo
    if changes.aliases is not None:  # an empty list clears them (the form's empty field)
        data["aliases"] = [" ".join(a.split()) for a in changes.aliases]
    if changes.timed is not None:
        data["timed"] = changes.timed
    if changes.step is not None:
        data["step_kg"] = parse_step(changes.step)
    if changes.cues:
        if len(changes.cues) > MAX_CUES:
            raise ExerciseError(f"cue: at most {MAX_CUES} cues, {len(changes.cues)} given")
        data["cues"] = changes.cues
    if changes.seconds is not None:
        data["hold_seconds"] = changes.seconds
    if changes.starts_concentric is not None:
        data["starts_concentric"] = changes.starts_concentric
    return data


def _validated(data: dict[str, Any]) -> Exercise:
    try:
        return Exercise.model_validate(data)
    except ValueError as error:
        text = describe_error(error)
        for field, option in OPTION_OF.items():
            text = text.replace(f"{field}:", f"{option}:").replace(f"{field}.", f"{option} ")
        raise ExerciseError(text) from None


def _check_names(library: Library, exercise: Exercise) -> None:
    """A name or alias already meaning another exercise would make logs and imports guess."""
    for text in (exercise.name, *exercise.aliases):
        other = library.find(text)
        if other is not None and other.id != exercise.id:
            whose = "your" if other.custom else "the library's"
            raise ExerciseError(f"name {text!r} already means {whose} exercise {other.name!r}:"
                                f" choose another name or alias")


def add_exercise(store: Store, library: Library, changes: Changes) -> Exercise:
    """A new exercise of the lifter's own. Raises ExerciseError (nothing saved)."""
    if not changes.name or not changes.name.strip():
        raise ExerciseError("name: give the exercise a name")
    if changes.pattern is None or changes.equipment is None:
        missing = [f"--{f}" for f in ("pattern", "equipment") if getattr(changes, f) is None]
        raise ExerciseError(f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} needed"
                            f" (patterns: {', '.join(PATTERNS)}; equipment: {', '.join(KINDS)})")
    taken = {e.id for e in library.exercises()}
    base = slug = slugify(changes.name)
    number = 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    data = _apply({"id": slug, "cues": [NO_CUES], "custom": True}, changes)
    exercise = _validated(data)
    _check_names(library, exercise)
    store.save_exercise(exercise)
    return exercise


def own_exercise(library: Library, name: str) -> Exercise:
    """The lifter's exercise called `name` (or with that alias or id). Raises ExerciseError."""
    exercise = library.find(name)
    if exercise is None:
        near = library.suggest(name)
        hint = f"; did you mean: {', '.join(near)}?" if near else ""
        raise ExerciseError(f"no exercise called {name!r}{hint}")
    if not exercise.custom:
        raise ExerciseError(f"{exercise.name} is part of gymtui's library, which stays as shipped:"
                            f" add your own version with gymtui exercise add")
    return exercise


def edit_exercise(store: Store, library: Library, name: str, changes: Changes) -> Exercise:
    """The lifter's exercise with `changes` made. Its id (and so its history) stays."""
    exercise = own_exercise(library, name)
    data = _apply(exercise.model_dump(), changes)
    changed = _validated(data)
    _check_names(library, changed)
    store.save_exercise(changed)
    return changed


def retire_exercise(store: Store, library: Library, name: str, *, back: bool = False) -> Exercise:
    """Leave the exercise out of what is offered for new plans (or bring it `back`)."""
    exercise = own_exercise(library, name)
    changed = exercise.model_copy(update={"retired": not back})
    store.save_exercise(changed)
    return changed



def add_hint(text: str) -> str:
    """How to add `text` as an exercise of one's own, with a pattern and equipment guessed
    from its words for the lifter to check."""
    import shlex

    from ..importers.matching import guess_equipment, guess_pattern

    name = " ".join(text.split())
    return (f"To add it as your own: gymtui exercise add {shlex.quote(name)} --pattern {guess_pattern(name)}"
            f" --equipment {guess_equipment(name)}")
