"""The shipped training library: exercises, programs, warm-ups, mobility and the checklist.

The library is plain JSON under `data/` (validated by the models in `library.py`). The files
are read by `services/catalog_files.py`; `build_catalog` here validates and cross-checks what
they hold. A broken file raises `CatalogError` naming the file, the entry and the field, so
whoever edited it can fix it without reading a traceback.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .common import describe_error
from .library import ChecklistItem, Exercise, Program, Routine

EXERCISES_FILE = "exercises.json"
PROGRAMS_DIR = "programs"
WARMUPS_FILE = "warmups.json"
MOBILITY_FILE = "mobility.json"
CHECKLIST_FILE = "checklist.json"

M = TypeVar("M", bound=BaseModel)


class CatalogError(ValueError):
    """A library file that cannot be used. str() names the file, the entry and the field."""

    def __init__(self, path: Path | str, message: str, *, shown_as: str | None = None) -> None:
        self.path = Path(path)
        self.message = message
        # The path as the user should read it: relative to the data folder's parent
        # ("data/exercises.json") rather than a long absolute path.
        self.shown_as = shown_as or str(self.path)
        super().__init__(f"{self.shown_as}: {message}")


def name_key(text: str) -> str:
    """Case- and punctuation-free form of a name: "Pull-Up", "pull up" and "PULLUP" agree."""
    return re.sub(r"[^0-9a-z]", "", text.casefold().replace("'", "").replace("\u2019", ""))


def _words(text: str) -> str:
    """Lower-case words separated by single spaces; what difflib compares for suggestions."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.casefold().replace("'", "")).split())


@dataclass(frozen=True)
class Catalog:
    """Everything the shipped library holds, read-only once loaded (it is cached and shared)."""

    exercises: Mapping[str, Exercise]
    programs: Mapping[str, Program]
    warmups: tuple[Routine, ...]
    mobility: tuple[Routine, ...]
    checklist: tuple[ChecklistItem, ...]
    source: Path | None = None
    # name_key of every id, name and alias -> exercise id; built once for find_exercise.
    _names: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "exercises", MappingProxyType(dict(self.exercises)))
        object.__setattr__(self, "programs", MappingProxyType(dict(self.programs)))
        if not self._names:
            names = {key: ex.id for ex in self.exercises.values() for key in _exercise_keys(ex)}
            object.__setattr__(self, "_names", MappingProxyType(names))

    def routine(self, routine_id: str) -> Routine | None:
        """A warm-up or mobility routine by id."""
        for routine in (*self.warmups, *self.mobility):
            if routine.id == routine_id:
                return routine
        return None


def _exercise_keys(exercise: Exercise) -> set[str]:
    return {name_key(text) for text in (exercise.id, exercise.name, *exercise.aliases)}


# --- building ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogFiles:
    """A data folder's library files as read: each file's JSON by path (programs in name order)."""

    folder: Path
    exercises: Any
    programs: tuple[tuple[Path, Any], ...]
    warmups: Any
    mobility: Any
    checklist: Any


def catalog_error(folder: Path, path: Path, message: str) -> CatalogError:
    """A CatalogError naming `path` as the user reads it: relative to the data folder's parent."""
    try:
        shown = path.relative_to(folder.parent).as_posix()
    except ValueError:
        shown = str(path)
    return CatalogError(path, message, shown_as=shown)


def build_catalog(files: CatalogFiles) -> Catalog:
    """The library the files hold, validated and cross-checked; raises CatalogError."""
    return _Builder(files).build()


