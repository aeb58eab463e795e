"""Getting around the app: Today, the sections, help, import, quitting, the command palette.

Each place is a Textual mode (sections.py); `Navigation` is mixed into `GymApp` and holds
the actions every screen's keys reach. A section needs the data open: `data_needed` (GymApp)
says whether it is, and tells the lifter to wait when it is not.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.screen import Screen

from .screens.base import ScreenHooks
from .screens.today import TodayScreen
from .sections import SECTION_BY_KEY, SECTION_BY_MODE, SECTIONS, TODAY_MODE

QUIT_TITLE = "Quit gymtui?"


class Navigation(App[None]):
    def data_needed(self) -> bool:
        """True once the data is open; until then the lifter is told to wait (GymApp)."""
        raise NotImplementedError

    def action_today(self) -> None:
        self.go_to(TODAY_MODE)
        if isinstance(self.screen, TodayScreen):
            self.screen.load_plan()

    def action_open_section(self, key: str) -> None:
        """Show a section (its key, pressed anywhere); pressing the key of the one shown
        only closes what was opened over it."""
        if self.data_needed():
            self.go_to(SECTION_BY_KEY[key].mode)

    def go_to(self, mode: str) -> None:
        """Show the place `mode`. A section that is not kept closes when left, so it is made
        afresh, reading the data anew, the next time it opens."""
        if mode == self.current_mode:
            # The place itself, not a screen opened over it (a session's sets over History).
            while len(self.screen_stack) > 1:
                self.pop_screen()
            return
        left = self.current_mode
        self.switch_mode(mode)
        section = SECTION_BY_MODE.get(left)
        if section is not None and not section.kept:
            self.remove_mode(left)
            self.add_mode(left, section.make_screen)

    async def action_quit(self) -> None:
        """q and ctrl+q: at once, unless a set is being timed or typed values would be lost."""
        from .dialogs.confirm import ConfirmDialog
        from .quit_guard import unsaved_work

        if isinstance(self.screen, ConfirmDialog) and self.screen.title_text == QUIT_TITLE:
            return  # already asked: y quits, n stays
        lost = unsaved_work(self)
        if not lost:
            self.exit()
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.exit()

        self.push_screen(ConfirmDialog(QUIT_TITLE, "\n".join(lost), "quit anyway", "stay"), answer)

    def open_workout_at(self, exercise_id: str) -> None:
        """The workout, on the first set still to do of `exercise_id` (enter on Today's row)."""
        from .screens.workout import WorkoutScreen

        if not self.data_needed():
            return
        self.action_open_section("w")
        if isinstance(self.screen, WorkoutScreen):
            self.screen.show_exercise(exercise_id)

    def action_help(self) -> None:
        """Every key of the screen shown (? again or escape closes it)."""
        from .screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
        else:
            self.push_screen(HelpScreen(self.screen))

    def action_import_file(self) -> None:
        """The import dialog over any screen; what it stores shows once the screen reads again."""
        from .dialogs.import_file import ImportDialog

        if not self.data_needed():
            return
        screen = self.screen

        def done(stored: bool | None) -> None:
            if stored and isinstance(screen, ScreenHooks):
                screen.reload()

        self.push_screen(ImportDialog(), done)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from .screens.help import screen_commands

        yield from super().get_system_commands(screen)
        yield SystemCommand("Today", "Show today's session and loads", self.action_today)
        for section in SECTIONS:
            yield SystemCommand(section.name, section.description, lambda k=section.key: self.action_open_section(k))
        yield SystemCommand("Help", "Every key of this screen (? or F1)", self.action_help)
        yield SystemCommand("Import", "Import a Strong, Hevy, FitNotes or gymtui export (History: i)",
                            self.action_import_file)
        # The shown screen's own actions, so each can be found by name too.
        yield from screen_commands(screen)
