"""The library a lifter sees: the shipped catalog plus their own exercises and routines."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..domain.catalog import Catalog, find_exercise, name_key, suggest
from ..domain.library import Exercise, Program, Routine
from ..store import Store


@dataclass(frozen=True)
class Library:
    catalog: Catalog
    custom: tuple[Exercise, ...] = ()
    custom_routines: tuple[Routine, ...] = ()

    @classmethod
    def from_store(cls, catalog: Catalog, store: Store) -> "Library":
        return cls(catalog, tuple(store.custom_exercises()), tuple(store.routines()))

    def exercise(self, exercise_id: str) -> Exercise | None:
        found = self.catalog.exercises.get(exercise_id)
        if found is not None:
            return found
        return next((e for e in self.custom if e.id == exercise_id), None)

    def exercises(self) -> list[Exercise]:
        return [*self.catalog.exercises.values(), *self.custom]

    def find(self, text: str) -> Exercise | None:
        found = find_exercise(self.catalog, text)
        if found is not None:
            return found
        key = name_key(text)
        for exercise in self.custom:
            if key in {name_key(exercise.id), name_key(exercise.name), *map(name_key, exercise.aliases)}:
                return exercise
        return None

    def suggest(self, text: str, n: int = 3) -> list[str]:
        names = suggest(self.catalog, text, n)
        custom = difflib.get_close_matches(text, [e.name for e in self.custom], n=n, cutoff=0.5)
        return (names + custom)[:n]

    def program(self, program_id: str) -> Program:
        program = self.catalog.programs.get(program_id)
        if program is None:
            # A settings file naming a program that no longer ships: fall back, never crash.
            program = next(iter(self.catalog.programs.values()))
        return program

    def routines(self) -> list[Routine]:
        return [*self.catalog.mobility, *self.custom_routines]
