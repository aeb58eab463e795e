"""Command palette entries for the lifter's own training: add an exercise, the exercise
library and the program editor, found by name from any screen (ctrl+p)."""

from __future__ import annotations

from collections.abc import Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .own_training import open_exercise_form, open_library, open_program_editor


class OwnTrainingCommands(Provider):
    def _commands(self) -> list[tuple[str, str, Callable[[], None]]]:
        app = self.app
        return [
            ("Add exercise", "An exercise of your own: name, pattern, equipment, tempo, cues",
             lambda: open_exercise_form(app)),
            ("Exercise library", "Search every exercise; add, change or retire yours",
             lambda: open_library(app)),
            ("Program editor", "Make or change a program: days, exercises, sets, reps, supersets, block",
             lambda: open_program_editor(app)),
        ]

    async def discover(self) -> Hits:
        for name, help_text, run in self._commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)
