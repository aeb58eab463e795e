"""The program editor's three forms (the program, a day, a day's exercise): each field's
label, how its value is shown from the draft and how what is typed is read back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.markup import escape

from ...domain.program_text import (
    PROGRESSION_LABELS,
    DraftError,
    cycle_text,
    group_rests_text,
    is_standard,
    read_cycle,
    read_group_rests,
    read_int,
    read_reps,
    read_rest,
    read_rpe,
    read_slug,
    read_superset,
    read_tempo,
    rest_text,
)
from ...services.library import Library


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    hint: str = ""
    # Options (label, value) of a choice list; none: a text field.
    options: tuple[tuple[str, str], ...] = ()


PROGRAM_FIELDS = (
    Field("name", "Name", "what Settings lists"),
    Field("id", "Id", "its file: programs/ID.json"),
    Field("description", "About", "a line on what it is for"),
    Field("block", "Block", options=(("standard 4 weeks (str/hyp/tech/del)", "standard"),
                                     ("custom: the weeks below", "custom"))),
    Field("weeks", "Weeks", "strength 3-5@8.5, deload 5-8@6 ..."),
)
DAY_FIELDS = (
    Field("name", "Name", "e.g. Legs"),
    Field("id", "Id", "kept in the history of each session"),
    Field("focus", "Focus", "a few words"),
    Field("rests", "Rests", "supersets: A 15/90 (between/round)"),
)
RX_FIELDS = (
    Field("exercise", "Exercise", "name or alias; n: a new one"),
    Field("sets", "Sets", "1 to 20"),
    Field("reps", "Reps", "8-12, or 10"),
    Field("seconds", "Seconds", "timed: seconds per set"),
    Field("rpe", "RPE", "6 to 10 in half steps"),
    Field("tempo", "Tempo", "e.g. 3-1-1-0; empty: its own"),
    Field("rest", "Rest", "90, 2:30"),
    Field("progression", "Progress", options=tuple((label, key) for key, label in PROGRESSION_LABELS.items())),
    Field("superset", "Superset", "a letter shared by the group"),
    Field("block", "Block", options=(("its own reps and RPE", "own"),
                                     ("follows the block (main lift)", "follows"))),
    Field("note", "Note", "a cue for the day"),
)
FORMS = {"program": PROGRAM_FIELDS, "day": DAY_FIELDS, "rx": RX_FIELDS}
# A refusal from the program's checks names a model field; this is the form field showing it.
MODEL_TO_FORM = {
    "superset_rests": "rests", "reps_min": "reps", "reps_max": "reps", "target_rpe": "rpe",
    "hold_seconds": "seconds", "rest_seconds": "rest", "follows_block": "block", "cycle": "weeks",
    "prescriptions": "exercise",
}


def kind_of(path: tuple[int, ...]) -> str:
    return ("program", "day", "rx")[len(path)]


def shown(kind: str, key: str, data: dict[str, Any], library: Library) -> str:
    """The text (or choice) a field shows for `data` (the program, a day or an exercise)."""
    if kind == "program":
        if key == "block":
            return "standard" if is_standard(data["cycle"]) else "custom"
        if key == "weeks":
            return cycle_text(data["cycle"])
        return str(data.get(key) or "")
    if kind == "day":
        if key == "rests":
            return group_rests_text(data.get("superset_rests") or {})
        return str(data.get(key) or "")
    if key == "exercise":
        exercise = library.exercise(data.get("exercise") or "")
        return exercise.name if exercise else str(data.get("exercise") or "")
    if key == "reps":
        low, high = data["reps_min"], data["reps_max"]
        return str(low) if low == high else f"{low}-{high}"
    if key == "seconds":
        return str(data.get("hold_seconds") or "")
    if key == "rpe":
        return f"{float(data.get('target_rpe', 8)):g}"
    if key == "rest":
        return rest_text(int(data.get("rest_seconds", 120)))
    if key == "block":
        return "follows" if data.get("follows_block") else "own"
    if key == "progression":
        return str(data.get("progression", "double"))
    if key == "sets":
        return str(data.get("sets", ""))
    return str(data.get(key) or "")


def completed(text: str, library: Library) -> str | None:
    """The name the exercise field shows completed for `text` (as its suggester does): enter
    takes what is shown, not only what was typed."""
    start = text.strip().casefold()
    if not start:
        return None
    names = (name for e in library.offered() for name in (e.name, *e.aliases))
    return next((name for name in names if name.casefold().startswith(start)), None)


def _exercise(text: str, library: Library) -> str:
    exercise = library.find(text)
    if exercise is None:
        shown = completed(text, library)
        exercise = library.find(shown) if shown else None
    if exercise is None:
        near = library.suggest(text) if text.strip() else []
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise DraftError(f"exercise: no exercise called {text.strip()!r}{hint} (n adds a new one)")
    return exercise.id


READERS: dict[str, dict[str, Callable[..., dict[str, Any]]]] = {
    "program": {
        "name": lambda t, lib, data: {"name": _name(t)},
        "id": lambda t, lib, data: {"id": read_slug("id", t)},
        "description": lambda t, lib, data: {"description": t.strip()},
        "weeks": lambda t, lib, data: {"cycle": read_cycle(t, data["cycle"])},
    },
    "day": {
        "name": lambda t, lib, data: {"name": _name(t)},
        "id": lambda t, lib, data: {"id": read_slug("id", t)},
        "focus": lambda t, lib, data: {"focus": t.strip()},
        "rests": lambda t, lib, data: {"superset_rests": read_group_rests(t)},
    },
    "rx": {
        "exercise": lambda t, lib, data: {"exercise": _exercise(t, lib)},
        "sets": lambda t, lib, data: {"sets": read_int("sets", t, 1, 20)},
        "reps": lambda t, lib, data: dict(zip(("reps_min", "reps_max"), read_reps(t), strict=True)),
        "seconds": lambda t, lib, data: {"hold_seconds": read_int("seconds", t, 1, 600) if t.strip() else None},
        "rpe": lambda t, lib, data: {"target_rpe": read_rpe(t)},
        "tempo": lambda t, lib, data: {"tempo": read_tempo(t)},
        "rest": lambda t, lib, data: {"rest_seconds": read_rest(t)},
        "superset": lambda t, lib, data: {"superset": read_superset(t)},
        "note": lambda t, lib, data: {"note": t.strip()},
    },
}


def _name(text: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise DraftError("name: give it a name")
    if len(name) > 120:
        raise DraftError("name: at most 120 characters")
    return name


def read(kind: str, key: str, text: str, data: dict[str, Any], library: Library) -> dict[str, Any]:
    """The draft fields a typed text sets. Raises DraftError naming the field."""
    return READERS[kind][key](text, library, data)


def label(path: tuple[int, ...], data: dict[str, Any], library: Library) -> str:
    """How a day or an exercise reads in the editor's list."""
    if len(path) == 1:
        count = len(data["prescriptions"])
        return f"{escape(data['name'])}  [dim]{count} exercise{'s' if count != 1 else ''}[/]"
    name = escape(shown("rx", "exercise", data, library)) or "[i](choose an exercise)[/i]"
    amount = f"{data['hold_seconds']}s" if data.get("hold_seconds") else shown("rx", "reps", data, library)
    group = f"[b]{data['superset']}[/b] " if data.get("superset") else ""
    return f"{group}{name} {data.get('sets', '?')}x{amount}"