class _Builder:
    def __init__(self, files: CatalogFiles) -> None:
        self.files = files
        self.folder = files.folder

    def error(self, path: Path, message: str) -> CatalogError:
        return catalog_error(self.folder, path, message)

    def read_list(self, path: Path, data: Any, model: type[M], what: str) -> list[M]:
        """A file holding a JSON list of `model`; errors name the entry by index and id."""
        if not isinstance(data, list):
            raise self.error(path, f"expected a list of {what}s, found {type(data).__name__}")
        items = []
        for index, entry in enumerate(data):
            try:
                items.append(model.model_validate(entry))
            except ValidationError as error:
                label = f"{what} {index}"
                if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                    label += f" ({entry['id']})"
                raise self.error(path, f"{label}: {describe_error(error)}") from error
        return items

    def unique(self, path: Path, what: str, ids: Iterable[str]) -> None:
        seen: set[str] = set()
        for item_id in ids:
            if item_id in seen:
                raise self.error(path, f"{what} id {item_id!r} is used twice; ids must be unique")
            seen.add(item_id)

    def build(self) -> Catalog:
        exercises = self.load_exercises()
        programs = self.load_programs(exercises)
        warmups = self.load_routines(self.folder / WARMUPS_FILE, self.files.warmups, "warm-up")
        mobility = self.load_routines(self.folder / MOBILITY_FILE, self.files.mobility, "routine")
        # Warm-ups and mobility routines share one id space so a screen can open either by id.
        taken = {routine.id for routine in warmups}
        for routine in mobility:
            if routine.id in taken:
                raise self.error(
                    self.folder / MOBILITY_FILE,
                    f"routine id {routine.id!r} is already a warm-up in {WARMUPS_FILE}",
                )
        path = self.folder / CHECKLIST_FILE
        checklist = self.read_list(path, self.files.checklist, ChecklistItem, "checklist item")
        self.unique(path, "checklist item", (item.id for item in checklist))
        return Catalog(
            exercises=exercises,
            programs=programs,
            warmups=tuple(warmups),
            mobility=tuple(mobility),
            checklist=tuple(checklist),
            source=self.folder,
        )

    def load_exercises(self) -> dict[str, Exercise]:
        path = self.folder / EXERCISES_FILE
        exercises = self.read_list(path, self.files.exercises, Exercise, "exercise")
        self.unique(path, "exercise", (ex.id for ex in exercises))
        # A name or alias that points at two exercises would make imports guess: refuse it.
        owner: dict[str, Exercise] = {}
        for index, exercise in enumerate(exercises):
            for text in (exercise.id, exercise.name, *exercise.aliases):
                key = name_key(text)
                other = owner.setdefault(key, exercise)
                if other is not exercise:
                    raise self.error(
                        path,
                        f"exercise {index} ({exercise.id}): name {text!r} also matches"
                        f" {other.id!r}; names and aliases must be unique",
                    )
        return {exercise.id: exercise for exercise in exercises}

    def load_programs(self, exercises: Mapping[str, Exercise]) -> dict[str, Program]:
        programs: dict[str, Program] = {}
        for path, data in self.files.programs:
            try:
                program = Program.model_validate(data)
            except ValidationError as error:
                label = "program"
                if isinstance(data, dict) and isinstance(data.get("id"), str):
                    label += f" ({data['id']})"
                raise self.error(path, f"{label}: {describe_error(error)}") from error
            if program.id in programs:
                raise self.error(path, f"program id {program.id!r} is used by another file too")
            self.check_exercises(path, program, exercises)
            programs[program.id] = program
        return programs

    def check_exercises(
        self, path: Path, program: Program, exercises: Mapping[str, Exercise]
    ) -> None:
        for day in program.days:
            for index, prescription in enumerate(day.prescriptions):
                if prescription.exercise in exercises:
                    continue
                close = difflib.get_close_matches(prescription.exercise, list(exercises), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise self.error(
                    path,
                    f"program ({program.id}): day {day.id}, prescription {index}: exercise:"
                    f" unknown exercise {prescription.exercise!r}{hint}",
                )

    def load_routines(self, path: Path, data: Any, what: str) -> list[Routine]:
        routines = self.read_list(path, data, Routine, what)
        self.unique(path, what, (routine.id for routine in routines))
        for routine in routines:
            self.unique(path, f"{what} {routine.id}: drill", (item.id for item in routine.items))
        return routines


# --- lookups ---------------------------------------------------------------------------


def find_exercise(catalog: Catalog, text: str) -> Exercise | None:
    """The exercise whose id, name or alias matches `text`, ignoring case and punctuation.

    Exact matches only: "Deadlift (Smith Machine)" does not fall back to "Deadlift", because
    logging a machine's loads into a barbell lift's history would skew its load suggestions.
    """
    exercise_id = catalog._names.get(name_key(text))
    return catalog.exercises.get(exercise_id) if exercise_id else None


def suggest(catalog: Catalog, text: str, n: int = 3) -> list[str]:
    """Up to `n` exercise names closest to `text`, best first, for "unknown exercise" messages."""
    if n <= 0 or not text.strip():
        return []
    by_words: dict[str, str] = {}
    for exercise in catalog.exercises.values():
        for candidate in (exercise.name, *exercise.aliases, exercise.id):
            by_words.setdefault(_words(candidate), exercise.name)
    wanted = _words(text)
    names: list[str] = []
    for match in difflib.get_close_matches(wanted, list(by_words), n=len(by_words), cutoff=0.5):
        name = by_words[match]
        if name not in names:
            names.append(name)
        if len(names) == n:
            break
    return names


def substitutes(catalog: Catalog, exercise_id: str, own: Iterable[Exercise] = ()) -> list[Exercise]:
    """Other exercises with the same movement pattern, for a swap when a joint is sensitive:
    the catalog's and the lifter's own (`own`), none of them retired.

    Closest first: same equipment, then same one-sided or two-sided loading, then by name.
    """
    mine = list(own)
    pool = {**catalog.exercises, **{e.id: e for e in mine}}
    exercise = pool.get(exercise_id)
    if exercise is None:
        return []

    def rank(other: Exercise) -> tuple[bool, bool, str]:
        return (
            other.equipment != exercise.equipment,
            other.unilateral != exercise.unilateral,
            other.name.casefold(),
        )

    same = [
        other
        for other in pool.values()
        if other.pattern == exercise.pattern and other.id != exercise.id and not other.retired
    ]
    return sorted(same, key=rank)
