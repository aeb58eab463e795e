"""The workout's big buttons (touch mode): start and stop the set, one tap on an RPE to log
the set as prescribed, +/- for load and reps, the rest's +15 s, +30 s and skip, the next and
the previous exercise. Every target is three rows tall.

The buttons of the screen's own keys run those actions and show when the key does (the
screen's check_action, as the footer). The RPE and +/- buttons fill the set form the log
key opens, so a set logged by touch goes through the same form and the same save as one
typed: nothing is logged any other way.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, cast

from textual.actions import parse as parse_action
from textual.app import ComposeResult
from textual.containers import HorizontalGroup, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input, Static

from ...domain.rpe import rpe_text
from .set_entry import SetEntry
from .touch import TOUCH_CLASS, TouchButton

if TYPE_CHECKING:
    from ..screens.workout import WorkoutScreen

RPE_STEPS = [6 + n / 2 for n in range(9)]  # 6, 6.5 ... 10
LOAD_STEP = {"kg": 2.5, "lb": 5.0}
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def rows_shown(state: str) -> dict[str, bool]:
    """WorkoutTouch's classes in `state`: which of its rows show."""
    return {f"-{name}": state == name for name in ("ready", "timer", "log")}


class WorkoutTouch(Vertical):
    """Shown in touch mode only, above the footer; which rows show follows the screen's state
    (ready, timer, log) through the -ready/-timer/-log classes. Composed by the workout screen
    only, with its `state` bound to the screen's (`data_bind`)."""

    SCOPED_CSS = False  # its rules name the app's -touch class and the screen's width classes
    DEFAULT_CSS = """
    WorkoutTouch {
        display: none;
        height: auto;
        dock: bottom;
    }
    .-touch WorkoutTouch {
        display: block;
    }
    WorkoutTouch > .wt-row {
        display: none;
        height: auto;
    }
    WorkoutTouch.-ready > .wt-ready, WorkoutTouch.-timer > .wt-timer, WorkoutTouch.-log > .wt-log,
    WorkoutTouch.-ready > .wt-rpe, WorkoutTouch.-timer > .wt-rpe, WorkoutTouch.-log > .wt-rpe {
        display: block;
    }
    WorkoutTouch #wt-rpe-caption {
        height: 1;
        color: $text-muted;
    }
    WorkoutTouch #wt-rpe {
        layout: grid;
        grid-size: 9;
        grid-rows: 3;
        height: auto;
    }
    .-narrow WorkoutTouch #wt-rpe {
        grid-size: 5;
    }
    WorkoutTouch #wt-rpe TouchButton {
        margin: 0;
    }
    """

    state: reactive[str] = reactive("")

    def compose(self) -> ComposeResult:
        # Touch mode is chosen before the app starts (as for TouchBar): without it the
        # buttons are never shown, and are not made. Thirty-odd widgets were a third of
        # what the workout screen mounted and styled as it opened.
        if not self.app.has_class(TOUCH_CLASS):
            return
        with HorizontalGroup(classes="wt-row wt-ready"):
            yield TouchButton("Start set", "start_set", variant="primary")
            yield TouchButton("◀ Prev", "exercise(-1)")
            yield TouchButton("Next ▶", "exercise(1)")
        with HorizontalGroup(classes="wt-row wt-ready"):
            yield TouchButton("Rest +15s", "rest_more(15)", repeats=True)
            yield TouchButton("Rest +30s", "rest_more(30)", repeats=True)
            yield TouchButton("Skip rest", "rest_skip")
        with HorizontalGroup(classes="wt-row wt-timer"):
            yield TouchButton("Pause", "pause")
            yield TouchButton("Stop & log", "stop_set", variant="primary")
        with HorizontalGroup(classes="wt-row wt-log"):
            yield TouchButton("Load -", "adjust('load', -1)", on=self, repeats=True)
            yield TouchButton("Load +", "adjust('load', 1)", on=self, repeats=True)
            yield TouchButton("Reps -", "adjust('reps', -1)", on=self, repeats=True)
            yield TouchButton("Reps +", "adjust('reps', 1)", on=self, repeats=True)
        yield Static("Done as shown? Tap its RPE to log it:", id="wt-rpe-caption", classes="wt-row wt-rpe")
        with Vertical(id="wt-rpe", classes="wt-row wt-rpe"):
            for rpe in RPE_STEPS:
                yield TouchButton(f"@{rpe_text(rpe)}", f"rpe({rpe})", on=self, classes="wt-rpe-button")

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._follow)
        self._follow(self.screen)

    def watch_state(self, state: str) -> None:
        """The rows for the state (the workout view has most often set these classes already,
        with its own, and restyled the buttons once: nothing is left to change)."""
        self.update_classes(rows_shown(state))

    def _follow(self, screen: Screen[Any]) -> None:
        """A button of a screen key only while that key acts."""
        for button in self.query(TouchButton):
            if button.target is None:
                _, action, params = parse_action(button.screen_action)
                button.display = screen.check_action(action, params) is not False

    # -- what a tap on the form's buttons does -------------------------------------------------

    def _form(self) -> SetEntry | None:
        """The set form, opened as prescribed when the set is not being logged yet: a tap
        during the timer ends it as done."""
        screen = cast("WorkoutScreen", self.screen)  # the only screen that composes this widget
        if screen.state == "timer":
            started = screen.tempo.started_at
            screen.action_cancel_timer()
            screen.action_log_set()
            screen.tempo.started_at = started  # the set did start then
        elif screen.state == "ready":
            screen.action_log_set()
        return screen.query_one("#wo-log", SetEntry) if screen.state == "log" else None

    def action_rpe(self, rpe: float) -> None:
        """Log the set in the form (as prescribed, unless changed) at this RPE."""
        form = self._form()
        if form is not None:
            form.query_one("#se-rpe", Input).value = rpe_text(rpe)
            form.action_save()

    def action_adjust(self, field: str, direction: int) -> None:
        """One step up or down: the load by the unit's smallest plate pair, the reps by one."""
        form = self._form()
        if form is None:
            return
        box = form.query_one(f"#se-{field}", Input)
        step = LOAD_STEP.get(form.unit, 2.5) if field == "load" else 1.0
        found = NUMBER.search(box.value)
        now = float(found.group().replace(",", ".")) if found else 0.0
        new = max(0.0, now + direction * step)
        text = f"{new:g}"
        box.value = NUMBER.sub(text, box.value, count=1) if found else text
