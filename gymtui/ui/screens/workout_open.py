"""Opening the workout screen's session: today's session read on a worker thread, the
question whether to resume one left half done, a problem said on the screen.

A part of the screen (composed, not inherited); `read` and `read_settings` run on worker
threads and hand back on the UI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from ...services.workout import SessionWorkout, open_freestyle, open_workout
from ...store import StoreError
from ..dialogs.workout import ResumeDialog
from . import workout_text as text

if TYPE_CHECKING:
    from .workout import WorkoutScreen


class SessionOpening:
    def __init__(self, screen: WorkoutScreen) -> None:
        self.screen = screen
        self.asked_resume = False  # asked once per screen: a new session is not asked about

    def reopen(self, message: str = "Loading today's session...") -> None:
        """Read the session again (the next one, once this one is finished)."""
        screen = self.screen
        screen.controller.workout = None
        screen.query_one("#wo-message", Static).update(message)
        screen.state = "loading"
        screen.load()

    def start_freestyle(self) -> None:
        """Open an empty session today and ask for its first exercise."""
        screen = self.screen
        screen.controller.freestyle = True
        if screen.state not in ("loading", "problem") or screen.workout is not None:
            self.reopen("Starting an empty session...")

    def new_session(self) -> None:
        """The next session, once this one is finished."""
        self.asked_resume = True
        self.reopen("Opening the next session...")

    def resumed(self) -> None:
        """Back from another screen: draw the rest and the timer as they are now."""
        screen = self.screen
        if screen.state == "problem":
            # The session could not be opened (a full disk, a damaged file): try again each
            # time the screen is shown, as the cause may be gone, not only after a restart.
            screen.action_retry()
            return
        if screen.state != "log":
            screen.set_focus(None)
        screen.refresh_bindings()
        screen.view.draw_rest()
        if screen.timer is not None:
            screen.tick()
        if screen.workout is not None:
            screen.reload_settings()  # the bell or the lead-in may have changed on the settings screen

    def read(self) -> None:
        """On a worker thread: plan today and open its session."""
        app = self.screen.app
        if self.screen.controller.freestyle:
            self.screen.controller.freestyle = False
            try:
                workout = open_freestyle(app.store, app.library, app.now())
            except StoreError as error:
                app.call_from_thread(app.report_store_error, error)
                app.call_from_thread(self.problem, "Could not start the session. Press enter to try again.")
                return
            except ValueError as error:  # today's session is under way: go on with it
                app.call_from_thread(app.notify, f"{str(error)[0].upper()}{str(error)[1:]}.", title="Freestyle")
            else:
                self.asked_resume = True
                app.call_from_thread(self.opened, workout)
                return
        plan = app.make_plan()
        if plan is None:
            app.call_from_thread(self.problem,
                                 "Could not plan today's session (see the message). Press enter to try again.")
            return
        try:
            workout = open_workout(app.store, app.library, plan, app.now())
        except StoreError as error:
            app.call_from_thread(app.report_store_error, error)
            app.call_from_thread(self.problem, "Could not open today's session. Press enter to try again.")
            return
        except ValueError as error:
            app.call_from_thread(self.problem, str(error))
            return
        app.call_from_thread(self.opened, workout)

    def read_settings(self) -> None:
        """On a worker thread: the settings as saved (the bell or the lead-in may have changed)."""
        app = self.screen.app
        try:
            settings = app.store.settings()
        except StoreError:
            return  # the next write reports it
        app.call_from_thread(self.screen.settings_changed, settings)

    def problem(self, message: str) -> None:
        self.screen.view.problem(message)
        self.screen.state = "problem"

    def opened(self, workout: SessionWorkout) -> None:
        screen = self.screen
        wanted = screen.controller.wanted
        state, moved = screen.controller.opened(workout)
        screen.state = state
        if moved:
            screen.save_position()
        # Enter on a Today row already answers "go on where?": no resume question then.
        if workout.resumed and not self.asked_resume and wanted is None:
            screen.app.clear_notifications()  # the start-up hint says the same
            card = workout.card
            message = (
                f"{workout.session.name}: {text.finished_text(workout)}.\n"
                f"Go on at [b]{card.exercise.name}, {text.slot_label(card, workout.slot)}[/b]."
            )
            summary = f"{workout.session.name}: {text.finished_text(workout)}"
            screen.app.push_screen(ResumeDialog(message, summary), self._resume_answer)
        self.asked_resume = True

    def _resume_answer(self, resume: bool | None) -> None:
        screen = self.screen
        if resume is None:
            screen.app.action_today()  # the session stays as it was, to resume later
        elif resume is False and screen.workout is not None:
            screen.app.rest.skip()
            screen.edits.finish_now(then_reload=True)
