"""The library a lifter sees: the shipped catalog plus their own exercises and routines."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..domain.catalog import Catalog, find_exercise, name_key, suggest
from ..domain.catalog import _words as words
from ..domain.library import Exercise, Program, Routine
from ..store import Store
from .programs import read_own_programs


@dataclass(frozen=True)
class Library:
    catalog: Catalog
    custom: tuple[Exercise, ...] = ()
    custom_routines: tuple[Routine, ...] = ()
    # The lifter's own programs (files in the data folder's programs/), and the files skipped.
    own_programs: tuple[Program, ...] = ()
    program_problems: tuple[str, ...] = ()

    @classmethod
    def from_store(cls, catalog: Catalog, store: Store) -> Library:
        custom = tuple(store.custom_exercises())
        ids = {*catalog.exercises, *(e.id for e in custom)}
        own = read_own_programs(store.data_dir, ids, catalog.programs)
        return cls(catalog, custom, tuple(store.routines()), tuple(own.programs.values()), own.problems)

    def programs(self) -> dict[str, Program]:
        """Every program by id: the shipped ones first, then the lifter's."""
        return {**self.catalog.programs, **{p.id: p for p in self.own_programs}}

    def is_shipped(self, program_id: str) -> bool:
        return program_id in self.catalog.programs

    def program_problem_message(self) -> str | None:
        """The program files skipped, named in one message (None: none was)."""
        from .programs import OwnPrograms

        return OwnPrograms(problems=self.program_problems).message()

    def exercise(self, exercise_id: str) -> Exercise | None:
        found = self.catalog.exercises.get(exercise_id)
        if found is not None:
            return found
        return next((e for e in self.custom if e.id == exercise_id), None)

    def substitutes(self, exercise_id: str) -> list[Exercise]:
        """Exercises of the same pattern to swap in, the lifter's own among them, closest
        first (same equipment, then same sidedness); retired ones are not offered."""
        from ..domain.catalog import substitutes

        return substitutes(self.catalog, exercise_id, self.custom)

    def exercises(self) -> list[Exercise]:
        return [*self.catalog.exercises.values(), *self.custom]

    def offered(self) -> list[Exercise]:
        """What pickers and new plans offer: every exercise but the retired ones (whose
        history stays readable through `exercise` and `find`)."""
        return [e for e in self.exercises() if not e.retired]

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
        """The `n` names closest to `text`, the library's and the lifter's ranked together
        (a typo of one's own exercise must not lose to three library names)."""
        names = suggest(self.catalog, text, n)
        wanted = words(text)
        custom = {words(candidate): e.name for e in self.custom for candidate in (e.name, *e.aliases)}
        names += [custom[m] for m in difflib.get_close_matches(wanted, list(custom), n=n, cutoff=0.5)]

        def closeness(name: str) -> float:
            # By the exercise's closest name or alias: 'barbel rwo' is nearest 'Barbell Row',
            # an alias of Bent Over Row.
            exercise = self.find(name)
            texts = (exercise.name, *exercise.aliases) if exercise is not None else (name,)
            return max(difflib.SequenceMatcher(None, wanted, words(t)).ratio() for t in texts)

        unique = list(dict.fromkeys(names))
        return sorted(unique, key=closeness, reverse=True)[:n]

    def program(self, program_id: str) -> Program:
        program = self.programs().get(program_id)
        if program is None:
            # A settings file naming a program that no longer ships (or a file of the lifter's
            # that was removed or broke): fall back to the default one, never crash.
            from ..domain.settings import Settings

            default = Settings.model_fields["program"].default
            program = self.catalog.programs.get(default) or next(iter(self.catalog.programs.values()))
        return program

    def routines(self) -> list[Routine]:
        return [*self.catalog.mobility, *self.custom_routines]
